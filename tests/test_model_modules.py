"""Module rules, each reported as `path:line: field: message` by `validate` (exit 1, no traceback).

The rules live in generator/model.py (activity length, total time, a reflect activity, prompts) and
generator/rules.py (resources exist, activity ids unique); these tests run them the way an editor does.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import TODAY, dump, module, run_cli
from pydantic import ValidationError

from generator.model import MAX_ACTIVITY_MINUTES, Module

MODULE_PATH = "content/modules/podiatry-taster.yaml"
WATCH, REFLECT = module()["activities"]


def line_of(data: dict[str, Any], needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line of the dumped YAML that equals `needle` (ignoring indentation)."""
    seen = 0
    for number, line in enumerate(dump(data).splitlines(), start=1):
        if line.strip() == needle:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in the YAML")


def with_activities(*activities: dict[str, Any], **changes: Any) -> dict[str, Any]:
    chosen = [copy.deepcopy(activity) for activity in activities]
    return module(activities=chosen, minutes=sum(activity["minutes"] for activity in chosen), **changes)


def validate(make_catalogue, data: dict[str, Any]) -> list[str]:
    result = run_cli("--root", str(make_catalogue({MODULE_PATH: data})), "--today", TODAY.isoformat(), "validate")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if ".yaml:" in line]


def test_activity_over_75_minutes(make_catalogue) -> None:
    data = with_activities({**WATCH, "minutes": MAX_ACTIVITY_MINUTES + 1}, REFLECT)
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, 'minutes: 76')}: activities[1].minutes: minutes is 76; an "
                     f"activity may last at most {MAX_ACTIVITY_MINUTES} minutes (hint: split it into two activities)"]


def test_activity_of_exactly_75_minutes_is_fine(make_catalogue) -> None:
    data = with_activities({**WATCH, "minutes": MAX_ACTIVITY_MINUTES}, REFLECT)
    result = run_cli("--root", str(make_catalogue({MODULE_PATH: data})), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr


def test_total_must_equal_the_sum(make_catalogue) -> None:
    data = module(minutes=51)
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, 'minutes: 51')}: minutes: minutes is 51 but the activities add "
                     "up to 50 (hint: make minutes the total, or change the parts' minutes)"]


def test_a_reflect_activity_is_required(make_catalogue) -> None:
    data = with_activities(WATCH, {**WATCH, "id": "watch-again", "title": "Watch again"})
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, 'activities:')}: activities: a module needs at least one "
                     "reflect activity (hint: add an activity with 'kind: reflect' and a prompt)"]


def test_unknown_resource(make_catalogue) -> None:
    data = with_activities({**WATCH, "resources": ["ahp-vr36"]}, REFLECT)
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, '- ahp-vr36')}: activities[1].resources[1]: unknown resource "
                     "'ahp-vr36' (hint: did you mean 'ahp-vr360'?)"]


def test_reflect_activity_needs_prompts(make_catalogue) -> None:
    data = with_activities(WATCH, {key: value for key, value in REFLECT.items() if key != "prompts"})
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, 'kind: reflect')}: activities[2].kind: a reflect activity needs "
                     "at least one prompt (hint: add 'prompts:' with at least one question for the learner's log)"]


def test_duplicate_activity_id(make_catalogue) -> None:
    data = with_activities(WATCH, {**REFLECT, "id": "watch"})
    lines = validate(make_catalogue, data)
    assert lines == [f"{MODULE_PATH}:{line_of(data, '- id: watch', occurrence=2)}: activities[2].id: duplicate "
                     "activity id 'watch' (hint: give each activity its own id)"]


def test_errors_in_two_modules_are_reported_together(make_catalogue) -> None:
    other = module("second-taster", title="Second taster", minutes=49)
    root = make_catalogue({MODULE_PATH: module(minutes=51), "content/modules/second-taster.yaml": other})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stderr.splitlines() if ".yaml:" in line] == [
        MODULE_PATH, "content/modules/second-taster.yaml"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"activities": [WATCH]}, "at least 2 items"),
    ({"learning_outcomes": []}, "at least 1 item"),
    ({"what_next": []}, "at least 1 item"),
    ({"age_range": {"min": 18, "max": 14}}, "max \\(14\\) is below min \\(18\\)"),
])
def test_other_module_checks(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Module.model_validate(module(**changes))
