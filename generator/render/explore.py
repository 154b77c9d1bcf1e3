"""The explore page: every entry as a card, filterable in the browser, complete without JavaScript."""

from __future__ import annotations

from collections.abc import Iterable

from generator import model
from generator.catalogue import KIND_ORDER
from generator.render.base import Renderer, card


def build_explore(renderer: Renderer) -> Iterable[tuple[str, str]]:
    cards = [card(kind, entry) for kind, entry in renderer.catalogue.entries()]
    yield "explore/index.md", renderer.page(
        "explore/index.md", "explore.html.j2", "Explore everything",
        "Every profession, story, module, resource and date, with filters by audience, profession and kind.",
        cards=cards, audiences=model.AUDIENCE_IDS, kinds=KIND_ORDER)
