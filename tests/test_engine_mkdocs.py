"""The MkDocs adapter: builds the docs tree into a site, swaps atomically, serves with live rebuilds."""

from __future__ import annotations

import hashlib
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY, profession, run_cli

from generator import engine_mkdocs


def tree_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_docs_dir_matches_mkdocs_yml() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    assert config["docs_dir"] == engine_mkdocs.DOCS_DIR
    assert config["hooks"] == ["generator/engine_mkdocs.py"]
    assert config["theme"]["font"] is False


def test_only_the_engine_adapter_imports_mkdocs() -> None:
    offenders = []
    for path in (REPO / "generator").rglob("*.py"):
        if path.name == "engine_mkdocs.py":
            continue
        if re.search(r"^\s*(from|import)\s+mkdocs\b", path.read_text(), re.MULTILINE):
            offenders.append(path.relative_to(REPO).as_posix())
    assert offenders == []


def test_build_writes_one_page_per_entry(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    site = tmp_path / "site"
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "professions/podiatrist/index.html", "stories/sport-to-podiatry/index.html",
                 "modules/podiatry-taster/index.html", "resources/ahp-vr360/index.html",
                 "calendar/events/ahps-day/index.html", "ambassadors/assembly/index.html",
                 "for/first-time/index.html", "explore/index.html"):
        assert (site / page).is_file(), page
    assert "Podiatrist" in (site / "professions/podiatrist/index.html").read_text()


def test_failed_build_leaves_previous_site_untouched(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    site = tmp_path / "site"
    assert run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site)).returncode == 0
    before = tree_hash(site)
    (root / "content/professions/podiatrist.yaml").write_text(yaml.safe_dump(profession(regulator="NMC")))
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert result.returncode == 1
    assert "content/professions/podiatrist.yaml:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_hash(site) == before
    assert not list(site.parent.glob(".site-new-*")), "the staging directory was left behind"


def test_engine_failure_leaves_previous_site_untouched(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    site = tmp_path / "site"
    assert run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site)).returncode == 0
    before = tree_hash(site)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace("theme:", "theme:\n  nonsense: [", 1))
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert tree_hash(site) == before


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, deadline: float) -> str:
    """Poll `url` until its body contains `text` (an event, not a timing assertion)."""
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode()
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.mark.slow
def test_serve_rebuilds_when_a_yaml_file_changes(make_catalogue) -> None:
    root = make_catalogue()
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    try:
        url = f"http://127.0.0.1:{port}/professions/podiatrist/"
        _wait_for(url, "Podiatrist", time.monotonic() + 90)
        changed = profession(title="Foot and ankle specialist")
        (root / "content/professions/podiatrist.yaml").write_text(yaml.safe_dump(changed))
        _wait_for(url, "Foot and ankle specialist", time.monotonic() + 90)
    finally:
        server.terminate()
        server.wait(timeout=20)
