"""The command line: exit codes, output formats, help, and no tracebacks for bad content."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, TODAY, profession, resource, run_cli, run_cli_process


def test_help_is_friendly() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("validate", "build", "serve"):
        assert command in result.stdout


def test_validate_valid_catalogue(make_catalogue) -> None:
    result = run_cli("--root", str(make_catalogue()), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_errors_from_several_files_are_listed_together_sorted(make_catalogue) -> None:
    root = make_catalogue({
        "content/professions/podiatrist.yaml": profession(regulator="NMC", colour="blue"),
        "resources.yaml": [resource(), resource("second", type="podcast")],
    })
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ".yaml:" in line]
    assert len(lines) == 3
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert any("content/professions/podiatrist.yaml:" in line and "regulator" in line for line in lines)
    assert any("colour: unknown field" in line or "colour: extra" in line for line in lines)
    assert any(line.startswith("resources.yaml:") and "type" in line for line in lines)
    assert "Traceback" not in result.stderr + result.stdout


def test_github_format(make_catalogue) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(regulator="NMC")})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/professions/podiatrist.yaml,line=")


def test_usage_errors_exit_2(tmp_path) -> None:
    assert run_cli("--root", str(tmp_path), "validate").returncode == 2
    assert run_cli("--today", "tomorrow", "validate").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_a_real_process_exits_with_the_same_codes_and_no_traceback(make_catalogue, tmp_path) -> None:
    """Most tests call `cli.main` in-process; these few run `python -m generator` as an editor does."""
    broken = make_catalogue({"content/professions/podiatrist.yaml": profession(regulator="NMC")})
    for args, code in ((("--root", str(tmp_path), "validate"), 2), (("--root", str(broken), "validate"), 1),
                       (("--root", str(broken), "build", "--site-dir", str(tmp_path / "site")), 1),
                       (("--today", "tomorrow", "validate"), 2)):
        result = run_cli_process(*args)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


def test_render_writes_the_docs_tree_without_any_site_engine(make_catalogue, tmp_path) -> None:
    """`render` is the engine-neutral step: Python's import log shows no MkDocs module on that path."""
    root = make_catalogue()
    out = tmp_path / "docs"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", "--root", str(root), "--today",
                             "2026-11-23", "render", "--out", str(out)], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    assert result.returncode == 0, result.stderr
    assert f"into {out}" in result.stdout
    assert (out / "professions/podiatrist.md").is_file() and (out / "assets/ahp.css").is_file()
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "import time:" in line]
    assert "generator.pipeline" in imported
    assert [name for name in imported if name.split(".")[0] in ("mkdocs", "material")] == []
