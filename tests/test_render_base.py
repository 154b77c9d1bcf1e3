"""Rendering basics: URLs, dates, Markdown sanitising, front matter, card data."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jinja2
from conftest import TODAY

import generator
from generator.catalogue import build_catalogue
from generator.render.base import (
    CompiledTemplates,
    Renderer,
    RenderOptions,
    card,
    duration_bucket,
    format_date,
    format_date_range,
    page_path,
    page_url,
)


def empty_renderer() -> Renderer:
    return Renderer(build_catalogue(()), RenderOptions(today=TODAY, site_url="https://example.org/"))


def test_urls() -> None:
    assert page_path("profession", "podiatrist") == "professions/podiatrist.md"
    assert page_path("event", "ahps-day") == "calendar/events/ahps-day.md"
    assert page_url("index.md") == ""
    assert page_url("professions/index.md") == "professions/"
    assert page_url("professions/podiatrist.md") == "professions/podiatrist/"


def test_date_ranges() -> None:
    assert format_date_range(dt.date(2026, 10, 14), dt.date(2026, 10, 14)) == "14 October 2026"
    assert format_date_range(dt.date(2026, 11, 2), dt.date(2026, 11, 8)) == "2 to 8 November 2026"
    assert format_date_range(dt.date(2026, 6, 28), dt.date(2026, 7, 4)) == "28 June to 4 July 2026"
    assert format_date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3)) == "28 December 2026 to 3 January 2027"


def test_markdown_is_sanitised() -> None:
    renderer = empty_renderer()
    html = renderer.markdown("Hello **you** [link](https://nhs.uk) [bad](javascript:alert(1))\n\n<script>x</script>")
    assert "<strong>you</strong>" in html
    assert 'href="https://nhs.uk"' in html
    assert "javascript:" not in html
    assert "<script" not in html


def test_page_has_front_matter_and_relative_links() -> None:
    renderer = empty_renderer()
    text = renderer.page("professions/index.md", "professions.html.j2", 'A "quoted" <title>', "One line.",
                         professions=())
    front, body = text.split("\n---\n", 1)
    assert front == '---\ntitle: "A \\"quoted\\" <title>"\ndescription: "One line."'
    assert "&lt;title&gt;" in body


def test_dates_are_written_without_platform_specific_formats() -> None:
    """`%-d` works only with glibc; every date is written with `format_date` (the `long_date` filter)."""
    assert format_date(dt.date(2026, 7, 4)) == "4 July 2026"
    templates = Path(generator.__file__).with_name("templates")
    platform_specific = re.compile(r"%-[a-zA-Z]")
    assert [path.name for path in templates.glob("*.j2") if platform_specific.search(path.read_text("utf-8"))] == []


def test_duration_buckets() -> None:
    minutes = (None, 15, 30, 31, 60, 61, 180, 181)
    assert [duration_bucket(m) for m in minutes] == [
        "", "up-to-30-minutes", "up-to-30-minutes", "30-minutes-to-1-hour", "30-minutes-to-1-hour", "1-to-3-hours",
        "1-to-3-hours", "over-3-hours"]


def test_card_for_a_profession_names_itself(make_catalogue) -> None:
    from generator.load import load_catalogue_files
    from generator.validate import validate_catalogue

    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(make_catalogue()), TODAY))
    data = card("profession", catalogue.professions[0])
    assert data["professions"] == ["podiatrist"]
    assert data["audiences"] == ["first-time", "career-changer"]


def test_every_generated_page_keeps_the_engine_contract(shipped_tree: dict[str, str | bytes]) -> None:
    """Each page of the shipped site is front matter plus ONE HTML block: it starts with the marker the engine
    adapter looks for, and has no blank line, which would end a CommonMark HTML block and hand the rest of the page
    to Markdown under an engine that runs no adapter (Zensical)."""

    from generator.render import GENERATED_PAGE_START

    pages = {path: text for path, text in shipped_tree.items() if path.endswith(".md")}
    assert len(pages) > 100
    broken = {}
    for path, text in pages.items():
        assert isinstance(text, str) and text.startswith("---\n"), path
        body = text.split("\n---\n", 1)[1].strip("\n")
        if not body.startswith(GENERATED_PAGE_START):
            broken[path] = "does not start with the marker"
        elif any(not line.strip() for line in body.splitlines()):
            broken[path] = "has a blank line"
    assert broken == {}


def test_front_matter_holds_editors_text_unescaped(make_catalogue) -> None:
    """Escaping is the theme's job; an engine that escapes (or one that does not) must see the text once."""
    from conftest import profession, render_tree

    root = make_catalogue({"content/professions/podiatrist.yaml": profession(title="Feet & <legs>")})
    page = render_tree(root)["professions/podiatrist.md"]
    assert page.startswith('---\ntitle: "Feet & <legs>"\n')


def test_compiled_templates_are_reused_and_an_edited_template_is_compiled_again(tmp_path) -> None:
    """Renders in one process (every rebuild of `serve`, the tests) compile each template once; after an edit the
    checksum no longer matches, so the new source is compiled and shown, never the old one."""
    compiled: list[str] = []

    class CountingEnvironment(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    cache = CompiledTemplates()
    template = tmp_path / "page.html"

    def render_once() -> str:
        env = CountingEnvironment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(name="Ada")

    template.write_text("Hello {{ name }}", encoding="utf-8")
    assert render_once() == "Hello Ada"
    assert render_once() == "Hello Ada"
    assert compiled == ["page.html"]  # the second environment took the compiled template
    template.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render_once() == "Goodbye Ada"
    assert compiled == ["page.html", "page.html"]
