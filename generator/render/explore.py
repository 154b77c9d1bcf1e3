"""The explore page: every entry as a card, filterable in the browser, complete without JavaScript.

Why: a reader on a phone narrows a long list with a thumb, and shares the result as a link. The server decides
which filter chips exist (only values some entry has, so no chip ever leads to an empty list on its own) and
lists every card; `assets/explore.js` only hides cards, so with JavaScript off the page is still the full list.
Its text box filters the cards already on the page; searching the whole site is /search/ (docs/search.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator import model, urls
from generator.catalogue import KIND_ORDER
from generator.render.base import DURATION_LABELS, KIND_PLURALS, Renderer, card


@dataclass(frozen=True)
class Chip:
    """One filter value: what the URL and the card's data-* attribute say, and what the reader sees."""

    value: str
    label: str


@dataclass(frozen=True)
class FilterGroup:
    """A row of chips filtering on one data-* attribute of the cards; values within a group widen the list."""

    key: str
    """Both the URL query parameter and the card attribute (data-<key>)."""
    legend: str
    chips: tuple[Chip, ...]
    open: bool
    """Shown unfolded on first load; long groups start folded so the cards stay near the top on a phone."""


def build_filter_groups(cards: Sequence[dict[str, Any]], profession_titles: dict[str, str]) -> list[FilterGroup]:
    """The filter groups for these cards, each offering only values at least one card has."""
    audiences = {audience for c in cards for audience in c["audiences"]}
    kinds = {c["kind"] for c in cards}
    professions = {pid for c in cards for pid in c["professions"]}
    formats = {c["format"] for c in cards if c["kind"] == "resource" and c["format"]}
    durations = {c["duration"] for c in cards if c["duration"]}
    care_areas = {area for c in cards for area in c.get("care", [])}
    groups = [
        FilterGroup("audience", "Who it is for", tuple(
            Chip(a, model.AUDIENCE_LABELS[a]) for a in model.AUDIENCE_IDS if a in audiences), True),
        FilterGroup("kind", "Kind", tuple(Chip(k, KIND_PLURALS[k]) for k in KIND_ORDER if k in kinds), True),
        FilterGroup("profession", "Profession", tuple(
            Chip(pid, title) for pid, title in profession_titles.items() if pid in professions), False),
        FilterGroup("format", "Format of resources", tuple(
            Chip(f, label) for f, label in model.RESOURCE_TYPE_LABELS.items() if f in formats), False),
        FilterGroup("duration", "Time it takes", tuple(
            Chip(d, label) for d, label in DURATION_LABELS.items() if d in durations), False),
        FilterGroup("care", "Area of care", tuple(
            Chip(a, label) for a, label in model.CARE_AREA_LABELS.items() if a in care_areas), False),
    ]
    return [group for group in groups if len(group.chips) > 1]


def build_explore(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    cards = [card(kind, entry) for kind, entry in catalogue.entries()]
    titles = {p.id: p.title for p in catalogue.professions}
    yield urls.EXPLORE, renderer.page(
        urls.EXPLORE, "explore.html.j2", "Explore everything",
        "Every profession, story, module, resource and date, with filters by audience, profession and kind.",
        cards=cards, groups=build_filter_groups(cards, titles), audiences=model.AUDIENCE_IDS)
