"""Loading YAML: plain data with positions, and named refusals for what a catalogue never needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import dump, resource

from generator import load
from generator.load import MAX_DEPTH, _LoadProblem, load_catalogue_files, load_yaml_file, load_yaml_text


def refusal(text: str | bytes) -> _LoadProblem:
    with pytest.raises(_LoadProblem) as problem:
        load_yaml_text(text.encode() if isinstance(text, str) else text)
    return problem.value


def test_positions_of_keys_and_items() -> None:
    data, locator = load_yaml_text(b"id: a\nlist:\n  - x\n  - nested:\n      deep: 1\n")
    assert data == {"id": "a", "list": ["x", {"nested": {"deep": 1}}]}
    assert locator.position(("id",)) == (1, 1)
    assert locator.position(("list", 1)) == (4, 5)
    assert locator.position(("list", 1, "nested", "deep")) == (5, 7)
    assert locator.position(("list", 1, "missing")) == (4, 5)  # nearest ancestor


def test_dates_and_yes_no_stay_text() -> None:
    data, _ = load_yaml_text(b"review_by: 2027-01-31\nanswer: yes\nflag: true\nn: 3\nx: 1.5\nnothing:\n")
    assert data == {"review_by": "2027-01-31", "answer": "yes", "flag": True, "n": 3, "x": 1.5, "nothing": None}


def test_byte_order_mark_is_accepted() -> None:
    data, _ = load_yaml_text(b"\xef\xbb\xbfid: a\n")
    assert data == {"id": "a"}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("id: a\nid: b\n", 2, "duplicate field 'id' (first on line 1)"),
    ("a: &x 1\nb: *x\n", 1, "anchors and aliases"),
    ("base: {x: 1}\nother:\n  <<: {y: 2}\n", 3, "merge keys (<<) are not allowed"),
    ("id: a\n\ttitle: b\n", 2, "tab character found"),
    ("id: !!python/object:os.system x\n", 1, "unsupported YAML tag"),
    ("id: !custom x\n", 1, "unsupported YAML tag"),
    ("? [a, b]\n: c\n", 1, "field names must be plain words"),
    ("1: a\n", 1, "field names must be plain words"),
    ("id: a\n---\nid: b\n", 2, "expected a single document"),
    ("id: 'unclosed\n", 2, "YAML syntax error"),
    ("", 1, "file is empty"),
    ("# only a comment\n\n", 1, "file is empty"),
    ("---\n", 1, "file is empty"),
    ("id: a\ntitle: b\x00\n", 2, "control character U+0000 is not allowed"),
])
def test_refusals_are_named_with_a_line(text: str, line: int, words: str) -> None:
    problem = refusal(text)
    assert words in problem.message
    assert problem.line == line
    assert problem.hint


def test_non_utf8_points_at_the_line() -> None:
    problem = refusal(b"id: a\ntitle: caf\xe9\n")
    assert (problem.line, problem.column) == (2, 11)
    assert "UTF-8" in problem.message


def test_nesting_limit() -> None:
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    load_yaml_text(ok.encode())
    deep = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    assert "nested more than" in refusal(deep).message


def test_big_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(load.MAX_FILE_BYTES + 1)

    def never(self: Path) -> bytes:
        raise AssertionError("read a file that is over the limit")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(_LoadProblem, match="the limit is 10 MB") as problem:
        load_yaml_file(path)
    assert problem.value.line == 0


def test_catalogue_files_and_shapes(tmp_path: Path) -> None:
    (tmp_path / "content" / "stories").mkdir(parents=True)
    (tmp_path / "content" / "stories" / "a.yml").write_text("id: a\n")
    (tmp_path / "content" / "stories" / "notes.txt").write_text("ignored\n")
    (tmp_path / "resources.yaml").write_text(dump([resource(), "just text"]))
    (tmp_path / "events_calendar.yaml").write_text("id: not-a-list\n")
    loaded = load_catalogue_files(tmp_path)
    assert [(entry.kind, entry.prefix) for entry in loaded.entries] == [("resource", (0,)), ("resource", (1,))]
    assert loaded.entries[1].position() == (13, 3)
    messages = sorted((error.path, error.message) for error in loaded.errors)
    assert messages == [
        ("content/stories/a.yml", "file name ends in .yml and would be ignored"),
        ("events_calendar.yaml", "wrong top-level shape: expected a list of entries, each starting with '- id:'"),
    ]


@pytest.mark.parametrize(("text", "line", "message", "hint"), [
    ("id: x\ntitle: y\n summary: z\n", 3, "'summary:' is indented 1 space more than 'title:' on line 2",
     "start 'summary:' in column 1, like 'title:' on line 2"),
    ("id: x\nactivities:\n  - id: a\n    title: b\n   kind: c\n", 5,
     "'kind:' is indented 1 space less than 'title:' on line 4", "start 'kind:' in column 5, like 'title:' on line 4"),
    ("id: x\nactivities:\n  - id: a\n    title: b\n      kind: c\n", 5,
     "'kind:' is indented 2 spaces more than 'title:' on line 4", "in column 5"),
    ("id: x\nage_range:\n  min: 1\n max: 2\n", 4, "'max:' is indented 1 space less than 'min:' on line 3",
     "start 'max:' in column 1, like 'age_range:' on line 2, or in column 3, like 'min:' on line 3"),
    ("id: x\naudiences:\n- a\n  title: b\n", 4, "'title:' is indented 2 spaces more than 'audiences:' on line 2",
     "in column 1"),
])
def test_wrong_indentation_names_the_lines_and_columns(text: str, line: int, message: str, hint: str) -> None:
    with pytest.raises(_LoadProblem) as problem:
        load_yaml_text(text.encode())
    assert problem.value.line == line
    assert problem.value.message == f"wrong indentation: {message}"
    assert hint in problem.value.hint
    assert "quotes" not in problem.value.hint


@pytest.mark.parametrize("text", ["id: x\ntitle: Feet: and legs\n", "id: x\nitems:\n  - Feet: and: legs\n",
                                  "id: x\nitems:\n  - a: b\n  - c: d: e\n"])
def test_an_unquoted_colon_is_not_called_indentation(text: str) -> None:
    with pytest.raises(_LoadProblem) as problem:
        load_yaml_text(text.encode())
    assert "wrong indentation" not in problem.value.message
    assert problem.value.hint == "a value containing ': ' must be wrapped in quotes"


@pytest.mark.parametrize(("text", "quotes"), [("id: x\ntitle: “Feet: and legs”\n", "“ ”"),
                                              ("id: x\ntitle: ‘Feet: and legs’\n", "‘ ’"),
                                              ("id: x\nsummary: She said “try it: you will see”\n", "“ ”")])
def test_curly_quotes_are_named(text: str, quotes: str) -> None:
    with pytest.raises(_LoadProblem) as problem:
        load_yaml_text(text.encode())
    assert problem.value.hint == f"replace the curly quotes {quotes} with straight quotes"


def test_curly_quotes_in_a_valid_value_are_text() -> None:
    data, _ = load_yaml_text("title: “Feet” and legs\n".encode())
    assert data == {"title": "“Feet” and legs"}
