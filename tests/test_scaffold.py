"""`new <kind> <id>`: a commented template in the right place, which validate then lists as unfinished."""

from __future__ import annotations

import re

import pytest
from conftest import TODAY, run_cli

from generator.load import load_yaml_file
from generator.scaffold import KINDS


def new(root, kind: str, entry_id: str):
    return run_cli("--root", str(root), "--today", TODAY.isoformat(), "new", kind, entry_id)


@pytest.mark.parametrize(("kind", "path"), [
    ("profession", "content/professions/new-one.yaml"), ("story", "content/stories/new-one.yaml"),
    ("module", "content/modules/new-one.yaml"), ("talk", "content/talks/new-one.yaml"),
])
def test_one_entry_kinds_get_their_own_file(make_catalogue, kind: str, path: str) -> None:
    root = make_catalogue()
    result = new(root, kind, "new-one")
    assert result.returncode == 0, result.stderr
    assert path in result.stdout
    text = (root / path).read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    assert "\nid: new-one\n" in text
    data, _ = load_yaml_file(root / path)  # the template is valid YAML
    assert data["id"] == "new-one"
    assert re.search(r"^review_by: \d{4}-\d\d-\d\d$", text, re.MULTILINE)
    assert "first-time (Choosing my first career)" in text  # audiences listed as choices


def test_list_kinds_append_an_entry(make_catalogue) -> None:
    root = make_catalogue()
    before = (root / "resources.yaml").read_text(encoding="utf-8")
    result = new(root, "resource", "nhs-video")
    assert result.returncode == 0, result.stderr
    after = (root / "resources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)
    added = after[len(before):]
    assert "\n- id: nhs-video\n" in added
    assert "Choose any of: all, podiatrist" in added  # profession ids from content/professions
    assert "Choose one of: website, video," in added
    data, _ = load_yaml_file(root / "resources.yaml")
    assert [item["id"] for item in data] == ["ahp-vr360", "nhs-video"]


def test_a_new_list_file_starts_with_its_schema_line(make_catalogue) -> None:
    root = make_catalogue()
    (root / "events_calendar.yaml").unlink()
    assert new(root, "event", "open-day").returncode == 0
    text = (root / "events_calendar.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/events_calendar.schema.json\n")


def test_unfinished_template_is_refused_by_validate_field_by_field(make_catalogue) -> None:
    root = make_catalogue()
    assert new(root, "story", "my-story").returncode == 0
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/stories/my-story.yaml:")]
    assert {line.split(": ")[1] for line in lines} >= {"title", "summary", "audiences", "kind", "body"}
    assert "Traceback" not in result.stderr


def test_filled_in_template_validates(make_catalogue) -> None:
    root = make_catalogue()
    assert new(root, "resource", "nhs-video").returncode == 0
    path = root / "resources.yaml"
    text = path.read_text(encoding="utf-8")
    fills = {"title:": "title: NHS video", "summary:": "summary: A short film about jobs in the NHS.",
             "audiences: []": "audiences: [first-time]", "type:": "type: video",
             "sources:\n    - ": "sources:\n    - 002_67d9b56a58427b43.txt",
             "url:": "url: https://www.healthcareers.nhs.uk/"}
    head, added = text.split("- id: nhs-video", 1)
    for empty, filled in fills.items():
        added = added.replace(f"  {empty}\n", f"  {filled}\n", 1)
    path.write_text(head + "- id: nhs-video" + added, encoding="utf-8")
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("kind", "entry_id", "words"), [
    ("profession", "podiatrist", "content/professions/podiatrist.yaml already exists"),
    ("resource", "ahp-vr360", "resources.yaml already has an entry with id 'ahp-vr360'"),
    ("event", "ahps-day", "events_calendar.yaml already has an entry with id 'ahps-day'"),
    ("story", "My Story", "'My Story' is not a valid id"),
    ("story", "x-", "is not a valid id"),
    ("story", "a--b", "is not a valid id"),
    ("story", "../escape", "is not a valid id"),
    ("story", "a" * 81, "is not a valid id"),
    ("audience", "parents", "'parents' is not an audience"),
    ("audience", "first-time", "already exists"),
])
def test_refusals_exit_2_with_a_clear_message(make_catalogue, kind: str, entry_id: str, words: str) -> None:
    root = make_catalogue()
    before = {path: path.read_bytes() for path in root.rglob("*.yaml")}
    result = new(root, kind, entry_id)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in root.rglob("*.yaml")} == before


def test_unknown_kind_is_a_usage_error(make_catalogue) -> None:
    result = new(make_catalogue(), "podcast", "x")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert set(KINDS) == {"profession", "story", "module", "talk", "audience", "resource", "event"}
