"""The ambassadors and stories pages in Chromium: filters change what is listed and the address keeps them,
without JavaScript everything is listed, the print buttons appear only with JavaScript, and axe-core finds
nothing at 360 px and 1280 px on the ambassadors page, a talk pack, the stories page, a story and a handout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    TODAY,
    axe_at_each_width,
    event,
    guide,
    profession,
    resource,
    run_cli,
    serve_directory,
    write_catalogue,
)
from conftest import story as story_entry
from conftest import talk as talk_entry

from generator.model import INTEREST_LABELS, STRENGTH_LABELS
from generator.render.ambassadors import RESOURCES_SHOWN

pytestmark = pytest.mark.browser

TALKS = {
    "assembly": talk_entry(age_groups=["ks3", "ks4"]),  # 15 minutes, assembly, all professions
    "lesson": talk_entry("lesson", title="Match interests to jobs", age_groups=["ks4"], minutes=50,
                         setting="class-session", professions=["podiatrist", "paramedic"],
                         plan=[{"minutes": 10, "step": "Hello", "notes": "Say who you are."},
                               {"minutes": 30, "step": "Matching game"}, {"minutes": 10, "step": "Questions"}],
                         gatsby_benchmarks=[2, 4, 5], subjects=["Science"]),
    "adults": talk_entry("adults", title="Changing career into allied health", age_groups=["adults"], minutes=30,
                         setting="online", professions=["paramedic"], plan=[{"minutes": 30, "step": "Talk"}],
                         gatsby_benchmarks=[]),
    "small": talk_entry("small", title="Small and vital professions", age_groups=["ks5"], minutes=20,
                        setting="careers-fair-stand", professions=["podiatrist"],
                        plan=[{"minutes": 20, "step": "Stand"}]),
}


LONGEST_HANDOUT = profession(
    "orthoptist", title="Orthoptist (eyes, vision and how the eyes move together)",
    summary="They check how the eyes work together and help children and adults whose eyes do not move, focus or see "
            "as they should, in hospitals, clinics and schools, with tests, exercises and patches.",
    what_they_do=" ".join(["Orthoptists find out how well the eyes move and work together as a team."] * 30),
    entry_routes=[{"route": route, "summary": "How it works."} for route in
                  ("degree", "degree-apprenticeship", "support-worker", "return-to-practice", "masters")],
    interests=list(INTEREST_LABELS), strengths=list(STRENGTH_LABELS),
    sources=["002_67d9b56a58427b43.txt", "000_055b8d76fe1b33d6.txt", "001_368562afe33f14fe.txt",
             "003_9dc467f87f5abb7a.txt", "004_133d3833f8c4517f.txt",
             *(f"https://www.example{n}.org/allied-health/orthoptics/careers/page" for n in range(5))])
"""A profession with the most text the handout shows (all interests, strengths, routes and sources)."""


def write_project(root: Path) -> Path:
    """A small catalogue with four talk packs, three stories, two professions and dates near the build date."""
    files: dict[str, Any] = {
        "content/professions/podiatrist.yaml": profession(flags=["small-and-vital"]),
        "content/professions/paramedic.yaml": profession(
            "paramedic", summary="They help people in emergencies, at home and on the road."),
        "content/professions/orthoptist.yaml": LONGEST_HANDOUT,
        "content/stories/sport-to-podiatry.yaml": story_entry(organisation="An NHS region"),
        "content/stories/coming-back.yaml": story_entry(
            "coming-back", title="Coming back to paramedic work", kind="first-person", professions=["paramedic"],
            route="return", audiences=["returner"], body="I came back after five years.",
            consent={"given": True, "naming": "first-name", "recorded_on": "2026-05-01"}),
        "content/stories/invented-day.yaml": story_entry(
            "invented-day", title="An invented first year", kind="first-person", illustrative=True,
            professions=["all"], route="degree", audiences=["first-time"]),
        **{f"content/talks/{tid}.yaml": data for tid, data in TALKS.items()},
        "content/audiences/first-time.yaml": guide(),
        "resources.yaml": [resource(talk_material=True, url="https://www.example.org/vr"),
                           resource("lesson-plan", title="A lesson plan", type="lesson-plan", talk_material=True,
                                    age_range={"min": 11, "max": 14}, minutes=45)],
        "events_calendar.yaml": [event(), event("soon", title="Soon day", rule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3",
                                                starts="2024-12-03")],
    }
    write_catalogue(root, files, replace=True)
    (root / "content/modules").mkdir(parents=True, exist_ok=True)
    return root


def build_small_site(folder: Path, *options: str) -> Path:
    root = write_project(folder / "project")
    site = folder / "site"
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site), *options)
    assert result.returncode == 0, result.stderr + result.stdout
    return site


@pytest.fixture(scope="module")
def small_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve_directory(build_small_site(tmp_path_factory.mktemp("ambassadors")))


def chip(tab: Any, name: str, value: str) -> Any:
    """The chip (a label around a checkbox or radio button) for value `value` of filter `name`."""
    return tab.locator(f"label.ahp-chip:has(input[name='{name}'][value='{value}'])")


LISTS = {"talks": "talk-pack-cards", "resources": "talk-resource-cards", "stories": "story-cards"}


def visible_titles(tab: Any, list_name: str) -> list[str]:
    return tab.eval_on_selector_all(
        f"#{LISTS[list_name]} > li:not([hidden]) .ahp-card__title", "els => els.map(e => e.textContent)")


def count(tab: Any, list_name: str) -> str:
    return tab.text_content(f"[data-count-for={LISTS[list_name]}]")


def test_age_group_chip_filters_packs_and_sets_the_address(phone_tab: Any, small_url: str) -> None:
    phone_tab.goto(small_url + "ambassadors/")
    assert phone_tab.is_visible("#ambassador-filters")
    before = visible_titles(phone_tab, "talks")
    assert len(before) == 4
    assert chip(phone_tab, "age", "ks4").inner_text() == "Key stage 4"
    chip(phone_tab, "age", "ks4").click()
    after = visible_titles(phone_tab, "talks")
    assert sorted(after) == ["Match interests to jobs", "What are AHPs?"]
    assert phone_tab.url.endswith("/ambassadors/?age=ks4")
    assert count(phone_tab, "talks") == "2 of 4 talk packs"
    assert visible_titles(phone_tab, "resources") == ["A lesson plan", "AHP VR360"]  # ages 11 to 14, and ages not given
    chip(phone_tab, "minutes", "20").click()
    assert visible_titles(phone_tab, "talks") == ["What are AHPs?"]
    assert "age=ks4" in phone_tab.url and "minutes=20" in phone_tab.url
    assert visible_titles(phone_tab, "resources") == ["AHP VR360"]  # the 45-minute lesson plan no longer fits
    chip(phone_tab, "minutes", "").click()  # "Any length" takes the time limit away
    assert "minutes" not in phone_tab.url and len(visible_titles(phone_tab, "talks")) == 2


def test_setting_and_profession_filters(phone_tab: Any, small_url: str) -> None:
    phone_tab.goto(small_url + "ambassadors/")
    phone_tab.click("summary:has-text('Profession')")
    chip(phone_tab, "profession", "paramedic").click()
    assert sorted(visible_titles(phone_tab, "talks")) == [
        "Changing career into allied health", "Match interests to jobs", "What are AHPs?"]
    assert visible_titles(phone_tab, "resources") == []
    assert phone_tab.is_visible("[data-empty-for=talk-resource-cards]")
    assert phone_tab.is_hidden("[data-empty-for=talk-pack-cards]")
    chip(phone_tab, "setting", "online").click()
    assert visible_titles(phone_tab, "talks") == ["Changing career into allied health"]
    assert "profession=paramedic" in phone_tab.url and "setting=online" in phone_tab.url
    phone_tab.click("#ambassador-filters button[type=reset]")
    assert len(visible_titles(phone_tab, "talks")) == 4
    assert phone_tab.url.endswith("/ambassadors/")
    assert count(phone_tab, "talks") == "4 talk packs"


def test_filters_are_restored_from_the_address(phone_tab: Any, small_url: str) -> None:
    phone_tab.goto(small_url + "ambassadors/?age=ks5&setting=careers-fair-stand#dates")
    assert visible_titles(phone_tab, "talks") == ["Small and vital professions"]
    assert phone_tab.is_checked("input[name=age][value=ks5]")
    chip(phone_tab, "age", "ks5").click()
    assert phone_tab.evaluate("location.search + location.hash") == "?setting=careers-fair-stand#dates"  # hash kept
    phone_tab.goto(small_url + "ambassadors/?age=nonsense&minutes=nonsense")
    assert len(visible_titles(phone_tab, "talks")) == 4
    assert phone_tab.is_checked("input[name=minutes][value='']")


def test_stories_filters(phone_tab: Any, small_url: str) -> None:
    phone_tab.goto(small_url + "stories/")
    assert len(visible_titles(phone_tab, "stories")) == 3
    chip(phone_tab, "audience", "returner").click()
    assert visible_titles(phone_tab, "stories") == ["Coming back to paramedic work"]
    assert phone_tab.url.endswith("/stories/?audience=returner")
    assert count(phone_tab, "stories") == "1 of 3 stories"
    phone_tab.click("#story-filters button[type=reset]")
    phone_tab.click("summary:has-text('Profession')")
    chip(phone_tab, "profession", "podiatrist").click()
    assert sorted(visible_titles(phone_tab, "stories")) == ["An invented first year", "From sport to podiatry"]
    chip(phone_tab, "route", "return").click()
    assert visible_titles(phone_tab, "stories") == []
    assert phone_tab.is_visible("[data-empty-for=story-cards]")
    suggestions = phone_tab.locator("[data-empty-for=story-cards] button").all_text_contents()
    assert suggestions == ["Take away Returning to practice (2 to see)", "Take away Podiatrist (1 to see)"]
    phone_tab.click("text=Take away Podiatrist")
    assert visible_titles(phone_tab, "stories") == ["Coming back to paramedic work"]
    assert phone_tab.evaluate("location.search") == "?route=return"


def test_without_javascript_everything_is_listed(browser: Any, small_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(small_url + "ambassadors/?age=ks4")
        assert len(visible_titles(tab, "talks")) == 4
        assert not tab.is_visible("#ambassador-filters")
        assert tab.is_visible("#age-ks4") and tab.is_visible("#age-adults")
        tab.goto(small_url + "stories/?audience=returner")
        assert tab.locator("#story-cards > li:visible").count() == 3
        assert not tab.is_visible("#story-filters")
        tab.goto(small_url + "ambassadors/lesson/")
        assert not tab.is_visible("[data-print]")
    finally:
        context.close()


def test_print_buttons_appear_with_javascript(phone_tab: Any, small_url: str) -> None:
    for path in ("ambassadors/lesson/", "professions/podiatrist/handout/"):
        phone_tab.goto(small_url + path)
        assert phone_tab.is_visible("[data-print]"), path


PAGES = ("ambassadors/", "ambassadors/lesson/", "stories/", "stories/coming-back/",
         "professions/podiatrist/handout/")


def test_axe_finds_nothing(phone_tab: Any, small_url: str) -> None:
    """Each page at a phone and a desktop width, sideways scrolling included (conftest.axe_at_each_width)."""
    found = {}
    for path in PAGES:
        phone_tab.goto(small_url + path)
        found[path] = axe_at_each_width(phone_tab)
    assert {path: violations for path, violations in found.items() if violations} == {}


def test_chips_are_big_enough_to_tap(phone_tab: Any, small_url: str) -> None:
    phone_tab.goto(small_url + "ambassadors/")
    for summary in phone_tab.locator("#ambassador-filters details:not([open]) > summary").all():
        summary.click()
    sizes = phone_tab.eval_on_selector_all("#ambassador-filters .ahp-chip",
                                      "els => els.map(e => [e.offsetWidth, e.offsetHeight])")
    assert sizes and min(height for _, height in sizes) >= 44 and min(width for width, _ in sizes) >= 44


def test_show_more_talk_resources_in_place_and_all_without_javascript(browser: Any, page: Any,
                                                                     site_url: str) -> None:
    page.goto(site_url + "ambassadors/")
    resources = page.locator("#talk-resource-cards > li")
    total = resources.count()
    assert total > 2 * RESOURCES_SHOWN, "the shipped catalogue should have more talk resources than two screens"
    assert page.locator("#talk-resource-cards > li:visible").count() == RESOURCES_SHOWN
    more = page.locator("button[data-more-for=talk-resource-cards]")
    assert more.text_content() == f"Show more ({total - RESOURCES_SHOWN} more to see)"
    more.click()
    assert page.locator("#talk-resource-cards > li:visible").count() == 2 * RESOURCES_SHOWN
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "ambassadors/")
        assert tab.locator("#talk-resource-cards > li:visible").count() == total  # no page to go to: all listed
        assert tab.locator("button[data-more-for]").is_hidden()
    finally:
        context.close()
