"""Pages for entry kinds that need nothing special: an index of cards and one page per entry."""

from __future__ import annotations

from collections.abc import Iterable

from generator.render.base import Renderer, card, page_path
from generator.render.explore import card_listing
from generator.urls import KIND_FOLDERS


def _entry_pages(renderer: Renderer, kind: str, template: str, index_title: str,
                 index_description: str, noun: str, one: str) -> Iterable[tuple[str, str]]:
    """The kind's index, filterable and paged like Explore, then one page per entry."""
    entries = renderer.catalogue.of_kind(kind)
    yield from card_listing(renderer, KIND_FOLDERS[kind], index_title, index_description,
                            [card(kind, entry) for entry in entries], noun, one)
    for entry in entries:
        path = page_path(kind, entry.id)
        yield path, renderer.page(path, template, entry.title, entry.summary, entry=entry, kind=kind)


def build_resources(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "resource", "resource.html.j2", "Resources",
                            "Videos, virtual reality, toolkits, programmes and talk materials about allied "
                            "health careers.", "resources", "resource")

