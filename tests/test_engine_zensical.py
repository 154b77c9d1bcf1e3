"""The rendered docs tree builds with Zensical, Material's successor, as well as with MkDocs.

Why: Material for MkDocs reaches end of life on 5 May 2027. Zensical reads the same mkdocs.yml but runs no hooks or
plugins, so this proves the render step alone is enough: `python -m generator render`, then `zensical build`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import TODAY, profession, run_cli

ZENSICAL = Path(sys.executable).with_name("zensical")


def _require_zensical() -> None:
    if not ZENSICAL.exists():
        message = "Zensical is not installed: pip install -r requirements-test.txt"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


@pytest.mark.slow
def test_zensical_builds_every_page_mkdocs_builds(make_catalogue, tmp_path: Path) -> None:
    _require_zensical()
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(title="Feet & <legs>")})
    mkdocs_site = tmp_path / "mkdocs-site"
    built = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(mkdocs_site))
    assert built.returncode == 0, built.stderr
    rendered = run_cli("--root", str(root), "--today", TODAY.isoformat(), "render")
    assert rendered.returncode == 0, rendered.stderr

    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config.pop("hooks")  # Zensical runs no hooks: the tree must stand on its own
    config["site_dir"] = "zensical-site"  # Zensical wants it inside the project folder
    (root / "zensical.yml").write_text(yaml.safe_dump(config))
    result = subprocess.run([str(ZENSICAL), "build", "-f", str(root / "zensical.yml")], cwd=root,
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr

    zensical_pages = _html_pages(root / "zensical-site")
    assert _html_pages(mkdocs_site) <= zensical_pages
    page = (root / "zensical-site/professions/podiatrist/index.html").read_text()
    assert '<div class="ahp-page ahp-profession"' in page  # the generated HTML block came through whole
    assert 'class="ahp-sources"' in page  # down to the last section
    assert "<legs>" not in page  # the theme override escaped the raw title, header included, exactly once
    assert "&amp;amp;" not in page
