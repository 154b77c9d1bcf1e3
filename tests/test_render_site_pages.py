"""About, Accessibility, Privacy and Suggest a change: present, linked from every page, honest about reporting."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from conftest import render_tree, values

from generator.render.site_pages import SITE_PAGES


def test_every_site_page_is_rendered(make_catalogue) -> None:
    tree = render_tree(make_catalogue())
    for path, (_, title, _) in SITE_PAGES.items():
        assert f"<h1>{title}</h1>" in tree[path]


def test_accessibility_statement_names_target_tests_issues_and_reporting(make_catalogue) -> None:
    page = render_tree(make_catalogue())["accessibility/index.md"]
    for words in ("WCAG", "2.2", "AA", "axe-core", "360", "1280", "Known issues", "suggest-a-change/"):
        assert words in page, words


def test_privacy_page_says_no_cookies_no_tracking_and_log_stays_on_device(make_catalogue) -> None:
    page = render_tree(make_catalogue())["privacy/index.md"]
    assert "no cookies" in page.lower() and "does not track you" in page
    assert "saved only in your own browser" in page


def test_suggest_page_links_to_the_issue_forms_when_the_repository_is_known(make_catalogue,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.pipeline import run_pipeline

    root = make_catalogue()
    monkeypatch.delenv("REPOSITORY_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    unknown = run_pipeline(root, __import__("conftest").TODAY)["suggest-a-change/index.md"]
    assert "issues/new" not in unknown and "whoever shared the site" in unknown
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "nhs-example/ahp-careers")
    known = run_pipeline(root, __import__("conftest").TODAY)["suggest-a-change/index.md"]
    assert 'href="https://github.com/nhs-example/ahp-careers/issues/new/choose"' in known


def test_footer_on_every_built_page_links_to_pages_that_exist(shipped_site: Path) -> None:
    pages = sorted(shipped_site.rglob("index.html"))
    assert len(pages) > 100
    only_footer = SoupStrainer("nav", class_="ahp-footer")  # the parser builds only the footer: 200 pages in <1 s
    for page in pages:
        footer = BeautifulSoup(page.read_text(), "lxml", parse_only=only_footer).select_one("nav.ahp-footer")
        assert footer is not None, page
        links = values(footer, "[href]", "href")
        assert len(links) == len(SITE_PAGES) and all(links), page
        for link in links:
            assert (page.parent / link / "index.html").resolve().is_file(), (page, link)


def test_not_found_page_offers_a_way_back(shipped_site: Path) -> None:
    page = (shipped_site / "404.html").read_text()
    assert "Page not found" in page
    for target in ("explore/", "for/first-time/", "for/returner/", "ambassadors/"):
        assert f'{target}"' in page, target
