"""Profession pages: every section, related entries capped, sources shown."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import TODAY, full_profession, parse_html, profession, render_tree, resource, texts, values
from test_content import PROFESSION_IDS

from generator.catalogue import Catalogue, build_catalogue
from generator.load import load_catalogue_files
from generator.render.base import RELATED_LIMIT
from generator.render.professions import PAGES_FOR_PROFESSIONS_NOTE, related_professions
from generator.validate import validate_catalogue

render = render_tree


def load_catalogue(root: Any) -> Catalogue:
    return build_catalogue(validate_catalogue(load_catalogue_files(root), TODAY))


def test_profession_page_sections(make_catalogue) -> None:
    tree = render(make_catalogue({"content/professions/podiatrist.yaml": profession(flags=["small-and-vital"])}))
    page = tree["professions/podiatrist.md"]
    assert page.startswith('---\ntitle: "Podiatrist"\n')
    for text in ("What they do", "Where they work", "Who they work with", "A day in the role",
                 "Illustrative example", "How to become one", "Health and Care Professions Council (HCPC)",
                 "Small and vital profession", "sport and exercise", "Sources",
                 "Quick Guide to Allied Health Professions Careers Awareness", "AHPs Day", "14 October 2027",
                 'href="../../resources/ahp-vr360/"'):
        assert text in page, text


def test_related_lists_are_capped(make_catalogue) -> None:
    many = [resource(), *(resource(f"resource-{n:02d}", title=f"Resource {n:02d}") for n in range(RELATED_LIMIT + 4))]
    tree = render(make_catalogue({"resources.yaml": many}))
    page = tree["professions/podiatrist.md"]
    assert page.count('class="ahp-card"') == RELATED_LIMIT + 1 + 1 + 1  # resources capped, plus story, module, talk
    assert f"See all {RELATED_LIMIT + 5} resources" in page
    assert "?kind=resource&amp;profession=podiatrist" in page


# --- How do I get in? (issue 17) --------------------------------------------------------------------------------

def test_getting_in_fields_render_on_page_and_handout(make_catalogue) -> None:
    tree = render(make_catalogue({"content/professions/podiatrist.yaml": full_profession()}))
    page, handout = tree["professions/podiatrist.md"], tree["professions/podiatrist/handout.md"]
    for text in ("What you usually need", "Usually two or three A levels, including biology.",
                 'href="https://www.example.org/podiatry-entry" rel="noopener">www.example.org</a>',
                 "Without A levels:", "Start as a podiatry support worker",
                 "Agenda for Change band 5 when you qualify, band 6 with experience", "NHS pay award for 2025/26",
                 'href="https://www.example.org/pay-scales"', "To be checked by 1 April 2027",
                 "Money while you train", "NHS Learning Support Fund", "Areas of care:</span> Older people"):
        assert text in page, text
    steps = parse_html(page).select_one("ul.ahp-next-steps")
    assert steps is not None
    assert values(steps, "[href]", "href") == [
        "https://www.ucas.com/", "https://www.gov.uk/apply-apprenticeship", "https://www.jobs.nhs.uk/"]
    assert "Find a course (UCAS)" in texts(steps, "a")
    for text in ("University degree, usually:", "Usually two or three A levels", "Without A levels:",
                 "band 5 when you qualify", "Money while you train:", "ucas.com · gov.uk/apply-apprenticeship"):
        assert text in handout, text


def test_a_profession_without_an_nhs_band_says_why(make_catalogue) -> None:
    pay = {"note": "Most work for themselves", "scale_year": "2025/26", "scale_source": "https://www.example.org/p",
           "sources": ["https://www.example.org/survey"], "review_by": "2027-04-01"}
    page = render(make_catalogue({"content/professions/podiatrist.yaml": full_profession(pay=pay)}))[
        "professions/podiatrist.md"]
    assert "In the NHS: Most work for themselves." in page and "band None" not in page


def test_you_might_also_like_comes_from_shared_interests_and_care_areas(make_catalogue) -> None:
    files = {
        "content/professions/podiatrist.yaml": full_profession(interests=["sport-and-exercise", "older-people"]),
        "content/professions/physiotherapist.yaml": full_profession(
            "physiotherapist", title="Physiotherapist", interests=["sport-and-exercise", "older-people"]),
        "content/professions/dietitian.yaml": full_profession("dietitian", title="Dietitian",
                                                              interests=["food-and-cooking"]),
        "content/professions/orthoptist.yaml": profession("orthoptist", title="Orthoptist",
                                                          interests=["eyes-and-vision"]),
    }
    page = render(make_catalogue(files))["professions/podiatrist.md"]
    also = parse_html(page).select_one("ul.ahp-also-like")
    assert also is not None
    assert values(also, "[href]", "href") == [  # 3 shared, then 1
        "../../professions/physiotherapist/", "../../professions/dietitian/"]


def test_related_professions_ranks_by_shared_tags_and_never_lists_itself(make_catalogue) -> None:
    catalogue = load_catalogue(make_catalogue({
        "content/professions/paramedic.yaml": profession("paramedic", title="Paramedic", interests=["music"]),
        "content/professions/dietitian.yaml": profession("dietitian", title="Dietitian",
                                                         interests=["sport-and-exercise"]),
    }))
    podiatrist = catalogue.profession("podiatrist")
    assert [p.id for p in related_professions(podiatrist, catalogue.professions)] == ["dietitian"]


def test_professions_index_explains_15_pages_for_14_professions(make_catalogue) -> None:
    page = render(make_catalogue())["professions/index.md"]
    assert PAGES_FOR_PROFESSIONS_NOTE in page
    assert "15 profession pages for the 14 allied health professions" in PAGES_FOR_PROFESSIONS_NOTE


@pytest.mark.parametrize("pid", sorted(PROFESSION_IDS))
def test_every_shipped_profession_answers_how_do_i_get_in(shipped_tree: Any, pid: str) -> None:
    page, handout = shipped_tree[f"professions/{pid}.md"], shipped_tree[f"professions/{pid}/handout.md"]
    assert page.count("What you usually need") >= 2, "entry requirements on at least two routes"
    assert "Return to practice" in page
    html = parse_html(page)
    pay = texts(html, "h2#pay + p")
    assert pay and re.match(r"In the NHS: (Agenda for Change band \d|Most osteopaths work for themselves)", pay[0])
    assert "NHS pay award for 2025/26" in page and "To be checked by" in page
    assert 'id="funding"' in page
    steps = html.select_one("ul.ahp-next-steps")
    assert steps is not None and len(steps.select('a[href^="https://"]')) >= 3
    assert 'id="also-like"' in page
    for text in ("usually:", "Pay:", "Money while you train:", "Next steps:", "ucas.com", "You might also like:"):
        assert text in handout, text
