"""Links and raw HTML in an editor's Markdown text, found in one place.

Why: validation refuses unsafe link targets and `report` checks where links lead; when each had its own patterns
they disagreed (reference-style definitions were checked by one and missed by the other). Both now ask this
module. It reads the Markdown forms Python-Markdown renders as links: inline links and images
(`[words](target)`, `![alt](target)`), reference definitions (`[label]: target`) and autolinks (`<https://...>`,
`<name@example.org>`). It errs on the side of finding too much: a link-like text inside a code span is also
returned, so nothing that could become a link escapes the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

LinkKind = Literal["inline", "image", "definition", "autolink", "email"]

_OPENING = re.compile(r"(!?)\[")
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*)>")
"""A CommonMark autolink such as `<https://www.nhs.uk/>`; its target is group 1."""
_EMAIL_AUTOLINK = re.compile(r"<([\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>")
_RAW_HTML = re.compile(
    r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?"  # an opening or closing tag: the name follows '<' directly
    r"|!--.*?--"  # a comment
    r"|![A-Za-z][^<>]*|\?.*?\?)>",  # a declaration such as <!DOCTYPE ...>, a processing instruction
    re.DOTALL)
_TITLE = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^()]*\))\s*$""")
_MAX_LABEL = 1000
"""Longest link text looked at; a `[` with no matching `]` nearby is plain text."""


@dataclass(frozen=True)
class Link:
    """One link target found in Markdown text, as written (entities and escapes left alone)."""

    target: str
    kind: LinkKind
    offset: int
    """Position in the text where the link starts."""


def find_links(text: str) -> list[Link]:
    """Every link target in `text`, in the order they appear."""
    found = [*_inline_links(text), *_definitions(text), *_autolinks(text)]
    return sorted(found, key=lambda link: link.offset)


def find_raw_html(text: str) -> Iterator[str]:
    """Raw HTML tags and comments in `text` that Markdown would pass to the page; autolinks are not HTML.

    A tag starts with its name right after `<`, as in HTML itself, so "if a < b and c > d" is plain text.
    """
    for match in _RAW_HTML.finditer(text):
        if not (AUTOLINK.fullmatch(match.group(0)) or _EMAIL_AUTOLINK.fullmatch(match.group(0))):
            yield match.group(0)


def _inline_links(text: str) -> Iterator[Link]:
    for opening in _OPENING.finditer(text):
        if _escaped(text, opening.start(1) if opening.group(1) else opening.start()):
            continue
        close = _matching_bracket(text, opening.end())
        if close is None or not text.startswith("(", close + 1):
            continue
        target = _inline_target(text, close + 2)
        if target is not None:
            yield Link(target, "image" if opening.group(1) else "inline", opening.start())


def _escaped(text: str, index: int) -> bool:
    """Is the character at `index` preceded by an odd number of backslashes?"""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _matching_bracket(text: str, start: int) -> int | None:
    """Index of the `]` closing a `[` that ends just before `start` (nested brackets and escapes allowed)."""
    depth = 1
    index = start
    end = min(len(text), start + _MAX_LABEL)
    while index < end:
        character = text[index]
        if character == "\\":
            index += 2
            continue
        if character == "[":
            depth += 1
        elif character == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _inline_target(text: str, start: int) -> str | None:
    """The destination of an inline link whose `(` ends just before `start`: `<...>`, or everything up to the
    matching `)` without a trailing "title", as Python-Markdown reads it (spaces included)."""
    index = start
    while index < len(text) and text[index] in " \t\n":
        index += 1
    if text.startswith("<", index):
        end = text.find(">", index)
        return text[index + 1:end] if end >= 0 and "\n" not in text[index:end] else None
    depth = 0
    begin = index
    while index < len(text):
        character = text[index]
        if character == "\\" and index + 1 < len(text):
            index += 2
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            if depth == 0:
                break
            depth -= 1
        elif text.startswith("\n\n", index):
            return None  # a blank line ends the paragraph before the link closes
        index += 1
    inside = text[begin:index]
    return _TITLE.sub("", inside).strip()


def _definitions(text: str) -> Iterator[Link]:
    for match in _DEFINITION.finditer(text):
        target = match.group(2)
        if target.startswith("<"):
            target = target[1:-1]
        yield Link(target, "definition", match.start())


def _autolinks(text: str) -> Iterator[Link]:
    for match in AUTOLINK.finditer(text):
        yield Link(match.group(1), "autolink", match.start())
    for match in _EMAIL_AUTOLINK.finditer(text):
        yield Link(f"mailto:{match.group(1)}", "email", match.start())
