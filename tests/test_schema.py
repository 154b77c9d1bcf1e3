"""JSON schemas: generated from the model, committed up to date, and agreeing with the generator."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, TODAY, run_cli

from generator import model
from generator.load import ENTRY_DIRS, LIST_FILES, _LoadProblem, load_yaml_file, load_yaml_text
from generator.pipeline import load_valid_catalogue
from generator.schema import SCHEMA_DIR, build_schemas, schema_file_names, schema_reference

BAD = Path(__file__).with_name("bad")
SCHEMA_CAN_JUDGE = {
    "bad_enum_values": "profession", "unknown_field": "profession", "missing_required_fields": "profession",
    "wrong_field_types": "profession", "http_url": "profession", "impossible_date": "profession",
    "wrong_top_level_type": "profession", "unknown_reference": "story", "wrong_top_level_list_file": "resource",
    "text_too_long": "profession", "text_too_short": "profession", "choice_given_as_a_list": "profession",
    "enum_without_a_guess": "resource", "missing_choice_fields": "resource", "numbers_out_of_range": "resource",
}
"""Bad-input cases a JSON Schema can judge (the rest need the loader or cross-file rules), and their kind."""


@functools.cache
def validator(kind: str, root: Path = REPO) -> jsonschema.Draft202012Validator:
    """The committed schema of `kind` as an editor's tool reads it, checked against the JSON Schema standard. Made
    once per kind: checking a schema takes about 35 ms, and the shipped catalogue has 52 files to judge."""
    schema = json.loads((root / SCHEMA_DIR / schema_file_names()[kind]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def shipped_files() -> list[tuple[str, Path]]:
    files = [(kind, path) for folder, kind in ENTRY_DIRS.items()
             for path in sorted((REPO / "content" / folder).glob("*.yaml"))]
    return files + [(kind, REPO / name) for name, kind in LIST_FILES.items()]


def test_committed_schemas_are_up_to_date() -> None:
    expected = build_schemas(REPO)
    committed = {path.name: path.read_text(encoding="utf-8") for path in (REPO / SCHEMA_DIR).glob("*.json")}
    assert committed.keys() == expected.keys()
    stale = [name for name in expected if committed[name] != expected[name]]
    assert not stale, f"stale schemas {stale}: run 'python -m generator schema'"


def test_schema_command_writes_and_checks(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    assert run_cli("--root", str(root), "schema", "--check").returncode == 1
    written = run_cli("--root", str(root), "schema")
    assert written.returncode == 0, written.stderr
    assert sorted(path.name for path in (root / SCHEMA_DIR).iterdir()) == sorted(schema_file_names().values())
    assert run_cli("--root", str(root), "schema", "--check").returncode == 0
    (root / "content" / "professions" / "new-profession.yaml").write_text("id: new-profession\n")
    stale = run_cli("--root", str(root), "schema", "--check")
    assert stale.returncode == 1
    assert "Stale JSON schemas:" in stale.stderr


def test_profession_choices_are_listed_for_autocompletion() -> None:
    ids = sorted(path.stem for path in (REPO / "content" / "professions").glob("*.yaml"))
    for kind in ("story", "module", "talk", "resource", "event"):
        schema = json.loads(build_schemas(REPO)[schema_file_names()[kind]])
        entry = schema["$defs"][schema["items"]["$ref"].split("/")[-1]] if schema.get("type") == "array" else schema
        assert entry["properties"]["professions"]["items"]["enum"] == [*ids, "all"]
        assert entry["additionalProperties"] is False
        assert set(entry["properties"]["audiences"]["items"]["enum"]) == {"first-time", "support-worker",
                                                                          "career-changer", "returner"}


def test_choices_carry_their_labels_from_the_vocabulary() -> None:
    """Every enum of the model's vocabularies is the vocabulary's values, with its labels for the editor's hover."""
    vocabularies = {vocabulary.values: vocabulary for vocabulary in model.vocabularies().values()}
    found = 0
    for text in build_schemas(REPO).values():
        for node in _nodes(json.loads(text)):
            if "enumDescriptions" in node:
                vocabulary = vocabularies[tuple(node["enum"])]
                assert node["enumDescriptions"] == [vocabulary.labels[value] for value in vocabulary.values]
                found += 1
    assert found >= len(vocabularies)


def _nodes(node: object) -> list[dict]:
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in _nodes(value))]
    if isinstance(node, list):
        return [found for value in node for found in _nodes(value)]
    return []


def test_shipped_files_name_their_schema_on_the_first_line() -> None:
    missing = [path.relative_to(REPO).as_posix() for kind, path in shipped_files() if path.is_file()
               and path.read_text(encoding="utf-8").splitlines()[0]
               != schema_reference(kind, path.relative_to(REPO).as_posix())]
    assert not missing, f"no or wrong '# yaml-language-server: $schema=' first line: {missing}"


def test_vscode_maps_every_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert {Path(schema).name for schema in settings["yaml.schemas"]} == set(schema_file_names().values())
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_schema_and_generator_agree_on_the_shipped_catalogue() -> None:
    load_valid_catalogue(REPO, TODAY)  # the generator: valid (raises ContentInvalid otherwise)
    problems = []
    for kind, path in shipped_files():
        if path.is_file():
            data, _ = load_yaml_file(path)
            problems += [f"{path.name}: {error.json_path}: {error.message}"
                         for error in validator(kind).iter_errors(data)]
    assert not problems


@pytest.mark.parametrize("case", sorted(SCHEMA_CAN_JUDGE))
def test_schema_and_generator_agree_on_bad_input(case: str) -> None:
    assert (BAD / f"{case}.expected").read_text(encoding="utf-8").strip()  # the generator: invalid
    try:
        data, _ = load_yaml_text((BAD / f"{case}.yaml").read_bytes())
    except _LoadProblem as problem:  # pragma: no cover - these cases load
        pytest.fail(f"{case} does not load: {problem.message}")
    kind = SCHEMA_CAN_JUDGE[case]
    errors = list(validator(kind).iter_errors(data))
    assert errors, f"the {kind} schema accepts {case}"


def test_schema_accepts_what_the_generator_accepts_for_each_kind(make_catalogue) -> None:
    import conftest

    root = make_catalogue()
    samples = {"profession": conftest.profession(), "story": conftest.story(), "module": conftest.module(),
               "talk": conftest.talk(), "audience": conftest.guide(), "resource": [conftest.resource()],
               "event": [conftest.event()]}
    load_valid_catalogue(root, TODAY)
    for kind, data in samples.items():
        assert not list(validator(kind).iter_errors(data)), kind
