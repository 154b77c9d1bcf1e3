"""The pipeline in one call: load -> validate -> catalogue -> render, for any adapter (CLI, engine hook, tests).

Why: every adapter must run the same steps in the same order; keeping the chain here means `render`, `build`,
`serve` and a plain engine build cannot drift apart, and none of the steps needs to know who called it. Nothing
here imports a site engine: `python -m generator render` writes the engine-neutral docs tree and stops.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.catalogue import Catalogue, build_catalogue
from generator.docs_tree import DocsTree, write_docs_tree
from generator.errors import UsageError
from generator.load import load_catalogue_files
from generator.render import RenderOptions, render_site
from generator.validate import validate_catalogue

DOCS_DIR = "build/docs"
"""Where the docs tree is written under the project root; `docs_dir` in mkdocs.yml names the same folder."""


def build_date(today: str | None = None) -> dt.date:
    """The date the build counts from: `--today`, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if today:
        try:
            return dt.date.fromisoformat(today)
        except ValueError:
            raise UsageError(f"--today {today!r} is not a date; write YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return dt.date.today()


def load_valid_catalogue(root: Path, today: dt.date) -> Catalogue:
    """Load and validate everything under `root`; raises `ContentInvalid` with every error found."""
    if not (root / "content").is_dir() and not (root / "resources.yaml").is_file():
        raise UsageError(f"{root} holds no catalogue (no content/ folder or resources.yaml)")
    return build_catalogue(validate_catalogue(load_catalogue_files(root), today))


def repository_url() -> str:
    """The catalogue's public repository: REPOSITORY_URL, else what GitHub Actions sets, else unknown ('')."""
    explicit = os.environ.get("REPOSITORY_URL", "").strip()
    if explicit.startswith("https://"):
        return explicit.rstrip("/")
    server, name = os.environ.get("GITHUB_SERVER_URL", ""), os.environ.get("GITHUB_REPOSITORY", "")
    return f"{server.rstrip('/')}/{name}" if server.startswith("https://") and name.count("/") == 1 else ""


def run_pipeline(root: Path, today: dt.date, site_url: str = "") -> DocsTree:
    """Everything up to the engine: the docs tree for the catalogue under `root`."""
    catalogue = load_valid_catalogue(root, today)
    return render_site(catalogue, RenderOptions(today=today, site_url=site_url, repository_url=repository_url()))


def render_docs(root: Path, today: dt.date, site_url: str = "", out: Path | None = None) -> DocsTree:
    """The one render path: validate, render and write the docs tree into `out` (default: DOCS_DIR under `root`),
    changing only files whose bytes changed. Nothing is written when the catalogue has errors."""
    tree = run_pipeline(root, today, site_url)
    write_docs_tree(tree, out or root / DOCS_DIR)
    return tree
