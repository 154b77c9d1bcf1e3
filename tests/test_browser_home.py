"""The home page's first phone screen (360 x 740) holds every way in: search, the matcher, five doors."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.browser
def test_first_screen_holds_search_matcher_and_every_door(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url)
    wanted = {
        "search": "form.ahp-home-search button[type=submit]",
        "matcher": "a[href='people-like-me/']",
        "first-time": "a.ahp-door[href='for/first-time/']",
        "support-worker": "a.ahp-door[href='for/support-worker/']",
        "career-changer": "a.ahp-door[href='for/career-changer/']",
        "returner": "a.ahp-door[href='for/returner/']",
        "teachers": "a.ahp-door[href='ambassadors/']",
    }
    below_the_fold = {}
    for name, selector in wanted.items():
        box = phone_tab.locator(selector).first.bounding_box()
        assert box is not None, name
        if box["y"] + box["height"] > 740:
            below_the_fold[name] = round(box["y"] + box["height"])
        assert box["height"] >= 44 and box["width"] >= 44, (name, box)
    assert below_the_fold == {}


@pytest.mark.browser
def test_home_search_opens_site_search_with_the_words(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url)
    phone_tab.fill("#home-q", "feet")
    phone_tab.click("form.ahp-home-search button[type=submit]")
    phone_tab.wait_for_url("**/search/?q=feet")
    assert phone_tab.locator("#search-q").input_value() == "feet"


@pytest.mark.browser
def test_profession_page_opens_with_an_on_this_page_list(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "professions/podiatrist/")
    toc = phone_tab.locator("nav.ahp-toc a")
    assert toc.count() >= 5
    target = toc.nth(1).get_attribute("href")
    assert phone_tab.locator(f"h2{target}").count() == 1
