"""Step 1, load: read the catalogue's YAML files into plain data that remembers where every value came from.

Why: editors fix what an error points at, so every key and list item keeps its line and column from the first
byte. The loader is also the first line of defence against hostile or broken files: it refuses, with a named
reason, what YAML allows but a catalogue never needs (duplicate keys, anchors and aliases, tabs, custom tags,
deep nesting, huge files) and leaves dates as text for the model to check.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.errors import ContentError, one_line

log = logging.getLogger("generator.load")

# BaseLoader composes nodes without PyYAML's implicit type resolution: every untagged scalar is text, and
# `_NodeReader` types plain scalars itself with a few anchored patterns (PyYAML's resolver runs a list of regular
# expressions in Python for each scalar, a quarter of the load time of a large catalogue). The C parser is several
# times faster than the pure-Python one and gives the same nodes and marks.
_YamlLoader: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER_START = frozenset("+-.0123456789")

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest catalogue file accepted; a bigger one is almost certainly a mistake (or an attack)."""
MAX_DEPTH = 40
"""Deepest nesting of mappings and lists accepted; real entries need fewer than ten levels."""

ENTRY_DIRS: dict[str, str] = {
    "professions": "profession",
    "stories": "story",
    "modules": "module",
    "talks": "talk",
    "audiences": "audience",
}
"""Folders under `content/` holding one entry per file, and the kind of entry each holds."""
LIST_FILES: dict[str, str] = {"resources.yaml": "resource", "events_calendar.yaml": "event"}
"""Files at the catalogue root holding a list of entries, and the kind of entry each holds."""

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Locator:
    """Line and column of every mapping key and list item in one file, by path from the document root."""

    positions: dict[Location, tuple[int, int]]

    def position(self, location: Location) -> tuple[int, int]:
        """Return the position of `location`, or of its nearest ancestor that exists in the file."""
        for end in range(len(location), -1, -1):
            found = self.positions.get(location[:end])
            if found is not None:
                return found
        return (1, 1)


@dataclass(frozen=True)
class RawEntry:
    """One entry's plain data, before validation, with where it lives."""

    kind: str
    path: str
    """File path relative to the catalogue root, POSIX style."""
    data: Any
    locator: Locator = field(repr=False)
    prefix: Location = ()
    """Where the entry sits in its file: `()` for one entry per file, `(index,)` for an item of a list file."""

    def position(self, location: Location = ()) -> tuple[int, int]:
        return self.locator.position(self.prefix + location)


@dataclass(frozen=True)
class LoadedCatalogue:
    """Everything read from disk: the raw entries and the problems found while reading."""

    root: Path
    entries: tuple[RawEntry, ...]
    errors: tuple[ContentError, ...]


class _LoadProblem(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def load_catalogue_files(root: Path) -> LoadedCatalogue:
    """Read every catalogue file under `root`; never raises for bad content, reports it instead."""
    entries: list[RawEntry] = []
    errors: list[ContentError] = []
    for path, kind, is_list in _catalogue_files(root, errors):
        relative = path.relative_to(root).as_posix()
        try:
            data, locator = load_yaml_file(path)
        except _LoadProblem as problem:
            errors.append(ContentError(relative, problem.line, problem.column, "yaml", one_line(problem.message),
                                       problem.hint))
            continue
        if is_list:
            if not isinstance(data, list):
                errors.append(_shape_error(relative, locator, "a list of entries, each starting with '- id:'"))
                continue
            entries.extend(RawEntry(kind, relative, item, locator, (index,)) for index, item in enumerate(data))
        else:
            if not isinstance(data, dict):
                errors.append(_shape_error(relative, locator, "one entry: a mapping of 'field: value' lines"))
                continue
            entries.append(RawEntry(kind, relative, data, locator))
    log.debug("loaded %d entries from %s", len(entries), root)
    return LoadedCatalogue(root=root, entries=tuple(entries), errors=tuple(errors))


def _shape_error(relative: str, locator: Locator, expected: str) -> ContentError:
    line, column = locator.position(())
    return ContentError(relative, line, column, "yaml", f"wrong top-level shape: expected {expected}",
                        "compare with an existing file of the same kind")


def _catalogue_files(root: Path, errors: list[ContentError]) -> Iterator[tuple[Path, str, bool]]:
    """Yield (path, kind, holds-a-list) for every catalogue file, in a stable order."""
    content = root / "content"
    for folder, kind in ENTRY_DIRS.items():
        directory = content / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if path.suffix == ".yml":
                errors.append(ContentError(path.relative_to(root).as_posix(), 0, 0, "file",
                                           "file name ends in .yml and would be ignored", "rename it to end in .yaml"))
            elif path.suffix == ".yaml" and path.is_file():
                yield path, kind, False
    for name, kind in LIST_FILES.items():
        path = root / name
        if path.is_file():
            yield path, kind, True


def load_yaml_file(path: Path) -> tuple[Any, Locator]:
    """Load one YAML file into plain data and a locator; raise `_LoadProblem` with a line for anything refused."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _LoadProblem(0, 0, f"file is {size / 1048576:.1f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB",
                           "split it into smaller files or remove pasted binary data")
    return load_yaml_text(path.read_bytes())


def load_yaml_text(raw: bytes) -> tuple[Any, Locator]:
    """Parse bytes of one YAML document; see `load_yaml_file`."""
    text = _decode(raw)
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        raise _LoadProblem(1, 1, "file is empty", "copy the template for this kind from CONTRIBUTING.md")
    tab = text.find("\t")
    if tab >= 0:
        line = text.count("\n", 0, tab) + 1
        column = tab - (text.rfind("\n", 0, tab) + 1) + 1
        raise _LoadProblem(line, column, "tab character found", "use spaces, not tabs, in YAML files")
    positions: dict[Location, tuple[int, int]] = {}
    try:
        data = _EventReader(positions).read(yaml.parse(text, Loader=_YamlLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise _explain_syntax_error(text, line, column, error) from None
    except yaml.reader.ReaderError as error:  # a character YAML forbids, such as a control character
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise _LoadProblem(line, column, f"invisible control character U+{code:04X} is not allowed",
                           "delete it; it is often pasted in by accident") from None
    except yaml.YAMLError as error:
        raise _LoadProblem(1, 1, f"YAML error: {one_line(str(error))}", "check the file's syntax") from None
    if data is None:  # nothing, or only '---' or 'null'
        raise _LoadProblem(1, 1, "file is empty", "copy the template for this kind from CONTRIBUTING.md")
    return data, Locator(positions)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _LoadProblem(line, column, "file is not valid UTF-8 text",
                           "save the file as UTF-8 (most editors offer it under 'Save with encoding')") from None


_CURLY_QUOTES = (("“", "”"), ("‘", "’"))
"""Typographic quotes pasted from a word processor; YAML reads them as ordinary characters, not as quotes."""


def _explain_syntax_error(text: str, line: int, column: int, error: yaml.MarkedYAMLError) -> _LoadProblem:
    """Turn the parser's complaint into the editor's mistake: curly quotes, a line indented differently from its
    neighbours, or an unquoted ': ' in a value."""
    problem = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    for opening, closing in _CURLY_QUOTES:
        if any(quote in here or quote in before for quote in (opening, closing)):
            return _LoadProblem(line, column, f"curly quotes {opening} {closing} do not quote a value in YAML",
                                f"replace the curly quotes {opening} {closing} with straight quotes")
    indentation = _indentation_problem(lines, line, column, problem)
    if indentation:
        return indentation
    if "mapping values are not allowed" in problem:
        return _LoadProblem(line, column, "the value contains ': ', which YAML reads as the start of another field",
                            "a value containing ': ' must be wrapped in quotes")
    return _LoadProblem(line, column, f"YAML syntax error: {problem}", _syntax_hint(problem))


def _key_column(text: str) -> int:
    """0-based column where a line's content starts, after its indentation and any list dashes ('- ')."""
    column = len(text) - len(text.lstrip(" "))
    while text.startswith("- ", column) or text[column:] == "-":
        column += 2
        column += len(text[column:]) - len(text[column:].lstrip(" "))
    return column


def _indentation_problem(lines: list[str], line: int, column: int, problem: str) -> _LoadProblem | None:
    """A field indented differently from the fields around it, named with the lines and columns to compare."""
    if not ("mapping values are not allowed" in problem or "did not find expected" in problem
            or "expected <block end>" in problem) or not 0 < line <= len(lines):
        return None
    here = lines[line - 1]
    start = _key_column(here)
    if "mapping values are not allowed" in problem and ": " in here[start:column - 1] + " ":
        return None  # the line's own field name comes first: the ': ' is inside its value
    name = here[start:].split(":", 1)[0].strip()
    # The columns a line may start at here: each earlier line that starts left of every line after it.
    levels: dict[int, tuple[int, str]] = {}
    leftmost = None
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        key_column = _key_column(text)
        if leftmost is None or key_column < leftmost:
            levels.setdefault(key_column, (number, text[key_column:].split(":", 1)[0].strip()))
            leftmost = key_column
        if leftmost == 0:
            break
    if start in levels and "mapping values are not allowed" in problem:
        del levels[start]  # lined up with a plain list item above, so YAML reads this line as more of that item
    if not levels or start in levels:
        return None
    distance = min(abs(start - level) for level in levels)
    nearest = sorted(level for level in levels if abs(start - level) == distance)
    number, other = levels[nearest[-1]]
    direction = "more" if start > nearest[-1] else "less"
    spaces = "space" if distance == 1 else "spaces"
    message = (f"wrong indentation: '{name}:' is indented {distance} {spaces} {direction} than '{other}:' "
               f"on line {number}")
    choices = ", or ".join(f"in column {level + 1}, like '{levels[level][1]}:' on line {levels[level][0]}"
                           for level in nearest)
    return _LoadProblem(line, start + 1, message, f"start '{name}:' {choices}")


def _syntax_hint(problem: str) -> str:
    if "could not find expected ':'" in problem:
        return "each line should be 'field: value'; check the line above too"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "wrap values starting with @ or ` in quotes"
    return "check indentation and quotes on this line and the one above"


class _Frame:
    """An open mapping or list while reading events, and where it sits in the document."""

    __slots__ = ("container", "key", "key_line", "location")

    def __init__(self, container: dict[str, Any] | list[Any], location: Location) -> None:
        self.container = container
        self.location = location
        self.key: str | None = None
        self.key_line = 0


class _EventReader:
    """Build plain Python data straight from the parser's events, recording positions and refusing what we disallow.

    Why events rather than PyYAML's node tree: no node objects to build and walk (a third of the load time of a
    large catalogue), an alias is refused the moment it appears (so an alias bomb is never expanded), and nesting
    depth is a stack length rather than recursion.
    """

    _BOOLEANS: ClassVar[dict[str, bool]] = {"true": True, "false": False}

    def __init__(self, positions: dict[Location, tuple[int, int]]) -> None:
        self.positions = positions

    def read(self, events: Iterator[yaml.Event]) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        for event in events:
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                self._refuse_anchor(event)
                root = self._place(stack, self._scalar(event), event, root)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._refuse_anchor(event)
                if len(stack) >= MAX_DEPTH:
                    raise self._problem(event, f"document is nested more than {MAX_DEPTH} levels deep",
                                        "entries need only a few levels")
                container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                location = self._location_of_next(stack, event)
                root = self._place(stack, container, event, root)
                stack.append(_Frame(container, location))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                raise self._problem(event, "YAML anchors and aliases (&name, *name, <<) are not allowed",
                                    "write the value out in full")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self._problem(event, "expected a single document in the stream",
                                        "keep one entry per file, without '---' lines")
        return root

    def _location_of_next(self, stack: list[_Frame], event: yaml.Event) -> Location:
        """Where a mapping or list about to open will sit; a mapping or list cannot be a field name."""
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return (*frame.location, len(frame.container))
        if frame.key is None:
            raise self._problem(event, "field names must be plain words", "write 'name: value'")
        return (*frame.location, frame.key)

    def _place(self, stack: list[_Frame], value: Any, event: yaml.Event, root: Any) -> Any:
        """Attach `value` to the open container (or make it the root); return the root."""
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        if not stack:
            self.positions[()] = position
            return value
        frame = stack[-1]
        container = frame.container
        if isinstance(container, list):
            self.positions[(*frame.location, len(container))] = position
            container.append(value)
            return root
        if frame.key is None:  # this value is a key
            if not isinstance(value, str) or event.__class__ is not yaml.ScalarEvent:
                raise self._problem(event, "field names must be plain words", "write 'name: value'")
            if value == "<<" and not event.style:
                raise self._problem(event, "YAML merge keys (<<) are not allowed", "write the fields out in full")
            key_location = (*frame.location, value)
            if value in container:
                first = self.positions[key_location][0]
                raise self._problem(event, f"duplicate field '{value}' (first on line {first})",
                                    "keep one of them and delete the other")
            self.positions[key_location] = position
            frame.key = value
            return root
        container[frame.key] = value
        frame.key = None
        return root

    def _refuse_anchor(self, event: yaml.Event) -> None:
        if event.anchor is not None:
            raise self._problem(event, "YAML anchors and aliases (&name, *name, <<) are not allowed",
                                "write the value out in full")

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.style and event.implicit[0]:
                return self._read_plain(event.value)
            return event.value  # quoted: always text. Dates stay text too: the model parses and checks them.
        if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return event.value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return self._BOOLEANS.get(event.value.lower(), event.value)
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            plain = self._read_plain(event.value)
            if isinstance(plain, (int, float)) and not isinstance(plain, bool):
                return plain
            raise self._problem(event, f"'{one_line(event.value)}' is not a number", "write digits only")
        raise self._problem(event, f"unsupported YAML tag {one_line(tag)}", "remove the '!' tag before the value")

    def _read_plain(self, value: str) -> Any:
        """Type an unquoted scalar: null, true/false, whole and decimal numbers; everything else is text."""
        if not value or value in _NULLS:
            return None
        if value[0] in _NUMBER_START:
            if _INT.fullmatch(value):
                return int(value.replace("_", ""))
            if _FLOAT.fullmatch(value):
                return float(value.replace("_", ""))
        elif len(value) <= 5:
            lowered = value.lower()
            if lowered in self._BOOLEANS:
                return self._BOOLEANS[lowered]
        return value

    @staticmethod
    def _problem(event: yaml.Event, message: str, hint: str) -> _LoadProblem:
        return _LoadProblem(event.start_mark.line + 1, event.start_mark.column + 1, message, hint)
