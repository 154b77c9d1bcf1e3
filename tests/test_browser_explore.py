"""The explore filters and the "people like me" matcher in Chromium: filters combine, the count is announced, the
address holds the state (shared links, Back), keyboard alone works, and without JavaScript everything is listed.

Set AHP_SCREENSHOTS=1 to also write the 360 px screenshots shown in the README to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

pytestmark = pytest.mark.browser

CARD = re.compile(r'<li class="ahp-card" data-kind="([^"]*)" data-audience="([^"]*)" data-profession="([^"]*)"')


def expected_count(site: Path, **wanted: str) -> int:
    """Cards the filters should leave, computed here from the built page: any value within a group, every group."""
    cards = CARD.findall((site / "explore/index.html").read_text(encoding="utf-8"))
    count = 0
    for kind, audiences, professions in cards:
        have = {"kind": [kind], "audience": audiences.split(), "profession": professions.split()}
        if all(any(v in have[k] or (k == "profession" and "all" in have[k]) for v in values.split(","))
               for k, values in wanted.items()):
            count += 1
    return count


def total(site: Path) -> int:
    return len(CARD.findall((site / "explore/index.html").read_text(encoding="utf-8")))


def pressed(tab: Any) -> list[str]:
    return tab.eval_on_selector_all('#explore-filters [aria-pressed="true"]',
                                    "els => els.map(e => e.dataset.group + '=' + e.dataset.value)")


def wait_for_visible_cards(tab: Any, expected: int) -> None:
    """Cards are shown or hidden a hundred per frame; wait (5 s at most) until exactly `expected` are shown."""
    tab.wait_for_function("n => document.querySelectorAll('#explore-cards > li:not([hidden])').length === n",
                          arg=expected, timeout=5000)


def test_filters_combine_and_live_in_the_address(page: Any, site_url: str, shipped_site: Path) -> None:
    n = total(shipped_site)
    page.goto(site_url + "explore/")
    assert page.get_attribute("#explore-count", "aria-live") == "polite"
    page.click('[data-group="audience"][data-value="returner"]')
    returners = expected_count(shipped_site, audience="returner")
    assert 0 < returners < n
    assert page.text_content("#explore-count") == f"{returners} of {n} shown"
    assert page.url.endswith("/explore/?audience=returner")
    page.click("summary:has-text('Profession')")
    page.click('[data-group="profession"][data-value="podiatrist"]')
    both = expected_count(shipped_site, audience="returner", profession="podiatrist")
    assert page.text_content("#explore-count") == f"{both} of {n} shown"
    assert page.url.endswith("/explore/?audience=returner&profession=podiatrist")
    wait_for_visible_cards(page, both)
    page.click('[data-group="audience"][data-value="first-time"]')  # a second value in a group widens
    wider = expected_count(shipped_site, audience="returner,first-time", profession="podiatrist")
    assert page.text_content("#explore-count") == f"{wider} of {n} shown"
    assert "audience=returner,first-time" in page.url
    assert "(2 chosen)" in page.text_content("summary:has-text('Who it is for')")

    page.go_back()
    assert page.text_content("#explore-count") == f"{both} of {n} shown"
    assert pressed(page) == ["audience=returner", "profession=podiatrist"]
    page.go_back()
    assert page.text_content("#explore-count") == f"{returners} of {n} shown"
    page.click("#explore-clear")
    assert page.text_content("#explore-count") == f"{n} of {n} shown"
    assert pressed(page) == []
    assert page.url.endswith("/explore/")


def test_a_shared_link_opens_the_same_list(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/?audience=returner&profession=podiatrist&profession=no-such-profession")
    both = expected_count(shipped_site, audience="returner", profession="podiatrist")
    assert page.text_content("#explore-count") == f"{both} of {total(shipped_site)} shown"
    assert pressed(page) == ["audience=returner", "profession=podiatrist"]
    wait_for_visible_cards(page, both)


def test_profession_page_see_all_link_matches_the_filter(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/?kind=resource&profession=podiatrist")
    wait_for_visible_cards(page, expected_count(shipped_site, kind="resource", profession="podiatrist"))


def test_empty_state_offers_a_way_back(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/?audience=returner")
    page.fill("#explore-q", "zzzz no such words")
    assert page.text_content("#explore-count") == f"0 of {total(shipped_site)} shown"
    assert page.is_visible("#explore-empty")
    assert "q=zzzz%20no%20such%20words" in page.url
    suggestion = page.locator("#explore-suggest button", has_text="the search words")
    suggestion.click()
    assert page.is_hidden("#explore-empty")
    assert page.input_value("#explore-q") == ""
    assert page.evaluate("document.activeElement.id") == "explore-count"  # focus is not lost with the button


def test_search_words_filter_the_cards(page: Any, site_url: str) -> None:
    page.goto(site_url + "explore/")
    page.fill("#explore-q", "podiatr")
    shown = int(page.text_content("#explore-count").split()[0])
    assert shown >= 1
    wait_for_visible_cards(page, shown)
    titles = page.eval_on_selector_all("#explore-cards > li:not([hidden])", "els => els.map(e => e.textContent)")
    assert all("podiatr" in text.lower() for text in titles)


def test_keyboard_alone(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ahp-chip')"):
            break
    chip = page.evaluate("[document.activeElement.dataset.group, document.activeElement.dataset.value]")
    outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])"
                            "(getComputedStyle(document.activeElement))")
    assert outline[0] != "none" and outline[1] >= 2, "keyboard focus must be visible"
    before = page.text_content("#explore-count")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    after_space = page.text_content("#explore-count")
    assert after_space != before
    assert after_space.startswith(f"{expected_count(shipped_site, **{chip[0]: chip[1]})} of ")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.text_content("#explore-count") != after_space


def test_without_javascript_every_card_is_listed(browser: Any, site_url: str, shipped_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "explore/?audience=returner")
    assert tab.locator("#explore-cards > li:visible").count() == total(shipped_site)
    assert tab.is_hidden("#explore-filters")
    assert tab.locator('.ahp-explore a[href="../for/returner/"]').count() == 1
    tab.goto(site_url + "people-like-me/")
    assert tab.is_hidden("#matcher")
    assert tab.locator("table.ahp-by-interest tbody tr").count() >= 5
    context.close()


def test_matcher_ranks_professions_with_reasons(page: Any, site_url: str) -> None:
    page.goto(site_url + "people-like-me/")
    page.click('[data-value="sport-and-exercise"]')
    page.click('[data-value="good-with-hands"]')
    assert page.get_attribute('[data-value="sport-and-exercise"]', "aria-pressed") == "true"
    status = page.text_content("#matcher-status")
    assert re.fullmatch(r"\d+ jobs? fits? \u00b7 best: .+", status)
    first = page.locator("#matcher-results > li").first
    assert "Because you like sport and exercise" in first.text_content()
    names = first.locator("a").all_text_contents()
    assert names and all(name for name in names)
    href = first.locator("a").first.get_attribute("href")
    assert href.startswith("../professions/")
    page.click("#matcher-clear")
    assert page.locator("#matcher-results > li").count() == 0
    assert page.text_content("#matcher-status").startswith("Tap a few things")


def test_matcher_ranks_interests_above_values(page: Any, site_url: str) -> None:
    page.goto(site_url + "people-like-me/")
    page.click('[data-group="value"] >> nth=0')
    page.click('[data-group="interest"] >> nth=0')
    reasons = page.locator("#matcher-results > li > p:nth-child(2)").all_text_contents()
    assert reasons[0].startswith("Because you like")


def test_screenshots_at_360(page: Any, site_url: str, tmp_path: Path) -> None:
    """Screenshots of the first screens, for the README; written to docs/ only when AHP_SCREENSHOTS=1."""
    folder = REPO / "docs/screenshots" if os.environ.get("AHP_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in (("home-360.png", ""), ("explore-360.png", "explore/?audience=first-time"),
                       ("profession-360.png", "professions/podiatrist/"),
                       ("matcher-360.png", "people-like-me/?interest=sport-and-exercise,science-and-the-body")):
        page.goto(site_url + path)
        page.screenshot(path=str(folder / name), full_page=True, clip={"x": 0, "y": 0, "width": 360, "height": 1480})
        data = (folder / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 400_000
