"""The home page: what AHPs are, the four audience doors, the professions, the next dates."""

from __future__ import annotations

from collections.abc import Iterable

from generator import model
from generator.render.base import Renderer, upcoming_dates


def build_home(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield "index.md", renderer.page(
        "index.md", "home.html.j2", "Allied health careers",
        "Find out about the 14 allied health professions of the NHS: what they do, how to get in, and what to "
        "try next.",
        professions=catalogue.professions, audiences=model.AUDIENCE_IDS,
        next_dates=upcoming_dates(renderer, 366)[:3])
