"""Site search in Chromium: names, search words and one-letter typos find the right profession first,
filters narrow and live in the address, keyboard and screen-reader use, no JavaScript, axe; and what it costs:
nothing on first load, and the bytes actually transferred by a first search (gzip-serving host, counted from
Chromium's own network events, encodedDataLength)."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import QuietHandler, axe_at_each_width, serve_directory
from test_content import PROFESSION_IDS

pytestmark = pytest.mark.browser

SHIPPED_FIRST_SEARCH_LIMIT = 150 * 1024
BIG_FIRST_SEARCH_LIMIT = 200 * 1024
DONE = """() => { const status = document.getElementById("search-status");
  return status !== null && status.textContent !== "" && !status.textContent.startsWith("Searching"); }"""
"""True once the search page has announced its results (the status is absent while the home page is still shown)."""
SEARCH_FILES = ("/pagefind/", "/assets/search.js")
PAGE_SIZE = 6
"""Results shown (and fragments fetched) at a time: PAGE_SIZE in assets/search.js."""


def wait_for_results(tab: Any) -> str:
    tab.wait_for_function(DONE)
    return tab.text_content("#search-status")


def count(status: str) -> int:
    """How many results the announced status says there are ("12 results for ...", "No results ...")."""
    return 0 if status.startswith("No results") else int(status.split(maxsplit=1)[0])


def titles(tab: Any) -> list[str]:
    return [link.text_content() for link in tab.query_selector_all("#search-results .ahp-result__title a")]


def search_from_home(tab: Any, base: str, words: str) -> list[str]:
    tab.goto(base)
    tab.fill("#home-q", words)
    tab.press("#home-q", "Enter")
    tab.wait_for_url("**/search/?q=*")
    wait_for_results(tab)
    return titles(tab)


# --- Finding things --------------------------------------------------------------------------------------------

SEARCHED = f"""(words) => new URLSearchParams(location.search).get("q") === words && ({DONE})()"""
"""True once the open search page has searched for `words` and announced the results: the address changes and the
status says "Searching" in the same task (assets/search.js `go`), so an earlier search's status never counts."""


def search_in_place(tab: Any, base: str, words: str) -> list[str]:
    """Type `words` into the search page's own box and press Enter: the page searches where it is, as it does for a
    reader trying one word after another, so only the first search of a module pays for loading the page."""
    if not tab.url.startswith(base + "search/"):
        tab.goto(base + "search/")
    tab.fill("#search-q", words)
    tab.press("#search-q", "Enter")
    tab.wait_for_function(SEARCHED, arg=words)
    return titles(tab)


@pytest.mark.parametrize("profession_id", sorted(PROFESSION_IDS))
def test_names_and_search_words_find_the_profession_first(
        phone_tab: Any, site_url: str, shipped_catalogue: Any, profession_id: str) -> None:
    """Its name and its first search word, each typed into the search box at 360 px (one test per profession). The
    home page's box leads to the same search: test_feet_finds_the_podiatrist_first goes that way."""
    profession = shipped_catalogue.profession(profession_id)
    assert phone_tab.viewport_size["width"] == 360
    assert profession.search_words, profession.id
    wrong = {}
    for words in (profession.title, profession.search_words[0]):
        found = search_in_place(phone_tab, site_url, words)
        if not found or found[0] != profession.title:
            wrong[words] = found[:3]
    assert wrong == {}


def test_feet_finds_the_podiatrist_first(phone_tab: Any, site_url: str) -> None:
    found = search_from_home(phone_tab, site_url, "feet")
    assert found[0] == "Podiatrist"
    assert len(found) > 1  # other pages about feet follow
    assert count(phone_tab.text_content("#search-status")) >= len(found)


@pytest.mark.parametrize(("typed", "profession"), [
    ("podiatrsit", "Podiatrist"),       # two letters swapped
    ("paramedc", "Paramedic"),          # one left out
    ("physiotherapistt", "Physiotherapist"),  # one too many
    ("orthopist", "Orthoptist"),        # one left out, in the middle
    ("dietitain", "Dietitian"),         # swapped
])
def test_a_one_letter_typo_in_a_name_still_finds_it(phone_tab: Any, site_url: str, typed: str, profession: str) -> None:
    phone_tab.goto(f"{site_url}search/?q={typed}")
    status = wait_for_results(phone_tab)
    assert titles(phone_tab)[0] == profession
    if typed == "podiatrsit":  # Pagefind alone finds nothing: the page says what it searched for instead
        assert status.startswith("No results for \u201cpodiatrsit\u201d. Showing results for \u201cpodiatrist\u201d")


def test_a_result_shows_title_kind_and_a_line_of_context(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=ambulance")
    wait_for_results(page)
    first = page.locator("#search-results > li").first
    assert first.locator(".ahp-result__title a").text_content() == "Paramedic"
    assert first.locator(".ahp-result__title a").get_attribute("href").endswith("/professions/paramedic/")
    assert first.locator(".ahp-result__kind").text_content() == "Profession"
    assert first.locator(".ahp-result__context mark").first.text_content().lower().startswith("ambulance")


# --- Filters and the address -----------------------------------------------------------------------------------

def test_filters_narrow_combine_and_live_in_the_address(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search/?q=podiatry")
    everything = count(wait_for_results(page))
    kinds = {page.text_content(f"#search-results > li:nth-child({n}) .ahp-result__kind") for n in range(1, 4)}
    assert len(kinds) > 1
    page.click('#search-filters summary:has-text("Kind")')  # groups start folded: results first on a phone
    page.click('#search-filters [data-group="kind"][data-value="profession"]')
    narrowed = count(wait_for_results(page))
    assert parse_qs(urlsplit(page.url).query) == {"q": ["podiatry"], "kind": ["profession"]}
    assert 0 < narrowed < everything
    assert {k.text_content() for k in page.query_selector_all(".ahp-result__kind")} == {"Profession"}
    page.click('#search-filters [data-group="kind"][data-value="story"]')  # within a group: either kind
    either = count(wait_for_results(page))
    assert either > narrowed
    page.click('#search-filters summary:has-text("Who it is for")')
    page.click('#search-filters [data-group="audience"][data-value="returner"]')  # across groups: both
    assert 0 < count(wait_for_results(page)) < either
    shared = page.url
    assert parse_qs(urlsplit(shared).query) == {"q": ["podiatry"], "kind": ["profession,story"],
                                                "audience": ["returner"]}
    combined = titles(page)
    page.go_back()
    wait_for_results(page)
    assert parse_qs(urlsplit(page.url).query)["kind"] == ["profession,story"] and "audience" not in page.url
    assert page.get_attribute('[data-group="audience"][data-value="returner"]', "aria-pressed") == "false"
    page.goto(shared)  # a shared link restores the words, the chips and the results
    wait_for_results(page)
    assert page.input_value("#search-q") == "podiatry"
    assert page.get_attribute('[data-group="kind"][data-value="story"]', "aria-pressed") == "true"
    assert page.get_attribute('[data-group="audience"][data-value="returner"]', "aria-pressed") == "true"
    assert page.is_visible('[data-group="audience"][data-value="returner"]')  # its group opens by itself
    assert titles(page) == combined


def test_the_header_field_searches_from_any_page(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "professions/podiatrist/")
    tab.fill("#ahp-header-q", "999")
    tab.press("#ahp-header-q", "Enter")
    tab.wait_for_url("**/search/?q=999")
    wait_for_results(tab)
    assert titles(tab)[0] == "Paramedic"
    context.close()


def test_on_a_phone_the_header_button_opens_the_search_field(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(site_url + "explore/")
    assert not phone_tab.is_visible("#ahp-header-q")
    phone_tab.click(".ahp-header-search__button")
    phone_tab.wait_for_url("**/search/?q=")
    assert phone_tab.evaluate("document.activeElement.id") == "search-q"


# --- Keyboard, screen readers, no JavaScript, axe ---------------------------------------------------------------

def test_keyboard_only(page: Any, site_url: str) -> None:
    page.goto(site_url + "search/")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.type("therapist")
    page.keyboard.press("Enter")
    wait_for_results(page)
    assert page.locator("#search-results > li").count() == PAGE_SIZE and page.is_visible("#search-more")
    page.focus("#search-more")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#search-results > li').length > {PAGE_SIZE}")
    first_new = page.locator(f"#search-results > li:nth-child({PAGE_SIZE + 1}) .ahp-result__title a")
    assert page.evaluate("document.activeElement.textContent") == first_new.text_content()
    title = first_new.text_content()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.text_content("h1") == title


def test_results_are_announced(phone_tab: Any, site_url: str) -> None:
    phone_tab.goto(f"{site_url}search/?q=ambulance")
    status = phone_tab.locator("#search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert wait_for_results(phone_tab) == "1 result for \u201cambulance\u201d."
    phone_tab.goto(f"{site_url}search/?q=xqxqxqxq")
    assert wait_for_results(phone_tab) == "No results for \u201cxqxqxqxq\u201d."
    assert phone_tab.is_visible("#search-empty")


def test_without_javascript_the_form_leads_to_other_ways_in(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(site_url)
    tab.fill("#home-q", "feet")
    tab.press("#home-q", "Enter")
    tab.wait_for_url("**/search/?q=feet")
    assert "Search needs JavaScript" in tab.text_content("#search-nojs")
    links = {a.text_content(): a.get_attribute("href") for a in tab.query_selector_all("#search-nojs a")}
    assert links == {"Explore everything": "../explore/", "The professions from A to Z": "../professions/"}
    context.close()


def test_when_the_index_cannot_load_the_page_says_so(page: Any, site_url: str) -> None:
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(f"{site_url}search/?q=feet")
    page.wait_for_selector("#search-unavailable:not([hidden])")
    assert "make build" in page.text_content("#search-unavailable")
    assert page.is_hidden("#search-filters")


def test_axe_finds_nothing_with_results_shown(phone_tab: Any, site_url: str) -> None:
    found = {}
    for path in ("search/?q=podiatry&kind=profession,story", "search/?q=podiatrsit", "search/?q=xqxqxqxq",
                 "search/"):
        phone_tab.goto(site_url + path)
        if "q=" in path:
            wait_for_results(phone_tab)
        found[path] = axe_at_each_width(phone_tab)
    phone_tab.goto(site_url + "search/?q=therapist")
    wait_for_results(phone_tab)
    phone_tab.click("#search-more")
    phone_tab.wait_for_function(f"document.querySelectorAll('#search-results > li').length > {PAGE_SIZE}")
    found["search/?q=therapist (more)"] = axe_at_each_width(phone_tab)
    assert {path: violations for path, violations in found.items() if violations} == {}


# --- What it costs ----------------------------------------------------------------------------------------------

class _CompressingHandler(QuietHandler):
    """Serves like a static host: text gzip-compressed on request, everything cacheable for ten minutes."""

    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (os.path.isfile(path) and path.endswith(self.TEXT)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        with open(path, "rb") as file:
            data = gzip.compress(file.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def serve_compressed(directory: Path) -> Iterator[str]:
    yield from serve_directory(directory, _CompressingHandler)


@pytest.fixture(scope="module")
def compressed_shipped(shipped_site: Path) -> Iterator[str]:
    yield from serve_compressed(shipped_site)


@pytest.fixture(scope="module")
def compressed_big(thousand_entry_site: Path) -> Iterator[str]:
    """The benchmark's 1,000-entry catalogue, built once a run, served compressed."""
    yield from serve_compressed(thousand_entry_site)


def first_search(browser: Any, base: str, words: str) -> tuple[int, list[tuple[str, int]]]:
    """Open the home page, then search from its form: bytes Chromium received for the search (encodedDataLength of
    every response after the submit, so cached theme files count 0), and each response."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(base, wait_until="networkidle")
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.setdefault(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    tab.fill("#home-q", words)
    tab.press("#home-q", "Enter")
    tab.wait_for_url("**/search/?q=*")
    wait_for_results(tab)
    tab.wait_for_load_state("networkidle")
    assert titles(tab)
    context.close()
    responses = [(url.removeprefix(base), int(sizes.get(request, 0))) for request, url in urls.items()]
    return sum(size for _, size in responses), responses


def report(label: str, total: int, responses: list[tuple[str, int]]) -> None:
    print(f"\n{label}: {total / 1024:.1f} KB transferred in {len(responses)} requests")
    for url, size in responses:
        if size:
            print(f"  {size / 1024:6.1f} KB  {url[:70]}")


@pytest.mark.parametrize("path", ["", "professions/podiatrist/", "explore/"])
def test_first_load_fetches_nothing_of_search(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert requested and [url for url in requested if any(part in url for part in SEARCH_FILES)] == []


def test_first_search_transfer_shipped_catalogue(browser: Any, compressed_shipped: str) -> None:
    total, responses = first_search(browser, compressed_shipped, "feet")
    report("first search for 'feet', shipped catalogue", total, responses)
    assert any("/pagefind/" in url or url.startswith("pagefind/") for url, _ in responses)
    assert all(urlsplit(url).hostname in (None, "127.0.0.1") for url, _ in responses if "://" in url)
    assert total <= SHIPPED_FIRST_SEARCH_LIMIT


@pytest.mark.slow
def test_first_search_transfer_with_1000_entries(browser: Any, compressed_big: str) -> None:
    total, responses = first_search(browser, compressed_big, "help people")
    report("first search for 'help people', 1,000 entries", total, responses)
    assert sum(1 for url, _ in responses if "pf_fragment" in url) == PAGE_SIZE  # one page of results
    assert total <= BIG_FIRST_SEARCH_LIMIT
