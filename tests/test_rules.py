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


# --- Talk packs: materials and Gatsby Benchmarks (issue 20) ---------------------------------------------------------

def test_every_kind_of_material_the_site_provides_is_accepted(make_catalogue) -> None:
    materials = ["picture-cards", "interest-cards", "strength-cards", "value-cards", "quiz", "slides",
                 "handout:podiatrist", "resource:ahp-vr360"]
    root = make_catalogue({"content/talks/assembly.yaml": talk(materials=materials)})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("material", "expected"), [
    ("worksheet", "materials[1]: the site does not provide a material called 'worksheet' (hint: choose from "
                  "picture-cards,"),
    ("slide", "materials[1]: the site does not provide a material called 'slide' (hint: did you mean 'slides'?)"),
    ("handout:podiatry", "materials[1]: unknown profession 'podiatry' in 'handout:podiatry' (hint: did you mean "
                         "'handout:podiatrist'?)"),
    ("resource:vr360", "materials[1]: unknown resource 'vr360' in 'resource:vr360'"),
    ("poster:podiatrist", "the site does not provide a material called 'poster:podiatrist'"),
])
def test_a_material_the_site_does_not_provide_is_refused(make_catalogue, material: str, expected: str) -> None:
    lines = errors_for(make_catalogue, {"content/talks/assembly.yaml": talk(materials=[material])})
    assert len(lines) == 1
    assert lines[0].startswith("content/talks/assembly.yaml:")
    assert expected in lines[0]


def test_a_session_for_adults_claims_no_gatsby_benchmarks(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"content/talks/assembly.yaml": talk(age_groups=["adults"],
                                                                            gatsby_benchmarks=[2, 5])})
    assert len(lines) == 1
    assert "gatsby_benchmarks: a session for adults claims no Gatsby Benchmarks" in lines[0]
    ok = make_catalogue({"content/talks/assembly.yaml": talk(age_groups=["adults"], gatsby_benchmarks=[])})
    assert run_cli("--root", str(ok), "--today", TODAY.isoformat(), "validate").returncode == 0
    mixed = make_catalogue({"content/talks/assembly.yaml": talk(age_groups=["ks5", "adults"])})
    assert run_cli("--root", str(mixed), "--today", TODAY.isoformat(), "validate").returncode == 0


def test_benchmark_4_needs_the_subjects_the_pack_links_to(make_catalogue) -> None:
    lines = errors_for(make_catalogue, {"content/talks/assembly.yaml": talk(gatsby_benchmarks=[2, 4])})
    assert len(lines) == 1
    assert "gatsby_benchmarks[2]: Benchmark 4 (linking curriculum learning to careers) needs the school " in lines[0]
    ok = make_catalogue({"content/talks/assembly.yaml": talk(gatsby_benchmarks=[2, 4], subjects=["Science"])})
    assert run_cli("--root", str(ok), "--today", TODAY.isoformat(), "validate").returncode == 0


def test_presenter_is_required_and_chosen_from_three(make_catalogue) -> None:
    entry = talk()
    del entry["presenter"]
    lines = errors_for(make_catalogue, {"content/talks/assembly.yaml": entry})
    assert any("presenter: required field is missing" in line for line in lines)
    lines = errors_for(make_catalogue, {"content/talks/assembly.yaml": talk(presenter="volunteer")})
    assert any("presenter: 'volunteer' is not one of: ambassador, teacher, either" in line for line in lines), lines
