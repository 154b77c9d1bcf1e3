"""The calendar: the next twelve months, per-profession and per-audience lists, "Plan your year", event pages and
the subscribable ICS feeds.

Why: young people need to know when to apply, and ambassadors plan talks around awareness days. All dates come
from `recurrence.py` and all feeds from `ics.py`, so a page and a feed can never disagree. Filtering works without
JavaScript through one small page per profession and per audience; calendar.js only adds instant filtering on
/calendar/ itself, so no page grows with the number of professions times events.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

from generator import model, urls
from generator.ics import build_feed
from generator.model import ALL_PROFESSIONS, LOOKAHEAD_DAYS, Event
from generator.recurrence import rule_body, upcoming
from generator.render.base import Renderer, format_date_range, page_path, page_url, upcoming_dates
from generator.urls import ALL_FEED, audience_feed, event_feed, profession_feed

# Moved to generator.urls; the old names stay importable from here.
profession_page = urls.calendar_profession_path
audience_page = urls.calendar_audience_path
__all__ = ["ALL_FEED", "audience_feed", "audience_page", "event_feed", "profession_feed", "profession_page"]
RECRUITMENT_KINDS = frozenset({"recruitment-deadline", "recruitment-window", "programme-intake", "other"})
"""Kinds shown in the recruitment column of "Plan your year"; the awareness-* kinds go in the other column."""
PLAN_HINTS: tuple[tuple[str, str], ...] = (
    ("Schools and colleges need time to make sure work experience applications are processed, so start early.",
     "000_055b8d76fe1b33d6.txt"),
    ("Students who already understand AHP careers before their work experience get more out of it.",
     "000_055b8d76fe1b33d6.txt"),
    ("Good times for careers awareness are the start of the UCAS application window in the autumn, UCAS Clearing "
     "over the summer, school work experience weeks, and each profession's own days and weeks.",
     "002_67d9b56a58427b43.txt"),
)
"""Lead-time hints for "Plan your year", each paraphrasing the source document it names."""
_FREQUENCY_LABELS = {"YEARLY": "Every year", "MONTHLY": "Every month", "WEEKLY": "Every week", "DAILY": "Every day"}


def for_profession(events: Iterable[Event], profession_id: str) -> list[Event]:
    """Events naming the profession, or all professions."""
    return [event for event in events if profession_id in event.professions or ALL_PROFESSIONS in event.professions]


def for_audience(events: Iterable[Event], audience_id: str) -> list[Event]:
    return [event for event in events if audience_id in event.audiences]


def repeat_label(event: Event) -> str:
    """'Every year' for a yearly rule, 'One-off' for a date; '' when a rule is unusual enough to say nothing."""
    if event.rule is None:
        return "One-off"
    parts = dict(part.split("=", 1) for part in rule_body(event.rule).upper().split(";") if "=" in part)
    if "COUNT" in parts or "UNTIL" in parts or parts.get("INTERVAL", "1") != "1":
        return ""
    return _FREQUENCY_LABELS.get(parts.get("FREQ", ""), "")


def window_days(today: dt.date, months: int = 12) -> int:
    return ((today + relativedelta(months=months)) - today).days


def group_by_month(views: Sequence[dict[str, Any]], today: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Month heading -> dates; a date that began before `today` and is still running counts in this month."""
    months: dict[str, list[dict[str, Any]]] = {}
    for view in views:
        months.setdefault(f"{max(view['start'], today):%B %Y}", []).append(view)
    return months


def calendar_item(view: dict[str, Any]) -> dict[str, Any]:
    """A date as the calendar lists it: the occurrence plus what the filters and the add link need."""
    event: Event = view["event"]
    return {**view, "kind_label": model.EVENT_KIND_LABELS[event.kind], "feed": event_feed(event.id),
            "iso": view["start"].isoformat()}


def build_feeds(renderer: Renderer) -> Iterable[tuple[str, bytes]]:
    """Every ICS file: all dates, one per profession, one per audience, one per event."""
    catalogue, options = renderer.catalogue, renderer.options
    names = {profession.id: profession.title for profession in catalogue.professions}

    def event_url(event_id: str) -> str:
        return options.site_url + page_url(page_path("event", event_id)) if options.site_url else ""

    serialised: dict[str, bytes] = {}

    def feed(events: Iterable[Event], name: str, description: str) -> bytes:
        return build_feed(events, name=name, description=description, today=options.today,
                          site_url=options.site_url, event_url=event_url, profession_names=names,
                          serialised=serialised)

    events = catalogue.events
    yield ALL_FEED, feed(events, "Allied health careers: all dates",
                         "Awareness days and weeks for the allied health professions, and the dates to apply by.")
    for profession in catalogue.professions:
        yield profession_feed(profession.id), feed(
            for_profession(events, profession.id), f"Allied health careers: {profession.title}",
            f"Dates about {profession.title.lower()} jobs and about all the allied health professions.")
    for audience in model.AUDIENCE_IDS:
        label = model.AUDIENCE_LABELS[audience]
        yield audience_feed(audience), feed(for_audience(events, audience), f"Allied health careers: {label}",
                                            f"Allied health dates for: {label.lower()}.")
    for event in events:
        yield event_feed(event.id), feed([event], event.title, event.summary)


def build_calendar_index(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue, today = renderer.catalogue, renderer.options.today
    views = [calendar_item(view) for view in upcoming_dates(renderer, window_days(today))]
    yield urls.CALENDAR, renderer.page(
        urls.CALENDAR, "calendar.html.j2", "Calendar",
        "Awareness days and weeks for the allied health professions, and the dates to apply by.",
        months=group_by_month(views, today), count=len(views), feed=ALL_FEED,
        professions=[(profession, profession_page(profession.id)) for profession in catalogue.professions],
        audiences=[(audience, audience_page(audience)) for audience in model.AUDIENCE_IDS],
        site_url=renderer.options.site_url, filter_script=True)


def build_calendar_lists(renderer: Renderer) -> Iterable[tuple[str, str]]:
    """One small page per profession and per audience: the filter that works without JavaScript."""
    catalogue, today = renderer.catalogue, renderer.options.today
    days = window_days(today)
    for profession in catalogue.professions:
        path = profession_page(profession.id)
        views = [calendar_item(view)
                 for view in upcoming_dates(renderer, days, for_profession(catalogue.events, profession.id))]
        yield path, renderer.page(
            path, "calendar_list.html.j2", f"{profession.title}: dates",
            f"The next twelve months of dates about {profession.title.lower()} jobs and about all the allied "
            "health professions.",
            months=group_by_month(views, today), count=len(views), feed=profession_feed(profession.id),
            about_page=page_path("profession", profession.id), about_title=profession.title,
            site_url=renderer.options.site_url)
    for audience in model.AUDIENCE_IDS:
        path = audience_page(audience)
        label = model.AUDIENCE_LABELS[audience]
        views = [calendar_item(view) for view in upcoming_dates(renderer, days, for_audience(catalogue.events,
                                                                                            audience))]
        yield path, renderer.page(
            path, "calendar_list.html.j2", f"{label}: dates",
            f"Allied health dates for the next twelve months, for: {label.lower()}.",
            months=group_by_month(views, today), count=len(views), feed=audience_feed(audience),
            about_page=urls.audience_path(audience), about_title=label, site_url=renderer.options.site_url)


def plan_months(renderer: Renderer, count: int = 12) -> list[dict[str, Any]]:
    """`count` whole calendar months from this one: recruitment and awareness dates side by side, and the dates
    of the month after, to get ready for."""
    first = renderer.options.today.replace(day=1)
    days = (first + relativedelta(months=count + 1) - first).days
    items = [calendar_item(view) for view in dated_views(renderer.catalogue.events, first, days)]
    months = []
    for offset in range(count + 1):
        start = first + relativedelta(months=offset)
        stop = start + relativedelta(months=1)
        in_month = [item for item in items if start <= item["start"] < stop]
        months.append({"label": f"{start:%B %Y}", "items": in_month,
                       "recruitment": [item for item in in_month if item["event"].kind in RECRUITMENT_KINDS],
                       "awareness": [item for item in in_month if item["event"].kind not in RECRUITMENT_KINDS]})
    for month, following in itertools.pairwise(months):
        month["get_ready"] = following["items"]
        month["next_label"] = following["label"]
    return months[:count]


def dated_views(events: Sequence[Event], first: dt.date, days: int) -> list[dict[str, Any]]:
    """Occurrences from `first` (not the build date) for `days` days, as the same view dicts pages use."""
    return [{"start": occurrence.start, "end": occurrence.end, "event": event,
             "when": format_date_range(occurrence.start, occurrence.end)}
            for occurrence, event in upcoming(events, first, days) if occurrence.start >= first]


def build_plan(renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield urls.PLAN, renderer.page(
        urls.PLAN, "plan.html.j2", "Plan your year",
        "For ambassadors and employers: the recruitment year beside the awareness dates, month by month, with "
        "when to start getting ready.",
        months=plan_months(renderer), hints=PLAN_HINTS, feed=ALL_FEED)


def build_event_pages(renderer: Renderer) -> Iterable[tuple[str, str]]:
    for event in renderer.catalogue.events:
        path = page_path("event", event.id)
        yield path, renderer.page(path, "event.html.j2", event.title, event.summary, entry=event, kind="event",
                                  dates=upcoming_dates(renderer, LOOKAHEAD_DAYS, [event])[:3],
                                  repeat=repeat_label(event), feed=event_feed(event.id),
                                  professions=[(pid, profession_page(pid)) for pid in event.professions
                                               if ("profession", pid) in renderer.catalogue.by_id])


def build_events(renderer: Renderer) -> Iterable[tuple[str, str | bytes]]:
    """Every calendar page and feed."""
    yield from build_calendar_index(renderer)
    yield from build_calendar_lists(renderer)
    yield from build_plan(renderer)
    yield from build_event_pages(renderer)
    yield from build_feeds(renderer)
