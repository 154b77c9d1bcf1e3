"""The shared filter component's data: chip groups offer only values in use, lists are paged into linked pages that
together hold every card, and the count says the same words the browser script writes."""

from __future__ import annotations

from generator.render.filters import (
    PAGE_SIZE,
    CardList,
    FilterGroup,
    chip_group,
    later_pages,
    page_source,
    paged_list,
    pages,
    useful,
)


def test_chip_groups_offer_only_values_some_card_has() -> None:
    group = chip_group("audience", "Who it is for", [("a", "A"), ("b", "B"), ("c", "C")], ["c", "a", "a"])
    assert [(chip.value, chip.label) for chip in group.chips] == [("a", "A"), ("c", "C")]  # vocabulary order
    assert len(chip_group("x", "X", [("a", "A"), ("b", "B")]).chips) == 2  # no `present`: every option


def test_only_groups_that_can_narrow_a_list_are_kept() -> None:
    one = chip_group("kind", "Kind", [("story", "Stories")])
    two = chip_group("route", "Route", [("a", "A"), ("b", "B")])
    one_choice = FilterGroup("minutes", "Time", one.chips, any_label="Any length", at_most=True)
    assert useful([one, two, one_choice]) == (two, one_choice)  # "any" and one limit is still a choice


def test_pages_hold_every_card_once() -> None:
    cards = list(range(2 * PAGE_SIZE + 3))
    slices = pages(cards)
    assert [len(part) for part in slices] == [PAGE_SIZE, PAGE_SIZE, 3]
    assert [card for part in slices for card in part] == cards
    assert pages([]) == [[]]


def test_later_pages_link_back_and_forward() -> None:
    cards = list(range(2 * PAGE_SIZE + 3))
    second, third = later_pages(cards, "explore")
    assert page_source("explore", 1) == "explore/index.md"
    assert (second["source"], second["previous"], second["next"], second["left"]) == (
        "explore/page/2.md", "explore/index.md", "explore/page/3.md", 3)
    assert (third["source"], third["next"], third["count"], third["cards"]) == (
        "explore/page/3.md", None, 3, cards[2 * PAGE_SIZE:])
    assert list(later_pages(cards[:PAGE_SIZE], "explore")) == []


def test_a_paged_list_says_what_is_left() -> None:
    long = paged_list("explore-cards", list(range(PAGE_SIZE + 7)), "explore", "entries", "entry")
    assert (long.next_page, long.left, long.count_text) == ("explore/page/2.md", 7, f"{PAGE_SIZE + 7} entries")
    short = paged_list("explore-cards", [1], "explore", "entries", "entry")
    assert (short.next_page, short.left, short.count_text) == (None, 0, "1 entry")
    assert CardList("talks", 3, "talk packs", "talk pack").left == 0  # not paged: everything shows
