"""The home page: one line on what AHPs are, four audience doors, every profession, the next dates."""

from __future__ import annotations

from conftest import event, parse_html, profession, render_tree, values

from generator.model import AUDIENCE_IDS, AUDIENCE_LABELS
from generator.render.home import NEXT_DATES


def render_home(root) -> str:
    return render_tree(root)["index.md"]


def test_four_audience_doors_in_order_then_the_teachers_door(make_catalogue) -> None:
    """Short labels only, so all five doors fit on a phone's first screen with search and the matcher."""
    page = render_home(make_catalogue())
    doors = [(str(label.parent["href"]), label.get_text())
             for label in parse_html(page).select("a.ahp-door[href] > span.ahp-door__label:first-child")]
    assert doors == [*((f"for/{a}/", AUDIENCE_LABELS[a]) for a in AUDIENCE_IDS),
                     ("ambassadors/", "I teach or give talks")]
    assert 'action="search/"' in page and 'href="people-like-me/"' in page  # site search


def test_every_profession_in_the_grid_and_links_onwards(make_catalogue) -> None:
    files = {f"content/professions/{pid}.yaml": profession(pid) for pid in ("dietitian", "orthoptist", "paramedic")}
    page = render_home(make_catalogue(files))
    grid = parse_html(page).select_one("ul.ahp-grid")
    assert grid is not None
    assert values(grid, '[href^="professions/"]', "href") == [
        f"professions/{pid}/" for pid in ("dietitian", "orthoptist", "paramedic", "podiatrist")]
    assert 'href="people-like-me/"' in page
    assert 'href="explore/"' in page
    assert "beyond doctors and nurses" in page


def test_next_dates_are_capped(make_catalogue) -> None:
    dates = [event(f"day-{month}", title=f"Day {month}", rule=f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY=3",
                   starts=f"2026-{month:02d}-03") for month in range(1, 8)]
    page = render_home(make_catalogue({"events_calendar.yaml": dates}))
    listed = values(parse_html(page), '[href^="calendar/events/"]', "href")
    soonest = [f"calendar/events/{day}/" for day in ("day-1", "day-2", "day-3")]
    assert listed == soonest[:NEXT_DATES]  # the soonest after 23 November 2026, in order
    assert 'href="calendar/"' in page


def test_home_has_front_matter_for_link_previews(make_catalogue) -> None:
    page = render_home(make_catalogue())
    assert page.startswith('---\ntitle: "Allied health careers"\ndescription: "Find out about the 14 allied')
