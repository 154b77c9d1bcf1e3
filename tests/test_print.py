"""Print output in Chromium: every handout is exactly one A4 page and its QR code, decoded by a real decoder
(zbarimg from Debian's zbar-tools), is the profession page's canonical address; a talk pack prints as a
presenter's sheet without the site's header, navigation or footer."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serve_directory
from test_browser_ambassadors import build_small_site

pytestmark = pytest.mark.browser

ZBARIMG = shutil.which("zbarimg") or "/usr/bin/zbarimg"
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer")


PUBLISHED = "https://example.test/ahp/"
"""The address the small site is built for (`build --site-url`), as a published copy would be."""


def site_url_setting() -> str:
    return PUBLISHED


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def print_pdf(tab: Any, url: str) -> bytes:
    tab.goto(url)
    tab.emulate_media(media="print")
    return tab.pdf(format="A4", print_background=True)


def handout_clipped_px(tab: Any) -> int:
    """How much of the handout the print stylesheet's one-page safety net cuts off, laid out at A4 text width."""
    tab.set_viewport_size({"width": 688, "height": 1000})  # 210 mm less 2 x 14 mm margins, at 96 px per inch
    tab.emulate_media(media="print")
    return tab.eval_on_selector(".ahp-handout", "e => e.scrollHeight - e.clientHeight")


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_site(tmp_path_factory.mktemp("print"), "--site-url", PUBLISHED)


@pytest.fixture(scope="module")
def small_url(small_site: Path) -> Iterator[str]:
    yield from serve_directory(small_site)


def handout_paths(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/"
                  for path in site.glob("professions/*/handout/index.html"))


def test_every_shipped_handout_prints_on_one_a4_page(page: Any, shipped_site: Path, site_url: str) -> None:
    paths = handout_paths(shipped_site)
    assert paths, "the shipped site has no handouts"
    counts, clipped = {}, {}
    for path in paths:
        counts[path] = pdf_pages(print_pdf(page, site_url + path))
        clipped[path] = handout_clipped_px(page)
    print(f"\nhandout PDF pages: {len(counts)} handouts, pages per handout {sorted(set(counts.values()))}, "
          f"most text cut off {max(clipped.values())} px")
    assert {path: count for path, count in counts.items() if count != 1} == {}
    assert {path: px for path, px in clipped.items() if px > 0} == {}


def test_longest_handout_prints_on_one_page_with_nothing_cut(page: Any, small_url: str) -> None:
    data = print_pdf(page, small_url + "professions/orthoptist/handout/")
    assert pdf_pages(data) == 1
    assert handout_clipped_px(page) <= 0
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box and round(float(box.group(1)) / 72 * 25.4) == 210 and round(float(box.group(2)) / 72 * 25.4) == 297


def decode_qr(tab: Any, url: str, tmp_path: Path) -> str:
    tab.goto(url)
    image = tmp_path / "qr.png"
    tab.locator(".ahp-qr__code").screenshot(path=str(image))
    result = subprocess.run([ZBARIMG, "--raw", "-q", str(image)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.skipif(not Path(ZBARIMG).exists(), reason="zbarimg (Debian zbar-tools) is not installed")
def test_qr_code_decodes_to_the_canonical_address(page: Any, small_url: str, tmp_path: Path) -> None:
    expected = site_url_setting() + "professions/podiatrist/"
    assert decode_qr(page, small_url + "professions/podiatrist/handout/", tmp_path) == expected
    assert decode_qr(page, small_url + "professions/paramedic/handout/", tmp_path) == (
        site_url_setting() + "professions/paramedic/")
    printed = page.text_content(".ahp-qr__url")
    assert printed == site_url_setting() + "professions/paramedic/"
    canonical = page.get_attribute("link[rel=canonical]", "href")
    assert canonical is None or canonical.startswith(site_url_setting())


def test_shipped_handouts_built_without_an_address_print_the_path_and_no_qr_code(page: Any, shipped_site: Path,
                                                                                 site_url: str) -> None:
    path = handout_paths(shipped_site)[0]
    page.goto(site_url + path)
    assert page.locator(".ahp-qr__code").count() == 0
    assert page.text_content(".ahp-qr__url") == "/" + path.removesuffix("handout/")


def test_talk_pack_prints_as_a_presenters_sheet(page: Any, small_url: str) -> None:
    page.goto(small_url + "ambassadors/lesson/")
    page.emulate_media(media="print")
    hidden = page.evaluate("sels => sels.map(s => [...document.querySelectorAll(s)].every("
                           "e => getComputedStyle(e).display === 'none'))", list(CHROME))
    assert dict(zip(CHROME, hidden, strict=True)) == dict.fromkeys(CHROME, True)
    assert not page.is_visible("[data-print]")
    assert page.is_visible(".ahp-print-url")  # resource addresses are written out on paper
    for heading in ("#plan", "#activity", "#resources", "#send", "#gatsby", "#follow-ups"):
        assert page.is_visible(heading), heading
    data = page.pdf(format="A4", print_background=True)
    print(f"\npresenter's sheet: {pdf_pages(data)} page(s), {len(data)} bytes")
    assert pdf_pages(data) == 1


def test_screen_view_keeps_the_site_chrome(page: Any, small_url: str) -> None:
    page.goto(small_url + "ambassadors/lesson/")
    assert page.is_visible(".md-header")
    assert not page.is_visible(".ahp-print-url")


def test_every_shipped_talk_pack_prints_on_one_sheet(page: Any, shipped_site: Path, site_url: str) -> None:
    """A presenter's sheet: at most two A4 pages, so one sheet of paper printed on both sides."""
    paths = sorted(path.parent.relative_to(shipped_site).as_posix() + "/"
                   for path in shipped_site.glob("ambassadors/*/index.html"))
    counts = {path: pdf_pages(print_pdf(page, site_url + path)) for path in paths}
    print(f"\npresenter's sheets: {len(counts)} talk packs, pages {sorted(counts.values())}")
    assert {path: count for path, count in counts.items() if count > 2} == {}
