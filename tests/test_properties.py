"""Property-based: random mutations of valid entries never crash validation (no traceback, exit code 0 or 1)."""

from __future__ import annotations

import copy
from typing import Any

import conftest
from conftest import TODAY, dump, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.load import RawEntry, _LoadProblem, load_yaml_text
from generator.validate import validate_entry

SAMPLES = {"profession": conftest.profession(), "story": conftest.story(), "module": conftest.module(),
           "talk": conftest.talk(), "audience": conftest.guide(), "resource": conftest.resource(),
           "event": conftest.event()}

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=40),
                    st.sampled_from(["2026-02-30", "0000-00-00", "all", "<script>", "[x](javascript:1)", "https://",
                                     "first-time", "HCPC", "-1", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                      max_leaves=12)


def deep(levels: int) -> Any:
    value: Any = "x"
    for index in range(levels):
        value = [value] if index % 2 else {"k": value}
    return value


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    kind = draw(st.sampled_from(sorted(SAMPLES)))
    data = copy.deepcopy(SAMPLES[kind])
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["drop", "retype", "unicode", "key", "nest", "nested-field"]))
        keys = sorted(data)
        if action == "drop" and keys:
            data.pop(draw(st.sampled_from(keys)))
        elif action == "retype" and keys:
            data[draw(st.sampled_from(keys))] = draw(values)
        elif action == "unicode" and keys:
            data[draw(st.sampled_from(keys))] = draw(st.text(min_size=0, max_size=60))
        elif action == "key":
            data[draw(st.text(min_size=1, max_size=20))] = draw(values)
        elif action == "nest" and keys:
            data[draw(st.sampled_from(keys))] = deep(draw(st.integers(1, 60)))
        elif action == "nested-field":
            for value in data.values():
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    item = value[0]
                    item[draw(st.sampled_from(sorted(item) or ["x"]))] = draw(values)
                    break
    return kind, data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_validate_entry_never_crashes(case: tuple[str, Any]) -> None:
    kind, data = case
    try:
        loaded, locator = load_yaml_text(dump(data).encode("utf-8", "surrogatepass"))
    except (_LoadProblem, UnicodeEncodeError):
        return  # refused by the loader with a named reason (or not even encodable as a file)
    entry, errors = validate_entry(RawEntry(kind, "entry.yaml", loaded, locator))
    assert (entry is None) == bool(errors)
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.line >= 1
        assert "\n" not in error.format()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(mutated(), st.binary(max_size=200))
def test_cli_never_prints_a_traceback(make_catalogue, case: tuple[str, Any], noise: bytes) -> None:
    kind, data = case
    path = {"profession": "content/professions/podiatrist.yaml", "story": "content/stories/sport-to-podiatry.yaml",
            "module": "content/modules/podiatry-taster.yaml", "talk": "content/talks/assembly.yaml",
            "audience": "content/audiences/first-time.yaml"}.get(kind)
    try:
        text = dump(data if path else [data]).encode("utf-8")
    except UnicodeEncodeError:
        text = noise
    files = {path or ("resources.yaml" if kind == "resource" else "events_calendar.yaml"): text,
             "content/stories/noise.yaml": noise}
    result = run_cli("--root", str(make_catalogue(files)), "--today", TODAY.isoformat(), "validate")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
