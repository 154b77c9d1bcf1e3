"""`python -m generator new <kind> <id> --from-issue FILE`: turn a GitHub issue form's answers into an entry.

Why: staff who will never edit YAML suggest a resource, a date or a story through the issue forms in
`.github/ISSUE_TEMPLATE/`. Each form field's `id` is the model field it fills (`consent-given` fills
`consent.given`), and each choice ends with its value in brackets ("Changing career (career-changer)"), so the
form itself is the only mapping: this module reads the form, finds each answer in the issue body by its label
(GitHub writes `### Label`, a blank line, then the answer), and writes the entry where `new` would. Whatever is
missing or wrong is left for `validate` to name, like any other entry.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path
from typing import Any

import yaml

from generator import model
from generator.errors import UsageError
from generator.recurrence import RuleError, parse_rule, rule_from_words
from generator.scaffold import FOLDERS, LIST_FILE_OF, _check_id, _strip
from generator.schema import schema_reference

FORMS_DIR = ".github/ISSUE_TEMPLATE"
FORM_OF_KIND: dict[str, str] = {
    "resource": "suggest-resource.yml",
    "event": "suggest-date.yml",
    "story": "share-story.yml",
}
"""The issue form each kind of entry can be written from."""
REVIEW_AFTER = dt.timedelta(days=365)
"""An entry written from an issue is due for review a year later, as `new` templates are."""
NO_RESPONSE = "_No response_"
"""What GitHub writes for a field left empty."""
NESTING = "-"
"""Separates a nested field in a form id: `consent-given` is `consent.given` (model field names never hold '-')."""
_SECTION = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_CHOICE_VALUE = re.compile(r"\(([^()]+)\)\s*$")
_CHECKED = re.compile(r"^\s*[-*]\s*\[[xX]\]\s*(.+?)\s*$", re.MULTILINE)


def read_form(root: Path, kind: str) -> dict[str, Any]:
    """The issue form (parsed YAML) that entries of `kind` are written from."""
    if kind not in FORM_OF_KIND:
        raise UsageError(f"no issue form writes a {kind}; forms exist for: {', '.join(FORM_OF_KIND)}")
    path = root / FORMS_DIR / FORM_OF_KIND[kind]
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read the issue form {FORMS_DIR}/{FORM_OF_KIND[kind]}: {error.strerror}") from None


def issue_answers(body: str) -> dict[str, str]:
    """Answers in an issue body as GitHub renders a form: label -> answer text (empty when not answered)."""
    body = body.replace("\r\n", "\n")
    headings = list(_SECTION.finditer(body))
    answers: dict[str, str] = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        text = body[heading.end():end].strip()
        answers[heading.group(1).strip()] = "" if text == NO_RESPONSE else text
    return answers


def entry_from_issue(form: dict[str, Any], kind: str, entry_id: str, body: str, today: dt.date) -> dict[str, Any]:
    """The entry's plain data: the form's answers typed as the model's fields, plus id and review date."""
    answers = issue_answers(body)
    if not any(element.get("attributes", {}).get("label") in answers for element in form.get("body", [])):
        raise UsageError(f"the file holds no answers to the form '{form.get('name')}': save the issue's text "
                         "(with its '### ' headings) and try again")
    cls = model.MODELS[kind]
    data: dict[str, Any] = {"id": entry_id}
    for element in form.get("body", []):
        field_id, label = element.get("id"), element.get("attributes", {}).get("label")
        if not field_id or label not in answers:
            continue
        path = field_id.split(NESTING)
        annotation = _annotation(cls, path)
        if annotation is None:
            continue  # a question for the editor only, such as "Anything else"
        value = _typed(answers[label], element, annotation)
        if value is None:
            continue
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    data["review_by"] = (today + REVIEW_AFTER).isoformat()
    if kind == "event":
        _complete_rule(data, today)
    return {name: data[name] for name in ["id", *cls.model_fields] if name in data}


def write_entry_from_issue(root: Path, kind: str, entry_id: str, issue: Path, today: dt.date) -> str:
    """Write the entry answered in the issue body saved at `issue`; return the path written, relative to `root`."""
    _check_id(entry_id)
    try:
        body = issue.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {issue}: {error.strerror}") from None
    data = entry_from_issue(read_form(root, kind), kind, entry_id, body, today)
    note = "# Written from an issue form answer; check every field against its source, then run validate."
    if kind in FOLDERS:
        relative = f"content/{FOLDERS[kind]}/{entry_id}.yaml"
        target = root / relative
        if target.exists():
            raise UsageError(f"{relative} already exists: choose another id, or edit that file")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{schema_reference(kind, relative)}\n{note}\n{_dump(data)}", encoding="utf-8")
        return relative
    relative = LIST_FILE_OF[kind]
    target = root / relative
    existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    if re.search(rf"^\s*(?:-\s+)?id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*(?:#.*)?$", existing, re.MULTILINE):
        raise UsageError(f"{relative} already has an entry with id '{entry_id}': choose another id")
    prefix = "" if existing else schema_reference(kind, relative) + "\n"
    if existing and not existing.endswith("\n"):
        prefix = "\n"
    with target.open("a", encoding="utf-8") as stream:
        stream.write(f"{prefix}\n{note}\n{_dump([data])}")
    return relative


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def _annotation(cls: type, path: list[str]) -> Any:
    """The model annotation of a (possibly nested) field, or None if the model has no such field."""
    current: Any = cls
    for part in path:
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        current = _strip(fields[part].annotation)
    return current


def _typed(answer: str, element: dict[str, Any], annotation: Any) -> Any:
    """An answer as the model expects it; None when not answered. Wrong answers stay text for `validate`."""
    kind = element.get("type")
    if kind == "checkboxes":
        return True if _CHECKED.search(answer) else None  # unticked: the model's default
    if not answer:
        return None
    if typing.get_origin(annotation) is list:
        items = answer.split(",") if kind == "dropdown" else re.split(r"[\n,]", answer)
        values = [_choice(item.strip().lstrip("-* ").strip()) for item in items]
        return [_item(value, annotation) for value in values if value] or None
    if kind == "dropdown":
        return _choice(answer)
    if annotation is int:
        return int(answer) if re.fullmatch(r"\d+", answer.strip()) else answer.strip()
    return answer.strip() if kind == "input" else answer.strip() + ("\n" if "\n" in answer.strip() else "")


def _choice(text: str) -> str:
    """'Changing career (career-changer)' -> 'career-changer'; text without a bracketed value stays as it is."""
    match = _CHOICE_VALUE.search(text)
    return match.group(1).strip() if match else text


def _item(value: str, annotation: Any) -> str:
    """A list item as the model expects it: ids (professions) written as ids, 'Speech and language therapist' ->
    'speech-and-language-therapist'; anything else as written."""
    item = typing.get_args(annotation)[0] if typing.get_args(annotation) else None
    is_id = any(getattr(meta, "func", None) is model._check_slug for meta in getattr(item, "__metadata__", ()))
    if is_id and re.fullmatch(r"[A-Za-z][A-Za-z0-9 -]*", value):
        return re.sub(r"[\s-]+", "-", value.strip().lower())
    return value


def _complete_rule(data: dict[str, Any], today: dt.date) -> None:
    """A repeating date written in words becomes a rule, and its first date is the next one from today."""
    rule = data.get("rule")
    if not isinstance(rule, str):
        return
    if "=" not in rule:
        data["rule"] = rule = rule_from_words(rule) or rule
    if "starts" not in data:
        try:
            upcoming = parse_rule(rule, today).after(dt.datetime.combine(today, dt.time()), inc=True)
        except RuleError:
            return  # validate explains the rule
        if upcoming is not None:
            data["starts"] = upcoming.date().isoformat()
