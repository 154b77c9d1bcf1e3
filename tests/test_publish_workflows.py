"""The workflows: zizmor (pinned in requirements-test.txt) finds nothing in .github/workflows/ but `unpinned-uses`,
and the publishing workflows (publish, pull request site and preview, link check) keep README.md's promises.

Why: the workflows cannot run here (no GitHub), so what can be checked offline is checked: their security (zizmor's
offline audits) and their shape (triggers, permissions, concurrency, the build command, the actions' versions).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ALLOWED_FINDINGS = {"unpinned-uses"}
"""Findings tolerated: an action referenced by tag where its commit could not be looked up."""
CURRENT_MAJORS = {
    "actions/configure-pages": "v6", "actions/upload-pages-artifact": "v5", "actions/deploy-pages": "v5",
    "actions/upload-artifact": "v7", "actions/download-artifact": "v8", "lycheeverse/lychee-action": "v2",
}
"""Major versions current when these workflows were written (checked against each action's releases)."""
OURS = ("publish.yml", "pr-site.yml", "pr-preview.yml", "link-check.yml")


def zizmor(*paths: Path) -> list[dict[str, Any]]:
    """zizmor's findings (offline audits, regular persona) for the given files or folders."""
    executable = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if executable is None:
        pytest.fail("zizmor is not installed: pip install -r requirements-test.txt")
    result = subprocess.run([executable, "--offline", "--no-config", "--strict-collection", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True, check=False)
    assert result.stdout.strip().startswith("["), result.stderr
    return json.loads(result.stdout)


def summary(findings: list[dict[str, Any]]) -> list[str]:
    return sorted(f"{finding['ident']} in {finding['locations'][0]['symbolic']['key']['Local']['verbatim_path']}"
                  for finding in findings)


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_zizmor_finds_nothing_but_unpinned_actions() -> None:
    findings = zizmor(WORKFLOWS)
    print("\n" + "\n".join(summary(findings)) if findings else "\nzizmor: no findings")
    assert [line for line in summary(findings) if line.split()[0] not in ALLOWED_FINDINGS] == []


def test_zizmor_catches_an_unsafe_workflow(tmp_path: Path) -> None:
    unsafe = tmp_path / ".github" / "workflows" / "unsafe.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    found = {line.split()[0] for line in summary(zizmor(unsafe))}
    assert {"template-injection", "dangerous-triggers", "artipacked"} <= found


def test_every_action_of_ours_is_pinned_to_a_commit_of_a_current_release() -> None:
    for name in OURS:
        for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines():
            if "uses:" not in line:
                continue
            reference, _, comment = line.split("uses:", 1)[1].partition("#")
            action, _, commit = reference.strip().partition("@")
            assert len(commit) == 40 and all(c in "0123456789abcdef" for c in commit), (name, line)
            if action in CURRENT_MAJORS:
                assert comment.strip().startswith(CURRENT_MAJORS[action] + "."), (name, line)


def test_publish_builds_strictly_for_the_pages_address_and_deploys_with_least_privilege() -> None:
    workflow = load("publish.yml")
    assert set(workflow["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert {"pages": "write", "id-token": "write"}.items() <= deploy["permissions"].items()
    assert all(level == "read" for key, level in deploy["permissions"].items() if key not in ("pages", "id-token"))
    pages_step = steps_using(build, "actions/configure-pages")[0]
    build_step = next(step for step in build["steps"] if "generator build" in step.get("run", ""))
    assert "--strict" in build_step["run"]
    assert build_step["env"]["SITE_URL"] == "${{ steps." + pages_step["id"] + ".outputs.base_url }}"
    assert steps_using(build, "actions/upload-pages-artifact")[0]["with"]["path"] in ("site", "site/")
    assert deploy["needs"] == "build" and steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["name"] == "github-pages"


def test_pull_request_pages_are_built_without_secrets_and_published_without_running_them() -> None:
    site, preview = load("pr-site.yml"), load("pr-preview.yml")
    assert list(site["on"]) == ["pull_request"] and site["permissions"] == {"contents": "read"}
    site_job = site["jobs"]["site"]
    assert "secrets." not in (WORKFLOWS / "pr-site.yml").read_text(encoding="utf-8")
    assert steps_using(site_job, "actions/upload-artifact")[0]["with"]["name"] == "site-preview"
    assert any("GITHUB_STEP_SUMMARY" in step.get("run", "") for step in site_job["steps"])
    assert preview["on"]["workflow_run"]["workflows"] == [site["name"]]
    assert preview["permissions"] == {}
    job = preview["jobs"]["publish"]
    assert "vars.PREVIEW_REPOSITORY != ''" in job["if"]
    assert steps_using(job, "actions/download-artifact")[0]["with"]["name"] == "site-preview"
    assert not steps_using(job, "actions/checkout"), "never check out the pull request where secrets are"
    scripts = " ".join(step.get("run", "") for step in job["steps"])
    for never in ("python", "pip ", "make ", "npm ", "bash preview", "sh preview", "source "):
        assert never not in scripts
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}


def test_link_check_runs_weekly_and_keeps_one_issue() -> None:
    workflow = load("link-check.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    (cron,) = (entry["cron"] for entry in workflow["on"]["schedule"])
    assert cron.split()[2:] == ["*", "*", "1"], "once a week"
    job = workflow["jobs"]["links"]
    lychee = steps_using(job, "lycheeverse/lychee-action")[0]
    assert "site/**/*.html" in lychee["with"]["args"] and lychee["with"]["jobSummary"] is True
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    issue_step = job["steps"][-1]["run"]
    assert "gh issue list --label" in issue_step and "gh issue edit" in issue_step and "gh issue close" in issue_step
