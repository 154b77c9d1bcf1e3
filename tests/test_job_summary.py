"""The pull-request job summary lists every error (GitHub shows only 10 annotations per step), linked to its line."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO, TODAY, resource, run_cli

from generator.job_summary import Annotation, read_annotations, summary

BLOB = "https://github.com/nhs/ahp/blob/abc123"


def test_every_error_of_a_failing_validate_is_listed_with_a_link(make_catalogue, tmp_path) -> None:
    broken = [resource(), *(resource(f"resource-{n}", type="podcast") for n in range(12))]
    root = make_catalogue({"resources.yaml": broken})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate", "--format", "github")
    assert result.returncode == 1
    log = tmp_path / "validate.log"
    log.write_text(result.stdout)
    assert result.stdout.count("::error ") == 12
    env = {**os.environ, "PYTHONPATH": str(REPO), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "nhs/ahp", "HEAD_SHA": "abc123"}
    output = subprocess.run([sys.executable, "-m", "generator.job_summary", str(log), str(tmp_path / "missing.log")],
                            capture_output=True, text=True, env=env, check=True).stdout
    items = [line for line in output.splitlines() if line.startswith("- ")]
    assert len(items) == 12
    assert output.startswith("### Catalogue check: 12 error(s) in 1 file(s)\n")
    for item in items:
        line = re.match(r"- \[resources\.yaml:(\d+)\]", item)[1]
        assert item.startswith(f"- [resources.yaml:{line}]({BLOB}/resources.yaml#L{line}): type: ")


def test_escapes_are_undone_and_nothing_becomes_markdown() -> None:
    found = read_annotations("noise\n::error file=content/a b.yaml,line=3,col=1::title: 100%25 [x](javascript:alert(1))"
                             "%0Anext\n::error title=Build failed::the site engine refused a page\n")
    assert found == [Annotation("title: 100% [x](javascript:alert(1))\nnext", "content/a b.yaml", 3),
                     Annotation("the site engine refused a page", title="Build failed")]
    text = summary(found, BLOB)
    assert "- **Build failed**: the site engine refused a page" in text
    assert (f"- [content/a b.yaml:3]({BLOB}/content/a%20b.yaml#L3): "
            "title: 100% \\[x\\]\\(javascript:alert\\(1\\)\\) next") in text


def test_no_errors() -> None:
    assert summary([], BLOB) == "### Catalogue check\n\nNo errors.\n"
