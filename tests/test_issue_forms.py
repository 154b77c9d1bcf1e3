"""Issue forms for people who won't edit YAML: valid for GitHub's form schema, in step with the model, and turned
into entries that validate by `new --from-issue`."""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from conftest import REPO, TODAY, run_cli

from generator import model
from generator.issue_forms import FORM_OF_KIND, FORMS_DIR, NESTING, entry_from_issue, issue_answers, read_form
from generator.scaffold import _strip

FORMS = sorted((REPO / FORMS_DIR).glob("*.yml"))

# GitHub's issue-form schema, from "Syntax for issue forms" and "Syntax for GitHub's form schema"
# (docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/).
TOP_LEVEL_KEYS = {"name", "description", "body", "assignees", "labels", "title", "projects", "type"}
REQUIRED_TOP_LEVEL_KEYS = {"name", "description", "body"}
ELEMENT_KEYS = {"type", "id", "attributes", "validations"}
ATTRIBUTE_KEYS: dict[str, set[str]] = {
    "markdown": {"value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "input": {"label", "description", "placeholder", "value"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
REQUIRED_ATTRIBUTES: dict[str, set[str]] = {"markdown": {"value"}, "textarea": {"label"}, "input": {"label"},
                                            "dropdown": {"label", "options"}, "checkboxes": {"label", "options"}}
VALIDATION_KEYS = {"required"}
CHECKBOX_OPTION_KEYS = {"label", "required"}
EDITOR_ONLY_IDS = {"notes"}
"""Questions for the editor that no model field holds."""


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_four_forms_exist() -> None:
    assert {path.name for path in FORMS} == {*FORM_OF_KIND.values(), "report-mistake.yml"}


@pytest.mark.parametrize("path", FORMS, ids=lambda path: path.name)
def test_forms_use_only_githubs_form_schema(path: Path) -> None:
    form = load(path)
    assert set(form) <= TOP_LEVEL_KEYS, set(form) - TOP_LEVEL_KEYS
    assert set(form) >= REQUIRED_TOP_LEVEL_KEYS
    assert all(isinstance(form[key], str) and form[key].strip() for key in ("name", "description"))
    ids: list[str] = []
    labels: list[str] = []
    for element in form["body"]:
        assert set(element) <= ELEMENT_KEYS, element
        kind = element["type"]
        assert kind in ATTRIBUTE_KEYS, kind
        attributes = element["attributes"]
        assert REQUIRED_ATTRIBUTES[kind] <= set(attributes) <= ATTRIBUTE_KEYS[kind], (kind, attributes)
        assert set(element.get("validations", {})) <= VALIDATION_KEYS
        assert all(isinstance(value, bool) for value in element.get("validations", {}).values())
        if kind == "markdown":
            assert "id" not in element
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"]), element["id"]
        ids.append(element["id"])
        labels.append(attributes["label"])
        if kind == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(option, str) for option in options)
            assert len(set(options)) == len(options)
            assert all("," not in option for option in options)  # GitHub joins several choices with ', '
        if kind == "checkboxes":
            assert all(set(option) <= CHECKBOX_OPTION_KEYS and option["label"] for option in attributes["options"])
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)


def model_annotation(kind: str, field_id: str) -> Any:
    current: Any = model.MODELS[kind]
    for part in field_id.split(NESTING):
        current = _strip(current.model_fields[part].annotation)
    return current


@pytest.mark.parametrize("kind", sorted(FORM_OF_KIND))
def test_form_fields_match_the_model(kind: str) -> None:
    form = read_form(REPO, kind)
    fields = [element for element in form["body"] if element["type"] != "markdown"]
    ids = {element["id"] for element in fields} - EDITOR_ONLY_IDS
    cls = model.MODELS[kind]
    for field_id in ids:
        model_annotation(kind, field_id)  # raises KeyError for a field the model does not have
    required = {name for name, info in cls.model_fields.items() if info.is_required()} - {"id", "review_by"}
    assert required <= {field_id.split(NESTING)[0] for field_id in ids}, required - ids
    for element in fields:
        if element["type"] != "dropdown":
            continue
        annotation = model_annotation(kind, element["id"])
        if typing.get_origin(annotation) is list:
            annotation = _strip(typing.get_args(annotation)[0])
            assert element["attributes"].get("multiple") is True
        assert typing.get_origin(annotation) is Literal
        values = [re.search(r"\(([^()]+)\)$", option).group(1) for option in element["attributes"]["options"]]
        assert values == list(typing.get_args(annotation)), element["id"]


def test_the_story_form_asks_every_consent_question() -> None:
    ids = {element.get("id") for element in read_form(REPO, "story")["body"]}
    assert {f"consent{NESTING}{name}" for name in model.Consent.model_fields} <= ids
    assert "illustrative" in ids


def render_issue(form: dict[str, Any], answers: dict[str, Any]) -> str:
    """An issue body as GitHub writes a submitted form: '### Label', a blank line, the answer."""
    parts = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        answer = answers.get(element["id"])
        if element["type"] == "checkboxes":
            text = "\n".join(f"- [{'X' if answer else ' '}] {option['label']}"
                             for option in element["attributes"]["options"])
        elif isinstance(answer, list):
            text = ", ".join(answer)
        else:
            text = answer or "_No response_"
        parts.append(f"### {element['attributes']['label']}\n\n{text}")
    return "\n\n".join(parts) + "\n"


def option(form: dict[str, Any], field_id: str, value: str) -> str:
    element = next(element for element in form["body"] if element.get("id") == field_id)
    return next(text for text in element["attributes"]["options"] if text.endswith(f"({value})"))


def test_issue_answers_are_read_by_label() -> None:
    body = "### Name\n\nAHP VR360\n\n### Web address\n\n_No response_\r\n\r\n### The story\n\nLine one.\n\nLine two.\n"
    assert issue_answers(body) == {"Name": "AHP VR360", "Web address": "", "The story": "Line one.\n\nLine two."}


@pytest.fixture
def project(make_catalogue) -> Path:
    root = make_catalogue()
    shutil.copytree(REPO / FORMS_DIR, root / FORMS_DIR)
    return root


def write_from_issue(root: Path, kind: str, entry_id: str, body: str):
    issue = root / "issue.md"
    issue.write_text(body, encoding="utf-8")
    return run_cli("--root", str(root), "--today", TODAY.isoformat(), "new", kind, entry_id, "--from-issue",
                   str(issue))


def validate(root: Path):
    return run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")


def test_a_suggested_resource_becomes_a_valid_entry(project: Path) -> None:
    form = read_form(REPO, "resource")
    body = render_issue(form, {
        "title": "NHS careers quiz", "url": "https://www.healthcareers.nhs.uk/quiz",
        "organisation": "NHS England", "type": option(form, "type", "interactive"),
        "summary": "A short quiz that points you to jobs that suit you.",
        "audiences": [option(form, "audiences", "first-time"), option(form, "audiences", "career-changer")],
        "professions": "Podiatrist", "minutes": "10", "talk_material": True,
        "sources": "https://www.healthcareers.nhs.uk/quiz", "notes": "Seen at a careers fair.",
    })
    result = write_from_issue(project, "resource", "nhs-careers-quiz", body)
    assert result.returncode == 0, result.stderr
    assert "resources.yaml" in result.stdout
    entry = yaml.safe_load((project / "resources.yaml").read_text())[-1]
    assert entry == {
        "id": "nhs-careers-quiz", "title": "NHS careers quiz",
        "summary": "A short quiz that points you to jobs that suit you.",
        "sources": ["https://www.healthcareers.nhs.uk/quiz"], "review_by": "2027-11-23",
        "audiences": ["first-time", "career-changer"], "type": "interactive",
        "url": "https://www.healthcareers.nhs.uk/quiz", "organisation": "NHS England", "professions": ["podiatrist"],
        "minutes": 10, "talk_material": True,
    }
    assert validate(project).returncode == 0, validate(project).stderr


def test_a_suggested_date_in_words_becomes_a_rule(project: Path) -> None:
    form = read_form(REPO, "event")
    body = render_issue(form, {
        "title": "Podiatry Week", "summary": "A week to find out what foot doctors do.",
        "kind": option(form, "kind", "awareness-week"), "audiences": [option(form, "audiences", "first-time")],
        "professions": "podiatrist", "rule": "second Tuesday of May", "days": "7",
        "sources": "https://www.example.org/podiatry-week",
    })
    assert write_from_issue(project, "event", "podiatry-week", body).returncode == 0
    entry = yaml.safe_load((project / "events_calendar.yaml").read_text())[-1]
    assert (entry["rule"], entry["starts"], entry["days"]) == ("FREQ=YEARLY;BYMONTH=5;BYDAY=2TU", "2027-05-11", 7)
    assert validate(project).returncode == 0, validate(project).stderr


def test_a_first_person_story_with_consent_becomes_a_valid_entry(project: Path) -> None:
    form = read_form(REPO, "story")
    answers = {
        "title": "From care home to physio", "summary": "Sam was a carer and now helps people walk again.",
        "kind": option(form, "kind", "first-person"), "audiences": [option(form, "audiences", "support-worker")],
        "professions": "podiatrist", "route": option(form, "route", "support-worker"),
        "body": "Sam worked in a care home.\n\nNow Sam is training.", "sources": "https://www.example.org/sam",
        "consent-given": True, "consent-naming": option(form, "consent-naming", "first-name"),
        "consent-recorded_on": "2026-10-01",
    }
    assert write_from_issue(project, "story", "care-home-to-physio", render_issue(form, answers)).returncode == 0
    entry = yaml.safe_load((project / "content/stories/care-home-to-physio.yaml").read_text())
    assert entry["consent"] == {"given": True, "naming": "first-name", "recorded_on": "2026-10-01"}
    assert entry["body"] == "Sam worked in a care home.\n\nNow Sam is training.\n"
    assert "illustrative" not in entry
    assert validate(project).returncode == 0, validate(project).stderr


def test_a_first_person_story_without_consent_is_caught_by_validate(project: Path) -> None:
    form = read_form(REPO, "story")
    answers = {"title": "Sam's story", "summary": "Sam was a carer and now helps people walk again.",
               "kind": option(form, "kind", "first-person"), "audiences": [option(form, "audiences", "returner")],
               "body": "Sam worked in a care home.", "sources": "https://www.example.org/sam"}
    assert write_from_issue(project, "story", "sams-story", render_issue(form, answers)).returncode == 0
    result = validate(project)
    assert result.returncode == 1
    assert "content/stories/sams-story.yaml:" in result.stderr and "consent" in result.stderr


def test_a_file_without_answers_or_a_kind_without_a_form_is_refused(project: Path) -> None:
    result = write_from_issue(project, "resource", "quiz", "Please add the NHS quiz.\n")
    assert result.returncode == 2
    assert "holds no answers to the form 'Suggest a resource'" in result.stderr
    result = write_from_issue(project, "profession", "nurse", "### Title\n\nNurse\n")
    assert result.returncode == 2
    assert "no issue form writes a profession" in result.stderr
    assert "Traceback" not in result.stderr


def test_unanswered_fields_are_left_for_validate_to_name() -> None:
    form = read_form(REPO, "resource")
    data = entry_from_issue(form, "resource", "x", render_issue(form, {"title": "X"}), TODAY)
    assert data == {"id": "x", "title": "X", "review_by": "2027-11-23"}
