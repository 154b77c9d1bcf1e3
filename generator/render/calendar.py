"""The calendar page and one page per event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.render.base import Renderer, page_path, upcoming_dates


def build_events(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    months: dict[str, list[dict[str, Any]]] = {}
    for view in upcoming_dates(renderer, 366):
        months.setdefault(f"{view['start']:%B %Y}", []).append(view)
    yield "calendar/index.md", renderer.page(
        "calendar/index.md", "calendar.html.j2", "Calendar",
        "Awareness days and weeks for the allied health professions, and the dates to apply by.",
        months=months)
    for event in catalogue.events:
        path = page_path("event", event.id)
        yield path, renderer.page(path, "event.html.j2", event.title, event.summary, entry=event, kind="event",
                                  dates=upcoming_dates(renderer, 3 * 366, [event])[:3])
