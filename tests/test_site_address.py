"""The site's address (generator/site_address.py): `build --site-url` or SITE_URL, used by canonical links, link
previews, QR codes, feeds and the sitemap; without one, links stay relative and the build says what is left out; a
placeholder is never used, and a strict build refuses it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, parse_html, resource, run_cli, texts, values

from generator.errors import BuildFailed, UsageError
from generator.site_address import (
    is_placeholder,
    site_address,
    usable_address,
    without_address_note,
)

PUBLISHED = "https://example.test/ahp/"
ZBARIMG = shutil.which("zbarimg") or "/usr/bin/zbarimg"


def build(root: Path, site: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site), *options,
                   env={"SITE_URL": "", **(env or {})})


def every_text_file(site: Path) -> dict[str, str]:
    """Every text file the site serves, but Pagefind's own library (its code mentions example.com in comments and
    tests of its own; no reader ever sees it as an address)."""
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8", errors="replace")
            for path in site.rglob("*") if path.is_file() and path.suffix in (".html", ".ics", ".xml", ".js",
                                                                              ".webmanifest", ".css")
            and path.relative_to(site).parts[0] != "pagefind"}


# --- The address itself ------------------------------------------------------------------------------------------

def test_the_flag_wins_then_the_environment_then_nothing() -> None:
    assert site_address("https://a.test/x", {"SITE_URL": "https://b.test/"}) == "https://a.test/x/"
    assert site_address(None, {"SITE_URL": " https://b.test "}) == "https://b.test/"
    assert site_address(None, {}) == ""
    assert site_address("", {"SITE_URL": "https://b.test/"}) == ""  # an empty flag means: no address


@pytest.mark.parametrize("value", ["example.test/ahp", "ftp://example.test/", "https://", "https://a.test/?x=1"])
def test_anything_but_a_web_address_is_wrong_usage(value: str) -> None:
    with pytest.raises(UsageError, match="is not a web address"):
        site_address(value, {})


def test_placeholders_are_refused_by_strict_builds_and_left_out_of_others() -> None:
    for address in ("https://ahp-careers.example.org/", "https://example.com/", "http://www.example.net/x/"):
        assert is_placeholder(address)
        assert usable_address(address, strict=False) == ""
        with pytest.raises(BuildFailed, match="is a placeholder"):
            usable_address(address, strict=True)
    for address in (PUBLISHED, "https://notexample.org/", "https://example.organic/", "https://owner.github.io/r/"):
        assert not is_placeholder(address)
        assert usable_address(address, strict=True) == address


# --- Builds ------------------------------------------------------------------------------------------------------

def test_build_for_an_address_uses_it_everywhere_and_never_example_org(make_catalogue, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(make_catalogue(), site, "--strict", "--site-url", PUBLISHED)
    assert result.returncode == 0, result.stderr
    assert f"for {PUBLISHED}" in result.stdout and "No site address" not in result.stderr
    files = every_text_file(site)
    assert [name for name, text in files.items() if "example.org" in text] == []
    profession = parse_html(files["professions/podiatrist/index.html"])
    assert values(profession, 'link[rel="canonical"]', "href") == [f"{PUBLISHED}professions/podiatrist/"]
    assert values(profession, 'meta[property="og:url"]', "content") == [f"{PUBLISHED}professions/podiatrist/"]
    handout = parse_html(files["professions/podiatrist/handout/index.html"])
    assert texts(handout, '[class="ahp-qr"] span[class="ahp-qr__url"]') == [f"{PUBLISHED}professions/podiatrist/"]
    feed = files["calendar.ics"].replace("\r\n ", "")  # unfold long lines
    assert f"URL:{PUBLISHED}calendar/events/ahps-day/" in feed and "UID:ahps-day@example.test" in feed
    assert f"{PUBLISHED}calendar.ics" in texts(parse_html(files["calendar/index.html"]), "code")
    assert f"<loc>{PUBLISHED}professions/podiatrist/</loc>" in files["sitemap.xml"]


def test_site_url_from_the_environment(make_catalogue, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(make_catalogue(), site, "--strict", env={"SITE_URL": PUBLISHED})
    assert result.returncode == 0, result.stderr
    page = parse_html((site / "professions/podiatrist/index.html").read_text())
    assert f"{PUBLISHED}professions/podiatrist/" in values(page, "[href]", "href")


def test_build_without_an_address_is_relative_and_says_what_is_left_out(make_catalogue, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(make_catalogue(), site, "--strict")
    assert result.returncode == 0, result.stderr
    assert without_address_note() in result.stderr
    files = every_text_file(site)
    assert [name for name, text in files.items() if re.search(r"example\.(org|com|net)", text)] == []
    assert 'rel="canonical"' not in files["professions/podiatrist/index.html"]
    qr = parse_html(files["professions/podiatrist/handout/index.html"]).select_one('[class="ahp-qr"]')
    assert qr is not None
    assert qr.select("svg") == []
    assert texts(qr, 'span[class="ahp-qr__url"]') == ["/professions/podiatrist/"]
    assert "URL:" not in files["calendar.ics"]


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_strict_build_refuses_a_placeholder_and_keeps_the_old_site(make_catalogue, tmp_path: Path, how: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    placeholder = "https://ahp-careers.example.org/"
    options = ("--site-url", placeholder) if how == "flag" else ()
    result = build(make_catalogue(), site, "--strict", *options, env={"SITE_URL": placeholder})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"the site address {placeholder} is a placeholder (ahp-careers.example.org is reserved" in result.stderr
    assert "--site-url or the SITE_URL environment variable" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_a_placeholder_in_a_plain_build_is_left_out_with_a_warning(make_catalogue, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(make_catalogue(), site, "--site-url", "https://example.com/")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Warning: the site address https://example.com/ is a placeholder")
    assert [name for name, text in every_text_file(site).items() if "example.com" in text] == []


def test_a_wrong_address_is_wrong_usage(make_catalogue, tmp_path: Path) -> None:
    result = build(make_catalogue(), tmp_path / "site", "--site-url", "example.test/ahp")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --site-url 'example.test/ahp' is not a web address")


def test_an_editors_link_to_example_org_is_their_content_not_our_address(make_catalogue, tmp_path: Path) -> None:
    """The 'no example.org' check is about addresses the build makes up; a resource may link anywhere."""
    root = make_catalogue({"resources.yaml": [resource(url="https://www.example.org/vr")]})
    site = tmp_path / "site"
    assert build(root, site, "--strict", "--site-url", PUBLISHED).returncode == 0
    found = [name for name, text in every_text_file(site).items() if "example.org" in text]
    assert found and all("resources/" in name or name.startswith(("explore/", "ambassadors/")) for name in found)


@pytest.mark.browser
@pytest.mark.skipif(not Path(ZBARIMG).exists(), reason="zbarimg (Debian zbar-tools) is not installed")
def test_qr_codes_decode_to_the_address_given(make_catalogue, tmp_path: Path, page: Any) -> None:
    site = tmp_path / "site"
    assert build(make_catalogue(), site, "--site-url", PUBLISHED).returncode == 0
    page.goto((site / "professions/podiatrist/handout/index.html").as_uri())
    image = tmp_path / "qr.png"
    page.locator(".ahp-qr__code").screenshot(path=str(image))
    decoded = subprocess.run([ZBARIMG, "--raw", "-q", str(image)], capture_output=True, text=True, check=False)
    assert decoded.stdout.strip() == PUBLISHED + "professions/podiatrist/"
