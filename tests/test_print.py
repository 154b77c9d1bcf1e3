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


# --- The talk kit and the printed log (issue 20) ------------------------------------------------------------------

KIT_PAGES = ("kit/picture-cards/", "kit/interest-cards/", "kit/strength-cards/", "kit/value-cards/", "kit/quiz/")


def test_card_sheets_and_the_quiz_print_on_the_pages_they_say(page: Any, site_url: str) -> None:
    counts = {}
    for path in KIT_PAGES:
        page.goto(site_url + path)
        said = int(page.text_content("[data-sheet-count]").split()[0])
        printed = pdf_pages(print_pdf(page, site_url + path))
        counts[path] = (said, printed)
        hidden = page.evaluate("sels => sels.every(s => [...document.querySelectorAll(s)].every("
                               "e => getComputedStyle(e).display === 'none'))", list(CHROME))
        assert hidden, path
    print(f"\nkit pages (said, printed): {counts}")
    assert {path: pair for path, pair in counts.items() if pair[0] != pair[1]} == {}


def test_every_talk_packs_materials_resolve_on_the_built_site(page: Any, shipped_site: Path, site_url: str) -> None:
    packs = sorted(path.parent.name for path in shipped_site.glob("ambassadors/*/index.html"))
    checked = {}
    for pack in packs:
        page.goto(f"{site_url}ambassadors/{pack}/")
        hrefs = page.eval_on_selector_all("#materials + ul a", "links => links.map(a => a.href)")
        assert hrefs, pack
        for href in hrefs:
            response = page.request.get(href)
            assert response.status == 200, (pack, href)
            if href.endswith(".pptx"):
                assert response.body()[:2] == b"PK", href
        checked[pack] = len(hrefs)
    print(f"\nmaterials links per pack: {checked}")


def fill_log(tab: Any, answer: str | None, done: int) -> int:
    """Type `answer` into every log field and tick the first `done` activities; returns the number of activities."""
    tab.wait_for_selector(".ahp-log__tools:not([hidden])")
    if answer is not None:
        for field in tab.query_selector_all("textarea[data-log-prompt]"):
            field.fill(answer)
    boxes = tab.query_selector_all("[data-log-done]")
    for box in boxes[:done]:
        box.check()
    return len(boxes)


def printed_text(tab: Any) -> str:
    tab.emulate_media(media="print")
    return tab.evaluate("() => document.body.innerText")


SIX_ACTIVITY_MODULES = ("introduction-to-the-allied-health-professions",
                        "diagnostic-radiography-virtual-work-experience", "dietetics-virtual-work-experience",
                        "physiotherapy-virtual-work-experience")
ANSWER = ("I was surprised how many different places they work, from hospitals to schools and people's homes. "
          "I would like to find out more about the routes in.")


@pytest.mark.parametrize("module_id", SIX_ACTIVITY_MODULES)
def test_six_activity_logs_print_on_at_most_three_pages_blank_and_filled(browser: Any, site_url: str,
                                                                         module_id: str) -> None:
    counts = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(f"{site_url}modules/{module_id}/")
    for state, answer, done in (("blank", None, 0), ("filled", ANSWER, 6)):  # the same page, answered after
        assert fill_log(tab, answer, done) == 6
        tab.emulate_media(media="print")
        counts[state] = pdf_pages(tab.pdf(format="A4", print_background=False))
        tab.emulate_media(media="screen")
    context.close()
    print(f"\nprinted log pages of {module_id}: {counts}")
    assert {state: count for state, count in counts.items() if count > 3} == {}


def test_blank_answers_print_as_ruled_lines(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}modules/{SIX_ACTIVITY_MODULES[0]}/")
    fill_log(page, None, 0)
    first = page.query_selector("textarea[data-log-prompt]")
    first.fill("My answer")
    page.emulate_media(media="print")
    fields = page.query_selector_all(".ahp-log__field")
    assert fields[0].query_selector(".ahp-log__lines").is_hidden()
    assert fields[0].query_selector(".ahp-log__answer").inner_text() == "My answer"
    lines = fields[1].query_selector_all(".ahp-log__lines > span")
    assert len(lines) == 4 and all(line.is_visible() for line in lines)
    assert fields[1].query_selector("textarea").is_hidden()


def test_the_certificate_prints_only_when_every_activity_is_done(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}modules/{SIX_ACTIVITY_MODULES[0]}/")
    fill_log(page, ANSWER, 1)
    text = printed_text(page)
    assert "Certificate of completion" not in text
    assert "Progress so far: 1 of 6 activities done" in text
    page.emulate_media(media="screen")
    for box in page.query_selector_all("[data-log-done]")[1:]:
        box.check()
    text = printed_text(page)
    assert "Certificate of completion" in text and "6 of 6 activities done" in text
    assert "Progress so far" not in text
