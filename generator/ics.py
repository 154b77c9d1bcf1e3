"""Subscribable calendar feeds: events as RFC 5545 iCalendar files, built with the `icalendar` package.

Why: ambassadors and teachers plan in their own calendar apps. A feed keeps the RRULE of a recurring event, so a
subscribed calendar stays right in years the site has not been rebuilt for, but starts it at the next occurrence on
or after the build date, so "Add to calendar" never fills a calendar with past years. An event whose date the
organiser sets each year (UCAS, results day) is exported as its next expected date only: an open yearly series
would put wrong dates in people's calendars for years. Every value is derived from the
catalogue and the build date (never the clock), so two builds with the same date give byte-identical files, and an
event keeps the same UID across builds, so a calendar app updates it instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

import icalendar

from generator.model import ALL_PROFESSIONS, EVENT_KIND_LABELS, Event
from generator.recurrence import parse_rule, rule_body

PRODID = "-//AHP careers//Awareness and recruitment calendar//EN"
UID_FALLBACK_HOST = "ahp-careers"
"""UID domain when no site address is configured."""
REFRESH = dt.timedelta(weeks=1)
"""How often a subscribed calendar should look for changes: the calendar changes a few times a year."""


def event_uid(event_id: str, site_url: str = "") -> str:
    """A UID that stays the same across builds: the event id at the site's host."""
    host = urlsplit(site_url).hostname if site_url else None
    return f"{event_id}@{host or UID_FALLBACK_HOST}"


SET_EACH_YEAR_NOTE = "The organiser sets this date each year: this is the expected date, so check it nearer the time."


def next_start(event: Event, today: dt.date) -> dt.date | None:
    """The first day of the event's first occurrence starting on or after `today`, or None if there is none."""
    if event.date is not None:
        return event.date if event.date >= today else None
    assert event.rule is not None and event.starts is not None  # guaranteed by the model
    moment = parse_rule(event.rule, event.starts).after(dt.datetime.combine(today, dt.time()), inc=True)
    return moment.date() if moment is not None else None


def _rule_from(event: Event, start: dt.date) -> icalendar.vRecur:
    """The event's RRULE for a series that now begins at `start` (an occurrence): a COUNT counts what is left."""
    assert event.rule is not None and event.starts is not None
    recur = icalendar.vRecur.from_ical(rule_body(event.rule))
    if "COUNT" in recur:
        moment = dt.datetime.combine(start, dt.time())
        recur["COUNT"] = [sum(1 for day in parse_rule(event.rule, event.starts) if day >= moment)]
    return recur


def first_span(event: Event) -> tuple[dt.date, dt.date]:
    """The first occurrence as (first day, exclusive end day), the form DTSTART/DTEND take for all-day events."""
    if event.date is not None:
        return event.date, (event.end or event.date) + dt.timedelta(days=1)
    assert event.starts is not None  # guaranteed by the model
    return event.starts, event.starts + dt.timedelta(days=event.days)


def describe(event: Event, profession_names: Mapping[str, str]) -> str:
    """Plain-text DESCRIPTION: the summary, who it is about and, when known, how far ahead to prepare."""
    names = ["All professions" if pid == ALL_PROFESSIONS else profession_names.get(pid, pid)
             for pid in event.professions]
    lines = [event.summary, "", f"Professions: {', '.join(names)}"]
    if event.lead_time:
        lines.append(f"Plan ahead: {event.lead_time}")
    if event.set_each_year and event.rule is not None:
        lines.append(SET_EACH_YEAR_NOTE)
    return "\n".join(lines)


def build_feed_event(event: Event, *, today: dt.date, site_url: str, url: str,
                     profession_names: Mapping[str, str]) -> icalendar.Event:
    """One VEVENT: all-day DATE values (floating, so no VTIMEZONE), starting at the next occurrence on or after
    `today` (a past one-off date stays as it was). A recurring event keeps its RRULE from there, unless its
    organiser sets the date each year: then only that next occurrence is exported."""
    start, end = first_span(event)
    upcoming = next_start(event, today)
    if upcoming is not None:
        start, end = upcoming, upcoming + (end - start)
    item = icalendar.Event()
    item.add("uid", event_uid(event.id, site_url))
    item.add("dtstamp", dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC))
    item.add("dtstart", start)
    item.add("dtend", end)
    if event.rule is not None and not event.set_each_year:
        item.add("rrule", _rule_from(event, start))
    item.add("summary", event.title)
    item.add("description", describe(event, profession_names))
    item.add("categories", [EVENT_KIND_LABELS[event.kind]])
    item.add("transp", "TRANSPARENT")  # an awareness day does not make anyone busy
    if url:
        item.add("url", url)
    return item


def build_feed(events: Iterable[Event], *, name: str, description: str, today: dt.date, site_url: str = "",
               event_url: Callable[[str], str] = lambda event_id: "",
               profession_names: Mapping[str, str] | None = None,
               serialised: dict[str, bytes] | None = None) -> bytes:
    """An iCalendar file holding `events`, sorted by id so the bytes depend only on the content and the date.

    `serialised` may carry each event's VEVENT bytes between calls: an event appears in several feeds (all dates,
    its professions, its audiences, its own), and serialising it once keeps the feeds linear in the catalogue.
    """
    cache = {} if serialised is None else serialised
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    if site_url:
        calendar.add("url", site_url)
    body = []
    for event in sorted(events, key=lambda item: item.id):
        if event.id not in cache:
            cache[event.id] = build_feed_event(event, today=today, site_url=site_url, url=event_url(event.id),
                                               profession_names=profession_names or {}).to_ical()
        body.append(cache[event.id])
    header, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    return header + b"".join(body) + b"END:VCALENDAR" + end
