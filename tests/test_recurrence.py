"""Recurrence: the rule forms real awareness dates use, expanded with dateutil; and every calendar validation rule
reported as `path:line: field: message` through the command line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY, event, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Event
from generator.recurrence import RuleError, occurrences, parse_rule, rule_body, upcoming

FIRST_FULL_WEEK_OF_NOVEMBER = "FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7"
SECOND_THURSDAY_OF_MARCH = "FREQ=YEARLY;BYMONTH=3;BYDAY=2TH"


def make_event(eid: str = "ahps-day", **changes: object) -> Event:
    return Event.model_validate(event(eid, **changes))


def starts_in(found: list, year: int) -> list[tuple[dt.date, dt.date]]:
    return [(o.start, o.end) for o in found if o.start.year == year]


def test_fixed_day_lands_on_its_date_each_year() -> None:
    found = occurrences(make_event(), dt.date(2027, 1, 1), dt.date(2030, 1, 1))
    assert [(o.start, o.end) for o in found] == [(dt.date(y, 10, 14), dt.date(y, 10, 14)) for y in (2027, 2028, 2029)]


@pytest.mark.parametrize(("year", "monday"), [(2026, 2), (2027, 1), (2028, 6), (2029, 5), (2031, 3)])
def test_first_full_week_of_november(year: int, monday: int) -> None:
    ot_week = make_event(rule=FIRST_FULL_WEEK_OF_NOVEMBER, starts="2024-11-04", days=7, kind="awareness-week")
    found = occurrences(ot_week, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    assert starts_in(found, year) == [(dt.date(year, 11, monday), dt.date(year, 11, monday + 6))]


def test_first_full_week_when_november_starts_mid_week() -> None:
    """1 November 2028 is a Wednesday: the first full week is Monday 6 to Sunday 12."""
    assert dt.date(2028, 11, 1).strftime("%A") == "Wednesday"
    ot_week = make_event(rule=FIRST_FULL_WEEK_OF_NOVEMBER, starts="2024-11-04", days=7)
    found = occurrences(ot_week, dt.date(2028, 11, 1), dt.date(2028, 12, 1))
    assert [(o.start, o.end) for o in found] == [(dt.date(2028, 11, 6), dt.date(2028, 11, 12))]


@settings(deadline=None)  # a property of the rule, not a timing: a loaded machine must not fail it
@given(st.integers(min_value=2025, max_value=2200))
def test_first_full_week_is_always_a_whole_week_in_november(year: int) -> None:
    rule = parse_rule(FIRST_FULL_WEEK_OF_NOVEMBER, dt.date(2024, 11, 4))
    start = rule.after(dt.datetime(year, 1, 1)).date()
    assert start.year == year and start.month == 11 and start.weekday() == 0 and start.day <= 7
    assert (start + dt.timedelta(days=6)).month == 11


@pytest.mark.parametrize(("year", "day"), [(2027, 11), (2028, 9), (2029, 8), (2030, 14)])
def test_second_thursday_of_march(year: int, day: int) -> None:
    found = occurrences(make_event(rule=SECOND_THURSDAY_OF_MARCH, starts="2025-03-13"),
                        dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    assert starts_in(found, year) == [(dt.date(year, 3, day), dt.date(year, 3, day))]
    assert found[0].start.strftime("%A") == "Thursday"


def test_week_starting_on_a_given_weekday() -> None:
    """'The week starting on the Monday on or after 11 March', seven days long."""
    week = make_event(rule="FREQ=YEARLY;BYMONTH=3;BYDAY=MO;BYMONTHDAY=11,12,13,14,15,16,17", starts="2024-03-11",
                      days=7)
    found = occurrences(week, dt.date(2027, 1, 1), dt.date(2028, 1, 1))
    assert [(o.start, o.end) for o in found] == [(dt.date(2027, 3, 15), dt.date(2027, 3, 21))]


def test_an_occurrence_already_running_counts() -> None:
    clearing = make_event(rule="FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1", starts="2024-07-01", days=62)
    found = occurrences(clearing, dt.date(2027, 8, 20), dt.date(2027, 9, 1))
    assert [(o.start, o.end) for o in found] == [(dt.date(2027, 7, 1), dt.date(2027, 8, 31))]


def test_one_off_date_and_range() -> None:
    single = make_event(rule=None, starts=None, date="2027-05-04")
    span = make_event(rule=None, starts=None, date="2027-05-04", end="2027-05-08")
    assert [(o.start, o.end) for o in occurrences(single, TODAY, dt.date(2028, 1, 1))] == [
        (dt.date(2027, 5, 4), dt.date(2027, 5, 4))]
    assert [(o.start, o.end) for o in occurrences(span, dt.date(2027, 5, 6), dt.date(2027, 5, 7))] == [
        (dt.date(2027, 5, 4), dt.date(2027, 5, 8))]
    assert occurrences(span, dt.date(2027, 5, 9), dt.date(2028, 1, 1)) == []


def test_upcoming_is_in_date_order() -> None:
    events = [make_event(), make_event("later", rule=SECOND_THURSDAY_OF_MARCH, starts="2025-03-13"),
              make_event("same-day", title="Same day")]
    found = upcoming(events, TODAY, 366)
    assert [(o.start, o.event_id) for o, _ in found] == [
        (dt.date(2027, 3, 11), "later"), (dt.date(2027, 10, 14), "ahps-day"), (dt.date(2027, 10, 14), "same-day")]


def test_rule_forms() -> None:
    assert rule_body(" RRULE:FREQ=YEARLY ") == "FREQ=YEARLY"
    assert rule_body("rrule: FREQ=YEARLY") == "FREQ=YEARLY"
    assert parse_rule("RRULE:FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14", dt.date(2024, 10, 14))[1] == dt.datetime(
        2025, 10, 14)
    with pytest.raises(RuleError, match="first date goes in 'starts'"):
        parse_rule("DTSTART:20240101\nRRULE:FREQ=YEARLY", dt.date(2024, 1, 1))
    with pytest.raises(RuleError):
        parse_rule("FREQ=SOMETIMES", dt.date(2024, 1, 1))


@pytest.mark.parametrize(("rule", "message", "suggestion"), [
    ("second Tuesday of May", "is written in words", "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU"),
    ("the 2nd tues in March", "is written in words", "FREQ=YEARLY;BYMONTH=3;BYDAY=2TU"),
    ("14 October", "is written in words", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14"),
    ("last Friday of the month", "is written in words", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("every Monday", "is written in words", "FREQ=WEEKLY;BYDAY=MO"),
    ("first full week of November", "is written in words",
     "FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7"),
    ("FREQ=YEARLY;BYMONTH=5;BYDAY=TU2", "BYDAY=TU2 is not valid: BYDAY takes a weekday",
     "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU"),
    ("FREQ=YEARLY;BYMONTH=5;BYDAY=2TUE", "BYDAY=2TUE is not valid", "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU"),
    ("FREQ=YEARLY;BYMONTH=October;BYMONTHDAY=14", "BYMONTH=October is not valid: BYMONTH takes a month number",
     "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14"),
    ("FREQ=ANNUAL;BYMONTH=5", "FREQ=ANNUAL is not valid", "FREQ=YEARLY;BYMONTH=5"),
    ("BYMONTH=5;BYDAY=2TU", "does not say how often", "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU"),
    ("FREQ=YEARLY; BYMONTH=5", "contains spaces", "FREQ=YEARLY;BYMONTH=5"),
    ("FREQ=YEARLY;FOO=1", "'FOO' is not a part of a recurrence rule", None),
    ("when it rains", "is not a recurrence rule the calendar understands", None),
])
def test_a_bad_rule_is_explained_with_the_nearest_working_rule(rule: str, message: str,
                                                               suggestion: str | None) -> None:
    with pytest.raises(RuleError) as raised:
        parse_rule(rule, dt.date(2024, 1, 1))
    assert message in raised.value.message
    for python_text in ("unpack", "expected 2", "__init__", "positional argument", "invalid '"):
        assert python_text not in raised.value.message + raised.value.hint
    if suggestion is None:
        assert "FREQ=YEARLY;BYMONTH=5;BYDAY=2TU" in raised.value.hint  # a working example, labelled as such
    else:
        assert raised.value.hint == f"write it as {suggestion}"
        assert parse_rule(suggestion, dt.date(2024, 1, 1))  # the suggestion itself is a valid rule


def test_the_suggested_rule_for_words_gives_the_dates_meant() -> None:
    rule = parse_rule("FREQ=YEARLY;BYMONTH=5;BYDAY=2TU", dt.date(2026, 5, 12))
    assert [day.date() for day in rule[:3]] == [dt.date(2026, 5, 12), dt.date(2027, 5, 11), dt.date(2028, 5, 9)]


# --- Validation: every calendar mistake is one `path:line: field: message` error. --------------------------------


def line_of(root: Path, needle: str, nth: int = 1) -> int:
    """1-based line of the `nth` line of events_calendar.yaml that starts with `needle` (after indentation)."""
    lines = (root / "events_calendar.yaml").read_text(encoding="utf-8").splitlines()
    hits = [number for number, text in enumerate(lines, start=1) if text.lstrip(" ").startswith(needle)]
    return hits[nth - 1]


def calendar_errors(make_catalogue, entries: list[dict]) -> tuple[Path, list[tuple[str, int, str, str]]]:
    root = make_catalogue({"events_calendar.yaml": entries})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 1, output
    errors = []
    for text in result.stderr.splitlines():
        if ".yaml:" in text:
            path, line, field, message = text.split(":", 3)
            errors.append((path, int(line), field.strip(), message.strip()))
    return root, errors


def one_off(**changes: object) -> dict:
    """A one-off event as an editor writes it: no rule or starts keys at all."""
    entry = {key: value for key, value in event(**changes).items() if key not in ("rule", "starts")}
    return entry


def without(entry: dict, *keys: str) -> dict:
    return {key: value for key, value in entry.items() if key not in keys}


@pytest.mark.parametrize(("entries", "needle", "nth", "field", "message"), [
    pytest.param([one_off(date="2027-02-30")], "date:", 1, "date", "is not a valid date", id="impossible-date"),
    pytest.param([event(starts="2025-13-01")], "starts:", 1, "starts", "is not a valid date", id="impossible-starts"),
    pytest.param([one_off(date="2027-03-02", end="2027-03-01")], "end:", 1, "end",
                 "end (2027-03-01) is before date (2027-03-02)", id="end-before-start"),
    pytest.param([event(end="2024-10-15")], "end:", 1, "end", "end is only for one-off dates", id="end-with-rule"),
    pytest.param([one_off(date="2027-03-02", days=3)], "date:", 1, "date", "days is only for recurring",
                 id="days-with-date"),
    pytest.param([event(professions=["podiatrst"])], "- podiatrst", 1, "professions[1]",
                 "unknown profession 'podiatrst'", id="unknown-profession"),
    pytest.param([event(audiences=["first-time", "teachers"])], "- teachers", 1, "audiences[2]",
                 "'teachers' is not one of: first-time", id="unknown-audience"),
    pytest.param([event(rule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14;UNTIL=20251231")], "rule:", 1, "rule",
                 "no occurrence in the next three years", id="no-occurrence-in-3-years"),
    pytest.param([event(rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", starts="2024-02-28")], "starts:", 1, "starts",
                 "is not an occurrence of the rule", id="rule-that-never-happens"),
    pytest.param([event(starts="2024-10-15")], "starts:", 1, "starts", "is not an occurrence of the rule",
                 id="starts-not-an-occurrence"),
    pytest.param([event(rule="FREQ=SOMETIMES")], "rule:", 1, "rule", "FREQ=SOMETIMES is not valid", id="bad-rule"),
    pytest.param([without(event(), "rule")], "- id:", 1, "date", "give either date", id="neither-form"),
    pytest.param([event(date="2027-03-02")], "date:", 1, "date", "give either date", id="both-forms"),
    pytest.param([without(event(), "starts")], "rule:", 1, "rule", "needs starts", id="rule-without-starts"),
    pytest.param([one_off(date="2025-06-01")], "date:", 1, "date", "more than a year in the past",
                 id="one-off-long-past"),
    pytest.param([event(), event(title="AHPs Day again")], "- id:", 2, "id", "duplicate event id 'ahps-day'",
                 id="duplicate-ids"),
    pytest.param([event(professions=["all", "podiatrist"])], "- all", 1, "professions[1]",
                 "'all' must be the only item", id="all-not-alone"),
])
def test_calendar_mistakes_are_path_line_errors(make_catalogue, entries, needle, nth, field, message) -> None:
    root, errors = calendar_errors(make_catalogue, entries)
    assert len(errors) == 1, errors
    path, line, reported_field, reported = errors[0]
    assert path == "events_calendar.yaml"
    assert line == line_of(root, needle, nth), (errors, (root / "events_calendar.yaml").read_text())
    assert reported_field == field
    assert message in reported


def test_several_calendar_mistakes_are_all_reported(make_catalogue) -> None:
    _, errors = calendar_errors(make_catalogue, [
        one_off(date="2027-02-30", id="one"), event("two", professions=["nobody"]),
        event("three", rule="FREQ=SOMETIMES")])
    assert [field for _, _, field, _ in errors] == ["date", "professions[1]", "rule"]
    assert [line for _, line, _, _ in errors] == sorted(line for _, line, _, _ in errors)


def test_the_examples_in_docs_calendar_md_are_valid() -> None:
    """Every YAML example in docs/calendar.md is a valid event, and each rule's `starts` is its first date."""
    text = (REPO / "docs" / "calendar.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 6
    for block in blocks:
        data = yaml.safe_load(block.replace("\n  ", "\n").removeprefix("- ") if block.startswith("- id:")
                              else block.replace("\n  ", "\n").lstrip())
        data = {key: str(value) if hasattr(value, "isoformat") else value for key, value in data.items()}
        entry = data if "id" in data else {**one_off(), **data} if "date" in data else {**event(), **data}
        model = Event.model_validate(entry)
        if model.rule is not None:
            assert model.starts == parse_rule(model.rule, model.starts)[0].date(), block


def test_next_dates_stop_where_the_rule_ends() -> None:
    from generator.recurrence import describe_next_dates, next_dates

    ending = make_event(rule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14;COUNT=4")  # 2024 to 2027
    assert [o.start for o in next_dates(ending, dt.date(2026, 11, 23))] == [dt.date(2027, 10, 14)]
    assert describe_next_dates(ending, dt.date(2028, 1, 1))[-1] == "No dates from 2028-01-01 in the next 10 years."
