"""Handouts: one per profession at /professions/<id>/handout/, short enough for one A4 page, with an inline SVG QR
code for the profession page's canonical address (decoding it is tested in test_print.py)."""

from __future__ import annotations

import re

from conftest import full_profession, parse_html, profession, render_tree

from generator.render.handouts import WHAT_THEY_DO_LIMIT, handout_path, short_text

render = render_tree


LONG = " ".join(f"Sentence number {n} about feet." for n in range(40)) + "\n\nA second paragraph."
PODIATRIST = full_profession(
    what_they_do=LONG, interests=["sport-and-exercise", "science-and-the-body"],
    entry_routes=[{"route": "degree", "summary": "A degree.", "entry_requirements": "Two A levels. " * 40,
                   "sources": ["https://www.example.org/entry"]},
                  {"route": "degree-apprenticeship", "summary": "Paid."},
                  {"route": "degree", "summary": "Or part time."}])


def test_one_handout_per_profession(make_catalogue) -> None:
    tree = render(make_catalogue({"content/professions/paramedic.yaml": profession("paramedic")}))
    handouts = sorted(path for path in tree if path.endswith("/handout.md"))
    assert handouts == ["professions/paramedic/handout.md", "professions/podiatrist/handout.md"]
    assert handout_path("podiatrist") == "professions/podiatrist/handout.md"


def test_handout_content(make_catalogue) -> None:
    page = render(make_catalogue({"content/professions/podiatrist.yaml": PODIATRIST}))[
        "professions/podiatrist/handout.md"]
    assert page.startswith('---\ntitle: "Podiatrist: handout"\n')
    for text in ("<span>Podiatrist</span></h1>", "They help people keep their feet healthy", "What they do",
                 "How to get in", "University degree, Degree apprenticeship.",
                 "University degree, usually:", "Without A levels:", "Start as a podiatry support worker",
                 "Agenda for Change band 5 when you qualify, band 6 with experience", "NHS pay 2025/26",
                 "Money while you train:", "NHS Learning Support Fund",
                 "Next steps:</span> ucas.com · gov.uk/apply-apprenticeship · jobs.nhs.uk",
                 "Health and Care Professions Council (HCPC)", "sport and exercise, science and how the body works",
                 "Quick Guide to Allied Health Professions Careers Awareness",
                 'href="../../../professions/podiatrist/"',
                 '<span class="ahp-qr__url">https://example.org/professions/podiatrist/</span>'):
        assert text in page, text
    assert "A second paragraph" not in page and "Sentence number 39" not in page
    assert page.count("Two A levels.") < 40  # the requirements are cut to whole sentences for one A4 page
    assert page.count("University degree") == 2  # the route list names it once, the requirements once


def test_qr_code_is_inline_svg_and_asks_no_server(make_catalogue) -> None:
    page = render(make_catalogue())["professions/podiatrist/handout.md"]
    tree = parse_html(page)
    svg = tree.select_one("svg:not(.ahp-pictogram)")
    assert svg is not None, "no inline SVG"
    assert svg.get("role") == "img" and str(svg.get("aria-label", "")).startswith("QR code")
    assert str(svg.get("viewbox", "")).startswith("0 0 ")  # the HTML parser gives attribute names in lower case
    assert tree.select("img, object, iframe") == []
    elements = tree.find_all(True)
    assert not [element.name for element in elements if "xlink:href" in element.attrs]
    front_matter = page.split("\n---\n", 1)[0]
    strings = [front_matter, *(str(text) for text in tree.find_all(string=True)),
               *(" ".join(value) if isinstance(value, list) else str(value)
                 for element in elements for value in element.attrs.values())]
    assert not [string for string in strings if re.search(r"https?://(?!example\.org)", string)]  # no server asked


def test_without_site_url_no_qr_code(make_catalogue) -> None:
    page = render(make_catalogue(), site_url="")["professions/podiatrist/handout.md"]
    assert 'aria-label="QR code' not in page  # the profession's pictogram is the only picture
    assert '<span class="ahp-qr__url">/professions/podiatrist/</span>' in page  # the page's path, to type in


def test_profession_page_links_to_its_handout(make_catalogue) -> None:
    page = render(make_catalogue())["professions/podiatrist.md"]
    assert '<a href="../../professions/podiatrist/handout/">Print a one-page handout</a>' in page
    assert page.index("Print a one-page handout") < page.index('<h2 id="what-they-do">')


def test_short_text_keeps_whole_sentences() -> None:
    assert short_text("One. Two.\n\nThree.") == "One. Two."
    cut = short_text(LONG)
    assert len(cut) <= WHAT_THEY_DO_LIMIT and cut.endswith("about feet.")
    assert short_text("x" * 500 + ". Next.") == "x" * 500 + "."  # one sentence is always kept
