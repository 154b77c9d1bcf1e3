"""One end-to-end build of the shipped catalogue: every entry has a page, and one page of each kind has its key
content. The build uses the fixed test date so upcoming dates are stable."""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag
from conftest import parse_html, texts, values

from generator.catalogue import KIND_ORDER, Catalogue
from generator.render.base import page_path, page_url


def test_every_entry_has_a_page(shipped_site: Path, shipped_catalogue: Catalogue) -> None:
    catalogue = shipped_catalogue
    assert (shipped_site / "index.html").is_file()
    missing = [page_url(page_path(kind, entry.id)) for kind in KIND_ORDER for entry in catalogue.of_kind(kind)
               if not (shipped_site / page_url(page_path(kind, entry.id)) / "index.html").is_file()]
    assert missing == []
    for audience in ("first-time", "support-worker", "career-changer", "returner"):
        assert (shipped_site / "for" / audience / "index.html").is_file()


def test_key_content_of_one_page_per_kind(shipped_site: Path, shipped_catalogue: Catalogue) -> None:
    catalogue = shipped_catalogue
    for kind in KIND_ORDER:
        entries = catalogue.of_kind(kind)
        if not entries:
            continue
        entry = entries[0]
        html = (shipped_site / page_url(page_path(kind, entry.id)) / "index.html").read_text()
        tree = parse_html(html)
        assert texts(tree, "h1") == [entry.title], f"{kind} page has no heading"
        assert texts(tree, "h2#sources-heading") == ["Sources"], kind
        assert [bool(text) for text in values(tree, 'meta[name="description"]', "content")] == [True], kind
    podiatrist = (shipped_site / "professions/podiatrist/index.html").read_text()
    for text in ("What they do", "How to become one", "Health and Care Professions Council"):
        assert text in podiatrist
    osteopath = (shipped_site / "professions/osteopath/index.html").read_text()
    assert "General Osteopathic Council" in osteopath


LOADING_ELEMENTS = "script, link, img, iframe, source, video, audio, embed, object"
"""Elements whose address a browser fetches as the page loads."""


def loads_from_another_host(element: Tag) -> bool:
    """An address in src, href or data (or a prefixed form: data-src, xlink:href) that names a host: `https://`,
    `http://` or protocol-relative `//`. A canonical link names the page's own address and loads nothing."""
    if element.get("rel") == ["canonical"]:
        return False
    return any(name.replace(":", "-").rsplit("-", 1)[-1] in ("src", "href", "data")
               and str(value).strip().lower().startswith(("//", "http://", "https://"))
               for name, value in element.attrs.items())


def test_no_page_requests_a_third_party_host(shipped_site: Path) -> None:
    """Static check of every page (the browser tests also watch real requests): nothing that loads from outside."""
    pages = sorted(shipped_site.rglob("*.html"))
    offenders = [f"{path.relative_to(shipped_site).as_posix()}: <{element.name}>" for path in pages
                 for element in parse_html(path.read_text()).select(LOADING_ELEMENTS)
                 if loads_from_another_host(element)]
    assert len(pages) > 100
    assert offenders == []
