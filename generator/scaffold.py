"""`python -m generator new <kind> <id>`: write a commented template for a new entry in the right place.

Why: editors are not programmers. A template written from the model itself lists every field in order, with its
description and, for words to choose from, every choice (audiences, profession ids, types). Required fields are
left empty, so `validate` names each one still to fill in and an unfinished entry can never reach the site.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import model
from generator.errors import UsageError
from generator.load import ENTRY_DIRS, LIST_FILES
from generator.schema import profession_ids, schema_reference

FOLDERS: dict[str, str] = {kind: folder for folder, kind in ENTRY_DIRS.items()}
"""Kind -> folder under content/ for one-entry kinds."""
LIST_FILE_OF: dict[str, str] = {kind: file for file, kind in LIST_FILES.items()}
"""Kind -> list file for kinds kept in one file."""
KINDS: tuple[str, ...] = (*FOLDERS, *LIST_FILE_OF)
MAX_ID_LENGTH = 80
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CHOICE_LABELS: dict[str, dict[str, str]] = {"audiences": model.AUDIENCE_LABELS}
"""Fields whose choices are shown with their labels, because the ids alone are not self-explanatory."""


def write_template(root: Path, kind: str, entry_id: str, today: dt.date | None = None) -> str:
    """Write the template for a new `kind` entry called `entry_id`; return the path written, relative to `root`.

    Raises `UsageError` (exit 2) for an id that is not a slug or already exists.
    """
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}'; choose one of: {', '.join(KINDS)}")
    _check_id(entry_id)
    review_by = (today or dt.date.today()) + dt.timedelta(days=365)
    if kind in FOLDERS:
        relative = f"content/{FOLDERS[kind]}/{entry_id}.yaml"
        target = root / relative
        if target.exists():
            raise UsageError(f"{relative} already exists: choose another id, or edit that file")
        if kind == "audience" and entry_id not in model.AUDIENCE_IDS:
            raise UsageError(f"'{entry_id}' is not an audience: the four audiences are "
                             + ", ".join(model.AUDIENCE_IDS))
        lines = [schema_reference(kind, relative), *_header(kind),
                 *render_entry(kind, entry_id, profession_ids(root), review_by, item=False)]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return relative
    relative = LIST_FILE_OF[kind]
    target = root / relative
    existing = target.read_text(encoding="utf-8", errors="replace") if target.is_file() else ""
    if re.search(rf"^\s*(?:-\s+)?id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*(?:#.*)?$", existing, re.MULTILINE):
        raise UsageError(f"{relative} already has an entry with id '{entry_id}': choose another id")
    lines = render_entry(kind, entry_id, profession_ids(root), review_by, item=True)
    prefix = "" if existing else schema_reference(kind, relative) + "\n"
    if existing and not existing.endswith("\n"):
        prefix = "\n"
    with target.open("a", encoding="utf-8") as stream:
        stream.write(prefix + "\n" + "\n".join([*_header(kind), *lines]) + "\n")
    return relative


def _check_id(entry_id: str) -> None:
    if not _SLUG.match(entry_id) or len(entry_id) > MAX_ID_LENGTH:
        raise UsageError(f"'{entry_id}' is not a valid id: use lower-case letters, digits and single hyphens, "
                         f"at most {MAX_ID_LENGTH} characters, for example nhs-careers-video")


def _header(kind: str) -> list[str]:
    description = (model.MODELS[kind].__doc__ or kind).strip().splitlines()[0]
    return [f"# New {kind}: {description}",
            "# Fill in every empty field, then run 'python -m generator validate' (it lists what is missing).",
            "# Lines starting with '#' are notes. To use an optional field, delete the '# ' in front of it."]


def render_entry(kind: str, entry_id: str, professions: list[str], review_by: dt.date, *, item: bool) -> list[str]:
    """The template's lines for one entry; `item` writes it as a list item ('- id: ...')."""
    context = {"id": entry_id, "review_by": review_by.isoformat(), "professions": professions}
    lines = _model_lines(model.MODELS[kind], context, top=True)
    if not item:
        return lines
    first = next(index for index, line in enumerate(lines) if line.startswith("id:"))
    return [line if index < first else ("- " if index == first else "  ") + line for index, line in enumerate(lines)]


def _model_lines(cls: type[BaseModel], context: dict[str, Any], *, top: bool) -> list[str]:
    lines: list[str] = []
    one_of: tuple[str, ...] = getattr(cls, "REACHED_BY", ())  # fields of which at least one is required
    for name, info in cls.model_fields.items():
        comment = _comment(name, info, context)
        value_lines = _value_lines(name, info.annotation, context, top=top)
        if name in one_of:
            comment = f"Give {' or '.join(one_of)} (at least one). " + comment.removeprefix("Optional. ")
        if not info.is_required() and not (top and name in ("id", "review_by")) and name not in one_of[:1]:
            value_lines = ["# " + line for line in value_lines]
        lines += [f"# {comment}", *value_lines]
    return lines


def _comment(name: str, info: FieldInfo, context: dict[str, Any]) -> str:
    text = info.description or name
    if not info.is_required():
        text = "Optional. " + text
    choices = _choices(name, info.annotation, context)
    if choices:
        many = typing.get_origin(_strip(info.annotation)) is list
        text += (" Choose any of: " if many else " Choose one of: ") + ", ".join(choices)
    if model.is_markdown(info):
        text += " (Markdown: **bold**, [words](https://...); for several paragraphs write '|' and indent the text)"
    return text


def _choices(name: str, annotation: Any, context: dict[str, Any]) -> list[str]:
    inner = _strip(annotation)
    if typing.get_origin(inner) is list:
        inner = _strip(typing.get_args(inner)[0])
    if name == "professions":
        return [model.ALL_PROFESSIONS, *context["professions"]]
    if typing.get_origin(inner) is Literal:
        labels = _CHOICE_LABELS.get(name, {})
        return [f"{value} ({labels[value]})" if value in labels else str(value) for value in typing.get_args(inner)]
    return []


def _value_lines(name: str, annotation: Any, context: dict[str, Any], *, top: bool) -> list[str]:
    if top and name in ("id", "review_by"):
        return [f"{name}: {context[name]}"]
    inner = _strip(annotation)
    if typing.get_origin(inner) is list:
        item = _strip(typing.get_args(inner)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            nested = _model_lines(item, context, top=False)
            first = next(index for index, line in enumerate(nested) if not line.startswith("#"))
            return [f"{name}:", *[("  " if index < first else "  - " if index == first else "    ") + line
                                  for index, line in enumerate(nested)]]
        if typing.get_origin(item) is Literal or name == "professions" or item is int:
            return [f"{name}: []"]
        return [f"{name}:", "  - "]
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return [f"{name}:", *["  " + line for line in _model_lines(inner, context, top=False)]]
    if inner is bool:
        return [f"{name}: false"]
    return [f"{name}:"]


def _strip(annotation: Any) -> Any:
    """Drop `| None` and `Annotated[...]` wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation
