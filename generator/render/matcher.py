"""The "people like me" page: tap a few interests, strengths and values, see which professions fit and why.

Why: the source documents stress that people choose a career they can relate to their own interests, hobbies,
strengths and values. The ranking runs in the browser (`assets/matcher.js`) from the tags on the profession entries,
embedded in the page as a few hundred bytes of JSON, so nothing is fetched, stored or sent. Without JavaScript the
page shows the same tags as a table of professions by interest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from generator import model, urls
from generator.catalogue import Catalogue
from generator.render.base import Renderer, page_path

PATH = urls.MATCHER
TAG_GROUPS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("interest", "Things I like", model.INTEREST_LABELS),
    ("strength", "Things I am good at", model.STRENGTH_LABELS),
    ("value", "What matters to me at work", model.VALUE_LABELS),
)
"""(profession field minus its plural 's', heading, labels), in the order the page asks."""


@dataclass(frozen=True)
class TagGroup:
    key: str
    heading: str
    chips: tuple[tuple[str, str], ...]
    """(tag id, label) for the tags at least one profession has, in vocabulary order."""


def build_tag_groups(catalogue: Catalogue) -> list[TagGroup]:
    """Chips to offer: only tags some profession carries, so every chip can match."""
    groups = []
    for key, heading, labels in TAG_GROUPS:
        used = {tag for p in catalogue.professions for tag in getattr(p, key + "s")}
        groups.append(TagGroup(key, heading, tuple((tag, label) for tag, label in labels.items() if tag in used)))
    return groups


def build_matcher_data(catalogue: Catalogue, source_path: str = PATH) -> Markup:
    """Profession -> tags as compact JSON, safe inside a <script> element; links are relative to the page."""
    rows = [{"t": p.title, "u": urls.link(source_path, page_path("profession", p.id)),
             **{key: list(getattr(p, key + "s")) for key, _, _ in TAG_GROUPS}} for p in catalogue.professions]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def build_by_interest(catalogue: Catalogue) -> list[tuple[str, list[tuple[str, str]]]]:
    """(interest label, [(profession id, title)]) for every interest some profession has: the no-JavaScript view."""
    rows = []
    for tag, label in model.INTEREST_LABELS.items():
        fits = [(p.id, p.title) for p in catalogue.professions if tag in p.interests]
        if fits:
            rows.append((label, fits))
    return rows


def build_matcher(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield PATH, renderer.page(
        PATH, "matcher.html.j2", "Which jobs suit people like me?",
        "Tap a few things you like, things you are good at and what matters to you, and see which allied health "
        "professions fit, and why.",
        groups=build_tag_groups(catalogue), data=build_matcher_data(catalogue),
        by_interest=build_by_interest(catalogue))
