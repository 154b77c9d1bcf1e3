"""JSON Schema for every kind of entry, generated from the model, so editors get autocompletion and inline errors.

Why: the model in `model.py` is the one source of truth. Pydantic exports it as JSON Schema; this module adds
what pydantic cannot know (which profession ids exist, what an id or a web address looks like) and writes one
file per YAML file shape into `schemas/`. VS Code's YAML extension reads the `# yaml-language-server: $schema=...`
first line of each catalogue file. `python -m generator schema --check` fails when the files are stale.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from generator.load import ENTRY_DIRS, LIST_FILES
from generator.model import ALL_PROFESSIONS, MODELS, SEED_DOCUMENTS

log = logging.getLogger("generator.schema")

SCHEMA_DIR = "schemas"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_PATTERN = r"^https://[^\s]+$"
_HTTPS_FIELDS = ("url", "link")
"""Fields holding one https:// address (`HttpsUrl` in the model)."""


def schema_file_names() -> dict[str, str]:
    """Kind -> schema file name: `<kind>.schema.json` for one-entry files, `<list file>.schema.json` for lists."""
    names = {kind: f"{kind}.schema.json" for kind in ENTRY_DIRS.values()}
    names.update({kind: file.removesuffix(".yaml") + ".schema.json" for file, kind in LIST_FILES.items()})
    return names


def schema_reference(kind: str, yaml_path: str) -> str:
    """The `# yaml-language-server: $schema=...` line for a catalogue file at `yaml_path` (relative to the root)."""
    depth = yaml_path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_file_names()[kind]}"


def profession_ids(root: Path) -> list[str]:
    """Profession ids, from the file names in content/professions (valid or not, so schemas never need a build)."""
    folder = root / "content" / "professions"
    if not folder.is_dir():
        return []
    return sorted(path.stem for path in folder.glob("*.yaml") if path.is_file())


def build_schemas(root: Path) -> dict[str, str]:
    """File name -> JSON text of every schema, for the catalogue under `root`."""
    choices = [*profession_ids(root), ALL_PROFESSIONS]
    list_kinds = set(LIST_FILES.values())
    result: dict[str, str] = {}
    for kind, file_name in schema_file_names().items():
        schema = build_entry_schema(kind, choices)
        if kind in list_kinds:
            defs = schema.pop("$defs", {})
            entry_name = MODELS[kind].__name__
            defs[entry_name] = schema
            schema = {
                "title": f"{file_name.removesuffix('.schema.json')}.yaml",
                "description": f"A list of {kind} entries; each starts with '- id:'.",
                "type": "array",
                "items": {"$ref": f"#/$defs/{entry_name}"},
                "$defs": defs,
            }
        result[file_name] = json.dumps({"$schema": JSON_SCHEMA_DIALECT, **schema}, indent=2, ensure_ascii=False) + "\n"
    return result


def build_entry_schema(kind: str, profession_choices: list[str]) -> dict[str, Any]:
    """The JSON Schema of one entry of `kind`, with id, address and profession choices filled in."""
    schema = MODELS[kind].model_json_schema(mode="validation")
    for node in [schema, *schema.get("$defs", {}).values()]:
        _refine_properties(node.get("properties", {}), profession_choices)
    return schema


def _refine_properties(properties: dict[str, Any], profession_choices: list[str]) -> None:
    for name, prop in properties.items():
        if name == "id" and prop.get("type") == "string" and "enum" not in prop:
            prop["pattern"] = SLUG_PATTERN
        elif name in ("professions", "resources") and prop.get("type") == "array":
            prop["items"] = ({"type": "string", "enum": profession_choices} if name == "professions"
                             else {"type": "string", "pattern": SLUG_PATTERN})
        elif name in _HTTPS_FIELDS:
            _add_https_pattern(prop)
        elif name == "sources" and prop.get("type") == "array":
            prop["items"] = {"anyOf": [{"type": "string", "enum": sorted(SEED_DOCUMENTS)},
                                       {"type": "string", "pattern": HTTPS_PATTERN}]}


def _add_https_pattern(prop: dict[str, Any]) -> None:
    for option in prop.get("anyOf", [prop]):
        if option.get("type") == "string":
            option["pattern"] = HTTPS_PATTERN


def write_schemas(root: Path, *, check: bool = False) -> list[str]:
    """Write every schema into `root/schemas`, or with `check` only compare; return the names that differed."""
    directory = root / SCHEMA_DIR
    stale = []
    for name, text in build_schemas(root).items():
        target = directory / name
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            directory.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            log.info("wrote %s", target)
    return stale
