"""The "people like me" page: chips for tags professions carry, the tags as JSON, a table for no JavaScript."""

from __future__ import annotations

import json
import re

import yaml
from conftest import REPO, profession, render_tree

render = render_tree


def embedded(page: str) -> list[dict]:
    found = re.search(r'<script type="application/json" id="matcher-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


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
    chips = re.findall(r'data-group="([a-z]+)" data-value="([a-z-]+)" aria-pressed="false">([^<]+)<', page)
    assert [(g, v) for g, v, _ in chips] == [
        ("interest", "sport-and-exercise"), ("interest", "science-and-the-body"), ("interest", "food-and-cooking"),
        ("strength", "good-with-hands"), ("strength", "clear-communicator"), ("strength", "active"),
        ("value", "compassion"), ("value", "improving-lives")]
    assert ("interest", "food-and-cooking", "food and cooking") in chips
    assert '<div id="matcher" hidden>' in page
    assert '<script src="../assets/matcher.js" defer></script>' in page


def test_tags_are_embedded_as_json_with_links(make_catalogue) -> None:
    data = embedded(render(make_catalogue(FILES))["people-like-me/index.md"])
    assert [row["t"] for row in data] == ["Dietitian", "Physiotherapist", "Podiatrist"]
    assert data[1] == {"t": "Physiotherapist", "u": "../professions/physiotherapist/",
                       "interest": ["sport-and-exercise", "science-and-the-body"],
                       "strength": ["active", "good-with-hands"], "value": ["improving-lives"]}


def test_json_cannot_close_the_script_element(make_catalogue) -> None:
    files = {"content/professions/podiatrist.yaml": profession(title="Pod</script><b>x & y")}
    page = render(make_catalogue(files))["people-like-me/index.md"]
    assert "</script><b>" not in page
    assert embedded(page)[0]["t"] == "Pod</script><b>x & y"


def test_table_of_professions_by_interest_without_javascript(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["people-like-me/index.md"]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(.*?)</td></tr>', page)
    assert [label for label, _ in rows] == ["Sport and exercise", "Science and how the body works", "Food and cooking"]
    assert rows[0][1] == ('<a href="../professions/physiotherapist/">Physiotherapist</a>, '
                          '<a href="../professions/podiatrist/">Podiatrist</a>')


def test_page_is_in_the_navigation() -> None:
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]
    assert {"People like me": "people-like-me/index.md"} in nav


def test_answer_bar_and_result_lists_are_in_the_page(make_catalogue) -> None:
    """matcher.js fills these; the bar (count and best three) sticks to the bottom of the screen."""
    page = render(make_catalogue(FILES))["people-like-me/index.md"]
    bar = page.index('<div class="ahp-matcher-bar" id="matcher-bar">')
    assert bar < page.index('<p id="matcher-status" role="status" aria-live="polite">') < page.index('id="matches"')
    assert '<a class="ahp-button" id="matcher-best" href="#matches" hidden>See why</a>' in page
    assert '<ol class="ahp-cards" id="matcher-results"></ol>' in page
    assert '<div id="matcher-more" hidden>' in page and '<ul id="matcher-more-list"></ul>' in page
