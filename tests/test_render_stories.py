"""Stories: the index with filter values and labels, story pages that say what they are, name their source and
link back to their professions, and profession pages that still list their stories."""

from __future__ import annotations

import re

from conftest import profession, render_tree, story

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


def card_of(page: str, title: str) -> str:
    cards = re.findall(r'<li class="ahp-card".*?</li>', page, re.S)
    return next(card for card in cards if title in card)


def test_index_cards_are_labelled_and_filterable(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["stories/index.md"]
    case = card_of(page, "From sport to podiatry")
    assert 'data-profession="podiatrist" data-audience="career-changer" data-route="career-change"' in case
    assert "Case study" in case and "Source:</span> An NHS region" in case
    personal = card_of(page, "Coming back")
    assert 'data-profession="paramedic" data-audience="returner" data-route="return"' in personal
    assert "Personal story" in personal and "Source:</span> www.example.org" in personal
    invented = card_of(page, "An invented first year")
    assert 'data-profession="all"' in invented and "Illustrative example" in invented
    assert "Source:</span> Quick Guide to Allied Health Professions Careers Awareness" in invented
    assert "3 stories" in page


def test_index_filters_offer_only_routes_in_use(make_catalogue) -> None:
    page = render(make_catalogue(FILES))["stories/index.md"]
    form = page.split("<form", 1)[1].split("</form>", 1)[0]
    assert 'data-filters="story-cards"' in form
    routes = re.findall(r'name="route" value="([^"]*)"', form)
    assert routes == ["degree", "career-change", "return"]
    assert re.findall(r'name="audience" value="([^"]*)"', form) == ["first-time", "career-changer", "returner"]
    assert re.findall(r'name="profession" value="([^"]*)"', form) == ["paramedic", "podiatrist"]
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
