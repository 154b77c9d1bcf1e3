"""The home page: what AHPs are, the four audience doors, the professions, the next dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import model, urls
from generator.render.base import Renderer, upcoming_dates

NEXT_DATES = 3
"""How many upcoming dates the home page shows; the calendar has the rest."""
TEACHERS_DOOR = "I teach or give talks"
"""The fifth door on the home page's first screen, for teachers and ambassadors."""


def build_home(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    doors: list[dict[str, Any]] = [
        {"label": model.AUDIENCE_LABELS[audience], "href": urls.page_url(urls.audience_path(audience))}
        for audience in model.AUDIENCE_IDS]
    doors.append({"label": TEACHERS_DOOR, "href": urls.page_url(urls.AMBASSADORS)})
    yield urls.HOME, renderer.page(
        urls.HOME, "home.html.j2", "Allied health careers",
        "Find out about the 14 allied health professions of the NHS: what they do, how to get in, and what to "
        "try next.",
        professions=catalogue.professions, doors=doors,
        next_dates=upcoming_dates(renderer, model.COMING_UP_DAYS)[:NEXT_DATES])
