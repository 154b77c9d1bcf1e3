"""Site search: what each entry page tells the search index, and the /search/ page.

Why: the index is built by Pagefind from the finished site (generator/search_index.py), so what is searchable is
decided here, in the pages: an entry page marks its body `data-pagefind-body` and carries its filters (kind,
audience, profession: the ids Explore uses in its address) and metadata (kind label, pictogram) as hidden tags;
pages without the mark (listings, handouts, print views, feeds) stay out of the index. The /search/ page is a plain
form that works as a link (`/search/?q=feet&kind=profession`); `assets/search.js` loads Pagefind only there, only
once the reader has asked for something, and corrects a one-letter typo in a profession's name from the short
word list this module embeds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from generator import model, urls
from generator.catalogue import KIND_ORDER, Catalogue
from generator.render.base import KIND_LABELS, KIND_PLURALS, Renderer
from generator.render.filters import Chip, FilterGroup
from generator.render.pictograms import pictogram

SEARCH_PAGE = urls.SEARCH
"""Source path of the results page; the header and home page forms send their words to it."""
GUIDE_KIND = "guide"
"""The `kind` filter value of the four audience guides ("Where to start"), which are pages but not entries."""
GUIDE_LABEL = "Where to start"
"""Their kind label: the name the navigation gives them."""
FILTER_KEYS = ("kind", "audience", "profession")
"""Pagefind filter names, the same words (and values) as the /explore/ address uses."""
_SVG_PATH = re.compile(r'<path d="([^"]+)"')
_WORD = re.compile(r"[^\W\d_]{4,}")
"""Words worth correcting: shorter ones are too close to too many others."""


def search_tags(catalogue: Catalogue, kind: str, entry: model.Entry) -> Markup:
    """Hidden tags giving Pagefind an entry page's filters and metadata; an entry about all professions is
    filed under each of them, as Explore lists it under each. A profession's name is also its `job` metadata,
    which assets/search.js ranks above a title, so "paramedic" finds the job before International Paramedics Day;
    its pictogram's path data is metadata too, drawn beside its results."""
    if kind == "audience":
        filters = [("kind", GUIDE_KIND), ("audience", entry.id)]
        label = GUIDE_LABEL
    else:
        professions = list(getattr(entry, "professions", None) or ([entry.id] if kind == "profession" else []))
        if model.ALL_PROFESSIONS in professions:
            professions = [p.id for p in catalogue.professions]
        filters = [("kind", kind), *(("audience", a) for a in getattr(entry, "audiences", [])),
                   *(("profession", p) for p in professions)]
        label = KIND_LABELS[kind]
    meta = [("kind", label)]
    if kind == "profession":
        meta += [("job", entry.title), ("pictogram", pictogram_path(entry.id))]
    tags = [f'<span data-pagefind-filter="{escape(key)}:{escape(value)}"></span>' for key, value in filters]
    tags += [f'<span data-pagefind-meta="{escape(key)}:{escape(value)}"></span>' for key, value in meta]
    return Markup('<div hidden data-pagefind-ignore>' + "".join(tags) + "</div>")


def pictogram_path(profession_id: str) -> str:
    """The path data of a profession's pictogram: results draw it inline, so a picture costs no request."""
    found = _SVG_PATH.search(str(pictogram(profession_id)))
    return found.group(1) if found else ""


def filter_groups(catalogue: Catalogue) -> list[FilterGroup]:
    """The filter chips of the results page: every kind, audience and profession the site has."""
    kinds = [Chip(k, KIND_PLURALS[k]) for k in KIND_ORDER if catalogue.of_kind(k)]
    if catalogue.guides:
        kinds.append(Chip(GUIDE_KIND, GUIDE_LABEL))
    return [
        FilterGroup("kind", "Kind", tuple(kinds), open=False),  # all folded: results first on a phone
        FilterGroup("audience", "Who it is for", tuple(
            Chip(a, model.AUDIENCE_LABELS[a]) for a in model.AUDIENCE_IDS), open=False),
        FilterGroup("profession", "Profession", tuple(
            Chip(p.id, p.title) for p in catalogue.professions), open=False),
    ]


def correction_words(catalogue: Catalogue) -> list[str]:
    """Words of profession names and search words, for correcting a typo: 'podiatrsit' -> 'podiatrist'."""
    words: set[str] = set()
    for profession in catalogue.professions:
        for text in (profession.title, *profession.search_words):
            words.update(word.lower() for word in _WORD.findall(text))
    return sorted(words)


def build_search(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    words = json.dumps(correction_words(catalogue), ensure_ascii=False, separators=(",", ":"))
    context: dict[str, Any] = {"groups": filter_groups(catalogue), "correction_words": words.replace("</", "<\\/")}
    yield SEARCH_PAGE, renderer.page(
        SEARCH_PAGE, "search.html.j2", "Search",
        "Search every profession, story, work experience module, resource, talk pack and date.", **context)
