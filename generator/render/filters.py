"""The one filter component every listing uses (Explore, resources, stories, ambassadors, modules, calendar), and
the paging of long card lists.

Why: a reader should meet the same chips, the same count and the same empty message everywhere, present from the
first paint so nothing jumps when the script arrives. Python decides everything the browser script
(`assets/filters.js`) knows: which groups and values exist, which lists a form filters, how many cards show at
first, where the count and the empty message go. Without JavaScript the form is hidden and every list is complete;
the longest lists (Explore, resources) are split over linked pages of `PAGE_SIZE` cards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

PAGE_SIZE = 20
"""Cards shown before "Show more" on a paged list: about 5,000 px of cards on a 360 px phone."""


@dataclass(frozen=True)
class Chip:
    """One filter value: what the address and the card's data-* attribute say, and what the reader sees."""

    value: str
    label: str


@dataclass(frozen=True)
class FilterGroup:
    """A row of chips filtering on one data-* attribute of the cards."""

    key: str
    """Both the address's query parameter and the card attribute (data-<key>)."""
    legend: str
    chips: tuple[Chip, ...]
    open: bool = True
    """Shown unfolded on first load; long groups start folded so the cards stay near the top on a phone."""
    any_label: str = ""
    """Set for a one-choice group (radio chips): the label of the chip that means 'no filter'."""
    at_most: bool = False
    """The cards hold a number and pass when it is no larger than the chosen one (a time limit)."""


@dataclass(frozen=True)
class CardList:
    """A list a filter form narrows: its element id, what its count calls the cards, and its paging."""

    id: str
    total: int
    noun: str
    one: str
    page_size: int | None = None
    """Cards shown until "Show more"; None shows them all."""
    next_page: str | None = None
    """Source path of the generated page holding the next cards, the link "Show more" follows without script."""

    @property
    def count_text(self) -> str:
        """What the count says before any filter is chosen; the script writes the same words."""
        return f"{self.total} {self.one if self.total == 1 else self.noun}"

    @property
    def left(self) -> int:
        return max(self.total - (self.page_size or self.total), 0)


@dataclass(frozen=True)
class FilterForm:
    """One filter form: the lists it narrows and its groups of chips."""

    id: str
    label: str
    """The form's accessible name, e.g. "Filter stories"."""
    lists: tuple[str, ...]
    groups: tuple[FilterGroup, ...]
    search: bool = False
    """Also offer a text box matching every word typed against the cards' text."""


def chip_group(key: str, legend: str, options: Iterable[tuple[str, str]], present: Iterable[str] | None = None,
               **settings: Any) -> FilterGroup:
    """A group offering only the options some card has (when `present` is given), so no chip alone empties a list."""
    wanted = None if present is None else set(present)
    return FilterGroup(key, legend, tuple(Chip(value, label) for value, label in options
                                          if wanted is None or value in wanted), **settings)


def useful(groups: Iterable[FilterGroup]) -> tuple[FilterGroup, ...]:
    """Groups that can narrow a list: at least two values, or one value beside the 'any' chip."""
    return tuple(group for group in groups if len(group.chips) > (0 if group.any_label else 1))


def pages(cards: Sequence[Any], size: int = PAGE_SIZE) -> list[Sequence[Any]]:
    """The cards in slices of `size`: one slice per generated page (at least one, even when empty)."""
    return [cards[start:start + size] for start in range(0, len(cards), size)] or [cards]


def page_source(folder: str, number: int) -> str:
    """Source path of page `number` of a paged list: folder/index.md, then folder/page/2.md, ..."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/page/{number}.md"


def paged_list(list_id: str, cards: Sequence[Any], folder: str, noun: str, one: str) -> CardList:
    """The first page of a list whose later cards also live on generated pages under `folder`/page/."""
    return CardList(list_id, len(cards), noun, one, PAGE_SIZE,
                    page_source(folder, 2) if len(cards) > PAGE_SIZE else None)


def later_pages(cards: Sequence[Any], folder: str) -> Iterator[dict[str, Any]]:
    """Context for pages 2, 3, ... of a paged list: their cards and the links before and after."""
    slices = pages(cards)
    for number in range(2, len(slices) + 1):
        yield {
            "source": page_source(folder, number), "number": number, "count": len(slices),
            "cards": slices[number - 1], "first": page_source(folder, 1),
            "previous": page_source(folder, number - 1),
            "next": page_source(folder, number + 1) if number < len(slices) else None,
            "left": sum(len(part) for part in slices[number:]),
        }
