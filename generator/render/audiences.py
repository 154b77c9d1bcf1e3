"""The four audience guides (/for/<audience-id>/): the guide's advice and next steps first, then a few entries of
each kind, each kind with a link to all of them on /explore/ with the audience and kind filters set.

Why: a guide listing every tagged entry ran to about 50 phone screens; the advice is what the reader came for, and
Explore (server-rendered, paged, so it works without JavaScript) holds the full lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import model, urls
from generator.catalogue import KIND_ORDER
from generator.render.base import Renderer, card

ENTRIES_PER_KIND = 3
"""How many entries of each kind a guide shows before its 'See all' link into Explore."""


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
                                  shown=ENTRIES_PER_KIND,
                                  others=[a for a in model.AUDIENCE_IDS if a != audience])
