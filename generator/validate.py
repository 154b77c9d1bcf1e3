"""Step 2, validate: check every loaded entry against the model and the cross-file rules, collecting every error.

Why: an editor should see all their mistakes in one run, in plain English, each at the line to change. Pydantic
does the checking; this module only translates its findings into `ContentError`s (one wording table, one
"did you mean" helper) and hands valid entries to the rules in `rules.py`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import ContentError, ContentInvalid, field_name
from generator.load import LoadedCatalogue, Location, RawEntry, one_line
from generator.model import MODELS, Entry
from generator.rules import ValidEntry, run_rules

_MESSAGES: dict[str, str] = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": "should be a list",
    "model_type": "should be a group of 'field: value' lines",
    "model_attributes_type": "should be a group of 'field: value' lines",
    "dict_type": "should be a group of 'field: value' lines",
    "date_type": "is not a valid date: write YYYY-MM-DD",
    "date_parsing": "is not a valid date: write YYYY-MM-DD",
    "date_from_datetime_parsing": "is not a valid date: write YYYY-MM-DD with a day that exists",
    "date_from_datetime_inexact": "should be a date without a time",
}
"""Plain-English wording for pydantic's built-in error types; our own checks word their messages themselves."""

_POINT_AT: dict[str, str] = {
    "minutes_total": "minutes",
    "activity_too_long": "minutes",
    "prompts_missing": "kind",
    "reflect_missing": "activities",
    "event_end": "end",
    "event_starts": "rule",
    "event_form": "date",
    "age_order": "max",
    "consent_missing": "kind",
    "consent_not_given": "consent",
    "resource_unreachable": "type",
}
"""Our model-level checks, and the field whose line the error should point at."""


def validate_catalogue(loaded: LoadedCatalogue, today: dt.date) -> tuple[ValidEntry, ...]:
    """Validate every entry and run every rule; raise `ContentInvalid` with all errors if there are any."""
    errors = list(loaded.errors)
    valid: list[ValidEntry] = []
    for raw in loaded.entries:
        entry, entry_errors = validate_entry(raw)
        errors.extend(entry_errors)
        if entry is not None:
            valid.append(ValidEntry(entry, raw))
    errors.extend(run_rules(valid, loaded.entries, today, [error.path for error in loaded.errors]))
    if errors:
        raise ContentInvalid(errors)
    return tuple(valid)


def validate_entry(raw: RawEntry) -> tuple[Entry | None, list[ContentError]]:
    """Validate one raw entry against its kind's model; return the model or the errors."""
    model = MODELS[raw.kind]
    if not isinstance(raw.data, dict):
        line, column = raw.position()
        return None, [ContentError(raw.path, line, column, "entry", "each entry should be a group of "
                                   "'field: value' lines", "start the entry with '- id: ...'")]
    try:
        return model.model_validate(raw.data), []
    except ValidationError as invalid:
        details = _drop_missing_explained_by_typos(model, invalid.errors())
        return None, _deduplicate([_translate(raw, model, detail) for detail in details])


def _drop_missing_explained_by_typos(model: type[BaseModel], details: list[Any]) -> list[Any]:
    """`titel:` gives both 'unknown field titel' and 'title is missing'; keep only the first, which has the fix."""
    guessed: set[tuple[Any, ...]] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden" and detail["loc"] and isinstance(detail["loc"][-1], str):
            parent = tuple(detail["loc"][:-1])
            known = _field_names_at(model, tuple(part for part in parent if isinstance(part, (str, int))))
            guess = difflib.get_close_matches(detail["loc"][-1], known, n=1, cutoff=0.6)
            if guess:
                guessed.add((*parent, guess[0]))
    return [detail for detail in details if not (detail["type"] == "missing" and tuple(detail["loc"]) in guessed)]


def _deduplicate(errors: list[ContentError]) -> list[ContentError]:
    seen: dict[tuple[int, str], ContentError] = {}
    for error in errors:
        seen.setdefault((error.line, error.field), error)
    return list(seen.values())


def _translate(raw: RawEntry, model: type[BaseModel], detail: Any) -> ContentError:
    """Turn one pydantic error into a `ContentError` at the right line, with a hint."""
    kind: str = detail["type"]
    location = _data_location(raw.data, tuple(detail["loc"]))
    if kind in _POINT_AT and isinstance(_value_at(raw.data, location), dict):
        location = (*location, _POINT_AT[kind])
    if kind == "missing":
        line, column = raw.position(location[:-1])
    else:
        line, column = raw.position(location)
    message = _MESSAGES.get(kind) or _plain(detail["msg"])
    hint = _hint(model, kind, location, detail)
    if kind == "too_short" and detail.get("ctx", {}).get("field_type") == "List":
        message = f"needs at least {detail['ctx']['min_length']} item(s)"
        hint = hint or "add '- ' lines below it, or write [a, b]"
    elif detail.get("input") is None and kind.endswith(("_type", "literal_error")):
        message = "is empty"  # a template's field not filled in yet
        hint = hint or "write a value after the colon"
    return ContentError(raw.path, line, column, one_line(field_name(location)), one_line(message), one_line(hint))


def _data_location(data: Any, loc: tuple[Any, ...]) -> Location:
    """Keep only the parts of a pydantic `loc` that exist in the data (drops union-branch and validator names)."""
    location: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str):
            location.append(part)
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int):
            location.append(part)
            current = current[part] if 0 <= part < len(current) else None
        elif isinstance(part, str) and current is None:
            location.append(part)  # a missing field: nothing below it
    return tuple(location)


def _value_at(data: Any, location: Location) -> Any:
    for part in location:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _plain(message: str) -> str:
    message = re.sub(r"^(Value error|Assertion failed), ", "", message)
    return message[:1].lower() + message[1:]


def _hint(model: type[BaseModel], kind: str, location: Location, detail: Any) -> str:
    if kind == "extra_forbidden":
        known = _field_names_at(model, location[:-1])
        guess = difflib.get_close_matches(str(location[-1]), known, n=1, cutoff=0.6)
        if guess:
            return f"did you mean '{guess[0]}'?"
        return "allowed fields: " + ", ".join(known)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
        guess = difflib.get_close_matches(str(detail.get("input")), choices, n=1, cutoff=0.5)
        if guess and detail.get("input") is not None:
            return f"did you mean '{guess[0]}'?"
        return "choose one of: " + ", ".join(choices)
    if kind == "string_type" and isinstance(detail.get("input"), (int, float, bool)):
        return "wrap the value in quotes"
    if kind == "missing":
        description = _field_description(model, location)
        return f"add '{location[-1]}:' ({description})" if description else f"add '{location[-1]}:'"
    if kind.startswith("date"):
        return "for example 2027-03-31"
    return _CUSTOM_HINTS.get(kind, "")


_CUSTOM_HINTS: dict[str, str] = {
    "raw_html": "write plain text with Markdown (**bold**, [words](https://...)) instead of HTML tags",
    "link_scheme": "link to an https:// address, a mailto: address or a page of this site such as /professions/",
    "https_url": "write the full address, starting with https://",
    "slug": "for example occupational-therapist",
    "source": "for example 002_67d9b56a58427b43.txt or https://www.example.org/page",
    "single_line": "put it on one line, or wrap it in quotes",
    "list_type": "write [first, second] or one '- item' per line below it",
    "model_type": "put each field on its own line, indented two spaces under this one",
    "dict_type": "put each field on its own line, indented two spaces under this one",
    "int_type": "write digits only, for example 30",
    "int_parsing": "write digits only, for example 30",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "resource_unreachable": "add 'url:' with its https:// address, or 'how_to_get:' saying who to ask for it",
}
"""Hints by error type, for our own checks in `model.py` and for pydantic types without a specific hint."""


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """Follow field names through nested models and lists to the model that holds `location`'s last part."""
    current: type[BaseModel] | None = model
    for part in location:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _nested_model(field.annotation) if field else None
    return current


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _nested_model(argument)
            if found:
                return found
    return None


def _field_names_at(model: type[BaseModel], location: Location) -> list[str]:
    found = _model_at(model, location)
    return list(found.model_fields) if found else []


def _field_description(model: type[BaseModel], location: Location) -> str:
    holder = _model_at(model, location[:-1])
    field = holder.model_fields.get(str(location[-1])) if holder else None
    return (field.description or "") if field else ""

