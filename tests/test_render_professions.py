"""Profession pages: every section, related entries capped, sources shown."""

from __future__ import annotations

from conftest import profession, render_tree, resource

from generator.render.base import RELATED_LIMIT

render = render_tree


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
