"""Cross-entry rules: checks that need more than one entry (or the calendar), one small function per rule.

Why: the model checks each entry alone; ids unique per kind, references that must exist and file names that must
match ids need the whole catalogue. Each rule returns `ContentError`s with the file and line of the offending
value, and is listed once in `RULES`, so adding a rule is adding a function.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from dateutil.rrule import rrule

from generator.catalogue import ValidEntry
from generator.errors import ContentError, field_name
from generator.load import ENTRY_DIRS, LIST_FILES, RawEntry
from generator.model import ALL_PROFESSIONS, LOOKAHEAD_DAYS, STALE_ONE_OFF_DAYS, Event, Module, Story, Talk
from generator.readability import reading_ease
from generator.recurrence import RuleError, parse_rule


@dataclass(frozen=True)
class RuleContext:
    entries: Sequence[ValidEntry]
    declared: dict[str, list[str]]
    """Kind -> every id written in the files, valid entry or not, so one broken entry does not make every
    reference to it an error too."""
    today: dt.date
    raw_entries: Sequence[RawEntry] = ()
    """Every entry read, valid or not."""
    unknowable: frozenset[str] = frozenset()
    """Kinds whose list file could not be read: their ids are unknown, so references to them are not checked."""

    def error(self, valid: ValidEntry, location: tuple[str | int, ...], field: str, message: str,
              hint: str = "") -> ContentError:
        line, column = valid.raw.position(location)
        return ContentError(valid.path, line, column, field, message, hint)

    def ids(self, kind: str) -> list[str]:
        return self.declared.get(kind, [])


Rule = Callable[[RuleContext], Iterator[ContentError]]


def check_unique_ids(context: RuleContext) -> Iterator[ContentError]:
    """Ids are unique within each kind; checked on every entry written, valid or not, so a duplicate is reported
    in the same run as the other mistakes of either entry."""
    first: dict[tuple[str, str], RawEntry] = {}
    for raw in context.raw_entries:
        entry_id = raw.data.get("id") if isinstance(raw.data, dict) else None
        if not isinstance(entry_id, str):
            continue
        key = (raw.kind, entry_id)
        if key in first:
            earlier = first[key]
            line, column = raw.position(("id",))
            yield ContentError(raw.path, line, column, "id", f"duplicate {raw.kind} id '{entry_id}' "
                               f"(also in {earlier.path}:{earlier.position()[0]})", "give each entry its own id")
        else:
            first[key] = raw


def check_file_name_matches_id(context: RuleContext) -> Iterator[ContentError]:
    """One-entry files are named after their id, so URLs and file names agree."""
    for valid in context.entries:
        if not valid.path.startswith("content/"):
            continue
        stem = PurePosixPath(valid.path).stem
        if stem != valid.entry.id:
            yield context.error(valid, ("id",), "id", f"id '{valid.entry.id}' does not match the file name "
                                f"'{stem}.yaml'", "rename the file or change the id so they are the same")


def _check_references(context: RuleContext, valid: ValidEntry, field: str, values: Sequence[str],
                      kind: str, known: list[str], allow_all: bool,
                      prefix: tuple[str | int, ...] = ()) -> Iterator[ContentError]:
    if kind in context.unknowable:
        return
    for index, value in enumerate(values):
        if allow_all and value == ALL_PROFESSIONS:
            if len(values) > 1:
                yield context.error(valid, (*prefix, field, index), field_name((*prefix, field, index)),
                                    "'all' must be the only item",
                                    "write either [all] or a list of ids")
            continue
        if value not in known:
            guess = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            hint = (f"did you mean '{guess[0]}'?" if guess else f"known {kind} ids: " + ", ".join(sorted(known)[:20])
                    if known else f"no {kind} entries were found")
            yield context.error(valid, (*prefix, field, index), field_name((*prefix, field, index)),
                                f"unknown {kind} '{value}'", hint)


def check_profession_references(context: RuleContext) -> Iterator[ContentError]:
    """Every profession an entry names exists."""
    known = context.ids("profession")
    for valid in context.entries:
        professions = getattr(valid.entry, "professions", None)
        if professions is not None:
            yield from _check_references(context, valid, "professions", professions, "profession", known, True)


def check_resource_references(context: RuleContext) -> Iterator[ContentError]:
    """Resources used by module activities and talk packs exist."""
    known = context.ids("resource")
    for valid in context.entries:
        entry = valid.entry
        if isinstance(entry, Talk):
            yield from _check_references(context, valid, "resources", entry.resources, "resource", known, False)
        elif isinstance(entry, Module):
            for index, activity in enumerate(entry.activities):
                yield from _check_references(context, valid, "resources", activity.resources, "resource", known,
                                             False, ("activities", index))


def check_unique_activity_ids(context: RuleContext) -> Iterator[ContentError]:
    """Activity ids are unique within a module (the reflective log keys answers by them)."""
    for valid in context.entries:
        if isinstance(valid.entry, Module):
            seen: set[str] = set()
            for index, activity in enumerate(valid.entry.activities):
                if activity.id in seen:
                    yield context.error(valid, ("activities", index, "id"), field_name(("activities", index, "id")),
                                        f"duplicate activity id '{activity.id}'", "give each activity its own id")
                seen.add(activity.id)


def check_event_dates(context: RuleContext) -> Iterator[ContentError]:
    """Recurrence rules parse, start on an occurrence, and happen at least once in the next three years."""
    horizon = context.today + dt.timedelta(days=LOOKAHEAD_DAYS)
    for valid in context.entries:
        event = valid.entry
        if not isinstance(event, Event):
            continue
        if event.rule is None or event.starts is None:
            stale_before = context.today - dt.timedelta(days=STALE_ONE_OFF_DAYS)
            if event.date is not None and (event.end or event.date) < stale_before:
                yield context.error(valid, ("date",), "date", "this one-off date is more than a year in the past",
                                    "update the date or remove the event")
            continue
        try:
            rule = parse_rule(event.rule, event.starts)
        except RuleError as error:
            yield context.error(valid, ("rule",), "rule", error.message, error.hint)
            continue
        first, upcoming = _first_and_upcoming(rule, event.days, context.today, horizon)
        if first != event.starts:
            shown = first.isoformat() if first else "none"
            yield context.error(valid, ("starts",), "starts", f"{event.starts.isoformat()} is not an occurrence of "
                                f"the rule (its first occurrence is {shown})",
                                "set starts to a date the rule produces")
            continue
        if upcoming is None:
            yield context.error(valid, ("rule",), "rule", "the rule has no occurrence in the next three years",
                                "check FREQ, BYMONTH and any UNTIL or COUNT")


def _first_and_upcoming(rule: rrule, days: int, today: dt.date,
                        horizon: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The rule's first occurrence, and its first one still running on or after `today` and starting before
    `horizon`, in a single walk (each walk of a dateutil rule has a noticeable set-up cost; never `rule.count()`,
    which walks an endless rule to the year 9999)."""
    first: dt.date | None = None
    for moment in rule:
        day = moment.date()
        first = first or day
        if day >= horizon:
            break
        if day + dt.timedelta(days=days - 1) >= today:
            return first, day
    return first, None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+44\s?(?:\(0\)\s?)?|\(0|\b0)(?:[\s.-]?\)?[\s.-]?\d){9,10}\b")
"""UK numbers as people write them: 07700 900123, +44 20 7946 0000, +44 (0)20 7946 0000, (020) 7946 0000."""


def check_story_contact_details(context: RuleContext) -> Iterator[ContentError]:
    """Stories never publish contact details: no e-mail addresses or phone numbers in their text."""
    for valid in context.entries:
        story = valid.entry
        if not isinstance(story, Story):
            continue
        for field in ("title", "summary", "body", "setting", "organisation"):
            text = getattr(story, field) or ""
            for pattern, what in ((_EMAIL, "an e-mail address"), (_PHONE, "a phone number")):
                if pattern.search(text):
                    yield context.error(valid, (field,), field, f"contains {what}; stories never publish contact "
                                        "details", "remove it; readers are pointed to the organisation instead")


READING_EASE_MIN = 60
"""Lowest Flesch reading ease for the summary of an entry for first-time career choosers: 60 is "plain English",
read easily by most 13 to 15 year olds."""
PLAIN_ENGLISH_AUDIENCE = "first-time"
"""The audience whose entries' summaries must read as plain English."""


def check_reading_level(context: RuleContext) -> Iterator[ContentError]:
    """Summaries for first-time career choosers read as plain English (Flesch reading ease of 60 or more)."""
    for valid in context.entries:
        if PLAIN_ENGLISH_AUDIENCE not in getattr(valid.entry, "audiences", ()):
            continue
        score = reading_ease(valid.entry.summary)
        if score < READING_EASE_MIN:
            yield context.error(valid, ("summary",), "summary", f"reads at {math.floor(score)}, needs "
                                f"{READING_EASE_MIN} or more", "shorter sentences and everyday words")


RULES: tuple[Rule, ...] = (
    check_unique_ids,
    check_file_name_matches_id,
    check_profession_references,
    check_resource_references,
    check_unique_activity_ids,
    check_event_dates,
    check_story_contact_details,
    check_reading_level,
)


def run_rules(entries: Sequence[ValidEntry], raw_entries: Sequence[RawEntry], today: dt.date,
              unreadable: Sequence[str] = ()) -> list[ContentError]:
    """Run every rule over the validated entries; `raw_entries` tell which ids exist at all.

    `unreadable` lists files that could not be loaded: a one-entry file still declares its id by its name, and a
    list file that failed hides all its ids, so one broken file gives one error, not one per reference to it.
    """
    declared: dict[str, list[str]] = {}
    for raw in raw_entries:
        if isinstance(raw.data, dict) and isinstance(raw.data.get("id"), str):
            declared.setdefault(raw.kind, []).append(raw.data["id"])
    unknowable: set[str] = set()
    for path in unreadable:
        parts = PurePosixPath(path).parts
        if len(parts) == 3 and parts[0] == "content" and parts[1] in ENTRY_DIRS:
            declared.setdefault(ENTRY_DIRS[parts[1]], []).append(PurePosixPath(path).stem)
        elif path in LIST_FILES:
            unknowable.add(LIST_FILES[path])
    context = RuleContext(entries, declared, today, raw_entries, frozenset(unknowable))
    return [error for rule in RULES for error in rule(context)]
