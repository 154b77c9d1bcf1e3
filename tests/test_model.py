"""The model: strict, frozen, self-describing (every field documents itself for the JSON Schema)."""

from __future__ import annotations

import pytest
from conftest import event, module, profession, story, talk
from pydantic import ValidationError

from generator.model import MODELS, Event, Module, Profession, Story, Talk


def test_every_field_has_a_description() -> None:
    missing = [f"{cls.__name__}.{name}" for cls in MODELS.values() for name, field in cls.model_fields.items()
               if not field.description]
    assert missing == []


def test_valid_examples() -> None:
    assert Profession.model_validate(profession()).regulator == "HCPC"
    assert Module.model_validate(module()).minutes == 50
    assert Talk.model_validate(talk()).minutes == 15
    assert Event.model_validate(event()).days == 1


@pytest.mark.parametrize(("cls", "data", "message"), [
    (Profession, profession(colour="red"), "Extra inputs are not permitted"),
    (Profession, profession(id="Podiatrist!"), "is not an id"),
    (Profession, profession(summary="Line one\nline two of it"), "must be one line"),
    (Profession, profession(what_they_do="<script>x</script>"), "raw HTML"),
    (Profession, profession(what_they_do="[x](javascript:alert(1))"), "not allowed"),
    (Profession, profession(sources=["my notes"]), "neither a source document"),
    (Profession, profession(sources=["http://example.org/"]), "neither a source document"),
    (Module, module(minutes=51), "add up to 50"),
    (Talk, talk(minutes=20), "add up to 15"),
    (Story, story(kind="first-person"), "needs a consent record"),
    (Event, event(date="2026-01-01"), "either date"),
    (Event, event(rule=None, starts=None, date="2026-03-02", end="2026-03-01"), "before date"),
])
def test_invalid_examples(cls, data, message) -> None:
    with pytest.raises(ValidationError, match=message):
        cls.model_validate(data)


def test_models_are_frozen() -> None:
    entry = Profession.model_validate(profession())
    with pytest.raises(ValidationError):
        entry.title = "Other"  # type: ignore[misc]


# --- How do I get in? (issue 17) --------------------------------------------------------------------------------

def test_getting_in_fields_are_validated() -> None:
    from conftest import full_profession

    assert Profession.model_validate(full_profession()).next_steps[0].address == "https://www.ucas.com/"
    cases = [
        (full_profession(next_steps=[{"kind": "find-a-course"}, {"kind": "find-a-job"}]), "at least 3 items"),
        (full_profession(next_steps=[{"kind": "find-a-course"}, {"kind": "find-a-job"},
                                     {"kind": "regulator-return"}]), "needs url"),
        (full_profession(pay={"scale_year": "2025/26", "scale_source": "https://www.example.org/p",
                              "sources": ["https://www.example.org/s"], "review_by": "2027-04-01"}),
         "give band_on_qualifying, or a note"),
        (full_profession(pay={"band_on_qualifying": "5", "scale_year": "2025", "scale_source": "https://x.org/p",
                              "sources": ["https://x.org/s"], "review_by": "2027-04-01"}), "should match pattern"),
        (full_profession(pay={"band_on_qualifying": "10", "scale_year": "2025/26", "scale_source": "https://x.org/p",
                              "sources": ["https://x.org/s"], "review_by": "2027-04-01"}), "Input should be"),
        (full_profession(entry_routes=[{"route": "degree", "summary": "A degree.", "entry_requirements": "A levels."}]),
         "entry_requirements needs sources"),
        (full_profession(care_areas=["surgery"]), "Input should be"),
        (full_profession(funding={"summary": "Grants.", "sources": []}), "at least 1 item"),
    ]
    for data, message in cases:
        with pytest.raises(ValidationError, match=message):
            Profession.model_validate(data)
