"""Page paths and addresses: declared once in generator.urls, used by every page builder and template."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import parse_html, render_tree

from generator import urls


def test_page_urls_are_directory_style() -> None:
    assert urls.page_url(urls.HOME) == ""
    assert urls.page_url(urls.EXPLORE) == "explore/"
    assert urls.page_url(urls.page_path("profession", "podiatrist")) == "professions/podiatrist/"
    assert urls.page_url(urls.handout_path("podiatrist")) == "professions/podiatrist/handout/"
    assert urls.page_url(urls.audience_path("returner")) == "for/returner/"
    assert urls.page_url(urls.event_feed("ahp-day")) == "calendar/events/ahp-day.ics"  # a file keeps its name


def test_links_are_relative_to_the_page() -> None:
    assert urls.link(urls.HOME, urls.CALENDAR) == "calendar/"
    assert urls.link(urls.page_path("story", "a"), urls.audience_path("returner")) == "../../for/returner/"
    assert urls.link(urls.handout_path("podiatrist"), urls.asset_path("log.js")) == "../../../assets/log.js"
    assert urls.root_from(urls.PLAN) == "../../"


def test_query_strings_are_encoded() -> None:
    assert urls.query() == ""
    assert urls.query(kind="story", profession="podiatrist") == "?kind=story&profession=podiatrist"
    assert urls.query(q="a&b c") == "?q=a%26b+c"


def test_every_kind_has_a_folder_and_an_index() -> None:
    assert set(urls.KIND_FOLDERS) == set(urls.KIND_INDEXES)


def addresses(tree: BeautifulSoup) -> list[str]:
    """Every address a page's elements name in an href or src attribute (xlink:href, data-src too), without its
    query or fragment; an address that is only a query or a fragment stays on the page and is left out."""
    found = [str(value).split("#", 1)[0].split("?", 1)[0] for element in tree.find_all(True)
             for name, value in element.attrs.items() if name.endswith(("href", "src"))]
    return [address for address in found if address]


def test_every_internal_link_of_a_rendered_site_leads_to_a_page_or_file(make_catalogue) -> None:
    """Templates build every address through this module, so none points at a page the tree lacks."""
    tree = render_tree(make_catalogue())
    pages = {urls.page_url(path) for path in tree} | set(tree)
    checked = 0
    for path, content in tree.items():
        if not path.endswith(".md"):
            continue
        root = urls.root_from(path)
        for href in addresses(parse_html(str(content))):
            checked += 1
            if href.startswith(("https:", "mailto:", "webcal:")):
                continue
            assert href.startswith(root), f"{path}: {href} does not start from the site root ({root!r})"
            assert href[len(root):] in pages, f"{path}: {href} leads nowhere"
    assert checked > 50
