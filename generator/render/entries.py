"""Pages for entry kinds that need nothing special: an index of cards and one page per entry."""

from __future__ import annotations

from collections.abc import Iterable

from generator import urls
from generator.render.base import Renderer, card, page_path


def _entry_pages(renderer: Renderer, kind: str, template: str, index_title: str,
                 index_description: str) -> Iterable[tuple[str, str]]:
    entries = renderer.catalogue.of_kind(kind)
    index_path = urls.KIND_INDEXES[kind]
    yield index_path, renderer.page(index_path, "listing.html.j2", index_title, index_description, kind=kind,
                                    cards=[card(kind, entry) for entry in entries])
    for entry in entries:
        path = page_path(kind, entry.id)
        yield path, renderer.page(path, template, entry.title, entry.summary, entry=entry, kind=kind)


def build_resources(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "resource", "resource.html.j2", "Resources",
                            "Videos, virtual reality, toolkits, programmes and talk materials about allied "
                            "health careers.")

