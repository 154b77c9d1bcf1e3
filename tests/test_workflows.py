"""The GitHub set-up around the generator: workflows that zizmor finds nothing in, actions pinned to a commit,
the same lint as `make lint`, nothing that hides a failing step, Dependabot and CODEOWNERS in place."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PULL_REQUEST = GITHUB / "workflows" / "pull-request.yml"


def zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if not found:
        pytest.skip("zizmor is not installed (requirements-test.txt pins it)")
    return found


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([zizmor(), "--offline", "--no-progress", str(GITHUB)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_a_commit_with_their_version(path: Path) -> None:
    uses = re.findall(r"^\s*-?\s*uses:\s*(\S+)(.*)$", path.read_text(), re.MULTILINE)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.search(r"#\s*v\d+", comment), f"{action}: say the version in a comment for Dependabot"


def test_the_official_actions_are_on_a_current_major_version() -> None:
    text = PULL_REQUEST.read_text()
    for action in ("actions/checkout", "actions/setup-python"):
        version = re.search(rf"{action}@[0-9a-f]{{40}}\s*#\s*v(\d+)", text)
        assert version and int(version[1]) >= 7, f"{action}: v4 and v5 run on a Node.js version GitHub retired"


def run_steps() -> dict[str, str]:
    workflow = yaml.safe_load(PULL_REQUEST.read_text())
    return {step.get("name", step.get("uses", "")): step.get("run", "") for step in workflow["jobs"]["check"]["steps"]}


def test_the_lint_step_covers_what_make_lint_covers() -> None:
    make_lint = re.search(r"^lint:.*\n\t\$\(BIN\)/ruff check (.+)$", (REPO / "Makefile").read_text(), re.MULTILINE)
    lint = next(run for name, run in run_steps().items() if name.startswith("Lint"))
    assert make_lint and make_lint[1].split() == re.search(r"ruff check (?:--\S+ )*(.+)", lint)[1].split()


def test_no_step_hides_a_failure_and_the_browser_comes_from_playwright() -> None:
    steps = run_steps()
    assert not any("|| true" in run for run in steps.values())
    browser = next(run for name, run in steps.items() if "Chromium" in name)
    assert "playwright install --with-deps chromium" in browser and "CHROMIUM_PATH=" in browser
    assert "chromium-browser" not in browser  # a snap stub on Ubuntu 24.04


def test_dependabot_watches_pip_and_actions() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text())
    assert config["version"] == 2
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


def test_codeowners_cover_every_content_folder() -> None:
    patterns = [line.split()[0] for line in (GITHUB / "CODEOWNERS").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for folder in sorted(path.name for path in (REPO / "content").iterdir() if path.is_dir()):
        assert any(f"/content/{folder}/".startswith(pattern) for pattern in patterns if pattern != "*"), folder
    assert "/resources.yaml" in patterns and "/events_calendar.yaml" in patterns
