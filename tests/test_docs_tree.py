"""The docs tree: safe paths, incremental writes, atomic swap."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.docs_tree import DocsTree, new_sibling_directory, swap_in, write_docs_tree


def test_refuses_paths_outside_the_tree() -> None:
    for bad in ("../escape.md", "/etc/passwd", ""):
        with pytest.raises(ValueError, match="unsafe"):
            DocsTree({bad: "x"})


def test_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    assert write_docs_tree(DocsTree({"a.md": "one", "sub/b.md": "two", "c.bin": b"\x00"}), target) == 3
    (target / ".gitkeep").write_text("")
    assert write_docs_tree(DocsTree({"a.md": "one", "sub/b.md": "two", "c.bin": b"\x00"}), target) == 0
    assert write_docs_tree(DocsTree({"a.md": "changed"}), target) == 3  # one rewrite, two deletions
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [".gitkeep", "a.md"]
    assert (target / "a.md").read_text() == "changed"


def test_swap_replaces_the_target(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    new = new_sibling_directory(site)
    (new / "new.html").write_text("new")
    swap_in(new, site)
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
