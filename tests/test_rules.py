"""Cross-entry rules, each with a path:line error."""

from __future__ import annotations

import pytest
from conftest import TODAY, event, module, profession, resource, run_cli, story, talk


def errors_for(make_catalogue, files) -> list[str]:
    result = run_cli("--root", str(make_catalogue(files)), "--today", TODAY.isoformat(), "validate")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stdout
    return [line for line in result.stderr.splitlines() if ".yaml:" in line]


def test_duplicate_ids_point_at_the_second(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"resources.yaml": [resource(), resource()]})
    assert len(lines) == 1
    assert lines[0].startswith("resources.yaml:")
    assert "duplicate resource id 'ahp-vr360'" in lines[0]


def test_file_name_must_match_id(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"content/professions/podiatry.yaml": profession("dietitian")})
    assert lines == ["content/professions/podiatry.yaml:1: id: id 'dietitian' does not match the file name "
                     "'podiatry.yaml' (hint: rename the file or change the id so they are the same)"]


def test_unknown_profession_with_suggestion(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"content/stories/sport-to-podiatry.yaml": story(professions=["podiatrst"])})
    assert len(lines) == 1
    assert "unknown profession 'podiatrst'" in lines[0]
    assert "did you mean 'podiatrist'?" in lines[0]


def test_all_must_stand_alone(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"resources.yaml": [resource(professions=["all", "podiatrist"])]})
    assert "'all' must be the only item" in lines[0]


@pytest.mark.parametrize(("files", "expected"), [
    ({"content/modules/podiatry-taster.yaml": module(activities=[
        {"id": "a", "kind": "watch", "title": "W", "minutes": 20, "instructions": "x", "resources": ["nope"]},
        {"id": "b", "kind": "reflect", "title": "R", "minutes": 30, "instructions": "x", "prompts": ["?"]}])},
     "unknown resource 'nope'"),
    ({"content/talks/assembly.yaml": talk(resources=["nope"])}, "unknown resource 'nope'"),
    ({"events_calendar.yaml": [event(starts="2024-10-15")]}, "is not an occurrence of the rule"),
    ({"events_calendar.yaml": [event(rule="FREQ=SOMETIMES")]}, "FREQ=SOMETIMES is not valid"),
    ({"events_calendar.yaml": [event(rule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14;UNTIL=20251231")]},
     "no occurrence in the next three years"),
    ({"content/stories/sport-to-podiatry.yaml": story(body="Write to jo@example.org for details.")},
     "contains an e-mail address"),
    ({"content/stories/sport-to-podiatry.yaml": story(body="Call 07700 900123 to ask.")}, "contains a phone number"),
])
def test_rule_errors(make_catalogue, files, expected) -> None:
    lines = errors_for(make_catalogue, files)
    assert any(expected in line for line in lines), lines


def test_duplicate_reported_even_when_one_twin_has_other_errors(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"resources.yaml": [resource(), resource(type="podcast")]})
    assert any("duplicate resource id 'ahp-vr360'" in line for line in lines), lines
    assert any("type:" in line for line in lines), lines


HARD_SUMMARY = "Comprehensive multidisciplinary rehabilitation necessitates interprofessional collaboration."


def test_a_hard_summary_for_first_time_choosers_is_an_error_at_its_line(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"content/stories/sport-to-podiatry.yaml": story(
        audiences=["career-changer", "first-time"], summary=HARD_SUMMARY)})
    assert len(lines) == 1, lines
    path, line, text = lines[0].split(":", 2)
    assert path == "content/stories/sport-to-podiatry.yaml"
    assert line == "3"  # the summary line, as dumped after id and title
    assert text.startswith(" summary: reads at -")
    assert text.endswith(", needs 60 or more (hint: shorter sentences and everyday words)")


def test_the_reading_level_applies_only_to_first_time_choosers(make_catalogue) -> None:
    root = make_catalogue({"content/stories/sport-to-podiatry.yaml": story(summary=HARD_SUMMARY)})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr
