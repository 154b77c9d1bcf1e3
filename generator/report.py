"""`python -m generator report`: a Markdown report on the catalogue's health, for a pull-request comment.

Why: validation answers "can this be published?"; editors also need "what needs care?": entries due for review,
profession pages with nothing of a kind to show, audiences with little content, links inside the site that lead
nowhere, and the external links to look at. External links are only tried with `--check-links` (slow, needs the
internet), never in tests or CI, so a flaky third-party site can never block a pull request.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import posixpath
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import links, model
from generator.catalogue import KIND_ORDER, Catalogue
from generator.pipeline import load_valid_catalogue
from generator.render import RenderOptions, render_site
from generator.render.base import KIND_PLURALS, page_path, page_url
from generator.render.professions import RELATED_KINDS

log = logging.getLogger("generator.report")

FEW_ENTRIES = 5
"""An audience with fewer entries than this is listed as needing content."""
REVIEW_SOON_DAYS = 60
"""Entries whose review date falls within this many days are listed as due soon."""
LINK_TIMEOUT = 10.0
"""Seconds to wait for one external link with `--check-links`."""

_URL_FIELDS = ("url", "link")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")

LinkChecker = Callable[[str], str]


def build_report(root: Path, today: dt.date, *, check_links: bool = False,
                 checker: LinkChecker | None = None) -> str:
    """The whole report as Markdown; raises `ContentInvalid` if the catalogue does not validate."""
    catalogue = load_valid_catalogue(root, today)
    tree_paths = set(render_site(catalogue, RenderOptions(today=today)))
    entries = list(_all_entries(catalogue))
    external: dict[str, list[str]] = defaultdict(list)
    broken: list[str] = []
    for kind, entry in entries:
        where = _where(catalogue, kind, entry)
        base = _entry_url(kind, entry.id)
        for field, text in _markdown_texts(entry):
            for target in (link.target for link in links.find_links(text)):
                if target.lower().startswith(("https://", "mailto:")):
                    if target.lower().startswith("https://"):
                        external[target].append(where)
                elif not _resolves(target, base, tree_paths):
                    broken.append(f"- {where} {_md(field)}: `{_code(target)}` does not lead to a page of the site")
        for url in _url_values(entry):
            external[url].append(where)
    past, soon = _reviews(entries, today)
    gaps = _gaps(catalogue)
    few = _few_entries(catalogue)
    summary = [
        f"- {len(entries)} entries; {len(past)} past their review date, {len(soon)} due for review in the next "
        f"{REVIEW_SOON_DAYS} days",
        f"- {len(gaps)} profession page(s) missing related entries; {len(few)} audience(s) with fewer than "
        f"{FEW_ENTRIES} entries",
        f"- {len(broken)} link(s) within the site that do not resolve",
        f"- {len(external)} external link(s) on {len({_host(url) for url in external})} site(s), listed at the end",
    ]
    sections = [
        f"# Catalogue report ({today.isoformat()})",
        "## Summary\n\n" + "\n".join(summary),
        _counts_section(catalogue),
        _review_section(catalogue, past, soon),
        _gaps_section(catalogue, gaps),
        _audience_section(few),
        _heading("Links within the site that do not resolve", broken) + ("\n".join(broken) or "None."),
        _external_section(external, (checker or check_url) if check_links else None),
    ]
    return "\n\n".join(sections) + "\n"


def _all_entries(catalogue: Catalogue) -> Iterator[tuple[str, model.Entry]]:
    yield from catalogue.entries()
    for guide in catalogue.guides.values():
        yield "audience", guide


def _entry_url(kind: str, entry_id: str) -> str:
    return f"for/{entry_id}/" if kind == "audience" else page_url(page_path(kind, entry_id))


def _where(catalogue: Catalogue, kind: str, entry: model.Entry) -> str:
    origin = catalogue.origins.get((kind, entry.id))
    place = f"`{origin.path}:{origin.line}`" if origin else f"`{kind} {entry.id}`"
    return f"{place} {_md(entry.title)}"


def _heading(title: str, items: list[Any]) -> str:
    return f"## {title} ({len(items)})\n\n"


def _md(text: str) -> str:
    """Escape text for a Markdown comment, so an entry's title cannot add links, images or tables to it."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _code(text: str) -> str:
    return text.replace("`", "'")


# --- Sections ------------------------------------------------------------------------------------------------------

def _counts_section(catalogue: Catalogue) -> str:
    audiences = model.AUDIENCE_IDS
    rows = ["| kind | " + " | ".join(audiences) + " | total |", "| --- |" + " ---: |" * (len(audiences) + 1)]
    for kind in KIND_ORDER:
        found = catalogue.of_kind(kind)
        counts = [sum(1 for entry in found if audience in getattr(entry, "audiences", ())) for audience in audiences]
        rows.append(f"| {KIND_PLURALS[kind]} | " + " | ".join(map(str, counts)) + f" | {len(found)} |")
    rows.append(f"| Audience guides | {' | '.join('1' if a in catalogue.guides else '0' for a in audiences)} "
                f"| {len(catalogue.guides)} |")
    return "## Entries by kind and audience\n\n" + "\n".join(rows)


Review = tuple[dt.date, str, str, model.Entry]
"""An entry due for review: its date, kind and id first, so sorting never compares two entries."""


def _reviews(entries: list[tuple[str, model.Entry]], today: dt.date) -> tuple[list[Review], list[Review]]:
    """Entries past their review date, and those due within `REVIEW_SOON_DAYS`, each by date, kind and id."""
    soon_until = today + dt.timedelta(days=REVIEW_SOON_DAYS)
    ordered = sorted(((entry.review_by, kind, entry.id, entry) for kind, entry in entries),
                     key=lambda review: review[:3])
    past = [review for review in ordered if review[0] < today]
    soon = [review for review in ordered if today <= review[0] <= soon_until]
    return past, soon


def _review_section(catalogue: Catalogue, past: list[Review], soon: list[Review]) -> str:
    lines = [f"- {_where(catalogue, kind, entry)}: review by {date.isoformat()}" for date, kind, _, entry in past]
    lines = lines or ["None."]
    lines += ["", f"Due for review in the next {REVIEW_SOON_DAYS} days: {len(soon)}.", ""]
    lines += [f"- {_where(catalogue, kind, entry)}: review by {date.isoformat()}" for date, kind, _, entry in soon]
    return _heading("Past their review date", past) + "\n".join(lines).rstrip()


def _gaps(catalogue: Catalogue) -> list[str]:
    """One line per profession whose page shows only general entries of some kind."""
    gaps = []
    for profession in catalogue.professions:
        named = dict.fromkeys(RELATED_KINDS, 0)
        for kind, _ in catalogue.by_profession.get(profession.id, ()):
            if kind in named:
                named[kind] += 1
        missing = [kind for kind, count in named.items() if count == 0]
        if missing:
            shown = ", ".join(f"{KIND_PLURALS[kind].lower()} ({len(catalogue.related(profession.id, kind))} "
                              "for all professions)" for kind in missing)
            gaps.append(f"- {_where(catalogue, 'profession', profession)}: nothing written for it in {shown}")
    return gaps


def _gaps_section(catalogue: Catalogue, gaps: list[str]) -> str:
    intro = "Kinds of related entry that no entry names the profession for (the page shows only general ones)."
    return _heading("Profession pages missing related entries", gaps) + intro + "\n\n" + ("\n".join(gaps) or "None.")


def _few_entries(catalogue: Catalogue) -> list[tuple[str, int]]:
    counts = [(audience, len(catalogue.by_audience.get(audience, ()))) for audience in model.AUDIENCE_IDS]
    return [(audience, count) for audience, count in counts if count < FEW_ENTRIES]


def _audience_section(few: list[tuple[str, int]]) -> str:
    lines = [f"- {audience} ({model.AUDIENCE_LABELS[audience]}): {count} entries" for audience, count in few]
    return (_heading(f"Audiences with fewer than {FEW_ENTRIES} entries", few) + ("\n".join(lines) or "None."))


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _external_section(external: dict[str, list[str]], checker: LinkChecker | None) -> str:
    """External links grouped by site and folded in a <details> block, so the long list does not bury the rest."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in sorted(external):
        places = sorted(set(external[url]))
        status = f" **{_md(checker(url))}**" if checker else ""
        by_host[_host(url)].append(f"- {_md(url)}{status} (used by {len(places)}: {', '.join(places[:3])}"
                                   + (", ..." if len(places) > 3 else "") + ")")
    note = ("Each link was tried once." if checker else
            "Not checked: run `python -m generator report --check-links` to try each one.")
    if not external:
        return _heading("External links", []) + note + "\n\nNone."
    groups = [f"**{_md(host)}** ({len(lines)})\n\n" + "\n".join(lines) for host, lines in sorted(by_host.items())]
    summary = html.escape(f"{len(external)} links on {len(by_host)} sites, grouped by site")
    return (_heading("External links", list(external)) + note + f"\n\n<details><summary>{summary}</summary>\n\n"
            + "\n\n".join(groups) + "\n\n</details>")


# --- Links ---------------------------------------------------------------------------------------------------------

def _markdown_texts(entry: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every Markdown field of an entry, nested ones included."""
    for name, info in type(entry).model_fields.items():
        value = getattr(entry, name)
        field = f"{prefix}{name}"
        is_markdown = model.is_markdown(info)
        values = value if isinstance(value, (list, tuple)) else [value]
        for index, item in enumerate(values):
            label = f"{field}[{index + 1}]" if isinstance(value, (list, tuple)) else field
            if isinstance(item, BaseModel):
                yield from _markdown_texts(item, label + ".")
            elif isinstance(item, str) and is_markdown:
                yield label, item


def _url_values(entry: BaseModel) -> Iterator[str]:
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        if name in _URL_FIELDS and isinstance(value, str):
            yield value
        elif name == "sources":
            yield from (source for source in value if source.startswith("https://"))
        elif isinstance(value, BaseModel):
            yield from _url_values(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, BaseModel):
                    yield from _url_values(item)


def _resolves(target: str, base: str, tree_paths: set[str]) -> bool:
    """Does a site-relative link from the page at `base` lead to a page or file of the built site?"""
    path = re.split(r"[#?]", target, maxsplit=1)[0]
    if not path:
        return True  # a link to a heading on the same page
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal.startswith(".."):
        return False
    normal = "" if normal == "." else normal
    pages = {page_url(source) for source in tree_paths if source.endswith(".md")}
    return normal in tree_paths or normal in pages or f"{normal}/" in pages


def check_url(url: str) -> str:
    """Try one address (HEAD, then GET if refused); return 'ok', an HTTP status or the error, in a few words."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "ahp-careers-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=LINK_TIMEOUT) as response:
                return "ok" if response.status < 400 else f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"failed: {getattr(error, 'reason', error)}"
    return "failed"
