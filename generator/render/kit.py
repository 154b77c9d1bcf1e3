"""The talk kit: every material a talk pack names, generated from the catalogue and printable on A4.

Why: a pack that asks for "picture cards" or "slides" the presenter cannot find is a pack nobody delivers. So the
cards (professions, interests, strengths, values), the quiz and a slide deck per pack are made here from the same
catalogue the pages show, and a pack's `materials` can only name what this module provides (rules.py checks it).
Card sheets and the quiz are pages with print styles (a fixed number of A4 sheets, said on the page); decks are
.pptx files written with python-pptx, with fixed dates and zip times so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

import segno
from pptx import Presentation
from pptx.util import Inches, Pt

from generator import model
from generator.catalogue import Catalogue
from generator.model import ALL_PROFESSIONS, Profession, Talk
from generator.render.base import Renderer, page_path, page_url
from generator.render.handouts import handout_path, qr_svg

CARDS_PER_SHEET = 8
"""Cards on one A4 sheet: two columns of four, each about 95 by 62 mm, with cut lines between them."""
KIT_FOLDER = "kit"
DECK_TIMESTAMP = dt.datetime(2024, 1, 1)
"""Created/modified date written into every deck, so a deck's bytes depend only on the catalogue."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

VOCABULARY_CARDS: dict[str, tuple[str, str, dict[str, str]]] = {
    "interest-cards": ("Interest cards", "I like", model.INTEREST_LABELS),
    "strength-cards": ("Strength cards", "I am good at", model.STRENGTH_LABELS),
    "value-cards": ("Value cards", "I care about", model.VALUE_LABELS),
}
"""Card set -> (title, the words each card starts with, the model's vocabulary it prints)."""


def material_page(material: str) -> str:
    """Source path of a generated material's page (picture-cards, interest-cards, ..., quiz)."""
    return f"{KIT_FOLDER}/{material}.md"


def deck_path(talk_id: str) -> str:
    """Path of a talk pack's slide deck in the docs tree."""
    return f"{KIT_FOLDER}/slides/{talk_id}.pptx"


def material_link(material: str, talk: Talk, catalogue: Catalogue) -> dict[str, Any]:
    """What a pack's material is and where it lives: a page (`page`, a source path) or a file (`file`)."""
    prefix, _, target = material.partition(":")
    if material == "slides":
        return {"label": model.TALK_MATERIALS[material], "file": deck_path(talk.id), "page": ""}
    if material in model.TALK_MATERIALS:
        return {"label": model.TALK_MATERIALS[material], "page": material_page(material), "file": ""}
    if prefix == "handout":
        title = catalogue.by_id[("profession", target)].title
        return {"label": f"Handout: {title}", "page": handout_path(target), "file": ""}
    resource = catalogue.by_id[("resource", target)]
    return {"label": f"Resource: {resource.title}", "page": page_path("resource", target), "file": ""}


def featured_professions(talk: Talk, catalogue: Catalogue) -> list[Profession]:
    """The professions a pack is about: every profession for [all]."""
    if ALL_PROFESSIONS in talk.professions:
        return list(catalogue.professions)
    return [catalogue.by_id[("profession", pid)] for pid in talk.professions if ("profession", pid) in
            catalogue.by_id]


def sheets(cards: Sequence[Any], per_sheet: int = CARDS_PER_SHEET) -> list[list[Any]]:
    """Cards cut into A4 sheets; every sheet but the last is full."""
    return [list(cards[start:start + per_sheet]) for start in range(0, len(cards), per_sheet)]


def profession_address(renderer: Renderer, profession_id: str) -> str:
    """The profession page's absolute address when the site's address is known, otherwise its path."""
    path = page_url(page_path("profession", profession_id))
    return renderer.options.site_url + path if renderer.options.site_url else "/" + path


def picture_cards(renderer: Renderer) -> list[dict[str, Any]]:
    cards = []
    for profession in renderer.catalogue.professions:
        address = profession_address(renderer, profession.id)
        cards.append({"title": profession.title, "line": profession.summary, "address": address,
                      "qr": qr_svg(address) if renderer.options.site_url else None, "id": profession.id})
    return cards


# --- Quiz -----------------------------------------------------------------------------------------------------

def _stem(word: str) -> str:
    word = re.sub(r"[^a-z]", "", word.lower())
    return word[:-1] if word.endswith("s") else word


def clue(profession: Profession) -> str:
    """The profession's one-line summary with its own name replaced by 'they', so the answer is not given away."""
    title_words = {_stem(word) for word in profession.title.split()}
    words = profession.summary.split()
    lead = 0
    while lead < len(words) and _stem(words[lead]) in title_words:
        lead += 1
    rest = [("they" if re.sub(r"[^a-z]", "", word.lower()).endswith("s") and len(_stem(word)) > 4
             and _stem(word) in title_words else word) for word in words[lead:]]
    return " ".join(["They", *rest]) if lead else " ".join(rest)


def quiz_view(catalogue: Catalogue) -> dict[str, Any]:
    """Match the profession to what it does: clues numbered in catalogue order, professions lettered in a fixed
    shuffled order (by a hash of the id, so the same catalogue gives the same quiz)."""
    professions = list(catalogue.professions)
    lettered = sorted(professions, key=lambda item: hashlib.sha256(item.id.encode()).hexdigest())
    letters = {profession.id: chr(ord("A") + index) for index, profession in enumerate(lettered)}
    clues = [{"number": index + 1, "text": clue(profession), "answer": letters[profession.id],
              "title": profession.title} for index, profession in enumerate(professions)]
    return {"clues": clues, "options": [(letters[item.id], item.title) for item in lettered]}


# --- Slide decks ------------------------------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def plain_text(markdown_text: str | None, site_url: str = "") -> str:
    """Markdown as plain text for speaker notes: links become 'words (address)', emphasis marks go."""
    if not markdown_text:
        return ""

    def link(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith("https://"):
            return f"{match.group(1)} ({target})"
        path = "/" + re.sub(r"^(\.\./)+", "", target)
        return f"{match.group(1)} ({site_url.rstrip('/') + path if site_url else path})"

    text = _LINK.sub(link, markdown_text)
    return re.sub(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", text).strip()


@functools.lru_cache(maxsize=64)
def qr_png(address: str) -> bytes:
    """The QR code on a deck's last slide (a deck cannot hold SVG). Kept for the process, like `qr_svg`."""
    buffer = io.BytesIO()
    segno.make(address, error="m").save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def _normalised_zip(data: bytes) -> bytes:
    """The same zip with every entry's time fixed: python-pptx stamps each part with the current time."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _notes(slide: Any, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _body(slide: Any, lines: Sequence[str], size: int = 28) -> None:
    frame = slide.placeholders[1].text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)


_DECK_CACHE: dict[str, bytes] = {}
_DECK_CACHE_LIMIT = 512
"""Decks already made in this process, by what they are made from: `serve` rebuilds and the test suite render the
same packs many times, and a deck takes a noticeable fraction of a second."""


def build_deck(talk: Talk, catalogue: Catalogue, site_url: str) -> bytes:
    """A .pptx for one talk pack, made once per distinct content (see `_DECK_CACHE`)."""
    professions = featured_professions(talk, catalogue)
    key = hashlib.sha256("\n".join([talk.model_dump_json(), site_url, *(item.model_dump_json(
        include={"id", "title", "summary"}) for item in professions)]).encode()).hexdigest()
    if key not in _DECK_CACHE:
        if len(_DECK_CACHE) >= _DECK_CACHE_LIMIT:
            _DECK_CACHE.clear()
        _DECK_CACHE[key] = make_deck(talk, professions, site_url)
    return _DECK_CACHE[key]


def make_deck(talk: Talk, professions: Sequence[Profession], site_url: str) -> bytes:
    """A .pptx for one talk pack: title, one slide per plan step (notes in the speaker notes), the activity, one
    slide per featured profession, and a closing slide with the site's address and a QR code to it."""
    deck = Presentation()  # python-pptx's own 4:3 template: its layouts' placeholders fit that size
    title_layout, content_layout, title_only = deck.slide_layouts[0], deck.slide_layouts[1], deck.slide_layouts[5]
    teacher_may_present = talk.presenter in model.TEACHER_PRESENTERS

    slide = deck.slides.add_slide(title_layout)
    slide.shapes.title.text = talk.title
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(36)  # titles run to 200 characters
    slide.placeholders[1].text = talk.summary
    _notes(slide, f"{talk.minutes} minutes. {model.TALK_SETTING_LABELS[talk.setting]}. Presenter: "
                  f"{model.PRESENTER_LABELS[talk.presenter]}.\n\n{talk.summary}")

    elapsed = 0
    for number, step in enumerate(talk.plan, start=1):
        slide = deck.slides.add_slide(content_layout)
        slide.shapes.title.text = f"Step {number}: {elapsed} to {elapsed + step.minutes} min"
        elapsed += step.minutes
        optional = step.story and teacher_may_present
        _body(slide, [step.step] + (["Optional when a teacher presents"] if optional else []))
        notes = [f"{step.minutes} minutes. {step.step}"]
        if optional:
            notes.append("Optional when a teacher presents: skip it and give the time to the activity.")
        if step.notes:
            notes.append(plain_text(step.notes, site_url))
        _notes(slide, "\n\n".join(notes))

    slide = deck.slides.add_slide(content_layout)
    slide.shapes.title.text = f"Activity: {talk.activity.title}"
    _body(slide, ["See the speaker notes for how to run it."], 24)
    _notes(slide, plain_text(talk.activity.instructions, site_url))

    for profession in professions:
        slide = deck.slides.add_slide(content_layout)
        slide.shapes.title.text = profession.title
        # Pictogram slot: the journeys branch adds a pictogram per profession; it goes left of the text.
        _body(slide, [profession.summary], 30)
        address = site_url + page_url(page_path("profession", profession.id)) if site_url else (
            "/" + page_url(page_path("profession", profession.id)))
        _notes(slide, f"{profession.title}: {profession.summary}\n\nMore: {address}")

    slide = deck.slides.add_slide(title_only)
    slide.shapes.title.text = "Find out more"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(2.0), Inches(5.5), Inches(4.0)).text_frame
    box.word_wrap = True
    box.text = "Allied health careers"
    for line in (site_url or "This website: /", "All the professions, stories, dates and free virtual work "
                                                "experience."):
        paragraph = box.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(28)
    if site_url:
        slide.shapes.add_picture(io.BytesIO(qr_png(site_url)), Inches(6.3), Inches(2.2), Inches(3.2), Inches(3.2))
    _notes(slide, "Point people to the site" + (f" at {site_url}: the QR code opens it." if site_url else "."))

    properties = deck.core_properties
    properties.title, properties.author, properties.last_modified_by = talk.title, "Allied health careers", ""
    properties.subject, properties.keywords, properties.revision = "Talk pack", "allied health careers", 1
    properties.created = properties.modified = properties.last_printed = DECK_TIMESTAMP
    buffer = io.BytesIO()
    deck.save(buffer)
    return _normalised_zip(buffer.getvalue())


# --- Pages ------------------------------------------------------------------------------------------------------

def build_kit(renderer: Renderer) -> Iterable[tuple[str, str | bytes]]:
    """Card sheets, the quiz, and a deck per talk pack."""
    catalogue = renderer.catalogue
    cards = picture_cards(renderer)
    path = material_page("picture-cards")
    yield path, renderer.page(
        path, "kit_cards.html.j2", "Profession picture cards",
        "A card for each allied health profession, to print on A4 and cut out: name, one line and a QR code.",
        sheets=sheets(cards), picture=True, count=len(cards), lead="", site_url=renderer.options.site_url)
    for material, (title, lead, labels) in VOCABULARY_CARDS.items():
        path = material_page(material)
        items = [{"title": label[:1].upper() + label[1:], "line": ""} for label in labels.values()]
        yield path, renderer.page(
            path, "kit_cards.html.j2", title, f"{title} for the matching activity, to print on A4 and cut out.",
            sheets=sheets(items), picture=False, count=len(items), lead=lead, site_url=renderer.options.site_url)
    path = material_page("quiz")
    yield path, renderer.page(
        path, "kit_quiz.html.j2", "Quiz: match the profession to what it does",
        "A quiz sheet and its answer sheet, made from the profession pages, to print on A4.",
        quiz=quiz_view(catalogue))
    for talk in catalogue.talks:
        yield deck_path(talk.id), build_deck(talk, catalogue, renderer.options.site_url)
