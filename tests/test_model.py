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


# --- Issue 17: every resource is reachable; source documents are cited by title, never by file name ------------

def test_a_resource_needs_a_url_or_how_to_get() -> None:
    from conftest import resource

    from generator.model import Resource

    assert Resource.model_validate(resource()).how_to_get
    assert Resource.model_validate(resource(how_to_get=None, url="https://www.healthcareers.nhs.uk/")).url
    with pytest.raises(ValidationError, match="neither url nor how_to_get"):
        Resource.model_validate(resource(how_to_get=None))
    with pytest.raises(ValidationError, match="raw HTML"):
        Resource.model_validate(resource(how_to_get="<b>ask</b>"))


def test_every_source_document_has_a_title_and_publisher_and_no_file_name_in_them() -> None:
    from generator.model import SEED_DOCUMENTS

    assert len(SEED_DOCUMENTS) == 5
    for name, document in SEED_DOCUMENTS.items():
        assert document.title and document.publisher
        assert name not in document.citation and ".txt" not in document.citation
        assert document.url is None or document.url.startswith("https://")
