"""The model: strict, frozen, self-describing (every field documents itself for the JSON Schema)."""

from __future__ import annotations

import typing

import pytest
from conftest import event, module, profession, story, talk
from pydantic import Field, ValidationError

from generator import model
from generator.model import MODELS, Event, Module, Profession, Story, Talk


def test_every_field_has_a_description() -> None:
    missing = [f"{cls.__name__}.{name}" for cls in MODELS.values() for name, field in cls.model_fields.items()
               if not field.description]
    assert missing == []


def _fields(cls: type) -> list[tuple[str, object]]:
    """(Class.field, FieldInfo) of a model and every model nested in it."""
    found, pending, seen = [], [cls], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            found.append((f"{current.__name__}.{name}", info))
            pending.extend(arg for arg in _types_in(info.annotation) if isinstance(arg, type)
                           and issubclass(arg, model.StrictModel))
    return found


def _types_in(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation, *(found for arg in args for found in _types_in(arg))]


ALL_FIELDS = [field for cls in MODELS.values() for field in _fields(cls)]


def test_every_vocabulary_value_has_a_label() -> None:
    vocabularies = model.vocabularies()
    assert len(vocabularies) >= 16
    for name, vocabulary in vocabularies.items():
        assert vocabulary.values, name
        for value in vocabulary.values:
            label = vocabulary.labels.get(value)
            assert isinstance(label, str) and label.strip() == label and label, f"{name}: {value!r} has no label"
        assert len(set(vocabulary.labels.values())) == len(vocabulary.values), f"{name}: two values, one label"


def test_every_choice_field_takes_its_values_from_a_vocabulary() -> None:
    """No field declares its own list of allowed words: each Literal is a vocabulary's, carrying its marker."""
    for name, info in ALL_FIELDS:
        literals = [arg for arg in _types_in(info.annotation) if typing.get_origin(arg) is typing.Literal]
        for literal in literals:
            vocabulary = model.vocabulary_of(info)
            assert vocabulary is not None, f"{name}: a Literal that is no vocabulary's"
            assert typing.get_args(literal) == vocabulary.values, name


def test_derived_names_stay_importable() -> None:
    assert model.AUDIENCE_IDS == tuple(model.AUDIENCE_LABELS) == model.AUDIENCES.values
    assert typing.get_args(typing.get_args(model.AudienceId)[0]) == model.AUDIENCE_IDS
    assert model.AGE_GROUP_LABELS["ks4"] == "Key stage 4 (Years 10 and 11, ages 14 to 16)"
    assert model.AGE_GROUP_LABELS["adults"] == "Adults"


def test_a_value_added_to_a_vocabulary_is_allowed_and_labelled() -> None:
    added = model.Vocabulary({**model.RESOURCE_TYPES.labels, "podcast": "Podcast"})

    class Sample(model.StrictModel):
        type: added.type = Field(description="A type.")  # type: ignore[valid-type]

    assert Sample(type="podcast").type == "podcast"
    with pytest.raises(ValidationError):
        Sample(type="radio")
    assert Sample.model_json_schema()["properties"]["type"]["enumDescriptions"][-1] == "Podcast"


MARKDOWN_FIELDS = {
    "EntryRoute.summary", "Profession.what_they_do", "Profession.day_in_the_role", "Story.body",
    "Activity.instructions", "Module.what_next", "PlanStep.notes", "TalkActivity.instructions", "Talk.follow_ups",
    "GuideSection.body", "AudienceGuide.intro", "AudienceGuide.where_to_start", "Resource.how_to_get",
    "Funding.summary", "EntryRoute.entry_requirements",
}


def test_markdown_fields_are_marked_in_their_metadata() -> None:
    """Plain, list and optional Markdown fields are all found by the marker; no other field is."""
    assert {name for name, info in ALL_FIELDS if model.is_markdown(info)} == MARKDOWN_FIELDS


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
    (Profession, profession(what_they_do="[x][y]\n\n[y]: javascript:alert(1)"), "not allowed"),
    (Profession, profession(what_they_do="<img/src=x onerror=alert(1)>"), "raw HTML"),
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


@pytest.mark.parametrize("text", ["if a < b and c > d, the answer is yes", "Ages 11 < 16 and 18 > 16.",
                                  "See <https://www.nhs.uk/>.", "[Guide][g]\n\n[g]: https://www.nhs.uk/"])
def test_markdown_text_that_is_not_html_or_a_bad_link_is_accepted(text: str) -> None:
    assert Profession.model_validate(profession(what_they_do=text)).what_they_do == text


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
