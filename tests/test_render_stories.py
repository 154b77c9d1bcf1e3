"""Stories: the index with filter values and labels, story pages that say what they are, name their source and
link back to their professions, and profession pages that still list their stories."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from conftest import parse_html, profession, render_tree, story, values

render = render_tree


FILES = {
    "content/professions/paramedic.yaml": profession("paramedic"),
    "content/stories/sport-to-podiatry.yaml": story(organisation="An NHS region"),
    "content/stories/coming-back.yaml": story(
        "coming-back", title="Coming back to paramedic work", kind="first-person", professions=["paramedic"],
        route="return", career_stage="experienced", audiences=["returner"], body="I came back after five years.",
        consent={"given": True, "naming": "first-name", "recorded_on": "2026-05-01"},
        sources=["https://www.example.org/stories/coming-back"]),
    "content/stories/invented-day.yaml": story(
        "invented-day", title="An invented first year", kind="first-person", illustrative=True,
        professions=["all"], route="degree", career_stage="student", audiences=["first-time"]),
}


def card_of(tree: BeautifulSoup, title: str) -> Tag:
    """The first story card whose text contains `title`."""
    return next(card for card in tree.select("li.ahp-card") if title in card.get_text())


def card_data(card: Tag) -> tuple[str | None, ...]:
    """What a card tells the filters: its profession, audience and route."""
    return card.get("data-profession"), card.get("data-audience"), card.get("data-route")


def source_of(card: Tag) -> str:
    """The text of the card's line whose label, a <span>, is "Source:"."""
    labels = [span for span in card.select("span") if span.get_text() == "Source:"]
    assert len(labels) == 1 and labels[0].parent is not None, labels
    return " ".join(labels[0].parent.get_text(" ", strip=True).split())


def test_index_cards_are_labelled_and_filterable(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["stories/index.md"]
    tree = parse_html(page)
    case = card_of(tree, "From sport to podiatry")
    assert card_data(case) == ("podiatrist", "career-changer", "career-change")
    assert "Case study" in case.get_text() and source_of(case).startswith("Source: An NHS region")
    personal = card_of(tree, "Coming back")
    assert card_data(personal) == ("paramedic", "returner", "return")
    assert "Personal story" in personal.get_text() and source_of(personal).startswith("Source: www.example.org")
    invented = card_of(tree, "An invented first year")
    assert invented.get("data-profession") == "all" and "Illustrative example" in invented.get_text()
    assert source_of(invented).startswith("Source: Quick Guide to Allied Health Professions Careers Awareness")
    assert "3 stories" in page


def test_index_filters_offer_only_routes_in_use(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["stories/index.md"]
    form = parse_html(page).select_one("form")
    assert form is not None and form.get("data-filters") == "story-cards"
    routes = values(form, '[name="route"]', "value")
    assert routes == ["degree", "career-change", "return"]
    assert values(form, '[name="audience"]', "value") == ["first-time", "career-changer", "returner"]
    assert values(form, '[name="profession"]', "value") == ["paramedic", "podiatrist"]
    assert 'src="../assets/filters.js"' in page


def test_story_page_says_what_it_is_and_links_back(make_catalogue) -> None:
    tree = render(make_catalogue(FILES))
    case = tree["stories/sport-to-podiatry.md"]
    assert '<p class="ahp-story__label">Case study</p>' in case
    assert "<span class=\"ahp-label\">Source:</span> An NHS region." in case
    assert 'href="../../professions/podiatrist/"' in case
    assert "Changing career" in case
    personal = tree["stories/coming-back.md"]
    assert "Personal story" in personal and "first name only" in personal
    assert 'href="../../professions/paramedic/"' in personal and "Returning to practice" in personal
    assert "Experienced" in personal
    invented = tree["stories/invented-day.md"]
    assert "Illustrative example" in invented and "not about a real person" in invented
    assert "All the allied health professions" in invented


def test_profession_pages_still_list_their_stories(make_catalogue) -> None:
    tree = render(make_catalogue(FILES))
    assert "From sport to podiatry" in tree["professions/podiatrist.md"]
    assert "Coming back to paramedic work" in tree["professions/paramedic.md"]
    assert "An invented first year" in tree["professions/paramedic.md"]  # written for all professions


def test_no_stories(make_catalogue) -> None:
    root = make_catalogue()
    (root / "content/stories/sport-to-podiatry.yaml").unlink()
    page = render(root)["stories/index.md"]
    assert "No stories yet." in page and "<form" not in page
