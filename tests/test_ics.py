"""ICS feeds: valid RFC 5545 read back with `icalendar`, recurrences expanded for a fixed today with dateutil, stable
UIDs and byte-identical output for the same build date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from conftest import TODAY, event, profession, run_cli, write_catalogue
from dateutil.rrule import rrulestr

from generator.ics import PRODID, SET_EACH_YEAR_NOTE, build_feed, event_uid, first_span, next_start
from generator.model import Event

SITE = "https://careers.example.org/"


def make_event(eid: str = "ahps-day", **changes: object) -> Event:
    return Event.model_validate(event(eid, **changes))


def one_off(eid: str, **changes: object) -> Event:
    data = {key: value for key, value in event(eid, **changes).items() if key not in ("rule", "starts")}
    return Event.model_validate(data)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(item["UID"]).split("@")[0]: item for item in calendar.walk("VEVENT")}


def expand(item: icalendar.Event, after: dt.date, before: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Occurrences of a parsed VEVENT in [after, before) as (first day, last day), the way a calendar app reads it:
    DTSTART plus the RRULE, each lasting DTEND - DTSTART."""
    start: dt.date = item["DTSTART"].dt
    length = item["DTEND"].dt - start
    if "RRULE" not in item:
        starts = [start] if after <= start < before else []
    else:
        rule = rrulestr(item["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
        starts = [moment.date() for moment in rule.between(dt.datetime.combine(after, dt.time()),
                                                           dt.datetime.combine(before, dt.time()), inc=True)]
    return [(day, day + length - dt.timedelta(days=1)) for day in starts]


def check_rfc5545_shape(data: bytes) -> None:
    """What a strict reader insists on: CRLF lines of at most 75 octets, one calendar, required properties."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)
    calendar = parse(data)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]) == PRODID
    assert "VTIMEZONE" not in data.decode()  # all-day DATE values are floating: no time zone needed
    for item in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert name in item, name
        assert type(item["DTSTART"].dt) is dt.date and type(item["DTEND"].dt) is dt.date
        assert item["DTEND"].dt > item["DTSTART"].dt


# --- Unit: one feed from model objects. ---------------------------------------------------------------------------


def test_recurring_event_keeps_its_rule_and_all_day_dates() -> None:
    week = make_event("ot-week", title="Occupational Therapy Week", kind="awareness-week",
                      rule="FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7", starts="2024-11-04", days=7,
                      lead_time="Book a school slot early.", professions=["podiatrist"])
    data = build_feed([week], name="Test", description="Test feed", today=TODAY, site_url=SITE,
                      event_url=lambda eid: f"{SITE}calendar/events/{eid}/",
                      profession_names={"podiatrist": "Podiatrist"})
    check_rfc5545_shape(data)
    item = vevents(parse(data))["ot-week"]
    assert str(item["UID"]) == "ot-week@careers.example.org"
    assert item["DTSTAMP"].dt == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    assert item["DTSTART"].dt == dt.date(2027, 11, 1)  # the next occurrence on or after the build date
    assert item["DTEND"].dt == dt.date(2027, 11, 8)  # exclusive: the day after the seventh day
    assert item["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7;BYMONTH=11"
    assert str(item["SUMMARY"]) == "Occupational Therapy Week"
    description = str(item["DESCRIPTION"])
    assert "Professions: Podiatrist" in description and "Plan ahead: Book a school slot early." in description
    assert str(item["URL"]) == f"{SITE}calendar/events/ot-week/"
    assert b"DTSTART;VALUE=DATE:20271101\r\n" in data


def test_one_off_range_has_exclusive_end_and_no_rule() -> None:
    fair = one_off("careers-fair", date="2027-05-04", end="2027-05-06", kind="other")
    assert first_span(fair) == (dt.date(2027, 5, 4), dt.date(2027, 5, 7))
    item = vevents(parse(build_feed([fair], name="T", description="T", today=TODAY)))["careers-fair"]
    assert "RRULE" not in item
    assert (item["DTSTART"].dt, item["DTEND"].dt) == (dt.date(2027, 5, 4), dt.date(2027, 5, 7))
    assert "URL" not in item  # no site address, no URL


def test_uid_is_stable_and_falls_back_without_a_site() -> None:
    assert event_uid("ahps-day", SITE) == "ahps-day@careers.example.org"
    assert event_uid("ahps-day", "https://careers.example.org:8443/sub/") == "ahps-day@careers.example.org"
    assert event_uid("ahps-day") == "ahps-day@ahp-careers"


def test_feed_depends_only_on_content_and_date() -> None:
    events = [make_event(), make_event("b-day", title="B day")]
    first = build_feed(events, name="T", description="T", today=TODAY)
    again = build_feed(list(reversed(events)), name="T", description="T", today=TODAY)
    assert first == again
    later = build_feed(events, name="T", description="T", today=TODAY + dt.timedelta(days=1))
    assert first != later
    assert first.replace(b"DTSTAMP:20261123", b"DTSTAMP:20261124") == later


def test_text_is_escaped() -> None:
    item = make_event(title="Day; with, commas",
                      summary="A summary with a comma, a semicolon; and a backslash \\ in it.")
    data = build_feed([item], name="T", description="T", today=TODAY)
    assert b"SUMMARY:Day\\; with\\, commas\r\n" in data
    assert str(vevents(parse(data))["ahps-day"]["SUMMARY"]) == "Day; with, commas"


# --- Acceptance: a built site's feeds, parsed back and expanded for the fixed today. ------------------------------

CALENDAR = [
    event("fixed-day", title="Fixed day"),  # 14 October every year
    event("ot-week", title="OT week", kind="awareness-week", professions=["occupational-therapist"],
          rule="FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7", starts="2024-11-04", days=7,
          audiences=["career-changer"]),
    event("second-thursday", title="Second Thursday of March", professions=["podiatrist"],
          rule="FREQ=YEARLY;BYMONTH=3;BYDAY=2TH", starts="2025-03-13", audiences=["returner"]),
    event("monday-week", title="Week from the Monday on or after 11 March", kind="awareness-week",
          professions=["podiatrist", "occupational-therapist"],
          rule="FREQ=YEARLY;BYMONTH=3;BYDAY=MO;BYMONTHDAY=11,12,13,14,15,16,17", starts="2024-03-11", days=7),
    {key: value for key, value in event("fair", title="Careers fair", kind="other").items()
     if key not in ("rule", "starts")} | {"date": "2027-05-04", "end": "2027-05-06"},
    {key: value for key, value in event("deadline", title="Deadline", kind="recruitment-deadline").items()
     if key not in ("rule", "starts")} | {"date": "2027-01-14"},
]


PUBLISHED = "https://example.test/ahp/"
"""The address the test sites are built for (`build --site-url`)."""


def build_site(folder: Path, *, today: str = TODAY.isoformat(), env: dict[str, str] | None = None,
               site_url: str = PUBLISHED) -> Path:
    """Build the CALENDAR catalogue into `folder`/site, for `today` and `site_url`."""
    root = write_catalogue(folder / "project", {
        "content/professions/podiatrist.yaml": profession(),
        "content/professions/occupational-therapist.yaml": profession("occupational-therapist"),
        "events_calendar.yaml": CALENDAR,
    }, replace=True)
    site = folder / "site"
    args = ("--root", str(root), *(("--today", today) if today else ()), "build", "--site-dir", str(site),
            *(("--site-url", site_url) if site_url else ()))
    result = run_cli(*args, env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CALENDAR catalogue built once for the tests that only read its feeds and pages."""
    return build_site(tmp_path_factory.mktemp("calendar"))


def feed_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.ics"))


def test_every_feed_exists_and_parses(built: Path) -> None:
    names = {path.relative_to(built).as_posix() for path in feed_files(built)}
    expected = {"calendar.ics", "calendar/podiatrist.ics", "calendar/occupational-therapist.ics",
                *(f"calendar/for/{audience}.ics" for audience in ("first-time", "support-worker", "career-changer",
                                                                  "returner")),
                *(f"calendar/events/{entry['id']}.ics" for entry in CALENDAR)}
    assert names == expected
    for path in feed_files(built):
        check_rfc5545_shape(path.read_bytes())
    print(f"\n{len(names)} feeds; calendar.ics is {(built / 'calendar.ics').stat().st_size} bytes")


def test_named_occurrences_for_the_next_three_years(built: Path) -> None:
    items = vevents(parse((built / "calendar.ics").read_bytes()))
    after, before = TODAY, dt.date(TODAY.year + 3, 12, 31)
    assert expand(items["fixed-day"], after, before) == [
        (dt.date(year, 10, 14), dt.date(year, 10, 14)) for year in (2027, 2028, 2029)]
    ot_week = dict((start.year, (start, end)) for start, end in expand(items["ot-week"], after, before))
    assert ot_week[2028] == (dt.date(2028, 11, 6), dt.date(2028, 11, 12))  # 1 November 2028 is a Wednesday
    assert ot_week[2027] == (dt.date(2027, 11, 1), dt.date(2027, 11, 7))  # 1 November 2027 is a Monday
    assert [start for start, _ in expand(items["second-thursday"], after, before)] == [
        dt.date(2027, 3, 11), dt.date(2028, 3, 9), dt.date(2029, 3, 8)]
    assert expand(items["monday-week"], after, dt.date(2028, 1, 1)) == [(dt.date(2027, 3, 15), dt.date(2027, 3, 21))]
    assert expand(items["fair"], after, before) == [(dt.date(2027, 5, 4), dt.date(2027, 5, 6))]
    assert expand(items["deadline"], after, before) == [(dt.date(2027, 1, 14), dt.date(2027, 1, 14))]


def test_feed_and_pages_agree(built: Path) -> None:
    """The date a page shows is the date the feed expands to."""
    items = vevents(parse((built / "calendar/events/ot-week.ics").read_bytes()))
    first = expand(items["ot-week"], TODAY, dt.date(2028, 1, 1))[0]
    page = (built / "calendar/events/ot-week/index.html").read_text(encoding="utf-8")
    assert f"{first[0].day} to {first[1].day} November {first[0].year}" in page


def test_profession_and_audience_feeds_hold_the_right_events(built: Path) -> None:
    def ids(path: str) -> set[str]:
        return set(vevents(parse((built / path).read_bytes())))

    everything = {entry["id"] for entry in CALENDAR}
    assert ids("calendar.ics") == everything
    for_all = {"fixed-day", "fair", "deadline"}
    assert ids("calendar/podiatrist.ics") == for_all | {"second-thursday", "monday-week"}
    assert ids("calendar/occupational-therapist.ics") == for_all | {"ot-week", "monday-week"}
    assert ids("calendar/for/returner.ics") == {"second-thursday"}
    assert ids("calendar/for/career-changer.ics") == {"ot-week"}
    assert ids("calendar/for/support-worker.ics") == set()
    assert ids("calendar/events/fair.ics") == {"fair"}


def test_uids_and_urls_use_the_site_address(built: Path) -> None:
    items = vevents(parse((built / "calendar.ics").read_bytes()))
    assert str(items["fixed-day"]["UID"]) == "fixed-day@example.test"  # build --site-url
    assert str(items["fixed-day"]["URL"]) == PUBLISHED + "calendar/events/fixed-day/"
    assert (built / "calendar/events/fixed-day/index.html").is_file()
    assert items["fixed-day"]["DTSTAMP"].to_ical() == b"20261123T000000Z"


def test_without_an_address_feeds_link_nowhere_and_keep_stable_uids(tmp_path: Path) -> None:
    site = build_site(tmp_path / "local", site_url="")
    items = vevents(parse((site / "calendar.ics").read_bytes()))
    assert "URL" not in items["fixed-day"]
    assert str(items["fixed-day"]["UID"]) == "fixed-day@ahp-careers"


def test_two_builds_with_the_same_date_give_identical_feeds(built: Path, tmp_path: Path) -> None:
    first = built
    second = build_site(tmp_path / "two")
    epoch = str(int(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC).timestamp()))
    third = build_site(tmp_path / "three", today="", env={"SOURCE_DATE_EPOCH": epoch})
    files = [path.relative_to(first) for path in feed_files(first)]
    assert files == [path.relative_to(second) for path in feed_files(second)]
    assert files == [path.relative_to(third) for path in feed_files(third)]
    for relative in files:
        data = (first / relative).read_bytes()
        assert data == (second / relative).read_bytes(), relative
        assert data == (third / relative).read_bytes(), relative
    later = build_site(tmp_path / "four", today="2027-02-01")
    assert (later / "calendar.ics").read_bytes() != (first / "calendar.ics").read_bytes()
    # The same events keep the same UIDs on a later build, so subscribed calendars update instead of duplicating.
    assert set(vevents(parse((later / "calendar.ics").read_bytes()))) == set(
        vevents(parse((first / "calendar.ics").read_bytes())))


# --- Add to calendar: the next occurrence, and no open series for dates set each year (issue 20). ---------------


def test_next_start_is_on_or_after_the_build_date() -> None:
    assert next_start(make_event(), TODAY) == dt.date(2027, 10, 14)
    assert next_start(make_event(), dt.date(2027, 10, 14)) == dt.date(2027, 10, 14)
    assert next_start(one_off("fair", date="2027-05-04"), TODAY) == dt.date(2027, 5, 4)
    assert next_start(one_off("past", date="2026-05-04"), TODAY) is None


def test_a_date_set_each_year_is_exported_as_its_next_date_without_a_rule() -> None:
    ucas = make_event("ucas", kind="recruitment-deadline", rule="FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14",
                      starts="2026-01-14", set_each_year=True)
    data = build_feed([ucas], name="T", description="T", today=TODAY)
    item = vevents(parse(data))["ucas"]
    assert "RRULE" not in item and b"RRULE" not in data
    assert (item["DTSTART"].dt, item["DTEND"].dt) == (dt.date(2027, 1, 14), dt.date(2027, 1, 15))
    assert SET_EACH_YEAR_NOTE in str(item["DESCRIPTION"]).replace("\n", " ")


def test_a_counted_rule_counts_only_what_is_left() -> None:
    counted = make_event("five", rule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14;COUNT=5", starts="2024-10-14")
    item = vevents(parse(build_feed([counted], name="T", description="T", today=TODAY)))["five"]
    assert item["DTSTART"].dt == dt.date(2027, 10, 14)
    assert expand(item, TODAY, dt.date(2040, 1, 1)) == [(dt.date(year, 10, 14), dt.date(year, 10, 14))
                                                        for year in (2027, 2028)]


def test_every_single_date_file_starts_on_or_after_the_build_date(built: Path) -> None:
    files = sorted((built / "calendar/events").glob("*.ics"))
    assert len(files) == len(CALENDAR)
    firsts = {path.stem: min(item["DTSTART"].dt for item in parse(path.read_bytes()).walk("VEVENT"))
              for path in files}
    print(f"\nfirst DTSTART per event file: { {key: value.isoformat() for key, value in firsts.items()} }")
    assert {key: value for key, value in firsts.items() if value < TODAY} == {}


def test_a_past_one_off_date_has_no_add_to_calendar_file(make_catalogue, tmp_path: Path) -> None:
    past = {key: value for key, value in event("past", title="Past fair", kind="other").items()
            if key not in ("rule", "starts")} | {"date": "2026-06-01"}
    root = make_catalogue({"events_calendar.yaml": [event(), past]})
    site = tmp_path / "site"
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert not (site / "calendar/events/past.ics").exists()
    assert "past.ics" not in (site / "calendar/events/past/index.html").read_text(encoding="utf-8")
    assert "past" in vevents(parse((site / "calendar.ics").read_bytes()))


def test_shipped_set_each_year_events_carry_no_rule_and_start_after_the_build_date(shipped_site: Path) -> None:
    site = shipped_site
    flagged = ["ucas-equal-consideration-date", "national-apprenticeship-week", "a-level-results-day"]
    for event_id in flagged:
        data = (site / f"calendar/events/{event_id}.ics").read_bytes()
        assert b"RRULE" not in data, event_id
    everything = vevents(parse((site / "calendar.ics").read_bytes()))
    assert all("RRULE" not in everything[event_id] for event_id in flagged)
    late = {path.stem for path in (site / "calendar/events").glob("*.ics")
            if min(item["DTSTART"].dt for item in parse(path.read_bytes()).walk("VEVENT")) < TODAY}
    assert late == set()
