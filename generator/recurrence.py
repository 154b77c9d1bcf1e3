"""When events happen: expand one-off dates and RFC 5545 recurrence rules into concrete occurrences.

Why: awareness dates follow rules ("the first full week of November"), and a home-made date engine gets the odd
year wrong. `dateutil.rrule` implements RFC 5545 RRULE semantics, the same rules a subscribed calendar applies
to the ICS feed, so the site and the feed can never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
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
    """A recurrence rule that cannot be read: `message` says why in plain words, `hint` gives a working rule."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or f"for example {EXAMPLE_RULE}"


EXAMPLE_RULE = "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU"
"""A working rule shown when nothing closer can be suggested: the second Tuesday of May."""
RULE_PARTS: dict[str, str] = {
    "FREQ": "how often: YEARLY, MONTHLY, WEEKLY or DAILY",
    "INTERVAL": "every how many (2 = every other), a whole number",
    "COUNT": "how many times in all, a whole number",
    "UNTIL": "the last possible date, written YYYYMMDD",
    "BYMONTH": "a month number, 1 (January) to 12 (December)",
    "BYMONTHDAY": "a day of the month, 1 to 31 (-1 is the last day)",
    "BYDAY": "a weekday MO, TU, WE, TH, FR, SA or SU, with a number before it for which one (2TU = second "
             "Tuesday, -1FR = last Friday)",
    "BYSETPOS": "which of the matching days, such as 1 or -1",
    "BYWEEKNO": "a week number, 1 to 53",
    "BYYEARDAY": "a day of the year, 1 to 366",
    "WKST": "the first day of the week, such as MO",
}
"""The parts of an RFC 5545 rule an editor may write, and what each takes, in plain words."""
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "last": -1}


def rule_body(rule: str) -> str:
    """The rule as written in an RRULE property value: without a leading 'RRULE:' and surrounding spaces."""
    text = rule.strip()
    return text[6:].strip() if text.upper().startswith("RRULE:") else text


@lru_cache(maxsize=4096)
def parse_rule(rule: str, starts: dt.date) -> rrule:
    """Parse an RRULE (without DTSTART) anchored at `starts`; raise `RuleError` if it is not valid."""
    text = rule_body(rule)
    if "DTSTART" in text.upper() or "\n" in text:
        raise RuleError("give only the RRULE part; the first date goes in 'starts'",
                        "write the rule on one line, for example rule: FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14")
    try:
        parsed = rrulestr(text, dtstart=dt.datetime.combine(starts, dt.time()))
    except (ValueError, TypeError, KeyError):
        raise explain_rule(text) from None
    if not isinstance(parsed, rrule):  # pragma: no cover - rrulestr returns an rruleset only for several rules
        raise RuleError("give exactly one rule")
    return parsed


def explain_rule(text: str) -> RuleError:
    """Why `text` is not a rule, in plain words, with the nearest working rule when one can be guessed."""
    if not text.strip():
        return RuleError("the rule is empty")
    if "=" not in text:
        from_words = rule_from_words(text)
        if from_words:
            return RuleError(f"'{text}' is written in words; the calendar needs it as a recurrence rule",
                             f"write it as {from_words}")
        return RuleError(f"'{text}' is not a recurrence rule the calendar understands",
                         f"write it like {EXAMPLE_RULE} (the second Tuesday of May); see docs/calendar.md")
    parts = [part.strip() for part in re.split(r"[;\s]+", text.strip().strip(";")) if part.strip()]
    repaired: list[str] = []
    problem = ""
    for part in parts:
        name, _, value = part.partition("=")
        name = name.strip().upper()
        if name not in RULE_PARTS:
            problem = problem or (f"'{name}' is not a part of a recurrence rule" if value else
                                  f"'{part}' is not written NAME=value")
            continue
        fixed = _repair_value(name, value.strip())
        if fixed != value.strip() or not value.strip():
            problem = problem or f"{name}={value.strip()} is not valid: {name} takes {RULE_PARTS[name]}"
        if fixed:
            repaired.append(f"{name}={fixed}")
    if re.search(r"\s", text.strip()):
        problem = problem or "the rule contains spaces: write its parts joined by ';' with no spaces"
    if not any(part.startswith("FREQ=") for part in repaired):
        problem = problem or "the rule does not say how often: it needs FREQ, such as FREQ=YEARLY"
        repaired.insert(0, "FREQ=YEARLY")
    else:
        repaired.sort(key=lambda part: not part.startswith("FREQ="))
    suggestion = ";".join(repaired)
    try:
        rrulestr(suggestion, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError):
        suggestion = ""
    hint = f"write it as {suggestion}" if suggestion and suggestion != "FREQ=YEARLY" else ""
    return RuleError(problem or "this is not a recurrence rule the calendar understands", hint)


def _repair_value(name: str, value: str) -> str:
    """The value an editor most likely meant (a month or weekday name as the rule writes it), or '' if unsure."""
    upper = value.upper()
    if name == "FREQ":
        upper = {"ANNUAL": "YEARLY", "ANNUALLY": "YEARLY", "YEAR": "YEARLY", "MONTH": "MONTHLY",
                 "WEEK": "WEEKLY", "DAY": "DAILY"}.get(upper, upper)
        return upper if upper in ("YEARLY", "MONTHLY", "WEEKLY", "DAILY") else ""
    if name == "BYMONTH":
        months = [_month_number(item) for item in upper.split(",")]
        return ",".join(str(month) for month in months) if all(months) else ""
    if name == "BYDAY":
        days = [_weekday_code(item) for item in upper.split(",")]
        return ",".join(days) if all(days) else ""  # type: ignore[arg-type]
    return upper if re.fullmatch(r"[-+]?\d+(?:,[-+]?\d+)*|\d{8}(?:T\d{6}Z?)?|MO|TU|WE|TH|FR|SA|SU", upper) else ""


def _month_number(text: str) -> int | None:
    text = text.strip().lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    found = [number for number, name in enumerate(_MONTH_NAMES, 1) if len(text) >= 3 and name.startswith(text)]
    return found[0] if len(found) == 1 else None


def _weekday_code(text: str) -> str | None:
    """'2TU', '2TUE', 'TU2', '2Tuesday' and '-1fr' all mean a weekday code; return it as the rule writes it."""
    match = re.fullmatch(r"([-+]?\d)?([A-Z]+)([-+]?\d)?", text.strip().upper())
    if not match or (match.group(1) and match.group(3)):
        return None
    day = match.group(2)[:2]
    if day not in _WEEKDAYS or not _WEEKDAY_NAMES[_WEEKDAYS.index(day)].upper().startswith(match.group(2)):
        return None
    return f"{match.group(1) or match.group(3) or ''}{day}"


def rule_from_words(text: str) -> str | None:
    """The rule for a date written in words ('second Tuesday of May', '14 October', 'every Monday'), or None."""
    words = re.sub(r"[^a-z0-9 -]", " ", text.lower()).split()
    words = [word for word in words if word not in ("the", "each", "every", "year", "a", "on")]
    weekdays = [_weekday_from_name(word) for word in words]
    months = [_month_number(word) if not word.isdigit() else None for word in words]
    month = next((found for found in months if found), None)
    weekday = next((found for found in weekdays if found), None)
    ordinal = next((_ORDINALS[word] for word in words if word in _ORDINALS), None)
    day = next((int(word.rstrip("stndrh")) for word in words
                if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word) and word not in _ORDINALS), None)
    if "full" in words and "week" in words and month and ordinal == 1:
        return f"FREQ=YEARLY;BYMONTH={month};BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7"
    if weekday and ordinal and month:
        return f"FREQ=YEARLY;BYMONTH={month};BYDAY={ordinal}{weekday}"
    if weekday and ordinal and "month" in words:
        return f"FREQ=MONTHLY;BYDAY={ordinal}{weekday}"
    if day and month and 1 <= day <= 31 and not weekday:
        return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
    if weekday and not month and not ordinal:
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    return None


def _weekday_from_name(word: str) -> str | None:
    found = [code for code, name in zip(_WEEKDAYS, _WEEKDAY_NAMES, strict=True) if len(word) >= 3
             and name.startswith(word.rstrip("s") if word.endswith("days") else word)]
    return found[0] if len(found) == 1 else None


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


NEXT_DATES_YEARS = 10
"""How far ahead `next_dates` looks: far enough for five occurrences of a yearly date."""


def next_dates(event: Event, today: dt.date, count: int = 5) -> list[Occurrence]:
    """The next `count` occurrences of `event` still running on or after `today` (fewer if the rule ends)."""
    before = today.replace(year=today.year + NEXT_DATES_YEARS) if (today.month, today.day) != (2, 29) else \
        dt.date(today.year + NEXT_DATES_YEARS, 3, 1)
    return occurrences(event, today, before)[:count]


def describe_next_dates(event: Event, today: dt.date, count: int = 5) -> list[str]:
    """Lines an editor reads to check what a date or rule means: the event, its rule, and its next dates."""
    how = f"rule {rule_body(event.rule)}, starting {event.starts}" if event.rule else "a one-off date"
    lasting = f", {event.days} days each time" if event.rule and event.days > 1 else ""
    lines = [f"{event.id} ({event.title}): {how}{lasting}"]
    found = next_dates(event, today, count)
    if not found:
        return [*lines, f"No dates from {today.isoformat()} in the next {NEXT_DATES_YEARS} years."]
    lines.append(f"Next {len(found)} date(s) from {today.isoformat()}:")
    for occurrence in found:
        span = _day(occurrence.start)
        if occurrence.end != occurrence.start:
            span += f" to {_day(occurrence.end)}"
        lines.append(f"  {span}")
    return lines


def _day(day: dt.date) -> str:
    """'Tue 12 May 2026', written without platform-specific strftime flags."""
    return f"{day:%a} {day.day} {day:%B %Y}"
