"""Injection: editors' text is escaped everywhere, Markdown carries no HTML or unsafe links, no built page runs
injected script, and a failed build leaves the previous site untouched."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import (
    TODAY,
    guide,
    module,
    parse_html,
    profession,
    resource,
    run_cli,
    serve_directory,
    story,
    write_catalogue,
)
from markupsafe import escape

from generator.catalogue import build_catalogue
from generator.render.base import Renderer, RenderOptions

TITLE = "</title><script>alert('title')</script>"
SUMMARY = "\"><img src=x onerror=alert('summary')> a summary. It is a test. We can read it. So can you."
"""An attack in a summary that still reads as plain English (validate checks summaries for first-time readers)."""
ATTACKS = {
    "content/professions/podiatrist.yaml": profession(
        title=TITLE, summary=SUMMARY,
        what_they_do="**<** not a tag *>* and a [safe link](https://www.nhs.uk/) and <https://www.nhs.uk/>",
        where_they_work=["[x](javascript:alert('plain'))", "<iframe src=https://x.org>", "' onmouseover='alert(1)"],
        who_they_work_with=["{{ 7 * 7 }} {% raw %}", "<svg onload=alert('svg')>"]),
    "content/stories/sport-to-podiatry.yaml": story(
        title="<img src=x onerror=alert('story')>", summary="<b>bold</b> & <i>it</i> & &lt;script&gt;",
        organisation="javascript:alert('org')",
        body="_<u_ __emphasis__ tricks [text](/professions/#\"onclick=alert(1))"),
    "content/modules/podiatry-taster.yaml": module(title="<style>body{display:none}</style>",
                                                   learning_outcomes=["<script>alert('outcome')</script>"]),
    "content/audiences/first-time.yaml": guide(title="A guide <script>alert('guide')</script>"),
    "resources.yaml": [resource(title="Res <svg/onload=alert('res')>",
                                organisation="<a href=javascript:alert(1)>x</a>",
                                summary="'-alert('res-summary')-' and \" quotes. It is a test. We can read it.")],
}


def sha_tree(directory: Path) -> dict[str, str]:
    return {path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(directory.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The attacks built once; the tests only read the site."""
    folder = tmp_path_factory.mktemp("attacks")
    root = write_catalogue(folder / "project", ATTACKS)
    site = folder / "site"
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr + result.stdout  # every attack here passes validation
    return site


def test_text_fields_are_escaped_in_head_and_body(attack_site: Path) -> None:
    page = (attack_site / "professions" / "podiatrist" / "index.html").read_text(encoding="utf-8")
    assert TITLE not in page and SUMMARY not in page
    assert "&lt;/title&gt;&lt;script&gt;alert(" in page  # shown as text
    tree = parse_html(page)
    title = tree.select_one("head > title")
    assert title is not None and len(title.contents) == 1, title  # one text: no element the attack opened
    assert str(escape(title.get_text())) in page, title  # and every "<" of it escaped, as templates escape text
    assert [script.get_text() for script in tree.select("script") if "alert(" in script.get_text()] == []
    parser = _Markup()
    parser.feed(page)
    assert not parser.found
    metas = {(meta.get("property") or meta.get("name")): meta.get("content") for meta in tree.select("head meta")}
    assert title.get_text().startswith(TITLE)
    assert metas["og:title"] == TITLE
    assert metas["og:description"] == SUMMARY
    assert metas["description"] == SUMMARY


class _Markup(HTMLParser):
    """Collects what a browser would treat as markup (escaped text is data, so it never shows up here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script" and dict(attrs).get("type") in (None, "", "module", "text/javascript")
        if tag in ("iframe", "object", "embed") or (tag == "img" and ("src", "x") in attrs):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and re.sub(r"[\x00-\x20]", "", value or "").lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {name}={value}")
            if name == "style" and "display:none" in (value or "").replace(" ", ""):
                self.found.append(f"{tag} style=")

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append("script running alert()")
        if "body{display:none}" in data.replace(" ", "") and self.lasttag == "style":
            self.found.append("<style> from an entry")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_no_injected_markup_survives_anywhere(attack_site: Path) -> None:
    for path in sorted(attack_site.rglob("*.html")):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert not parser.found, f"{path.relative_to(attack_site)}: {parser.found}"


@pytest.mark.browser
def test_no_built_page_runs_injected_script(attack_site: Path, browser) -> None:
    pages = sorted(path.relative_to(attack_site).as_posix() for path in attack_site.rglob("index.html"))
    assert len(pages) >= 8
    server = serve_directory(attack_site)
    base = next(server)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    problems: list[str] = []
    current = [""]

    def note(problem: str) -> None:
        problems.append(f"{current[0]}: {problem}")

    try:
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (note(f"dialog {dialog.message!r}"), dialog.dismiss()))
        tab.on("pageerror", lambda error: note(f"page error {error}"))
        tab.on("console", lambda message: message.type == "error" and note(f"console error {message.text}"))
        for page_path in pages:
            current[0] = page_path
            tab.goto(base + page_path.removesuffix("index.html"), wait_until="load")
            if tab.evaluate("getComputedStyle(document.body).display") == "none":
                note("an injected style hid the page")
    finally:
        context.close()
        server.close()
    print(f"checked {len(pages)} pages in Chromium")
    assert not problems, "\n".join(problems)


def test_markdown_is_sanitised_at_render_too() -> None:
    """A second fence: even Markdown that skipped validation renders without script, styles or unsafe links."""
    renderer = Renderer(build_catalogue(()), RenderOptions(today=TODAY))
    hostile = ("<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src=https://x.org></iframe> "
               "<p style=\"color:red\" onclick=\"alert(1)\">p</p> [a](javascript:alert(1)) [b](data:text/html,x) "
               "[c](http://example.org/) [d](java&#115;cript:alert(1)) [e][1]\n\n[1]: javascript:alert(1)\n")
    out = str(renderer.markdown(hostile))
    for needle in ("<script", "<img", "<iframe", "style=", "onclick", "onerror=", "javascript:", "data:",
                   "http://example.org", 'href="java'):
        assert needle not in out, (needle, out)
    safe = str(renderer.markdown("[NHS](https://www.nhs.uk/) and [mail](mailto:a@b.org) and **bold**"))
    assert '<a href="https://www.nhs.uk/" rel="noopener noreferrer">NHS</a>' in safe
    assert "<strong>bold</strong>" in safe and 'href="mailto:a@b.org"' in safe


def test_a_failed_build_leaves_the_previous_site_byte_identical(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    site = tmp_path / "site"
    first = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    before = sha_tree(site)
    assert len(before) > 10
    (root / "resources.yaml").write_text("- id: ahp-vr360\n  title: [unclosed\n", encoding="utf-8")
    second = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert second.returncode == 1
    assert "resources.yaml:" in second.stderr and "Traceback" not in second.stderr
    assert sha_tree(site) == before
    assert sorted(path.name for path in site.parent.iterdir() if path.name.startswith((".site", "site"))) == ["site"]
