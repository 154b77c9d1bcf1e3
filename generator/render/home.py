"""The home page: what AHPs are, the four audience doors, the professions, the next dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import model
from generator.render.base import Renderer, page_url, upcoming_dates

NEXT_DATES = 3
"""How many upcoming dates the home page shows; the calendar has the rest."""
TEACHERS_DOOR = "I teach or give talks"
"""The fifth door on the home page's first screen, for teachers and ambassadors."""


def build_home(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    doors: list[dict[str, Any]] = [
        {"label": model.AUDIENCE_LABELS[audience], "href": page_url(f"for/{audience}.md")}
        for audience in model.AUDIENCE_IDS]
    doors.append({"label": TEACHERS_DOOR, "href": page_url("ambassadors/index.md")})
    yield "index.md", renderer.page(
        "index.md", "home.html.j2", "Allied health careers",
        "Find out about the 14 allied health professions of the NHS: what they do, how to get in, and what to "
        "try next.",
        professions=catalogue.professions, doors=doors,
        next_dates=upcoming_dates(renderer, 366)[:NEXT_DATES])
