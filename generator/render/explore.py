"""The explore page: every entry as a card, filterable in the browser, and the resources index built the same way.

Why: a reader on a phone narrows a long list with a thumb, and shares the result as a link. The server decides
which filter chips exist (only values some entry has, so no chip ever leads to an empty list on its own) and
puts every card in the page, the first `PAGE_SIZE` shown; `assets/filters.js` only hides and shows cards. Without
JavaScript the same cards are split over linked pages (/explore/page/2/, ...), each complete. Its text box filters
the cards already on the page; searching the whole site is /search/ (docs/search.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from generator import model
from generator.catalogue import KIND_ORDER
from generator.render.base import DURATION_LABELS, KIND_PLURALS, Renderer, card
from generator.render.filters import FilterForm, FilterGroup, chip_group, later_pages, paged_list, useful


def build_filter_groups(cards: Sequence[dict[str, Any]], profession_titles: dict[str, str]) -> list[FilterGroup]:
    """The filter groups for these cards, each offering only values at least one card has."""
    groups = [
        chip_group("audience", "Who it is for", model.AUDIENCE_LABELS.items(),
                   (audience for c in cards for audience in c["audiences"])),
        chip_group("kind", "Kind", ((k, KIND_PLURALS[k]) for k in KIND_ORDER), (c["kind"] for c in cards)),
        chip_group("profession", "Profession", profession_titles.items(),
                   (pid for c in cards for pid in c["professions"]), open=False),
        chip_group("format", "Format of resources", model.RESOURCE_TYPE_LABELS.items(),
                   (c["format"] for c in cards if c["kind"] == "resource" and c["format"]), open=False),
        chip_group("duration", "Time it takes", DURATION_LABELS.items(),
                   (c["duration"] for c in cards if c["duration"]), open=False),
        chip_group("care", "Area of care", model.CARE_AREA_LABELS.items(),
                   (area for c in cards for area in c.get("care", [])), open=False),
    ]
    return list(useful(groups))


def card_listing(renderer: Renderer, folder: str, title: str, description: str, cards: Sequence[dict[str, Any]],
                 noun: str, one: str, *, search: bool = False,
                 audiences: Sequence[str] = ()) -> Iterable[tuple[str, str]]:
    """A filterable, paged list of cards: folder/index.md with every card, then the pages without script."""
    titles = {p.id: p.title for p in renderer.catalogue.professions}
    list_id = f"{folder.replace('/', '-')}-cards"
    form = FilterForm(f"{folder.replace('/', '-')}-filters", f"Filter {noun}", (list_id,),
                      tuple(build_filter_groups(cards, titles)), search=search)
    cards_list = paged_list(list_id, cards, folder, noun, one)
    yield f"{folder}/index.md", renderer.page(
        f"{folder}/index.md", "explore.html.j2", title, description, cards=cards, form=form, list=cards_list,
        audiences=audiences, paging=None)
    for paging in later_pages(cards, folder):
        yield paging["source"], renderer.page(
            paging["source"], "explore.html.j2", f"{title}: page {paging['number']} of {paging['count']}",
            description, cards=paging["cards"], paging=paging, audiences=())


def build_explore(renderer: Renderer) -> Iterable[tuple[str, str]]:
    cards = [card(kind, entry) for kind, entry in renderer.catalogue.entries()]
    yield from card_listing(
        renderer, "explore", "Explore everything",
        "Every profession, story, module, resource and date, with filters by audience, profession and kind.",
        cards, "entries", "entry", search=True, audiences=model.AUDIENCE_IDS)
