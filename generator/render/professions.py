"""Profession pages and their index: the heart of the site."""

from __future__ import annotations

from collections.abc import Iterable

from generator import urls
from generator.model import COMING_UP_DAYS
from generator.render.base import RELATED_LIMIT, Renderer, card, page_path, upcoming_dates

RELATED_KINDS: tuple[str, ...] = ("story", "module", "resource", "talk")
"""Kinds a profession page lists as related entries (dates are shown apart, as the next few occurrences)."""


def build_professions(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield urls.PROFESSIONS, renderer.page(
        urls.PROFESSIONS, "professions.html.j2", "The allied health professions",
        "All the allied health professions, what each does and how to become one.",
        professions=catalogue.professions)
    for profession in catalogue.professions:
        related = {kind: catalogue.related(profession.id, kind) for kind in RELATED_KINDS}
        path = page_path("profession", profession.id)
        yield path, renderer.page(
            path, "profession.html.j2", profession.title, profession.summary, profession=profession,
            related={kind: [card(kind, entry) for entry in entries[:RELATED_LIMIT]]
                     for kind, entries in related.items()},
            related_counts={kind: len(entries) for kind, entries in related.items()},
            next_dates=upcoming_dates(renderer, COMING_UP_DAYS, catalogue.related(profession.id, "event"))[:4])  # type: ignore[arg-type]
