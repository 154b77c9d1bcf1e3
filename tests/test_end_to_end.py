"""One end-to-end build of the shipped catalogue: every entry has a page, and one page of each kind has its key
content. The build uses the fixed test date so upcoming dates are stable."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, TODAY

from generator.catalogue import KIND_ORDER
from generator.pipeline import load_valid_catalogue
from generator.render.base import page_path, page_url


def test_every_entry_has_a_page(shipped_site: Path) -> None:
    catalogue = load_valid_catalogue(REPO, TODAY)
    assert (shipped_site / "index.html").is_file()
    missing = [page_url(page_path(kind, entry.id)) for kind in KIND_ORDER for entry in catalogue.of_kind(kind)
               if not (shipped_site / page_url(page_path(kind, entry.id)) / "index.html").is_file()]
    assert missing == []
    for audience in ("first-time", "support-worker", "career-changer", "returner"):
        assert (shipped_site / "for" / audience / "index.html").is_file()


def test_key_content_of_one_page_per_kind(shipped_site: Path) -> None:
    catalogue = load_valid_catalogue(REPO, TODAY)
    for kind in KIND_ORDER:
        entries = catalogue.of_kind(kind)
        if not entries:
            continue
        entry = entries[0]
        html = (shipped_site / page_url(page_path(kind, entry.id)) / "index.html").read_text()
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert title, f"{kind} page has no heading"
        assert "Sources" in html
        assert '<meta name="description" content="' in html
    podiatrist = (shipped_site / "professions/podiatrist/index.html").read_text()
    for text in ("What they do", "How to become one", "Health and Care Professions Council"):
        assert text in podiatrist
    osteopath = (shipped_site / "professions/osteopath/index.html").read_text()
    assert "General Osteopathic Council" in osteopath


def test_no_page_requests_a_third_party_host(shipped_site: Path) -> None:
    """Static check of every page (the browser tests also watch real requests): nothing that loads from outside."""
    pattern = re.compile(r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>""")
    external = re.compile(r"""\b(?:src|href|data)=["'](?:https?:)?//""")
    offenders = [p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html")
                 for tag in pattern.findall(p.read_text())
                 if external.search(tag) and 'rel="canonical"' not in tag]
    assert offenders == []
