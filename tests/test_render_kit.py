"""The talk kit: card sheets, the quiz and a slide deck per talk pack, generated from the catalogue.

Every .pptx opens with python-pptx, has at least four slides with speaker notes, names the pack's professions,
has the plan's notes in its speaker notes and ends with the site's address and a QR code (or the path and no QR
code when the site's address is unknown); two builds give the same bytes. Every material a shipped pack names is
a page or file of the docs tree.
"""

from __future__ import annotations

import io
import string
import zipfile
from typing import Any

import pytest
from conftest import REPO, TODAY, axe_at_each_width, parse_html, profession, render_tree, talk
from pptx import Presentation

from generator.catalogue import build_catalogue
from generator.load import load_catalogue_files
from generator.model import INTEREST_LABELS, STRENGTH_LABELS, VALUE_LABELS, Profession
from generator.render.base import page_url
from generator.render.kit import (
    CARDS_PER_SHEET,
    DECK_TIMESTAMP,
    clue,
    deck_path,
    make_deck,
    material_link,
    plain_text,
    sheets,
)
from generator.validate import validate_catalogue

PACK = talk("pack", title="Feet and eyes", professions=["podiatrist", "orthoptist"], presenter="either",
            plan=[{"minutes": 5, "step": "Hello", "notes": "Read the [podiatry page](../../professions/podiatrist/)."},
                  {"minutes": 10, "step": "Your story", "story": True}],
            materials=["slides", "picture-cards", "quiz", "handout:orthoptist", "resource:ahp-vr360"])


def small_files() -> dict[str, Any]:
    return {"content/professions/orthoptist.yaml": profession(
                "orthoptist", summary="Orthoptists check and treat problems with how our eyes move."),
            "content/talks/pack.yaml": PACK}


def slides_text(deck: Any) -> list[str]:
    return ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
            for slide in deck.slides]


def notes(deck: Any) -> list[str]:
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "" for slide in deck.slides]


def pictures(slide: Any) -> int:
    return sum(1 for shape in slide.shapes if shape.shape_type == 13)  # MSO_SHAPE_TYPE.PICTURE


def test_small_pack_deck(make_catalogue) -> None:
    tree = render_tree(make_catalogue(small_files()))
    data = tree[deck_path("pack")]
    deck = Presentation(io.BytesIO(data))
    texts, spoken = slides_text(deck), notes(deck)
    print(f"\ndeck: {len(deck.slides)} slides, {len(data)} bytes")
    # title, two steps, the activity, two professions, closing
    assert len(deck.slides) == 7
    assert all(text.strip() for text in spoken), spoken
    assert "Feet and eyes" in texts[0]
    assert "Hello" in texts[1] and "podiatry page (https://example.org/professions/podiatrist/)" in spoken[1]
    assert "Optional when a teacher presents" in texts[2]
    assert texts[4].startswith("Podiatrist") and texts[5].startswith("Orthoptist")
    assert "https://example.org/" in texts[-1] and pictures(deck.slides[-1]) == 1
    assert deck.core_properties.modified == DECK_TIMESTAMP and deck.core_properties.title == "Feet and eyes"


def test_deck_without_a_site_address_shows_the_path_and_no_qr_code(make_catalogue) -> None:
    tree = render_tree(make_catalogue(small_files()), site_url="")
    deck = Presentation(io.BytesIO(tree[deck_path("pack")]))
    closing = slides_text(deck)[-1]
    assert "/" in closing and "https://" not in closing
    assert pictures(deck.slides[-1]) == 0


def test_decks_are_byte_identical_across_builds(make_catalogue) -> None:
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(make_catalogue(small_files())), TODAY))
    pack = catalogue.by_id[("talk", "pack")]
    professions = [catalogue.by_id[("profession", pid)] for pid in pack.professions]
    first, second = (make_deck(pack, professions, "https://example.org/") for _ in range(2))
    assert first == second
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_every_shipped_deck_opens_has_notes_and_names_its_professions(shipped_tree: Any) -> None:
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(REPO), TODAY))
    counts = {}
    for pack in catalogue.talks:
        deck = Presentation(io.BytesIO(shipped_tree[deck_path(pack.id)]))
        text = "\n".join(slides_text(deck) + notes(deck))
        counts[pack.id] = len(deck.slides)
        assert len(deck.slides) >= 4, pack.id
        assert all(note.strip() for note in notes(deck)), pack.id
        names = ([item.title for item in catalogue.professions] if "all" in pack.professions else
                 [catalogue.by_id[("profession", pid)].title for pid in pack.professions])
        assert [name for name in names if name not in text] == [], pack.id
        for step in pack.plan:
            assert step.step in text
    print(f"\nslides per shipped deck: {counts}")


def test_every_material_a_shipped_pack_names_is_in_the_docs_tree(shipped_tree: Any) -> None:
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(REPO), TODAY))
    checked = 0
    for pack in catalogue.talks:
        for material in pack.materials:
            link = material_link(material, pack, catalogue)
            assert (link["file"] or link["page"]) in shipped_tree, (pack.id, material)
            checked += 1
    assert checked >= len(catalogue.talks)


def test_card_sheets_hold_eight_cards_and_say_how_many_pages(shipped_tree: Any) -> None:
    assert [len(sheet) for sheet in sheets(list(range(17)))] == [CARDS_PER_SHEET, CARDS_PER_SHEET, 1]
    for page, labels in (("kit/interest-cards.md", INTEREST_LABELS), ("kit/strength-cards.md", STRENGTH_LABELS),
                         ("kit/value-cards.md", VALUE_LABELS)):
        html = shipped_tree[page]
        expected = -(-len(labels) // CARDS_PER_SHEET)
        assert f"Prints on <strong data-sheet-count>{expected} A4 " in html
        assert html.count('class="ahp-kit-sheet"') == expected
        assert html.count('<li class="ahp-kit-card') == len(labels)
    html = shipped_tree["kit/picture-cards.md"]
    assert html.count('<svg class="ahp-pictogram"') == 15  # one pictogram per profession card
    assert html.count("<svg") == 30  # and one QR code each
    assert "https://example.org/professions/podiatrist/" in html


def test_picture_cards_without_a_site_address_print_the_path(make_catalogue) -> None:
    html = render_tree(make_catalogue(small_files()), site_url="")["kit/picture-cards.md"]
    assert html.count("<svg") == html.count("<svg class=\"ahp-pictogram\"")  # pictograms, but no QR code
    assert "/professions/podiatrist/" in html and "built without one" in html


def test_quiz_clues_do_not_give_the_answer_away(shipped_tree: Any) -> None:
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(REPO), TODAY))
    for item in catalogue.professions:
        text = clue(item).lower()
        assert item.title.lower().split()[-1] not in text, text
    made_up = Profession.model_validate(profession("music-therapist", title="Music therapist",
                                                   summary="Music therapists use music to help people."))
    assert clue(made_up) == "They use music to help people."
    html = shipped_tree["kit/quiz.md"]
    letters = [str(strong.string) for strong in parse_html(html).select("li > strong:first-child")
               if not strong.parent.attrs and strong.previous_sibling is None  # "<li><strong>A</strong>: a clue"
               and strong.string in list(string.ascii_uppercase) and str(strong.next_sibling).startswith(": ")]
    assert sorted(letters) == [chr(ord("A") + index) for index in range(15)]


def test_material_links_and_plain_notes() -> None:
    assert plain_text("See **the** [page](../../professions/) and [HC](https://hc.example.org/x).", "") == (
        "See the page (/professions/) and HC (https://hc.example.org/x).")
    assert page_url("kit/quiz.md") == "kit/quiz/"


KIT_PATHS = ("teach/", "kit/picture-cards/", "kit/interest-cards/", "kit/quiz/", "ambassadors/year-9-options-talk/")
"""The kit and what a teacher opens from it. The first module and the calendar it links to are axe-checked with
every page type in test_accessibility."""


@pytest.mark.browser
def test_axe_finds_nothing_on_the_kit_pages(phone_tab: Any, site_url: str) -> None:
    found = {}
    for path in KIT_PATHS:
        phone_tab.goto(site_url + path, wait_until="load")
        found[path] = axe_at_each_width(phone_tab)
    assert {path: violations for path, violations in found.items() if violations} == {}
