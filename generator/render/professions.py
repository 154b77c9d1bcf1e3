"""Profession pages and their index: the heart of the site.

Why: a reader asks "how do I get in from where I stand, what will I earn, who pays while I train, where do I go
next?". The page answers from validated fields; "you might also like" is computed here from shared interests and
care areas, so it needs no content of its own and stays right when a profession is added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from generator import model, urls
from generator.model import COMING_UP_DAYS, Pay, Profession
from generator.render.base import RELATED_LIMIT, Renderer, card, page_path, upcoming_dates

RELATED_KINDS: tuple[str, ...] = ("story", "module", "resource", "talk")
"""Kinds a profession page lists as related entries (dates are shown apart, as the next few occurrences)."""

RELATED_PROFESSIONS_LIMIT = 3
"""How many "you might also like" professions a page and a handout show."""

PAGES_FOR_PROFESSIONS_NOTE = ("This site has 15 profession pages for the 14 allied health professions, because "
                              "diagnostic and therapeutic radiography are separate careers with their own degrees.")
"""Why the site counts 14 professions but lists 15 pages; said once, shown on the professions index."""


def related_professions(profession: Profession, professions: Sequence[Profession],
                        limit: int = RELATED_PROFESSIONS_LIMIT) -> list[Profession]:
    """Other professions sharing the most interests and care areas with this one (ties: by title); none share
    nothing."""
    mine = set(profession.interests) | {f"care:{area}" for area in profession.care_areas}
    scored = []
    for other in professions:
        if other.id == profession.id:
            continue
        shared = len(mine & (set(other.interests) | {f"care:{area}" for area in other.care_areas}))
        if shared:
            scored.append((-shared, other.title, other))
    return [other for _, _, other in sorted(scored, key=lambda item: (item[0], item[1]))[:limit]]


def pay_text(pay: Pay) -> str:
    """One line about NHS pay: the bands, then the note (e.g. why there is no band)."""
    parts = []
    if pay.band_on_qualifying:
        parts.append(f"Agenda for Change band {pay.band_on_qualifying} when you qualify"
                     + (f", band {pay.band_later} with experience" if pay.band_later else ""))
    if pay.note:
        parts.append(pay.note.rstrip("."))
    return ". ".join(parts)


def how_to_get_in(profession: Profession) -> dict[str, Any]:
    """Pay, funding, next steps and care areas with their labels, shared by the page and the handout."""
    pay = profession.pay
    return {
        "pay": pay,
        "pay_text": "" if pay is None else pay_text(pay),
        "next_steps": [{"label": step.label, "url": step.address, "kind": model.NEXT_STEP_LABELS[step.kind]}
                       for step in profession.next_steps],
        "care_areas": [model.CARE_AREA_LABELS[area] for area in profession.care_areas],
    }


def build_professions(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield urls.PROFESSIONS, renderer.page(
        urls.PROFESSIONS, "professions.html.j2", "The allied health professions",
        "All the allied health professions, what each does and how to become one.",
        professions=catalogue.professions, pages_note=PAGES_FOR_PROFESSIONS_NOTE)
    for profession in catalogue.professions:
        related = {kind: catalogue.related(profession.id, kind) for kind in RELATED_KINDS}
        path = page_path("profession", profession.id)
        yield path, renderer.page(
            path, "profession.html.j2", profession.title, profession.summary, profession=profession,
            get_in=how_to_get_in(profession),
            also_like=related_professions(profession, catalogue.professions),
            related={kind: [card(kind, entry) for entry in entries[:RELATED_LIMIT]]
                     for kind, entries in related.items()},
            related_counts={kind: len(entries) for kind, entries in related.items()},
            next_dates=upcoming_dates(renderer, COMING_UP_DAYS, catalogue.related(profession.id, "event"))[:4])  # type: ignore[arg-type]
