"""When events happen: expand one-off dates and RFC 5545 recurrence rules into concrete occurrences.

Why: awareness dates follow rules ("the first full week of November"), and a home-made date engine gets the odd
year wrong. `dateutil.rrule` implements RFC 5545 RRULE semantics, the same rules a subscribed calendar applies
to the ICS feed, so the site and the feed can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from generator.model import Event


@dataclass(frozen=True, order=True)
class Occurrence:
    """One concrete happening of an event: its first and last day (inclusive)."""

    start: dt.date
    end: dt.date
    event_id: str


class RuleError(ValueError):
    """A recurrence rule that dateutil cannot read; the message says why."""


def rule_body(rule: str) -> str:
    """The rule as written in an RRULE property value: without a leading 'RRULE:' and surrounding spaces."""
    text = rule.strip()
    return text[6:].strip() if text.upper().startswith("RRULE:") else text


@lru_cache(maxsize=4096)
def parse_rule(rule: str, starts: dt.date) -> rrule:
    """Parse an RRULE (without DTSTART) anchored at `starts`; raise `RuleError` if it is not valid."""
    text = rule_body(rule)
    if "DTSTART" in text.upper() or "\n" in text:
        raise RuleError("give only the RRULE part; the first date goes in 'starts'")
    try:
        parsed = rrulestr(text, dtstart=dt.datetime.combine(starts, dt.time()))
    except (ValueError, TypeError, KeyError) as error:
        raise RuleError(str(error) or "not a valid RRULE") from None
    if not isinstance(parsed, rrule):  # pragma: no cover - rrulestr returns an rruleset only for several rules
        raise RuleError("give exactly one rule")
    return parsed


def occurrences(event: Event, after: dt.date, before: dt.date) -> list[Occurrence]:
    """Occurrences of `event` that overlap the window [after, before)."""
    if event.date is not None:
        end = event.end or event.date
        if end >= after and event.date < before:
            return [Occurrence(event.date, end, event.id)]
        return []
    assert event.rule is not None and event.starts is not None  # guaranteed by the model
    span = dt.timedelta(days=event.days - 1)
    rule = parse_rule(event.rule, event.starts)
    window_start = dt.datetime.combine(after - span, dt.time())
    window_end = dt.datetime.combine(before, dt.time())
    return [Occurrence(day.date(), day.date() + span, event.id)
            for day in rule.between(window_start, window_end, inc=True) if day < window_end]


def upcoming(events: tuple[Event, ...] | list[Event], today: dt.date, days: int) -> list[tuple[Occurrence, Event]]:
    """Occurrences of all `events` from `today` for `days` days, in date order."""
    before = today + dt.timedelta(days=days)
    found = [(occurrence, event) for event in events for occurrence in occurrences(event, today, before)]
    return sorted(found, key=lambda pair: (pair[0].start, pair[0].event_id))
