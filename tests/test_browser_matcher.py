"""The matcher at 360 x 740: the answer is on screen after every tap, more picks narrow the list, Back restores."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PICKS = ("sport-and-exercise", "science-and-the-body", "caring", "working-together")


def tap(page: Any, tag: str) -> None:
    page.click(f".ahp-chip[data-value='{tag}']")


def on_screen(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740


def test_count_and_best_three_are_on_screen_after_every_tap(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "people-like-me/")
    counts = []
    for tag in PICKS:
        tap(phone_tab, tag)
        assert on_screen(phone_tab, f".ahp-chip[data-value='{tag}']")
        assert on_screen(phone_tab, "#matcher-status"), tag
        assert on_screen(phone_tab, "#matcher-best"), tag
        counts.append(int(phone_tab.text_content("#matcher-status").split(" ")[0]))
    print(f"\njobs that fit after each pick: {counts}")
    assert phone_tab.text_content("#matcher-status") == "3 jobs fit \u00b7 best: Physiotherapist, Osteopath, Podiatrist"
    assert counts == sorted(counts, reverse=True), "a pick must never widen the list"


def test_best_three_say_why_and_the_rest_follow(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "people-like-me/")
    for tag in PICKS[:2]:
        tap(phone_tab, tag)
    cards = phone_tab.locator("#matcher-results > li")
    assert cards.count() == 3
    best = [cards.nth(i).locator("a").text_content() for i in range(3)]
    assert best == ["Osteopath", "Physiotherapist", "Podiatrist"]
    assert cards.first.locator("p").nth(1).text_content() == (
        "Because you like sport and exercise and science and how the body works.")
    tap(phone_tab, "sport-and-exercise")  # unpicked: nearly every job shares the science pick left, so more follow
    assert phone_tab.text_content("#matcher-status").startswith("11 jobs fit")
    assert phone_tab.locator("#matcher-results > li").count() == 3
    rest = phone_tab.locator("#matcher-more-list > li")
    assert rest.count() == 8
    assert rest.first.text_content() == "Orthoptist \u2014 science and how the body works"
    phone_tab.click("#matcher-clear")
    assert phone_tab.text_content("#matcher-status") == "Tap a few things above to see which jobs fit."
    assert cards.count() == 0 and not phone_tab.locator("#matcher-best").is_visible()
    assert phone_tab.url.endswith("/people-like-me/")


def test_back_from_a_profession_restores_the_picks(page: Any, site_url: str) -> None:
    page.goto(site_url + "people-like-me/")
    for tag in PICKS:
        tap(page, tag)
    answer = page.text_content("#matcher-status")
    assert page.url.endswith("?interest=sport-and-exercise,science-and-the-body&strength=caring&value=working-together")
    page.click("#matcher-results > li:first-child a")
    page.wait_for_url("**/professions/physiotherapist/")
    page.go_back()
    page.wait_for_url("**/people-like-me/?**")
    pressed = page.eval_on_selector_all(".ahp-chip[aria-pressed=true]", "chips => chips.map(c => c.dataset.value)")
    assert sorted(pressed) == sorted(PICKS)
    assert page.text_content("#matcher-status") == answer


def test_a_shared_address_opens_with_the_picks(phone_tab: Any, site_url: str) -> None:
    """Reloading or sharing the address gives the same answer (no bfcache involved)."""
    phone_tab.goto(site_url + "people-like-me/?interest=music")
    assert phone_tab.get_attribute(".ahp-chip[data-value='music']", "aria-pressed") == "true"
    assert phone_tab.text_content("#matcher-status") == "1 job fits \u00b7 best: Music therapist"
