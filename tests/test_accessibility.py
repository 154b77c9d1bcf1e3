"""axe-core (WCAG 2.2 A and AA rules) in Chromium at phone and desktop widths, plus what WCAG 2.4.2 and link
previews need from every built page: a meaningful title, a description and Open Graph tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import TODAY, axe_at_each_width, axe_violations, parse_html, profession, run_cli

from generator.catalogue import KIND_ORDER
from generator.model import AUDIENCE_IDS
from generator.render.base import page_path, page_url

DISCOVERY_PAGES = ("", "explore/", "explore/?audience=returner&kind=resource", "explore/?q=zzzz-no-such-words",
                   "explore/page/2/", "resources/", "stories/?audience=returner", "modules/", "calendar/",
                   "ambassadors/?minutes=15", "people-like-me/", *(f"for/{a}/" for a in AUDIENCE_IDS))


PICKS = ("sport-and-exercise", "good-with-hands", "compassion")
"""Three answers tapped on the matcher, so its ranked results are checked as well as its empty state."""


@pytest.mark.browser
@pytest.mark.parametrize("state", [*DISCOVERY_PAGES, *(f"first {kind}" for kind in KIND_ORDER), "matcher with picks"])
def test_axe_finds_nothing(phone_tab: Any, site_url: str, shipped_catalogue: Any, state: str) -> None:
    """One page state per test, so the parallel workers share the runs evenly and a failure names its page; each
    state is opened once and checked at a phone and a desktop width (conftest.axe_at_each_width)."""
    if state == "matcher with picks":
        phone_tab.goto(site_url + "people-like-me/")
        for value in PICKS:
            phone_tab.click(f'[data-value="{value}"]')
    else:
        kind = state.removeprefix("first ")  # every kind has entries in the shipped catalogue
        path = page_url(page_path(kind, shipped_catalogue.of_kind(kind)[0].id)) if state.startswith("first ") else state
        phone_tab.goto(site_url + path, wait_until="load")
    assert axe_at_each_width(phone_tab) == {}


@pytest.mark.browser
def test_axe_reports_the_faults_it_is_meant_to_find(page: Any) -> None:
    """The check itself can fail: a picture without a text alternative and faint text are both reported, at each
    width, and a block wider than a phone is reported as a reflow failure at 360 px only."""
    page.set_content('<!doctype html><html lang="en"><head><title>Faults</title></head><body><main>'
                     '<img src="photo.png"><p style="color:#999;background:#aaa">Faint words</p>'
                     '<p style="width:500px">A line set wider than a phone.</p></main></body></html>')
    assert {violation["id"] for violation in axe_violations(page)} >= {"image-alt", "color-contrast"}
    found = {width: {violation["id"] for violation in violations}
             for width, violations in axe_at_each_width(page).items()}
    assert found[360] >= {"image-alt", "color-contrast", "reflow"}
    assert found[1280] >= {"image-alt", "color-contrast"} and "reflow" not in found[1280]


def link_preview(tree: BeautifulSoup) -> dict[str, str]:
    """Each `<meta name|property=... content=...>` of the page by its name: the description and Open Graph tags."""
    return {str(meta.get("name") or meta.get("property")): str(meta["content"])
            for meta in tree.select("meta[content]:is([name], [property])")}


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html"))


def test_every_page_has_a_title_description_and_link_preview(shipped_site: Path) -> None:
    site_name = "Allied health careers"
    missing = []
    titles = {}
    for path in built_pages(shipped_site):
        tree = parse_html(path.read_text(encoding="utf-8"))
        name = path.parent.relative_to(shipped_site).as_posix()
        title = tree.select_one("head > title")
        meta = link_preview(tree)
        needs = ("description", "og:title", "og:description", "og:type", "og:site_name", "og:locale")  # og:url: with
        # an address only (the shipped site is built without one; tests/test_site_address.py checks it with one)
        if not title or not all(meta.get(key, "").strip() for key in needs):
            missing.append(name)
            continue
        titles[name] = title.get_text()
        if name != ".":
            assert titles[name] == f"{meta['og:title']} - {site_name}", name
            assert meta["og:description"] == meta["description"], name
    assert missing == []
    assert titles["."].startswith(f"{site_name}: ")
    assert titles["professions/podiatrist"] == f"Podiatrist - {site_name}"
    duplicates = {title for title in titles.values() if list(titles.values()).count(title) > 1}
    assert duplicates == set()


def test_profession_preview_shows_its_summary(shipped_site: Path, shipped_catalogue: Any) -> None:
    podiatrist = shipped_catalogue.profession("podiatrist")
    text = (shipped_site / "professions/podiatrist/index.html").read_text(encoding="utf-8")
    meta = link_preview(parse_html(text))
    assert meta["og:title"] == podiatrist.title
    assert meta["og:description"] == podiatrist.summary
    assert "og:url" not in meta  # built without an address: no made-up one (tests/test_site_address.py)


def test_quotes_in_a_summary_stay_inside_the_preview(make_catalogue, tmp_path: Path) -> None:
    summary = 'They say "stand tall" & mean it <really>, so feet matter.'
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(summary=summary)})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr + result.stdout
    text = (tmp_path / "site/professions/podiatrist/index.html").read_text(encoding="utf-8")
    meta = link_preview(parse_html(text))
    assert meta["description"] == meta["og:description"] == summary
