"""The explore filters and the "people like me" matcher in Chromium: filters combine, the count is announced, the
address holds the state (shared links, Back), keyboard alone works, and without JavaScript everything is listed.

Set AHP_SCREENSHOTS=1 to also write the 360 px screenshots shown in the README to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from generator.render.filters import PAGE_SIZE

pytestmark = pytest.mark.browser

class CardReader(HTMLParser):
    """The filter attributes of every card in a built listing page."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "li" and "data-card" in values:
            self.cards.append(values)


def cards_of(site: Path, path: str = "explore/index.html") -> list[dict[str, str]]:
    reader = CardReader()
    reader.feed((site / path).read_text(encoding="utf-8"))
    return reader.cards


def expected_count(site: Path, **wanted: str) -> int:
    """Cards the filters should leave, computed here from the built page: any value within a group, every group."""
    def fits(card: dict[str, str], key: str, values: str) -> bool:
        have = card[f"data-{key}"].split()
        return "all" in have or any(value in have for value in values.split(","))

    return sum(all(fits(card, key, values) for key, values in wanted.items()) for card in cards_of(site))


def total(site: Path) -> int:
    return len(cards_of(site))


def chosen(tab: Any) -> list[str]:
    return tab.eval_on_selector_all("#explore-filters input:checked:not([value=''])",
                                    "els => els.map(e => e.name + '=' + e.value)")


def chip(tab: Any, name: str, value: str) -> Any:
    return tab.locator(f'#explore-filters input[name="{name}"][value="{value}"]')


def shown(tab: Any) -> int:
    return tab.locator("#explore-cards > li:visible").count()


COUNT = "[data-count-for=explore-cards]"
EMPTY = "[data-empty-for=explore-cards]"
MORE = "[data-more-for=explore-cards]"


def test_filters_combine_and_live_in_the_address(phone_tab: Any, site_url: str, shipped_site: Path) -> None:
    n = total(shipped_site)
    phone_tab.goto(site_url + "explore/")
    assert phone_tab.get_attribute(COUNT, "aria-live") == "polite"
    assert phone_tab.text_content(COUNT) == f"{n} entries"
    chip(phone_tab, "audience", "returner").check()
    returners = expected_count(shipped_site, audience="returner")
    assert 0 < returners < n
    assert phone_tab.text_content(COUNT) == f"{returners} of {n} entries"
    assert phone_tab.evaluate("location.search") == "?audience=returner"
    phone_tab.click("summary:has-text('Profession')")
    chip(phone_tab, "profession", "podiatrist").check()
    both = expected_count(shipped_site, audience="returner", profession="podiatrist")
    assert phone_tab.text_content(COUNT) == f"{both} of {n} entries"
    assert phone_tab.evaluate("location.search") == "?audience=returner&profession=podiatrist"
    assert shown(phone_tab) == min(both, PAGE_SIZE)
    chip(phone_tab, "audience", "first-time").check()  # a second value in a group widens
    wider = expected_count(shipped_site, audience="returner,first-time", profession="podiatrist")
    assert phone_tab.text_content(COUNT) == f"{wider} of {n} entries"
    assert "audience=first-time,returner" in phone_tab.evaluate("location.search")
    assert "(2 chosen)" in phone_tab.text_content("summary:has-text('Who it is for')")
    phone_tab.click("#explore-filters button[type=reset]")
    assert phone_tab.text_content(COUNT) == f"{n} entries"
    assert chosen(phone_tab) == []
    assert phone_tab.url.endswith("/explore/")


def test_back_from_a_card_returns_to_the_same_list(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/#top")
    chip(page, "kind", "story").check()
    stories = expected_count(shipped_site, kind="story")
    assert page.evaluate("location.search + location.hash") == "?kind=story#top"  # the #hash is kept
    page.locator("#explore-cards > li:visible a").first.click()
    page.wait_for_url("**/stories/**")
    page.go_back()
    assert page.text_content(COUNT) == f"{stories} of {total(shipped_site)} entries"
    assert chosen(page) == ["kind=story"]
    assert shown(page) == min(stories, PAGE_SIZE)


def test_a_shared_link_opens_the_same_list(phone_tab: Any, site_url: str, shipped_site: Path) -> None:
    phone_tab.goto(site_url + "explore/?audience=returner&profession=podiatrist&profession=no-such-profession")
    both = expected_count(shipped_site, audience="returner", profession="podiatrist")
    assert phone_tab.text_content(COUNT) == f"{both} of {total(shipped_site)} entries"
    assert chosen(phone_tab) == ["audience=returner", "profession=podiatrist"]
    assert phone_tab.locator("details:has(input[name=profession])").get_attribute("open") is not None
    assert shown(phone_tab) == min(both, PAGE_SIZE)


def test_profession_page_see_all_link_matches_the_filter(phone_tab: Any, site_url: str, shipped_site: Path) -> None:
    phone_tab.goto(site_url + "explore/?kind=resource&profession=podiatrist")
    assert shown(phone_tab) == min(expected_count(shipped_site, kind="resource", profession="podiatrist"), PAGE_SIZE)


def test_show_more_reveals_the_next_cards_in_place(page: Any, site_url: str, shipped_site: Path) -> None:
    n = total(shipped_site)
    assert n > 2 * PAGE_SIZE, "the shipped catalogue should need three pages"
    page.goto(site_url + "explore/")
    assert shown(page) == PAGE_SIZE
    assert page.text_content(MORE) == f"Show more ({n - PAGE_SIZE} more to see)"
    first_hidden = page.locator("#explore-cards > li").nth(PAGE_SIZE).locator("a").text_content()
    page.click(MORE)
    assert page.url.endswith("/explore/")  # in place: no new page
    assert shown(page) == 2 * PAGE_SIZE
    assert page.evaluate("document.activeElement.textContent") == first_hidden  # focus on the first new card
    assert page.text_content(MORE) == f"Show more ({n - 2 * PAGE_SIZE} more to see)"
    while page.is_visible(MORE):
        page.click(MORE)
    assert shown(page) == n
    chip(page, "kind", "story").check()  # a new filter starts from the first page again
    assert shown(page) == min(expected_count(shipped_site, kind="story"), PAGE_SIZE)


def test_empty_state_offers_a_way_back(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/?audience=returner")
    assert page.is_hidden(EMPTY)
    page.fill("#explore-filters-q", "zzzz no such words")
    assert page.text_content(COUNT) == f"0 of {total(shipped_site)} entries"
    assert page.is_visible(EMPTY) and page.is_hidden(MORE)
    assert "q=zzzz%20no%20such%20words" in page.url
    suggestion = page.locator(f"{EMPTY} button", has_text="the search words")
    suggestion.click()
    assert page.is_hidden(EMPTY)
    assert page.input_value("#explore-filters-q") == ""
    assert page.evaluate("document.activeElement.dataset.countFor") == "explore-cards"  # focus is not lost


def test_search_words_filter_the_cards(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "explore/")
    phone_tab.fill("#explore-filters-q", "podiatr")
    matching = int(phone_tab.text_content(COUNT).split()[0])
    assert matching >= 1
    assert shown(phone_tab) == min(matching, PAGE_SIZE)
    titles = phone_tab.eval_on_selector_all("#explore-cards > li:not([hidden])", "els => els.map(e => e.textContent)")
    assert all("podiatr" in text.lower() for text in titles)


def test_keyboard_alone(page: Any, site_url: str, shipped_site: Path) -> None:
    page.goto(site_url + "explore/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'checkbox'"):
            break
    name, value = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])"
                            "(getComputedStyle(document.activeElement.nextElementSibling))")
    assert outline[0] != "none" and outline[1] >= 2, "keyboard focus must be visible on the chip"
    before = page.text_content(COUNT)
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    after_space = page.text_content(COUNT)
    assert after_space != before
    assert after_space.startswith(f"{expected_count(shipped_site, **{name: value})} of ")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.text_content(COUNT) != after_space


def test_without_javascript_every_card_is_listed_over_linked_pages(browser: Any, site_url: str,
                                                                    shipped_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "explore/?audience=returner")
    assert tab.is_hidden("#explore-filters")
    assert tab.locator('.ahp-explore a[href="../for/returner/"]').count() == 1
    titles = tab.locator("#explore-cards > li:visible h2").all_text_contents()
    while tab.locator(".ahp-more a").count():
        tab.click(".ahp-more a")  # a link to the next generated page
        titles += tab.locator(".ahp-cards > li:visible h2").all_text_contents()
    n = total(shipped_site)
    assert tab.url.endswith(f"/explore/page/{-(-n // PAGE_SIZE)}/")
    assert len(titles) == n
    tab.goto(site_url + "people-like-me/")
    assert tab.is_hidden("#matcher")
    assert tab.locator("table.ahp-by-interest tbody tr").count() >= 5
    context.close()


def test_matcher_ranks_professions_with_reasons(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "people-like-me/")
    phone_tab.click('[data-value="sport-and-exercise"]')
    phone_tab.click('[data-value="good-with-hands"]')
    assert phone_tab.get_attribute('[data-value="sport-and-exercise"]', "aria-pressed") == "true"
    status = phone_tab.text_content("#matcher-status")
    assert re.fullmatch(r"\d+ jobs? fits? \u00b7 best: .+", status)
    first = phone_tab.locator("#matcher-results > li").first
    assert "Because you like sport and exercise" in first.text_content()
    names = first.locator("a").all_text_contents()
    assert names and all(name for name in names)
    href = first.locator("a").first.get_attribute("href")
    assert href.startswith("../professions/")
    phone_tab.click("#matcher-clear")
    assert phone_tab.locator("#matcher-results > li").count() == 0
    assert phone_tab.text_content("#matcher-status").startswith("Tap a few things")


def test_matcher_ranks_interests_above_values(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "people-like-me/")
    phone_tab.click('[data-group="value"] >> nth=0')
    phone_tab.click('[data-group="interest"] >> nth=0')
    reasons = phone_tab.locator("#matcher-results > li > p:nth-child(2)").all_text_contents()
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
