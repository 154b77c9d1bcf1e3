"""Step 6, the search index: Pagefind reads the built site and writes its index into it, before the swap.

Why: Pagefind indexes finished HTML, so it runs after the site engine, on the staging folder; a failure raises
`BuildFailed` and the previous site stays in place. The pages decide what is indexed (`data-pagefind-body` on entry
pages, see generator/render/search.py); this step only says which parts of those pages repeat other pages and
are left out. Pagefind runs as its own program (the binary from the pinned `pagefind[bin]` package), so a
missing or broken binary is one clear error, not a half-written index.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from generator.errors import BuildFailed

log = logging.getLogger("generator.search_index")

INDEX_FOLDER = "pagefind"
"""Where the index goes inside the site; assets/search.js loads `<site root>/pagefind/pagefind.js`."""
LEFT_OUT = (".ahp-cards", ".ahp-card", ".ahp-sources", ".ahp-certificate", ".ahp-log", ".ahp-handout-link",
            ".ahp-print-actions")
"""Parts of indexed pages that are not about the page itself: cards of other entries, source lists, the module
certificate and log controls, print links."""
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                "pagefind-worker.js", "wasm.unknown.pagefind")
"""Pagefind's ready-made interfaces (the site has its own), its web worker (assets/search.js searches in the page)
and its engine for pages of no language (every page is English): removed, so nothing loads them by accident and
the site stays small."""
TIMEOUT_SECONDS = 600


def pagefind_binary() -> Path:
    """The Pagefind program: PAGEFIND_BINARY_PATH if set, else the one the `pagefind[bin]` package installs."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise BuildFailed("search index: the 'pagefind' Python package is not installed; run "
                          "'pip install -r requirements.txt'") from None
    binary = get_executable()
    if binary is None or not Path(binary).is_file():
        raise BuildFailed("search index: the Pagefind program was not found"
                          + (f" at {binary}" if binary else "")
                          + "; run 'pip install -r requirements.txt' (it installs pagefind[bin])")
    return Path(binary)


def index_command(binary: Path, site: Path) -> list[str]:
    return [str(binary), "--site", str(site), "--output-subdir", INDEX_FOLDER, "--force-language", "en",
            "--exclude-selectors", ", ".join(LEFT_OUT), "--quiet"]


def build_search_index(site: Path) -> int:
    """Index the built site in `site` (a staging folder) in place; return how many bytes the index takes."""
    command = index_command(pagefind_binary(), site)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildFailed(f"search index: Pagefind could not run: {error}") from None
    output = (result.stderr + result.stdout).strip()
    if result.returncode != 0:
        raise BuildFailed(f"search index: Pagefind stopped with exit code {result.returncode}"
                          + (f":\n{output}" if output else ""))
    folder = site / INDEX_FOLDER
    if not (folder / "pagefind.js").is_file():
        raise BuildFailed(f"search index: Pagefind wrote no {INDEX_FOLDER}/pagefind.js" +
                          (f":\n{output}" if output else ""))
    for name in UNUSED_FILES:
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "playground", ignore_errors=True)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    log.info("search index: %d files, %d bytes", sum(1 for _ in folder.rglob("*")), size)
    return size
