"""The four audience guides (/for/<audience-id>/): guide text, then every entry tagged for the audience.

Why: these pages are rendered at build time, so they are the filtered lists a reader gets with JavaScript off;
/explore/?audience=<id> is the same list with more filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import model, urls
from generator.catalogue import KIND_ORDER
from generator.render.base import Renderer, card


def build_audiences(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    for audience in model.AUDIENCE_IDS:
        guide = catalogue.guides.get(audience)
        groups: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KIND_ORDER}
        for kind, entry in catalogue.by_audience[audience]:
            groups[kind].append(card(kind, entry))
        path = urls.audience_path(audience)
        title = guide.title if guide else model.AUDIENCE_LABELS[audience]
        description = guide.summary if guide else f"Where to start: {model.AUDIENCE_LABELS[audience].lower()}."
        yield path, renderer.page(path, "audience.html.j2", title, description, audience=audience, guide=guide,
                                  groups={kind: cards for kind, cards in groups.items() if cards},
                                  others=[a for a in model.AUDIENCE_IDS if a != audience])
