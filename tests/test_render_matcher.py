"""The "people like me" page: chips for tags professions carry, the tags as JSON, a table for no JavaScript."""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, parse_html, profession, render_tree, texts, values

render = render_tree


def embedded(tree: BeautifulSoup) -> list[dict]:
    """The tags embedded for matcher.js, read from its JSON script element."""
    found = tree.select_one('script#matcher-data[type="application/json"]')
    assert found is not None
    return json.loads(found.get_text())


FILES = {
    "content/professions/physiotherapist.yaml": profession(
        "physiotherapist", title="Physiotherapist", interests=["sport-and-exercise", "science-and-the-body"],
        strengths=["active", "good-with-hands"], values=["improving-lives"]),
    "content/professions/dietitian.yaml": profession(
        "dietitian", title="Dietitian", interests=["food-and-cooking"], strengths=["clear-communicator"],
        values=["compassion"]),
}


def test_chips_only_for_tags_some_profession_has(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["people-like-me/index.md"]
    tree = parse_html(page)
    assert values(tree, "[data-group][data-value]", "aria-pressed") == ["false"] * 8
    chips = list(zip(values(tree, "[data-group][data-value]", "data-group"),
                     values(tree, "[data-group][data-value]", "data-value"),
                     texts(tree, "[data-group][data-value]"), strict=True))
    assert [(g, v) for g, v, _ in chips] == [
        ("interest", "sport-and-exercise"), ("interest", "science-and-the-body"), ("interest", "food-and-cooking"),
        ("strength", "good-with-hands"), ("strength", "clear-communicator"), ("strength", "active"),
        ("value", "compassion"), ("value", "improving-lives")]
    assert ("interest", "food-and-cooking", "food and cooking") in chips
    assert '<div id="matcher" hidden>' in page
    assert '<script src="../assets/matcher.js" defer></script>' in page


def test_tags_are_embedded_as_json_with_links(make_catalogue) -> None:
    data = embedded(parse_html(render(make_catalogue(FILES))["people-like-me/index.md"]))
    assert [row["t"] for row in data] == ["Dietitian", "Physiotherapist", "Podiatrist"]
    assert data[1] == {"t": "Physiotherapist", "u": "../professions/physiotherapist/",
                       "interest": ["sport-and-exercise", "science-and-the-body"],
                       "strength": ["active", "good-with-hands"], "value": ["improving-lives"]}


def test_json_cannot_close_the_script_element(make_catalogue) -> None:
    files = {"content/professions/podiatrist.yaml": profession(title="Pod</script><b>x & y")}
    page = render(make_catalogue(files))["people-like-me/index.md"]
    assert "</script><b>" not in page
    assert embedded(parse_html(page))[0]["t"] == "Pod</script><b>x & y"


def test_table_of_professions_by_interest_without_javascript(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["people-like-me/index.md"]
    rows = parse_html(page).select('tr:has(> th[scope="row"])')
    assert [[cell.name for cell in row.find_all(recursive=False)] for row in rows] == [["th", "td"]] * 3
    assert [row.th.get_text() for row in rows] == [
        "Sport and exercise", "Science and how the body works", "Food and cooking"]
    first = rows[0].td
    assert [link.name for link in first.find_all(recursive=False)] == ["a", "a"]
    assert [(link["href"], link.get_text()) for link in first.find_all(recursive=False)] == [
        ("../professions/physiotherapist/", "Physiotherapist"), ("../professions/podiatrist/", "Podiatrist")]
    assert first.get_text() == "Physiotherapist, Podiatrist"


def test_page_is_in_the_navigation() -> None:
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]
    assert {"People like me": "people-like-me/index.md"} in nav


def test_answer_bar_and_result_lists_are_in_the_page(make_catalogue) -> None:
    """matcher.js fills these; the bar (count and best three) sticks to the bottom of the screen."""
    page = render(make_catalogue(FILES))["people-like-me/index.md"]
    placed = parse_html(page).select("#matcher-bar, #matcher-status, #matches")  # in page order
    assert [(element.name, element.get("id")) for element in placed] == [
        ("div", "matcher-bar"), ("p", "matcher-status"), ("h2", "matches")]
    assert placed[0].get("class") == ["ahp-matcher-bar"]
    assert placed[1].get("role") == "status" and placed[1].get("aria-live") == "polite"
    assert '<a class="ahp-button" id="matcher-best" href="#matches" hidden>See why</a>' in page
    assert '<ol class="ahp-cards" id="matcher-results"></ol>' in page
    assert '<div id="matcher-more" hidden>' in page and '<ul id="matcher-more-list"></ul>' in page
