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
from conftest import REPO, TODAY, event, profession, run_cli

from generator.pipeline import DOCS_DIR


def tree_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_docs_dir_matches_mkdocs_yml() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    assert config["docs_dir"] == DOCS_DIR
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


def _start_preview(root: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), *extra, "serve", "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def _stop(server: subprocess.Popen[str]) -> str:
    server.terminate()
    output, _ = server.communicate(timeout=20)
    return output


@pytest.mark.slow
def test_serve_rebuilds_when_a_yaml_file_changes(make_catalogue) -> None:
    root = make_catalogue()
    port = _free_port()
    server = _start_preview(root, port)
    try:
        url = f"http://127.0.0.1:{port}/professions/podiatrist/"
        _wait_for(url, "Podiatrist", time.monotonic() + 90)
        changed = profession(title="Foot and ankle specialist")
        (root / "content/professions/podiatrist.yaml").write_text(yaml.safe_dump(changed))
        _wait_for(url, "Foot and ankle specialist", time.monotonic() + 90)
    finally:
        output = _stop(server)
    assert f"Serving the site at http://127.0.0.1:{port}/" in output
    assert re.search(r"Rebuilt in \d+\.\d s, \d+ pages\.", output)


@pytest.mark.slow
def test_serve_keeps_the_build_date_on_every_rebuild(make_catalogue) -> None:
    """`--today` fixes the date for the whole session: the calendar counts from it after a rebuild too."""
    root = make_catalogue()
    port = _free_port()
    server = _start_preview(root, port, "--today", "2030-01-01")
    try:
        url = f"http://127.0.0.1:{port}/calendar/"
        first = _wait_for(url, "14 October 2030", time.monotonic() + 90)
        assert "October 2026" not in first
        (root / "events_calendar.yaml").write_text(yaml.safe_dump([event(title="AHPs Day renamed")]))
        again = _wait_for(url, "AHPs Day renamed", time.monotonic() + 90)
        assert "14 October 2030" in again and "October 2026" not in again
    finally:
        _stop(server)


@pytest.mark.slow
def test_serve_shows_content_errors_instead_of_hanging(make_catalogue) -> None:
    root = make_catalogue()
    port = _free_port()
    server = _start_preview(root, port)
    page_file = root / "content/professions/podiatrist.yaml"
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(url, "Podiatrist", time.monotonic() + 90)
        page_file.write_text(yaml.safe_dump(profession(regulator="NMC")))
        broken = _wait_for(url, "content/professions/podiatrist.yaml:", time.monotonic() + 90)
        assert "regulator" in broken and 'role="alert"' in broken
        with urllib.request.urlopen(url + "professions/podiatrist/", timeout=5) as response:  # answers at once
            assert "This preview is out of date" in response.read().decode()
        # A half-filled template written while serving is one more content error, not a frozen preview.
        assert run_cli("--root", str(root), "new", "story", "half-written").returncode == 0
        _wait_for(url, "content/stories/half-written.yaml", time.monotonic() + 90)
        page_file.write_text(yaml.safe_dump(profession(title="Foot doctor")))
        (root / "content/stories/half-written.yaml").unlink()
        fixed = _wait_for(url + "professions/podiatrist/", "Foot doctor", time.monotonic() + 90)
        assert "This preview is out of date" not in fixed
    finally:
        output = _stop(server)
    assert "Not rebuilt" in output and "content/professions/podiatrist.yaml:" in output
    assert "Traceback" not in output


def test_serve_on_a_busy_port_says_so_in_one_line(make_catalogue) -> None:
    root = make_catalogue()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "serve", "--dev-addr",
                         f"127.0.0.1:{port}")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_malformed_address(make_catalogue) -> None:
    result = run_cli("--root", str(make_catalogue()), "serve", "--dev-addr", "localhost")
    assert result.returncode == 2
    assert "127.0.0.1:8000" in result.stderr and "Traceback" not in result.stderr


# --- A plain `mkdocs build` goes through the same render function, with the same messages. ---------------------


def _plain_mkdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    (root / DOCS_DIR).mkdir(parents=True, exist_ok=True)  # as in a fresh clone (build/docs/.gitkeep)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), *args],
                          cwd=root, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin",
                               "SOURCE_DATE_EPOCH": "1795000000", **(env or {})})


def test_plain_mkdocs_build_renders_the_same_pages(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    result = _plain_mkdocs(root, "-d", str(tmp_path / "plain"))
    assert result.returncode == 0, result.stderr
    cli = run_cli("--root", str(root), "--today", "2026-11-18", "build", "--site-dir", str(tmp_path / "cli"))
    assert cli.returncode == 0, cli.stderr
    pages = sorted(path.relative_to(tmp_path / "cli").as_posix() for path in (tmp_path / "cli").rglob("*.html"))
    assert pages == sorted(path.relative_to(tmp_path / "plain").as_posix()
                           for path in (tmp_path / "plain").rglob("*.html"))
    podiatrist = "professions/podiatrist/index.html"
    assert (tmp_path / "plain" / podiatrist).read_text() == (tmp_path / "cli" / podiatrist).read_text()


def test_plain_mkdocs_build_reports_content_errors_like_the_cli(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(regulator="NMC")})
    plain = _plain_mkdocs(root, "-d", str(tmp_path / "plain"))
    cli = run_cli("--root", str(root), "build", "--site-dir", str(tmp_path / "cli"),
                  env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert plain.returncode == cli.returncode == 1
    assert "Traceback" not in plain.stderr + plain.stdout
    assert cli.stderr.strip() in plain.stderr + plain.stdout
    assert "content/professions/podiatrist.yaml:" in cli.stderr


def test_plain_mkdocs_build_reports_a_bad_build_date_cleanly(make_catalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    plain = _plain_mkdocs(root, "-d", str(tmp_path / "plain"), env={"SOURCE_DATE_EPOCH": "tomorrow"})
    assert plain.returncode == 2
    output = plain.stderr + plain.stdout
    assert "SOURCE_DATE_EPOCH='tomorrow' is not a number of seconds" in output
    assert "Traceback" not in output


def test_the_theme_escapes_titles_once(make_catalogue, tmp_path: Path) -> None:
    """The render step writes editors' text as it is; the theme override escapes it once, header included."""
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(title="Feet & <legs>")})
    source = (root / DOCS_DIR / "professions/podiatrist.md")
    assert run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir",
                   str(tmp_path / "site")).returncode == 0
    assert 'title: "Feet & <legs>"' in source.read_text()
    built = (tmp_path / "site/professions/podiatrist/index.html").read_text()
    assert "<title>Feet &amp; &lt;legs&gt; - " in built
    assert "<legs>" not in built and "&amp;amp;" not in built
