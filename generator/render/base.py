"""Rendering basics shared by every page builder: the Jinja environment, Markdown, URLs and card data.

Why: the site engine (MkDocs + Material today, maybe Zensical tomorrow) should only wrap pages in a theme. So this
step decides everything a page shows: which entries, in what order, with which labels. Templates only place that
data. Each page is a Markdown file whose body is one block of HTML we generated and escaped ourselves, so no
Markdown syntax in an editor's text can turn into a link or script by accident.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources as package_files
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markdown as markdown_lib
import nh3
from markupsafe import Markup

from generator import model, urls
from generator.catalogue import Catalogue
from generator.model import LOOKAHEAD_DAYS, Entry, Event
from generator.recurrence import Occurrence, occurrences
from generator.render.pictograms import pictogram
from generator.urls import page_path, page_url  # declared in generator.urls; still importable from here

OCCURRENCE_HORIZON_DAYS = LOOKAHEAD_DAYS + 1
"""Furthest ahead any page looks for dates (an event page lists dates up to `LOOKAHEAD_DAYS` ahead)."""
RELATED_LIMIT = 6
"""Most related entries of one kind a profession page lists; the rest are one tap away on /explore/, so a page's
weight does not grow with the catalogue."""

KIND_LABELS: dict[str, str] = {
    "profession": "Profession", "story": "Story", "module": "Work experience module", "resource": "Resource",
    "event": "Date", "talk": "Talk pack",
}
KIND_PLURALS: dict[str, str] = {
    "profession": "Professions", "story": "Stories", "module": "Work experience modules",
    "resource": "Resources", "event": "Dates", "talk": "Talk packs",
}
GENERATED_PAGE_START = '<div class="ahp-page'
"""How every generated page body begins: one HTML block with no blank line inside, so a CommonMark or
Python-Markdown engine passes it through whole, and an engine adapter can recognise it and skip Markdown."""
DURATION_BUCKETS: tuple[tuple[str, str, int | None], ...] = (
    ("up-to-30-minutes", "Up to 30 minutes", 30),
    ("30-minutes-to-1-hour", "30 minutes to 1 hour", 60),
    ("1-to-3-hours", "1 to 3 hours", 180),
    ("over-3-hours", "More than 3 hours", None),
)
"""The one scheme of "time it takes" filters (explore, modules): (value, label, most minutes or None)."""
DURATION_LABELS: dict[str, str] = {value: label for value, label, _most in DURATION_BUCKETS}
_ALLOWED_TAGS = {"p", "a", "ul", "ol", "li", "strong", "em", "code", "blockquote", "h3", "h4", "br", "hr"}


def describe_source(source: str) -> dict[str, str | None]:
    """What a 'Sources' line shows for one cited source: a source document by its title, publisher, date
    and public address where known, never by its file name; a web page by its site and address."""
    document = model.SEED_DOCUMENTS.get(source)
    if document is not None:
        return {"kind": "document", "title": document.title, "publisher": document.publisher,
                "date": document.date, "url": document.url}
    return {"kind": "page", "title": None, "publisher": urlsplit(source).hostname, "date": None, "url": source}


@dataclass(frozen=True)
class RenderOptions:
    """What rendering needs besides the catalogue."""

    today: dt.date
    """Build date: upcoming dates are counted from it."""
    site_url: str = ""
    """Canonical address of the deployed site, ending in '/', for QR codes and feeds; may be empty."""
    repository_url: str = ""
    """The catalogue's public repository (e.g. https://github.com/owner/repo), for 'suggest a change'; may be
    empty."""
    assets: dict[str, bytes] = field(default_factory=dict)
    """Extra files to copy into the tree (path -> bytes); the package's own assets are always added."""


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept for the life of the process. `serve` renders again on every save and the tests
    render hundreds of small catalogues; compiling the same templates each time was most of a small render. Each
    entry carries the checksum of its source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # ignored (left empty) when the source has changed since

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = CompiledTemplates()


class Renderer:
    """Holds the Jinja environment and Markdown converter for one build."""

    def __init__(self, catalogue: Catalogue, options: RenderOptions) -> None:
        self.catalogue = catalogue
        self.options = options
        loader = jinja2.PackageLoader("generator", "templates")
        self.env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                      bytecode_cache=_COMPILED_TEMPLATES)
        self.env.filters["markdown"] = self.markdown
        self.env.filters["long_date"] = format_date
        from generator.render.search import search_tags  # site search; search.py imports this module

        self.env.globals["search_tags"] = functools.partial(search_tags, catalogue)
        self.env.globals.update(
            labels={
                "audience": model.AUDIENCE_LABELS, "regulator": model.REGULATOR_LABELS,
                "route": model.ENTRY_ROUTE_LABELS, "flag": model.FLAG_LABELS, "interest": model.INTEREST_LABELS,
                "strength": model.STRENGTH_LABELS, "value": model.VALUE_LABELS, "kind": KIND_LABELS,
                "kinds": KIND_PLURALS, "resource_type": model.RESOURCE_TYPE_LABELS,
                "event_kind": model.EVENT_KIND_LABELS, "age_group": model.AGE_GROUP_LABELS,
                "setting": model.TALK_SETTING_LABELS,
            },
            urls=urls,
            max_activity_minutes=model.MAX_ACTIVITY_MINUTES,
            seed_documents=model.SEED_DOCUMENTS,
            pictogram=pictogram,
            source_view=describe_source,
            catalogue=catalogue,
            today=options.today,
        )
        self._markdown = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
        self._occurrences: dict[str, list[Occurrence]] = {}

    def occurrences_of(self, event: Event) -> list[Occurrence]:
        """An event's occurrences from the build date to the horizon, computed once per build: the same event is
        listed on the home page, the calendar, its professions' and audiences' lists and its own page."""
        found = self._occurrences.get(event.id)
        if found is None:
            today = self.options.today
            found = occurrences(event, today, today + dt.timedelta(days=OCCURRENCE_HORIZON_DAYS))
            self._occurrences[event.id] = found
        return found

    def markdown(self, text: str | None) -> Markup:
        """Markdown -> sanitised HTML; raw HTML was already refused by validation, this is a second fence."""
        if not text:
            return Markup("")
        html = self._markdown.reset().convert(text)
        clean = nh3.clean(html, tags=_ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                          url_schemes={"https", "mailto"}, link_rel="noopener noreferrer")
        return Markup(clean)

    def page(self, source_path: str, template: str, title: str, description: str, **context: Any) -> str:
        """Render one page: front matter the engine reads, then one HTML block."""
        depth = page_url(source_path).count("/")
        root = "../" * depth

        def url(target_source: str) -> str:
            return root + page_url(target_source)

        def entry_url(kind: str, entry_id: str) -> str:
            return url(page_path(kind, entry_id))

        body = self.env.get_template(template).render(
            title=title, description=description, root=root, url=url, entry_url=entry_url,
            page_source=source_path, canonical=self.options.site_url + page_url(source_path), **context)
        # Front matter holds the editors' text as it is: escaping it for a theme is the engine adapter's job.
        front = {"title": title, "description": description}
        front_matter = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items())
        # One HTML block: a blank line would end it for a CommonMark or Python-Markdown engine. No page holds <pre>
        # or a filled <textarea>, so dropping blank lines changes nothing a reader sees.
        body = "\n".join(line for line in body.strip().splitlines() if line.strip())
        body = _fill_table_of_contents(body)
        if not body.startswith(GENERATED_PAGE_START):
            raise ValueError(f"{template} must start with {GENERATED_PAGE_START!r}")  # a template bug
        return f"---\n{front_matter}\n---\n\n{body}\n"


_TOC_SLOT = "<nav data-ahp-toc></nav>"
_SECTION_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>')


def _fill_table_of_contents(body: str) -> str:
    """Replace a template's `<nav data-ahp-toc></nav>` with links to the page's sections, so a long page opens
    with a short 'on this page' list; made from the headings themselves, so it never falls out of step."""
    if _TOC_SLOT not in body:
        return body
    items = "".join(f'<li><a href="#{anchor}">{heading}</a></li>'
                    for anchor, heading in _SECTION_HEADING.findall(body))
    return body.replace(_TOC_SLOT, '<nav class="ahp-toc" aria-label="On this page"><p class="ahp-label">On this '
                                   f'page</p><ul>{items}</ul></nav>', 1)


def package_assets() -> dict[str, bytes]:
    folder = package_files.files("generator") / "assets"
    return {item.name: item.read_bytes() for item in sorted(folder.iterdir(), key=lambda item: item.name)
            if item.is_file()}


PageBuilder = Callable[["Renderer"], Iterable[tuple[str, str | bytes]]]
"""A page builder yields (path, content) pairs for the docs tree."""


def upcoming_dates(renderer: Renderer, days: int, events: Iterable[Event] | None = None) -> list[dict[str, Any]]:
    """Occurrences from the build date for `days` days (at most OCCURRENCE_HORIZON_DAYS), as view dicts."""
    chosen = renderer.catalogue.events if events is None else events
    before = renderer.options.today + dt.timedelta(days=days)
    found = [(occurrence, event) for event in chosen for occurrence in renderer.occurrences_of(event)
             if occurrence.start < before]
    found.sort(key=lambda pair: (pair[0].start, pair[0].event_id))
    return [_occurrence_view(occurrence, event) for occurrence, event in found]


def _occurrence_view(occurrence: Occurrence, event: Event) -> dict[str, Any]:
    return {"start": occurrence.start, "end": occurrence.end, "event": event,
            "when": format_date_range(occurrence.start, occurrence.end)}


def format_date(day: dt.date) -> str:
    """'4 July 2026' (written out, not with `%-d`, which only some C libraries know)."""
    return f"{day.day} {day:%B %Y}"


def format_date_range(start: dt.date, end: dt.date) -> str:
    """'14 October 2026', '2 to 8 November 2026', '28 June to 4 July 2026'."""
    if start == end:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


def card(kind: str, entry: Entry) -> dict[str, Any]:
    """The data a card shows and filters on, for any kind of entry."""
    professions = list(getattr(entry, "professions", []) or ([entry.id] if kind == "profession" else []))
    minutes = getattr(entry, "minutes", None)
    fmt = getattr(entry, "type", None) or (kind if kind in ("module", "talk") else None)
    return {
        "kind": kind, "entry": entry, "professions": professions,
        "audiences": list(getattr(entry, "audiences", [])), "minutes": minutes,
        "duration": duration_bucket(minutes), "format": fmt,
        "care": list(getattr(entry, "care_areas", [])),  # content-prof: care-area filter on Explore
    }


def duration_bucket(minutes: int | None) -> str:
    """The `DURATION_BUCKETS` value for a time in minutes, or '' when the time is unknown."""
    if minutes is None:
        return ""
    return next(value for value, _label, most in DURATION_BUCKETS if most is None or minutes <= most)
