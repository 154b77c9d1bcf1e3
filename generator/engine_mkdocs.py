"""Step 5, the site engine: MkDocs with the Material theme. The only module that imports `mkdocs`.

Why: Material for MkDocs reaches end of life in May 2027 and its successor (Zensical) reads `mkdocs.yml` but runs
no third-party plugins. So the pipeline writes a plain docs tree, and this adapter only (1) builds that tree into a
site with MkDocs, swapping the result in atomically, and (2) serves as the `hooks:` file named in `mkdocs.yml`, so
that a plain `mkdocs serve` or `mkdocs build` regenerates the tree and watches the catalogue. Moving engine means
replacing this file.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin

from generator.docs_tree import DocsTree, new_sibling_directory, swap_in, write_docs_tree
from generator.errors import BuildFailed, ContentInvalid
from generator.pipeline import build_date, run_pipeline
from generator.search_index import build_search_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("generator.engine")

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "build/docs"
"""Where the docs tree is written; must match `docs_dir` in mkdocs.yml (a test checks)."""
GENERATED_BODY = '<div class="ahp-page'
"""How every generated page body begins (one block of HTML, see generator/render/base.py)."""
_HTML_KEY = "generator_html"
WATCHED = ("content", "resources.yaml", "events_calendar.yaml", "generator/templates", "generator/assets")
"""Paths under the project root whose change should rebuild the site during `serve`."""


def _config(root: Path, **overrides: Any) -> MkDocsConfig:
    (root / DOCS_DIR).mkdir(parents=True, exist_ok=True)  # MkDocs insists docs_dir exists before our hook runs
    try:
        return load_config(str(root / CONFIG_FILE), **overrides)
    except MkDocsException as error:
        raise BuildFailed(f"{CONFIG_FILE}: {error}") from None


def site_url(root: Path) -> str:
    """The deployed site's address from mkdocs.yml, ending in '/', or '' if none is set."""
    url = _config(root, hooks=[]).site_url or ""
    return url if not url or url.endswith("/") else url + "/"


def write_tree(root: Path, tree: DocsTree) -> int:
    """Write the docs tree where mkdocs.yml expects it."""
    return write_docs_tree(tree, root / DOCS_DIR)


def build_site(root: Path, tree: DocsTree, site_dir: Path, *, strict: bool = False) -> None:
    """Build `tree` into `site_dir` via a temporary directory; on any failure `site_dir` is left untouched."""
    write_tree(root, tree)
    staging = new_sibling_directory(site_dir)
    try:
        config = _config(root, hooks=[], site_dir=str(staging), strict=strict)
        config.plugins["generator-pages"] = _GeneratedPages()  # the page hooks, without re-running the pipeline
        mkdocs_build(config)
        build_search_index(staging)  # site search (issue 19): index the staged site before it is swapped in
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"site engine: {error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


def serve_site(root: Path, dev_addr: str) -> None:
    """Serve with live reload; the hooks in mkdocs.yml regenerate the tree on every catalogue change."""
    from mkdocs.commands.serve import serve

    _config(root)  # fail early, with our message, if mkdocs.yml is broken
    try:
        serve(config_file=str(root / CONFIG_FILE), dev_addr=dev_addr, livereload=True)
    except MkDocsException as error:
        raise BuildFailed(f"site engine: {error}") from None


# --- MkDocs hooks (mkdocs.yml: `hooks: [generator/engine_mkdocs.py]`) ----------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Regenerate the docs tree before MkDocs reads it; content errors stop the build with every error listed."""
    root = Path(config.config_file_path).parent
    url = config.site_url or ""
    try:
        tree = run_pipeline(root, build_date(), url if not url or url.endswith("/") else url + "/")
    except ContentInvalid as invalid:
        raise PluginError(f"the catalogue has {len(invalid.errors)} error(s):\n{invalid.format()}") from None
    changed = write_docs_tree(tree, Path(config.docs_dir))
    log.info("catalogue rendered: %d files, %d changed", len(tree), changed)
    return config


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    """A generated page is already HTML: keep it out of Python-Markdown, which would parse every tag of a large
    listing page only to find where the HTML block ends (most of the build time of a big catalogue)."""
    if markdown.lstrip().startswith(GENERATED_BODY):
        page.meta[_HTML_KEY] = markdown
        return ""
    return markdown


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    """Put the generated HTML back where Markdown's output would have gone."""
    return page.meta.pop(_HTML_KEY, html)


class _GeneratedPages(BasePlugin):  # type: ignore[type-arg]
    """The two page hooks above as a plugin, for builds that skip the `on_config` hook (see `build_site`)."""

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Any) -> str:
        return on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig, files: Any) -> str:
        return on_page_content(html, page, config, files)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Watch the catalogue and templates, so editing a YAML file rebuilds the site."""
    root = Path(config.config_file_path).parent
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    return server
