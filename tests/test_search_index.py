"""The search index step: Pagefind indexes only marked pages, leaves out repeated parts, and a broken index step
fails the build with exit 1 and a clear message while the previous site stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY, run_cli

from generator.errors import BuildFailed
from generator.search_index import INDEX_FOLDER, UNUSED_FILES, build_search_index, pagefind_binary

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Navigation words: zebra</nav>
<div class="ahp-page"{body}><h1>{title}</h1><p>{text}</p>
<ul class="ahp-cards"><li class="ahp-card">A card about walrus</li></ul></div></body></html>"""


def write_site(folder: Path) -> Path:
    pages = {
        "professions/podiatrist/index.html": PAGE.format(title="Podiatrist", body=" data-pagefind-body",
                                                         text="They look after feet."),
        "explore/index.html": PAGE.format(title="Explore", body="", text="Every card about feet."),
    }
    for path, html in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(html, encoding="utf-8")
    return folder


def test_indexes_marked_pages_only_and_drops_the_ready_made_interfaces(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    size = build_search_index(site)
    index = site / INDEX_FOLDER
    assert (index / "pagefind.js").is_file() and size > 0
    assert len(list((index / "fragment").iterdir())) == 1  # the podiatrist page; not the explore listing
    assert [name for name in UNUSED_FILES if (index / name).exists()] == []


def test_the_binary_comes_from_the_pinned_package() -> None:
    assert pagefind_binary().is_file()


def test_a_missing_binary_is_a_clear_build_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(BuildFailed, match="Pagefind program was not found"):
        build_search_index(write_site(tmp_path / "site"))


def test_a_failing_binary_is_a_clear_build_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(BuildFailed, match="exit code 1"):
        build_search_index(write_site(tmp_path / "site"))


@pytest.mark.slow
def test_build_without_pagefind_exits_1_and_keeps_the_previous_site(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    site = tmp_path / "site"
    first = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    assert (site / INDEX_FOLDER / "pagefind.js").is_file()
    before = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    broken = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site),
                     env={"PAGEFIND_BINARY_PATH": str(tmp_path / "missing")})
    assert broken.returncode == 1
    assert "Build failed: search index: the Pagefind program was not found" in broken.stderr
    assert "Traceback" not in broken.stderr
    after = {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".site-")] == []
