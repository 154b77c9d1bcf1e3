"""Errors the pipeline reports to editors.

Why: an editor fixing a pull request needs every problem at once, each pointing at a file and a line, with no
Python traceback. So a content problem is a *value* (`ContentError`), steps collect them into a list, and one
exception (`ContentInvalid`) carries the sorted list to the command line, which alone decides the exit code.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

OutputFormat = Literal["text", "github"]


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one place of the catalogue."""

    path: str
    """File path relative to the catalogue root, POSIX style."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    column: int
    """1-based column number; 0 when unknown."""
    field: str
    """Dotted location inside the entry (`activities.2.minutes`), or a short name such as `yaml`."""
    message: str
    """What is wrong, in plain English, one line."""
    hint: str = ""
    """What to do about it, one line; may be empty."""

    def format(self, output: OutputFormat = "text") -> str:
        """Render as `path:line: field: message (hint)` or as a GitHub Actions annotation."""
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text = f"{text} (hint: {self.hint})"
        if output == "github":
            location = f"file={self.path}"
            if self.line:
                location += f",line={self.line}"
            if self.column:
                location += f",col={self.column}"
            return f"::error {location}::{_escape_annotation(text)}"
        return f"{self.path}:{self.line}: {text}"


def _escape_annotation(text: str) -> str:
    """Escape a message for a GitHub workflow command (see the Actions toolkit's `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def one_line(text: str, limit: int = 200) -> str:
    """An editor's value quoted in a message: control characters shown as escapes, long values shortened, so
    every error stays one line (and a pasted essay does not flood the output)."""
    text = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda match: repr(match.group())[1:-1], text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def field_name(location: tuple[str | int, ...]) -> str:
    """`activities[3].minutes` style, with list positions counted from 1 as an editor counts them."""
    name = ""
    for part in location:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "entry"


class ContentInvalid(Exception):
    """The catalogue has one or more content errors; carries all of them, sorted by file and line."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(f"{len(self.errors)} content error(s)")

    def format(self, output: OutputFormat = "text") -> str:
        """All errors, one per line, in the chosen output format."""
        return "\n".join(error.format(output) for error in self.errors)


class UsageError(Exception):
    """The command was used wrongly or a file outside the catalogue could not be read (exit code 2)."""


class BuildFailed(Exception):
    """The site engine refused to build the rendered tree (exit code 1); carries the engine's own message."""


def describe_failure(error: BaseException) -> tuple[str, int] | None:
    """What to print and which exit code to use for one of our errors; None for anything else (a bug).

    Why: the command line and the site engine's own entry points (a plain `mkdocs build`) must say the same thing
    in the same words and exit the same way, so the wording lives here once.
    """
    if isinstance(error, ContentInvalid):
        files = len({problem.path for problem in error.errors})
        return (f"{error.format()}\nFound {len(error.errors)} error(s) in {files} file(s). Nothing was built.", 1)
    if isinstance(error, BuildFailed):
        return f"Build failed: {error}", 1
    if isinstance(error, UsageError):
        return f"error: {error}", 2
    return None
