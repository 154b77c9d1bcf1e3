"""Calendar pages: the next twelve months, per-profession and per-audience lists (the filter without JavaScript),
"Plan your year", event pages with an "Add to calendar" link; the shipped calendar; axe and the filter in Chromium."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import REPO, TODAY, axe_at_each_width, event, parse_html, profession, texts, values

from generator.catalogue import build_catalogue
from generator.load import load_catalogue_files
from generator.model import AUDIENCE_IDS
from generator.render import RenderOptions
from generator.render.base import Renderer
from generator.render.calendar import build_events, plan_months, repeat_label
from generator.validate import validate_catalogue

SITE = "https://careers.example.org/"


def one_off(eid: str, **changes: object) -> dict:
    return {key: value for key, value in event(eid, **changes).items() if key not in ("rule", "starts")}


CALENDAR = [
    event("ahps-day"),
    event("ot-week", title="OT Week", kind="awareness-week", professions=["occupational-therapist"],
          rule="FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7", starts="2024-11-04", days=7,
          audiences=["returner"]),
    event("foot-week", title="Foot Week", kind="awareness-week", professions=["podiatrist"],
          rule="FREQ=YEARLY;BYMONTH=4;BYDAY=4MO", starts="2024-04-22", days=7),
    event("ucas-deadline", title="UCAS deadline", kind="recruitment-deadline",
          rule="FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14", starts="2025-01-14", audiences=["career-changer"]),
    event("clearing", title="Clearing", kind="recruitment-window", rule="FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1",
          starts="2024-07-01", days=62),
    event("work-experience", title="Work experience weeks", kind="other", rule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1",
          starts="2024-06-01", days=61, lead_time="Schools and colleges need time to process applications."),
    one_off("fair", title="Careers fair", kind="other", date="2028-02-10"),  # beyond twelve months
    one_off("earlier", title="Earlier this month", kind="other", date="2026-11-03"),  # before the build date
]


@pytest.fixture
def tree(make_catalogue) -> dict[str, str | bytes]:
    root = make_catalogue({
        "content/professions/podiatrist.yaml": profession(),
        "content/professions/occupational-therapist.yaml": profession("occupational-therapist",
                                                                      title="Occupational therapist"),
        "events_calendar.yaml": CALENDAR,
    }, replace=True)
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(root), TODAY))
    return dict(build_events(Renderer(catalogue, RenderOptions(today=TODAY, site_url=SITE))))


def body(page: str | bytes) -> str:
    assert isinstance(page, str)
    return page.split("\n---\n", 1)[1]


def titles_in_order(page: BeautifulSoup) -> list[str]:
    """The dates' titles, each the link that opens its `.ahp-cal__title` heading, in page order."""
    return texts(page, ".ahp-cal__title > a[href]:first-child")


def after_label(element: Tag, label: str) -> list[str]:
    """The text right after each `<span class="ahp-label">` in `element` that reads `label`: a label, then its value."""
    return [str(span.next_sibling) for span in element.select("span.ahp-label") if span.get_text() == label]


def test_calendar_is_the_next_twelve_months_by_month(tree) -> None:
    html = body(tree["calendar/index.md"])
    page = parse_html(html)
    months = texts(page, 'h2[id^="month-"]')
    assert months == ["January 2027", "April 2027", "June 2027", "July 2027", "October 2027", "November 2027"]
    assert titles_in_order(page) == ["UCAS deadline", "Foot Week", "Work experience weeks", "Clearing", "AHPs Day",
                                     "OT Week"]
    assert "Careers fair" not in html and "Earlier this month" not in html
    assert "26 April to 2 May 2027" in html and "1 to 7 November 2027" in html
    assert "6 dates" in html


def test_each_date_shows_professions_and_an_add_to_calendar_link(tree) -> None:
    page = parse_html(body(tree["calendar/index.md"]))
    item = page.select_one('li[data-profession="occupational-therapist"]')
    assert item is not None
    assert item.get("data-audience") == "returner"
    assert [text for text in after_label(item, "Professions:") if text.startswith(" Occupational therapist")]
    add = item.select('a[class="ahp-cal__add"][href="../calendar/events/ot-week.ics"][type="text/calendar"]')
    assert [link for link in add if str(link.contents[0]).startswith("Add to calendar")]
    assert "calendar/events/ot-week.ics" in tree
    assert item.select('time[datetime="2027-11-01"]')
    links = [href.removeprefix("../") for href in values(page, '[href^="../"][href$=".ics"]', "href")]
    assert links and all(link in tree for link in links)


def test_filters_work_without_javascript_through_small_pages(tree) -> None:
    html = body(tree["calendar/index.md"])
    assert '<form class="ahp-filters" id="calendar-filters" data-filters="calendar-dates"' in html
    assert "<noscript><style>.ahp-filters" in html  # hidden without JavaScript, shown from the first paint with it
    assert '<script src="../assets/filters.js" defer></script>' in html
    for pid in ("podiatrist", "occupational-therapist"):
        assert f'href="../calendar/professions/{pid}/"' in html
        assert f"calendar/professions/{pid}.md" in tree
    for audience in AUDIENCE_IDS:
        assert f'href="../calendar/for/{audience}/"' in html
        assert f"calendar/for/{audience}.md" in tree
    podiatry = body(tree["calendar/professions/podiatrist.md"])
    assert titles_in_order(parse_html(podiatry)) == ["UCAS deadline", "Foot Week", "Work experience weeks", "Clearing",
                                         "AHPs Day"]  # its own week and the [all] dates, not OT Week
    assert 'href="../../../calendar/podiatrist.ics"' in podiatry
    assert "<code class=\"ahp-cal__address\">https://careers.example.org/calendar/podiatrist.ics</code>" in podiatry
    assert "<script" not in podiatry
    returners = body(tree["calendar/for/returner.md"])
    assert titles_in_order(parse_html(returners)) == ["OT Week"]
    assert 'href="../../../calendar/for/returner.ics"' in returners


def test_list_pages_stay_small(tree) -> None:
    sizes = {path: len(page) for path, page in tree.items() if path.endswith(".md")}
    print(f"\ncalendar/index.md {sizes['calendar/index.md']} bytes, calendar/plan.md {sizes['calendar/plan.md']} "
          f"bytes, largest per-profession list {max(v for k, v in sizes.items() if '/professions/' in k)} bytes")
    assert "<script" not in body(tree["calendar/plan.md"])


def plan_month(plan: BeautifulSoup, label: str) -> tuple[Tag, Tag]:
    """One month of "Plan your year": the `<section>` its `<h2>` heads, and the section's one "Awareness dates"
    column (the `<h3>` and what follows it)."""
    sections = [heading.parent for heading in plan.select('section > h2[id^="plan-"]') if heading.get_text() == label]
    assert len(sections) == 1 and sections[0] is not None, label
    columns = [heading.parent for heading in sections[0].select("h3") if heading.get_text() == "Awareness dates"]
    assert len(columns) == 1 and columns[0] is not None, label
    return sections[0], columns[0]


def test_plan_your_year_puts_recruitment_beside_awareness(tree) -> None:
    html = body(tree["calendar/plan.md"])
    plan = parse_html(html)
    months = texts(plan, 'h2[id^="plan-"]')
    assert months[0] == "November 2026" and months[-1] == "October 2027" and len(months) == 12
    november, _ = plan_month(plan, "November 2026")
    assert "Earlier this month" in november.get_text()  # the plan shows whole months
    _, june_awareness = plan_month(plan, "June 2027")
    recruitment = june_awareness.find_previous_siblings()
    assert "Work experience weeks" in " ".join(column.get_text() for column in recruitment)
    assert [text for column in recruitment for text in after_label(column, "Plan ahead:")
            if text.startswith(" Schools and colleges need time")]
    assert "None this month." in june_awareness.get_text()
    _, april_awareness = plan_month(plan, "April 2027")
    assert "Foot Week" in april_awareness.get_text()
    march, _ = plan_month(plan, "March 2027")
    assert [text for text in after_label(march, "Get ready for April 2027:") if text.startswith(" Foot Week.")]
    for document in ("Allied Health Professions: Quick guide to work experience",
                     "Quick Guide to Allied Health Professions Careers Awareness"):
        assert document in html


def test_plan_months_shape(make_catalogue) -> None:
    root = make_catalogue({"events_calendar.yaml": CALENDAR[:1]})
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(root), dt.date(2027, 1, 1)))
    months = plan_months(Renderer(catalogue, RenderOptions(today=dt.date(2027, 1, 1))))
    assert [m["label"] for m in months][::11] == ["January 2027", "December 2027"]
    assert [len(m["awareness"]) for m in months] == [0] * 9 + [1] + [0] * 2
    assert months[8]["get_ready"][0]["event"].id == "ahps-day"


def test_event_page_has_add_to_calendar_and_next_dates(tree) -> None:
    html = body(tree["calendar/events/ot-week.md"])
    assert ('<a class="ahp-button" href="../../../calendar/events/ot-week.ics" type="text/calendar">Add to calendar</a>'
            in html)
    assert "<li>1 to 7 November 2027</li><li>6 to 12 November 2028</li><li>5 to 11 November 2029</li>" in html
    assert "How often:</span> Every year" in html
    assert 'href="../../../calendar/professions/occupational-therapist/">Occupational therapist dates</a>' in html
    assert 'href="../../../calendar.ics"' in html
    one_off_page = body(tree["calendar/events/fair.md"])
    assert "How often:</span> One-off" in one_off_page and "10 February 2028" in one_off_page


def test_repeat_labels() -> None:
    from generator.model import Event

    def label(**changes: object) -> str:
        return repeat_label(Event.model_validate(event(**changes)))

    assert label() == "Every year"
    assert label(rule="FREQ=MONTHLY;BYMONTHDAY=14", starts="2024-10-14") == "Every month"
    assert label(rule="FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYMONTHDAY=14") == ""
    assert label(rule="FREQ=YEARLY;COUNT=3;BYMONTH=10;BYMONTHDAY=14") == ""
    assert label(set_each_year=True) == "Every year, on a date the organiser sets each year"


def test_feeds_are_bytes_in_the_tree(tree) -> None:
    feeds = {path for path in tree if path.endswith(".ics")}
    assert {"calendar.ics", "calendar/podiatrist.ics", "calendar/occupational-therapist.ics",
            *(f"calendar/for/{audience}.ics" for audience in AUDIENCE_IDS)} <= feeds
    assert all(isinstance(tree[path], bytes) for path in feeds)


def test_calendar_styles_are_in_the_shared_stylesheet() -> None:
    """The calendar's CSS section exists and styles the classes the templates use (it was once lost in a merge)."""
    css = (REPO / "generator/assets/ahp.css").read_text(encoding="utf-8")
    section = css[css.index("/* == calendar == */"):css.index("/* == end calendar == */")]
    templates = "".join((REPO / "generator/templates" / name).read_text(encoding="utf-8")
                        for name in ("calendar.html.j2", "calendar_list.html.j2", "calendar_macros.html.j2",
                                     "plan.html.j2"))
    hooks_only = {"ahp-cal__choose", "ahp-cal__meta", "ahp-cal__month", "ahp-cal__subscribe",
                  "ahp-plan__month"}  # no style needed
    used = set(re.findall(r"\b(ahp-(?:cal|plan)__[a-z-]+)", templates)) - hooks_only
    assert used and all(f".{name}" in section for name in used), sorted(n for n in used if f".{n}" not in section)


# --- The shipped calendar. -----------------------------------------------------------------------------------------


def test_every_shipped_profession_has_its_own_event() -> None:
    """Not only the [all] dates: each profession is named by at least one event."""
    entries = validate_catalogue(load_catalogue_files(REPO), TODAY)
    catalogue = build_catalogue(entries)
    named = {pid for event_entry in catalogue.events for pid in event_entry.professions}
    missing = [p.id for p in catalogue.professions if p.id not in named]
    assert not missing, f"professions with no event of their own: {missing}"
    print(f"\n{len(catalogue.events)} shipped events cover all {len(catalogue.professions)} professions")


def test_shipped_site_has_the_calendar_and_feeds(shipped_site) -> None:
    for path in ("calendar/index.html", "calendar/plan/index.html", "calendar.ics", "calendar/for/returner.ics",
                 "calendar/professions/podiatrist/index.html", "calendar/podiatrist.ics"):
        assert (shipped_site / path).is_file(), path
    assert (shipped_site / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="ahp-dates__when"') == 3  # the home page's next three dates still work


# --- In Chromium. --------------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["calendar/events/occupational-therapy-week/", "calendar/plan/"])
def test_axe_finds_nothing(phone_tab, site_url, path) -> None:
    """The calendar's own pages, at a phone and a desktop width, sideways scrolling included; calendar/ itself is
    one of test_accessibility's page states."""
    phone_tab.goto(site_url + path)
    assert axe_at_each_width(phone_tab) == {}


@pytest.mark.browser
def test_filter_by_profession_and_audience(page, site_url) -> None:
    page.goto(site_url + "calendar/")
    assert page.is_visible("#calendar-filters")
    assert page.locator(".ahp-cal__vh").first.bounding_box()["width"] <= 1  # the stylesheet's calendar section
    total = page.locator("#calendar-dates .ahp-cal__item").count()
    assert page.text_content("[data-count-for=calendar-dates]") == f"{total} dates"
    page.click("#calendar-filters summary:has-text('Profession')")
    page.check("#calendar-filters input[name=profession][value=podiatrist]")
    shown = page.locator("#calendar-dates .ahp-cal__item:visible")
    count = shown.count()
    assert 0 < count < total
    professions = shown.evaluate_all("items => items.map(i => i.dataset.profession)")
    assert all("podiatrist" in p.split() or "all" in p.split() for p in professions)
    assert page.text_content("[data-count-for=calendar-dates]") == f"{count} of {total} dates"
    assert page.url.endswith("?profession=podiatrist")
    page.check("#calendar-filters input[name=audience][value=returner]")
    audiences = page.locator("#calendar-dates .ahp-cal__item:visible").evaluate_all(
        "items => items.map(i => i.dataset.audience)")
    assert all("returner" in a.split() for a in audiences)
    hidden_months = page.locator("#calendar-dates .ahp-cal__month:not(:visible)").count()
    visible_empty = page.locator("#calendar-dates .ahp-cal__month:visible").evaluate_all(
        "months => months.filter(m => !m.querySelector('.ahp-cal__item:not([hidden])')).length")
    assert visible_empty == 0
    print(f"\n{total} dates; podiatrist {count}; podiatrist and returner {len(audiences)}; "
          f"{hidden_months} months hidden")
    page.goto(site_url + "calendar/?profession=podiatrist")
    assert page.is_checked("#calendar-filters input[name=profession][value=podiatrist]")
    assert page.locator("#calendar-dates .ahp-cal__item:visible").count() == count


@pytest.mark.browser
def test_without_javascript_every_date_and_the_profession_links_show(browser, site_url) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site_url + "calendar/")
        assert not tab.is_visible("#calendar-filters")
        total = int(tab.text_content("[data-count-for=calendar-dates]").split()[0])
        assert tab.locator(".ahp-cal__item:visible").count() == total
        tab.click("text=Dates for one profession")
        tab.click(".ahp-cal__links >> text=Podiatrist")
        assert tab.url.endswith("/calendar/professions/podiatrist/")
        assert tab.locator(".ahp-cal__item").count() > 0
    finally:
        context.close()


# --- One-tap subscribe (issue 20). ------------------------------------------------------------------------------


def test_calendar_offers_webcal_links_beside_the_https_file(tree) -> None:
    html = body(tree["calendar/index.md"])
    assert 'href="webcal://careers.example.org/calendar.ics">Subscribe to all dates</a>' in html
    assert "<code class=\"ahp-cal__address\">https://careers.example.org/calendar.ics</code>" in html
    assert 'href="../calendar.ics" type="text/calendar">Download all dates (.ics file)' in html
    for app in ("Apple Calendar", "Outlook", "Google Calendar"):
        assert f"<strong>{app}</strong>" in html
    listing = body(tree["calendar/professions/podiatrist.md"])
    assert 'href="webcal://careers.example.org/calendar/podiatrist.ics"' in listing


def test_without_a_site_address_the_page_says_so_instead_of_a_broken_link(make_catalogue) -> None:
    root = make_catalogue({"events_calendar.yaml": CALENDAR[:1]})
    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(root), TODAY))
    pages = dict(build_events(Renderer(catalogue, RenderOptions(today=TODAY, site_url=""))))
    html = body(pages["calendar/index.md"])
    assert "webcal:" not in html
    assert "this copy of the site was built without one" in html


def test_a_past_date_has_no_add_to_calendar_link(tree) -> None:
    assert "calendar/events/earlier.ics" not in tree
    assert "earlier.ics" not in body(tree["calendar/events/earlier.md"])
    assert "Add to calendar" not in body(tree["calendar/events/earlier.md"])
