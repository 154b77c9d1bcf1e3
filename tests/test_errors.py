"""Error values and their two output formats."""

from __future__ import annotations

from generator.errors import ContentError, ContentInvalid, field_name


def test_text_format() -> None:
    error = ContentError("resources.yaml", 12, 3, "type", "'vidoe' is not one of: video", "did you mean 'video'?")
    assert error.format() == "resources.yaml:12: type: 'vidoe' is not one of: video (hint: did you mean 'video'?)"
    assert ContentError("a.yaml", 1, 1, "", "file is empty").format() == "a.yaml:1: file is empty"


def test_github_format_and_escaping() -> None:
    error = ContentError("content/stories/a.yaml", 4, 2, "body", "100% wrong\nreally", "fix it")
    assert error.format("github") == ("::error file=content/stories/a.yaml,line=4,col=2::body: 100%25 wrong%0Areally "
                                      "(hint: fix it)")
    whole_file = ContentError("resources.yaml", 0, 0, "yaml", "file is 50.0 MB")
    assert whole_file.format("github") == "::error file=resources.yaml::yaml: file is 50.0 MB"


def test_field_names_count_from_one() -> None:
    assert field_name(("activities", 2, "minutes")) == "activities[3].minutes"
    assert field_name(()) == "entry"


def test_content_invalid_sorts_and_removes_repeats() -> None:
    errors = [ContentError("b.yaml", 2, 1, "x", "m"), ContentError("a.yaml", 9, 1, "x", "m"),
              ContentError("a.yaml", 10, 1, "x", "m"), ContentError("b.yaml", 2, 1, "x", "m")]
    invalid = ContentInvalid(errors)
    assert [(error.path, error.line) for error in invalid.errors] == [("a.yaml", 9), ("a.yaml", 10), ("b.yaml", 2)]
    assert invalid.format().splitlines()[0] == "a.yaml:9: x: m"
    assert str(invalid) == "3 content error(s)"
