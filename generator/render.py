"""Step 4, render: turn the catalogue into an engine-neutral docs tree of Markdown pages, data files and assets.

Why: the site engine (MkDocs + Material today, maybe Zensical tomorrow) should only wrap pages in a theme. So this
step decides everything a page shows: which entries, in what order, with which labels. Templates only place that
data. Each page is a Markdown file whose body is one block of HTML we generated and escaped ourselves, so no
Markdown syntax in an editor's text can turn into a link or script by accident.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources as package_files
from typing import Any

import jinja2
import markdown as markdown_lib
import nh3
from markupsafe import Markup

from generator import model
from generator.catalogue import KIND_ORDER, Catalogue
from generator.docs_tree import DocsTree
from generator.model import Entry, Event
from generator.recurrence import Occurrence, upcoming

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
_KIND_FOLDERS: dict[str, str] = {
    "profession": "professions", "story": "stories", "module": "modules", "resource": "resources",
    "event": "calendar/events", "talk": "ambassadors",
}
_ALLOWED_TAGS = {"p", "a", "ul", "ol", "li", "strong", "em", "code", "blockquote", "h3", "h4", "br", "hr"}


@dataclass(frozen=True)
class RenderOptions:
    """What rendering needs besides the catalogue."""

    today: dt.date
    """Build date: upcoming dates are counted from it."""
    site_url: str = ""
    """Canonical address of the deployed site, ending in '/', for QR codes and feeds; may be empty."""
    assets: dict[str, bytes] = field(default_factory=dict)
    """Extra files to copy into the tree (path -> bytes); the package's own assets are always added."""


def page_path(kind: str, entry_id: str) -> str:
    """Source path of an entry's page in the docs tree."""
    return f"{_KIND_FOLDERS[kind]}/{entry_id}.md"


def page_url(source_path: str) -> str:
    """Site-relative URL of a page, as an engine using directory URLs publishes it."""
    if source_path == "index.md":
        return ""
    if source_path.endswith("/index.md"):
        return source_path[: -len("index.md")]
    return source_path[: -len(".md")] + "/"


class Renderer:
    """Holds the Jinja environment and Markdown converter for one build."""

    def __init__(self, catalogue: Catalogue, options: RenderOptions) -> None:
        self.catalogue = catalogue
        self.options = options
        loader = jinja2.PackageLoader("generator", "templates")
        self.env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        self.env.filters["markdown"] = self.markdown
        self.env.globals.update(
            labels={
                "audience": model.AUDIENCE_LABELS, "regulator": model.REGULATOR_LABELS,
                "route": model.ENTRY_ROUTE_LABELS, "flag": model.FLAG_LABELS, "interest": model.INTEREST_LABELS,
                "strength": model.STRENGTH_LABELS, "value": model.VALUE_LABELS, "kind": KIND_LABELS,
                "kinds": KIND_PLURALS, "resource_type": model.RESOURCE_TYPE_LABELS,
                "event_kind": model.EVENT_KIND_LABELS, "age_group": model.AGE_GROUP_LABELS,
                "setting": model.TALK_SETTING_LABELS,
            },
            seed_documents=model.SEED_DOCUMENTS,
            catalogue=catalogue,
            today=options.today,
        )
        self._markdown = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")

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
        front = {"title": title, "description": description}
        front_matter = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items())
        return f"---\n{front_matter}\n---\n\n{body.strip()}\n"


def render_site(catalogue: Catalogue, options: RenderOptions) -> DocsTree:
    """Render every page of the site into a docs tree; linear in the number of entries."""
    renderer = Renderer(catalogue, options)
    tree: dict[str, str | bytes] = {}

    def add(path: str, content: str | bytes) -> None:
        if path in tree:
            raise ValueError(f"two pages would be written to {path}")  # a bug, not a content error
        tree[path] = content

    for page_builder in PAGE_BUILDERS:
        for path, content in page_builder(renderer):
            add(path, content)
    for name, data in _package_assets().items():
        add(f"assets/{name}", data)
    for path, data in options.assets.items():
        add(path, data)
    return DocsTree(tree)


def _package_assets() -> dict[str, bytes]:
    folder = package_files.files("generator") / "assets"
    return {item.name: item.read_bytes() for item in sorted(folder.iterdir(), key=lambda item: item.name)
            if item.is_file()}


# --- Page builders: each yields (path, content) pairs; listed once in PAGE_BUILDERS. --------------------------------

PageBuilder = Callable[[Renderer], Iterable[tuple[str, str | bytes]]]


def upcoming_dates(renderer: Renderer, days: int, events: Iterable[Event] | None = None) -> list[dict[str, Any]]:
    """Occurrences from the build date for `days` days, as view dicts for templates."""
    chosen = tuple(renderer.catalogue.events if events is None else events)
    return [_occurrence_view(occurrence, event) for occurrence, event in upcoming(chosen, renderer.options.today, days)]


def _occurrence_view(occurrence: Occurrence, event: Event) -> dict[str, Any]:
    return {"start": occurrence.start, "end": occurrence.end, "event": event,
            "when": format_date_range(occurrence.start, occurrence.end)}


def format_date_range(start: dt.date, end: dt.date) -> str:
    """'14 October 2026', '2 to 8 November 2026', '28 June to 4 July 2026'."""
    if start == end:
        return f"{start.day} {start:%B %Y}"
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
    }


def duration_bucket(minutes: int | None) -> str:
    """Coarse duration filter values: short (<= 30 min), medium (<= 2 h), long, or '' when unknown."""
    if minutes is None:
        return ""
    if minutes <= 30:
        return "short"
    return "medium" if minutes <= 120 else "long"


def build_home(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield "index.md", renderer.page(
        "index.md", "home.html.j2", "Allied health careers",
        "Find out about the 14 allied health professions of the NHS: what they do, how to get in, and what to "
        "try next.",
        professions=catalogue.professions, audiences=model.AUDIENCE_IDS,
        next_dates=upcoming_dates(renderer, 366)[:3])


def build_professions(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    yield "professions/index.md", renderer.page(
        "professions/index.md", "professions.html.j2", "The allied health professions",
        "All the allied health professions, what each does and how to become one.",
        professions=catalogue.professions)
    for profession in catalogue.professions:
        related = {kind: catalogue.related(profession.id, kind) for kind in ("story", "module", "resource", "talk")}
        path = page_path("profession", profession.id)
        yield path, renderer.page(
            path, "profession.html.j2", profession.title, profession.summary, profession=profession,
            related={kind: [card(kind, entry) for entry in entries[:RELATED_LIMIT]]
                     for kind, entries in related.items()},
            related_counts={kind: len(entries) for kind, entries in related.items()},
            next_dates=upcoming_dates(renderer, 366, catalogue.related(profession.id, "event"))[:4])  # type: ignore[arg-type]


def _entry_pages(renderer: Renderer, kind: str, template: str, index_title: str,
                 index_description: str) -> Iterable[tuple[str, str]]:
    entries = renderer.catalogue.of_kind(kind)
    index_path = f"{_KIND_FOLDERS[kind]}/index.md"
    yield index_path, renderer.page(index_path, "listing.html.j2", index_title, index_description, kind=kind,
                                    cards=[card(kind, entry) for entry in entries])
    for entry in entries:
        path = page_path(kind, entry.id)
        yield path, renderer.page(path, template, entry.title, entry.summary, entry=entry, kind=kind)


def build_stories(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "story", "story.html.j2", "Stories",
                            "Case studies of schemes and people that open doors into the allied health professions.")


def build_modules(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "module", "module.html.j2", "Virtual work experience",
                            "Short work experience modules you can do from home, on a phone, with a private log.")


def build_resources(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "resource", "resource.html.j2", "Resources",
                            "Videos, virtual reality, toolkits, programmes and talk materials about allied "
                            "health careers.")


def build_talks(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield from _entry_pages(renderer, "talk", "talk.html.j2", "Ambassadors: talk packs",
                            "Ready-to-deliver talk packs for allied health ambassadors, by age group and time.")


def build_events(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    months: dict[str, list[dict[str, Any]]] = {}
    for view in upcoming_dates(renderer, 366):
        months.setdefault(f"{view['start']:%B %Y}", []).append(view)
    yield "calendar/index.md", renderer.page(
        "calendar/index.md", "calendar.html.j2", "Calendar",
        "Awareness days and weeks for the allied health professions, and the dates to apply by.",
        months=months)
    for event in catalogue.events:
        path = page_path("event", event.id)
        yield path, renderer.page(path, "event.html.j2", event.title, event.summary, entry=event, kind="event",
                                  dates=upcoming_dates(renderer, 3 * 366, [event])[:3])


def build_audiences(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    for audience in model.AUDIENCE_IDS:
        guide = catalogue.guides.get(audience)
        groups: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KIND_ORDER}
        for kind, entry in catalogue.by_audience[audience]:
            groups[kind].append(card(kind, entry))
        path = f"for/{audience}.md"
        title = guide.title if guide else model.AUDIENCE_LABELS[audience]
        description = guide.summary if guide else f"Where to start: {model.AUDIENCE_LABELS[audience].lower()}."
        yield path, renderer.page(path, "audience.html.j2", title, description, audience=audience, guide=guide,
                                  groups={kind: cards for kind, cards in groups.items() if cards})


def build_explore(renderer: Renderer) -> Iterable[tuple[str, str]]:
    cards = [card(kind, entry) for kind, entry in renderer.catalogue.entries()]
    yield "explore/index.md", renderer.page(
        "explore/index.md", "explore.html.j2", "Explore everything",
        "Every profession, story, module, resource and date, with filters by audience, profession and kind.",
        cards=cards, audiences=model.AUDIENCE_IDS, kinds=KIND_ORDER)


PAGE_BUILDERS: tuple[PageBuilder, ...] = (
    build_home, build_professions, build_stories, build_modules, build_resources, build_events, build_talks,
    build_audiences, build_explore,
)

