"""Step 5, the site engine: MkDocs with the Material theme. The only module that imports `mkdocs`.

Why: Material for MkDocs reaches end of life in May 2027 and its successor (Zensical) reads `mkdocs.yml` but runs
no hooks or third-party plugins. So the render step writes a plain docs tree (`python -m generator render`), and
this adapter only (1) builds that tree into a site, swapping the result in atomically, (2) serves a live preview
that re-renders on every change, and (3) is the `hooks:` file named in `mkdocs.yml`, so that a plain `mkdocs build`
or `mkdocs serve` renders through the same function. Nothing here changes what a page says: the theme override
(generator/theme/) escapes what it prints, so the same tree builds the same site with Zensical, which runs no hooks.
Moving engine means replacing this file (docs/architecture.md, "Switching engine").
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from generator.docs_tree import DocsTree, new_sibling_directory, swap_in
from generator.errors import BuildFailed, ContentInvalid, UsageError, describe_failure
from generator.pipeline import DOCS_DIR, build_date, render_docs
from generator.render import GENERATED_PAGE_START, CompiledTemplates
from generator.search_index import build_search_index
from generator.site_address import site_address, usable_address

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("generator.engine")

CONFIG_FILE = "mkdocs.yml"
WATCHED = ("content", "resources.yaml", "events_calendar.yaml", "generator/templates", "generator/assets",
           "generator/theme", CONFIG_FILE)
"""Paths under the project root whose change re-renders the preview."""
_HTML_KEY = "generator_html"


def _config(root: Path, **overrides: Any) -> MkDocsConfig:
    (root / DOCS_DIR).mkdir(parents=True, exist_ok=True)  # MkDocs insists docs_dir exists before it builds
    try:
        config = load_config(str(root / CONFIG_FILE), **overrides)
    except MkDocsException as error:
        raise BuildFailed(f"{CONFIG_FILE}: {error}") from None
    config.plugins["generator-pages"] = GeneratedPages()
    return config


def site_url(root: Path) -> str:
    """The deployed site's address from mkdocs.yml, ending in '/', or '' if none is set."""
    url = _config(root, hooks=[]).site_url or ""
    return url if not url or url.endswith("/") else url + "/"


def build_site(root: Path, site_dir: Path, *, strict: bool = False, site_url: str | None = None) -> None:
    """Build the rendered docs tree into `site_dir` via a temporary directory; on any failure `site_dir` is left
    untouched."""
    staging = new_sibling_directory(site_dir)
    overrides: dict[str, Any] = {"hooks": [], "site_dir": str(staging), "strict": strict}
    if site_url is not None:
        overrides["site_url"] = site_url
    try:
        mkdocs_build(_config(root, **overrides))
        build_search_index(staging)  # site search: index the staged site before it is swapped in
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"site engine: {error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, site_dir)


_COMPILED_THEME = CompiledTemplates()


class GeneratedPages(BasePlugin):  # type: ignore[type-arg]
    """Generated pages skip Python-Markdown; added to every MkDocs build (CLI, preview and plain `mkdocs`). Only a
    speed-up: an engine without it (Zensical) passes the same one-block HTML pages through Markdown unchanged."""

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Any) -> Any:
        """Keep the theme's compiled templates between builds of one process (every rebuild of `serve`)."""
        env.bytecode_cache = _COMPILED_THEME
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Any) -> str:
        """A generated page is already HTML: keep it out of Python-Markdown, which would parse every tag of a large
        listing page only to find where the HTML block ends (most of the build time of a big catalogue)."""
        if markdown.lstrip().startswith(GENERATED_PAGE_START):
            page.meta[_HTML_KEY] = markdown
            return ""
        return markdown

    def on_page_content(self, html_text: str, /, *, page: Any, config: MkDocsConfig, files: Any) -> str:
        """Put the generated HTML back where Markdown's output would have gone."""
        return page.meta.pop(_HTML_KEY, html_text)


# --- The live preview (`python -m generator serve`) ----------------------------------------------------------------


class _PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that binds once, up front, and shows the last rebuild's problems on every page."""

    problems = ""
    """The last failed rebuild's message, shown in a banner until a rebuild succeeds."""
    _bound = False

    def bind(self) -> None:
        self.server_bind()
        self.server_activate()
        self._bound = True

    def server_bind(self) -> None:
        if not self._bound:
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        if not self.problems:
            return content
        body = content.find(b"<body")
        start = content.find(b">", body) + 1 if body >= 0 else 0
        return content[:start] + _problem_banner(self.problems).encode() + content[start:]


def _problem_banner(problems: str) -> str:
    return ('<div role="alert" style="background:#fff4e5;color:#3d2400;border-bottom:4px solid #b35c00;'
            'padding:1rem;font:16px/1.4 system-ui,sans-serif;position:relative;z-index:10">'
            '<strong>This preview is out of date: the last change has mistakes.</strong> It still shows the last '
            'version that worked. Fix these and save; the page reloads by itself.'
            f'<pre style="white-space:pre-wrap;margin:.5rem 0 0">{html.escape(problems)}</pre></div>')


def _say(message: str) -> None:
    print(message, flush=True)  # at once, even when the terminal is a pipe (an editor's IDE, CI logs)


def _parse_address(dev_addr: str) -> tuple[str, int]:
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--dev-addr {dev_addr!r} is not an address: write it like 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def serve_site(root: Path, dev_addr: str, render: Callable[[], DocsTree],
               announce: Callable[[str], None] | None = None) -> None:
    """Serve a live preview: `render` writes the docs tree (the caller fixes the build date), MkDocs builds it.

    A rebuild that fails keeps the last good site on screen with a banner listing the problems, so a browser never
    waits on a broken catalogue; the terminal shows the same list.
    """
    announce = announce or _say
    host, port = _parse_address(dev_addr)
    preview = Path(tempfile.mkdtemp(prefix="ahp-preview-"))
    server = _PreviewServer(builder=lambda: None, host=host, port=port, root=str(preview))
    try:
        server.bind()
    except OSError as error:
        shutil.rmtree(preview, ignore_errors=True)
        raise UsageError(f"cannot serve on {dev_addr}: {error.strerror or error}. Another preview may be "
                         "running; stop it, or choose another address with --dev-addr 127.0.0.1:8001") from None

    def rebuild() -> None:
        started = time.monotonic()
        try:
            tree = render()
            build_site(root, preview, site_url=server.url)
        except (BuildFailed, ContentInvalid, UsageError) as error:
            server.problems = describe_failure(error)[0]  # type: ignore[index]
            announce(f"Not rebuilt: the preview still shows the last good version.\n{server.problems}")
            return
        server.problems = ""
        pages = sum(1 for path in tree if path.endswith(".md"))
        announce(f"Rebuilt in {time.monotonic() - started:.1f} s, {pages} pages.")

    server.builder = rebuild
    try:
        rebuild()
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        announce(f"Serving the site at {server.url} (press Ctrl+C to stop).")
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(preview, ignore_errors=True)


# --- Plain `mkdocs build` / `mkdocs serve` (mkdocs.yml: `hooks: [generator/engine_mkdocs.py]`) ----------------------


class _CleanAbort(Abort):
    """Stops a plain `mkdocs` run with the generator's own message and exit code, never a traceback."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.code = exit_code


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Render the docs tree (the same function `build` and `serve` use) before MkDocs reads it."""
    root = Path(config.config_file_path).parent
    try:
        url = site_address() or config.site_url or ""  # SITE_URL first, as for `build`
        url = usable_address(url if not url or url.endswith("/") else url + "/", strict=bool(config.strict))
        config.site_url = url
        render_docs(root, build_date(), url, Path(config.docs_dir))
    except Exception as error:
        failure = describe_failure(error)
        if failure is None:
            raise
        raise _CleanAbort(*failure) from None
    config.plugins["generator-pages"] = GeneratedPages()
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Watch the catalogue and templates, so editing a YAML file re-renders under a plain `mkdocs serve`."""
    root = Path(config.config_file_path).parent
    for name in WATCHED[:-1]:
        if (root / name).exists():
            server.watch(str(root / name))
    return server
