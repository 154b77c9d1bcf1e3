"""Step 2, validate: check every loaded entry against the model and the cross-file rules, collecting every error.

Why: an editor should see all their mistakes in one run, in plain English, each at the line to change. Pydantic
does the checking; this module only translates its findings into `ContentError`s and hands valid entries to the
rules in `rules.py`. The words come from one table here (`WORDING`) and from the model (allowed choices from its
vocabularies, field descriptions, our own checks' messages), never from pydantic's English, which is written for
programmers ("Input should be ...") and may change between versions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.catalogue import ValidEntry
from generator.errors import ContentError, ContentInvalid, field_name, one_line
from generator.load import LoadedCatalogue, Location, RawEntry
from generator.model import MODELS, Entry, Vocabulary, vocabulary_of
from generator.rules import run_rules


@dataclass(frozen=True)
class Wording:
    """What to say for one kind of error: a message and a hint, each a template filled by `_Facts`."""

    message: str
    hint: str = ""


WORDING: dict[str, Wording] = {
    "missing": Wording("required field is missing", "add '{name}:'{with_choices}{about}"),
    "extra_forbidden": Wording("unknown field", "{fields}"),
    "empty": Wording("is empty", "{fill_in}"),
    "literal_error": Wording("'{value}' is not one of: {allowed}", "{guess}"),
    "literal_list": Wording("should be one of: {allowed}", "write one value, not a list"),
    "string_type": Wording("should be text", "{quote}"),
    "string_too_short": Wording("is {length} characters long; at least {min_length}", "add a few words"),
    "string_too_long": Wording("is {length} characters long; at most {max_length}",
                              "cut it to {max_length} characters or fewer"),
    "too_short": Wording("needs at least {min_length} item(s)", "add '- ' lines below it, or write [a, b]"),
    "too_long": Wording("has {length} items; at most {max_length}", "remove some items"),
    "greater_than_equal": Wording("is {value}; it must be at least {ge}", "write a number of {ge} or more"),
    "less_than_equal": Wording("is {value}; it must be at most {le}", "write a number of {le} or less"),
    "int_type": Wording("should be a whole number", "write digits only, for example 30"),
    "int_parsing": Wording("should be a whole number", "write digits only, for example 30"),
    "int_from_float": Wording("should be a whole number", "write digits only, for example 30"),
    "bool_type": Wording("should be true or false", "write true or false"),
    "bool_parsing": Wording("should be true or false", "write true or false"),
    "list_type": Wording("should be a list", "write [first, second] or one '- item' per line below it"),
    "model_type": Wording("should be a group of 'field: value' lines",
                          "put each field on its own line, indented two spaces under this one"),
    "model_attributes_type": Wording("should be a group of 'field: value' lines",
                                     "put each field on its own line, indented two spaces under this one"),
    "dict_type": Wording("should be a group of 'field: value' lines",
                         "put each field on its own line, indented two spaces under this one"),
    "date_type": Wording("is not a valid date: write YYYY-MM-DD", "for example 2027-03-31"),
    "date_parsing": Wording("is not a valid date: write YYYY-MM-DD", "for example 2027-03-31"),
    "date_from_datetime_parsing": Wording("is not a valid date: write YYYY-MM-DD with a day that exists",
                                          "for example 2027-03-31"),
    "date_from_datetime_inexact": Wording("should be a date without a time", "for example 2027-03-31"),
    "other": Wording("is not a valid value", "{about_hint}"),
    # Our own checks in model.py: they word their messages themselves; these are their hints.
    "minutes_total": Wording("", "make minutes the total, or change the parts' minutes"),
    "activity_too_long": Wording("", "split it into two activities"),
    "prompts_missing": Wording("", "add 'prompts:' with at least one question for the learner's log"),
    "reflect_missing": Wording("", "add an activity with 'kind: reflect' and a prompt"),
    "event_end": Wording("", "for a date range write 'date:' and 'end:'; a recurring event uses 'days:'"),
    "event_starts": Wording("", "add 'starts:' with the date of the first occurrence"),
    "event_form": Wording("", "for one date write 'date:'; for a date that repeats write 'rule:' and 'starts:'"),
    "age_order": Wording("", "swap min and max"),
    "consent_missing": Wording("", "add a 'consent:' record, or 'illustrative: true' for an invented story"),
    "consent_not_given": Wording("", "remove the story until the person agrees"),
    "raw_html": Wording("", "write plain text with Markdown (**bold**, [words](https://...)) instead of HTML tags"),
    "link_scheme": Wording("", "link to an https:// address, a mailto: address or a page of this site such as "
                               "/professions/"),
    "https_url": Wording("", "write the full address, starting with https://"),
    "slug": Wording("", "for example occupational-therapist"),
    "source": Wording("", "for example 002_67d9b56a58427b43.txt or https://www.example.org/page"),
    "single_line": Wording("", "put it on one line, or wrap it in quotes"),
    "resource_unreachable": Wording("", "add 'url:' with its https:// address, or 'how_to_get:' saying who to ask "
                                        "for it"),
}
"""Plain-English wording by error type: every pydantic error type our model can raise, then hints for our own
checks. A type missing here gets "other", so pydantic's own words never reach an editor."""

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


_LONGEST = 1000
"""Most characters of a message or hint: long enough for the longest list of choices, short enough for one line."""


def _translate(raw: RawEntry, model: type[BaseModel], detail: Any) -> ContentError:
    """Turn one pydantic error into a `ContentError` at the right line, in our words."""
    kind: str = detail["type"]
    location = _data_location(raw.data, tuple(detail["loc"]))
    if kind in _POINT_AT and isinstance(_value_at(raw.data, location), dict):
        location = (*location, _POINT_AT[kind])
    line, column = raw.position(location[:-1] if kind == "missing" else location)
    message, hint = _words(model, kind, location, detail)
    return ContentError(raw.path, line, column, one_line(field_name(location)), one_line(message, _LONGEST),
                        one_line(hint, _LONGEST))


def _words(model: type[BaseModel], kind: str, location: Location, detail: Any) -> tuple[str, str]:
    """(message, hint) for one pydantic error, from `WORDING` and the model."""
    field = _field_at(model, location)
    vocabulary = vocabulary_of(field) if field else None
    value = detail.get("input")
    own_check = "url" not in detail  # pydantic links its own error types to its documentation; ours have no link
    if own_check:
        return detail["msg"], WORDING.get(kind, Wording("")).hint
    if value is None and kind.endswith(("_type", "literal_error")):
        kind = "empty"  # a template's field not filled in yet
    elif kind == "string_too_short" and not str(value).strip():
        kind = "empty"
    elif kind == "literal_error" and isinstance(value, (list, dict)):
        kind = "literal_list"
    wording = WORDING.get(kind, WORDING["other"])
    facts = _Facts(_facts(model, location, detail, field, vocabulary))
    return wording.message.format_map(facts), wording.hint.format_map(facts)


class _Facts(dict[str, Any]):
    """Fills a wording template; a fact pydantic did not give reads as '' rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _facts(model: type[BaseModel], location: Location, detail: Any, field: FieldInfo | None,
           vocabulary: Vocabulary | None) -> dict[str, Any]:
    """Everything a wording template may name, worked out from the error and the model."""
    value = detail.get("input")
    context = detail.get("ctx", {})
    shown = one_line(str(value).lower() if isinstance(value, bool) else str(value))
    name = str(location[-1]) if location else "entry"
    many = field is not None and typing.get_origin(_strip_optional(field.annotation)) is list
    choices = ""
    if vocabulary is not None:
        choices = ("any of: " if many else "one of: ") + ", ".join(vocabulary.values)
    about = field.description if field and field.description else ""
    guess = ""
    if vocabulary is not None:
        close = difflib.get_close_matches(shown, vocabulary.values, n=1, cutoff=0.5)
        guess = f"did you mean '{close[0]}'?" if close else "copy one of the choices exactly as written here"
    return {
        **context,
        "value": shown,
        "name": name,
        "length": len(value.strip()) if isinstance(value, str) else len(value) if isinstance(value, list) else 0,
        "allowed": ", ".join(vocabulary.values) if vocabulary else "",
        "with_choices": f" with {choices}" if choices else "",
        "fill_in": f"choose {choices}" if choices else "write a value after the colon",
        "about": f" ({about})" if about else "",
        "about_hint": about[:1].lower() + about[1:] if about else "",
        "guess": guess,
        "quote": _not_text_hint(value),
        "fields": _fields_hint(model, location),
    }


def _not_text_hint(value: Any) -> str:
    if isinstance(value, list):
        return "write plain text on the same line, not a list"
    if isinstance(value, dict):
        return "write plain text on the same line, not 'field: value' lines"
    return "wrap the value in quotes"


def _fields_hint(model: type[BaseModel], location: Location) -> str:
    """For an unknown field: the closest known name, or every known name."""
    if not location:
        return ""
    known = _field_names_at(model, location[:-1])
    guess = difflib.get_close_matches(str(location[-1]), known, n=1, cutoff=0.6)
    if guess:
        return f"did you mean '{guess[0]}'?"
    return "allowed fields: " + ", ".join(known)


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


def _field_at(model: type[BaseModel], location: Location) -> FieldInfo | None:
    """The model field `location` points into (list positions after the field name are skipped)."""
    names = list(location)
    while names and isinstance(names[-1], int):
        names.pop()
    if not names:
        return None
    holder = _model_at(model, tuple(names[:-1]))
    return holder.model_fields.get(str(names[-1])) if holder else None


def _strip_optional(annotation: Any) -> Any:
    """`X | None` -> X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation

