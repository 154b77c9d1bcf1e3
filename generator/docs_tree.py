"""The engine-neutral docs tree: POSIX path -> page text or file bytes, and how to put it on disk safely.

Why: the tree is the contract between our pipeline and any site engine. Writing it only changes files whose bytes
changed, so `mkdocs serve` does not see its own output as an edit and rebuild forever, and the swap helpers make
a build either complete or absent: a failed build never leaves a half-written `site/`.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

log = logging.getLogger("generator.docs_tree")


class DocsTree(Mapping[str, "str | bytes"]):
    """An immutable mapping of relative POSIX paths to content."""

    def __init__(self, files: Mapping[str, str | bytes]) -> None:
        for path in files:
            pure = PurePosixPath(path)
            if pure.is_absolute() or ".." in pure.parts or not path:
                raise ValueError(f"unsafe docs tree path: {path!r}")
        self._files = dict(sorted(files.items()))

    def __getitem__(self, path: str) -> str | bytes:
        return self._files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def as_bytes(self, path: str) -> bytes:
        content = self._files[path]
        return content.encode("utf-8") if isinstance(content, str) else content


def write_docs_tree(tree: DocsTree, directory: Path) -> int:
    """Make `directory` hold exactly `tree`: write changed files, delete stale ones; return how many changed."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = 0
    wanted = set()
    for path in tree:
        target = directory / path
        wanted.add(target)
        data = tree.as_bytes(path)
        if target.is_file():
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
            temporary = target.with_name(f".{target.name}.tmp")  # a reader never sees half a file
            temporary.write_bytes(data)
            os.replace(temporary, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)  # new file: nothing to protect, no rename needed
        changed += 1
    for existing in sorted(directory.rglob("*"), reverse=True):
        if existing.name.startswith("."):
            continue  # keep .gitkeep and the like
        if existing.is_file() and existing not in wanted:
            existing.unlink()
            changed += 1
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    log.debug("docs tree: %d files, %d changed", len(tree), changed)
    return changed


def new_sibling_directory(target: Path) -> Path:
    """A fresh empty directory next to `target` (same file system, so the swap is a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new` with renames only; the old directory is removed after the swap."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.replace(target, old / "site")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
