"""Every error of a pull-request check in the job summary, each linked to its line.

Why: GitHub shows at most 10 annotations per step on a pull request, so an editor with 25 mistakes would see 10.
The check saves what `validate --format github` (and a failed build) printed; this module turns every `::error`
line of that log into a Markdown list for `$GITHUB_STEP_SUMMARY`, each item linking to the file and line on the
pull request's commit. Usage: `python -m generator.job_summary LOG [LOG ...] >> "$GITHUB_STEP_SUMMARY"`; the
links use GITHUB_SERVER_URL, GITHUB_REPOSITORY and HEAD_SHA (or GITHUB_SHA).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

_ANNOTATION = re.compile(r"^::(?P<level>error|warning)(?:\s+(?P<properties>[^:]*))?::(?P<message>.*)$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


@dataclass(frozen=True)
class Annotation:
    """One `::error` workflow command read back from a log."""

    message: str
    path: str = ""
    line: int = 0
    title: str = ""


def read_annotations(text: str) -> list[Annotation]:
    """Every `::error`/`::warning` line in `text`, with its escapes undone (see the Actions toolkit)."""
    found = []
    for raw in text.splitlines():
        match = _ANNOTATION.match(raw.strip())
        if not match:
            continue
        properties = dict(part.split("=", 1) for part in (match["properties"] or "").split(",") if "=" in part)
        line = properties.get("line", "0")
        found.append(Annotation(_unescape(match["message"]), _unescape(properties.get("file", "")),
                                int(line) if line.isdigit() else 0, _unescape(properties.get("title", ""))))
    return found


def _unescape(text: str) -> str:
    return (text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def _md(text: str) -> str:
    """Plain text for a Markdown list item: one line, nothing an editor wrote can become a link or markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def summary(annotations: list[Annotation], blob_url: str) -> str:
    """Markdown listing every annotation, sorted by file and line, each linking to `blob_url/<path>#L<line>`."""
    if not annotations:
        return "### Catalogue check\n\nNo errors.\n"
    files = len({annotation.path for annotation in annotations if annotation.path})
    lines = [f"### Catalogue check: {len(annotations)} error(s)" + (f" in {files} file(s)" if files else ""), "",
             "GitHub marks at most 10 of them on the changed lines; this is the full list.", ""]
    for annotation in sorted(annotations, key=lambda item: (item.path, item.line)):
        place = ""
        if annotation.path:
            shown = f"{annotation.path}:{annotation.line}" if annotation.line else annotation.path
            anchor = f"#L{annotation.line}" if annotation.line else ""
            place = f"[{_md(shown)}]({blob_url}/{quote(annotation.path)}{anchor}): "
        title = f"**{_md(annotation.title)}**: " if annotation.title else ""
        lines.append(f"- {place}{title}{_md(annotation.message)}")
    return "\n".join(lines) + "\n"


def blob_url_from_environment(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """Where files of the checked commit are shown on GitHub."""
    server = environ.get("GITHUB_SERVER_URL", "https://github.com")
    repository = environ.get("GITHUB_REPOSITORY", "")
    commit = environ.get("HEAD_SHA") or environ.get("GITHUB_SHA", "HEAD")
    return f"{server}/{repository}/blob/{commit}"


def main(argv: list[str] | None = None) -> int:
    logs = [Path(name) for name in (sys.argv[1:] if argv is None else argv)]
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in logs if path.is_file())
    sys.stdout.write(summary(read_annotations(text), blob_url_from_environment()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
