"""Validation: pydantic's findings become one plain-English ContentError per mistake, at the right line."""

from __future__ import annotations

import copy

import pytest
from conftest import TODAY, dump, event, guide, module, profession, resource, story, talk

from generator import validate
from generator.errors import ContentInvalid
from generator.load import Locator, RawEntry, load_catalogue_files, load_yaml_text
from generator.model import TALK_SETTINGS, Resource
from generator.validate import validate_catalogue, validate_entry


def entry_errors(kind: str, data: dict | str) -> list[str]:
    text = data if isinstance(data, str) else dump(data)
    loaded, locator = load_yaml_text(text.encode())
    entry, errors = validate_entry(RawEntry(kind, f"{kind}.yaml", loaded, locator))
    assert (entry is None) == bool(errors)
    return [error.format() for error in errors]


def test_valid_entries_pass() -> None:
    for kind, data in (("profession", profession()), ("story", story()), ("module", module()),
                       ("resource", resource()), ("event", event())):
        assert entry_errors(kind, data) == []


def test_unknown_field_with_a_guess_is_one_error() -> None:
    data = profession()
    data["titel"] = data.pop("title")
    assert entry_errors("profession", data) == ["profession.yaml:25: titel: unknown field (hint: did you mean "
                                                "'title'?)"]


def test_unknown_field_without_a_guess_lists_the_allowed_fields() -> None:
    [error] = entry_errors("resource", resource(colour="blue"))
    assert error.startswith("resource.yaml:13: colour: unknown field (hint: allowed fields: id, title, summary,")


def test_nested_unknown_field_guesses_from_the_nested_model() -> None:
    data = module()
    data["activities"][0]["minuets"] = data["activities"][0].pop("minutes")
    assert entry_errors("module", data) == [
        "module.yaml:24: activities[1].minuets: unknown field (hint: did you mean 'minutes'?)"]


def test_empty_template_fields_say_so() -> None:
    errors = entry_errors("resource", "id: x\ntitle:\nsummary: Something useful to read.\nsources: []\n"
                                      "review_by: 2027-01-01\naudiences: [first-time]\ntype:\n")
    assert errors == [
        "resource.yaml:2: title: is empty (hint: write a value after the colon)",
        "resource.yaml:4: sources: needs at least 1 item(s) (hint: add '- ' lines below it, or write [a, b])",
        "resource.yaml:7: type: is empty (hint: choose one of: website, video, virtual-reality, interactive, "
        "toolkit, guide, lesson-plan, e-learning, programme, campaign, framework, ambassador-scheme)",
    ]


def test_model_level_checks_point_at_the_field() -> None:
    assert entry_errors("module", module(minutes=51)) == [
        "module.yaml:14: minutes: minutes is 51 but the activities add up to 50 (hint: make minutes the total, or "
        "change the parts' minutes)"]
    [error] = entry_errors("event", event(date="2027-01-01"))
    assert error.startswith("event.yaml:14: date: give either date (one-off) or rule and starts (recurring)")


@pytest.mark.parametrize(("value", "words"), [
    ("Hello <b>there</b>", "raw HTML (<b>) is not allowed"),
    ("<img src=x onerror=alert(1)>", "raw HTML (<img src=x onerror=alert(1)>)"),
    ("<iframe src=https://x.org></iframe>", "raw HTML (<iframe"),
    ('<p style="color:red">red</p>', "raw HTML (<p style"),
    ("[x](javascript:alert(1))", "a link starting 'javascript:' is not allowed"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "is not allowed"),
    ("[x](http://example.org/)", "a link starting 'http:' is not allowed"),
    ("<javascript:alert(1)>", "a link starting 'javascript:' is not allowed"),
])
def test_markdown_refuses_html_and_unsafe_links(value: str, words: str) -> None:
    [error] = entry_errors("story", story(body=value))
    assert words in error
    assert "(hint: " in error


@pytest.mark.parametrize("value", ["See [the page](https://www.nhs.uk/) or <https://www.nhs.uk/>.",
                                   "[e-mail](mailto:someone@example.org)", "[all](/professions/)",
                                   "[up](../paramedic/)", "2 < 3 and 5 > 4", "**bold** and *em*"])
def test_markdown_accepts_safe_text(value: str) -> None:
    assert entry_errors("resource", resource(summary="A useful thing to read online.")) == []
    assert entry_errors("story", story(body=value)) == []


def test_url_fields_need_https() -> None:
    for url in ("http://example.org", "javascript:alert(1)", "data:text/html,x", "https://", "ftp://x.org"):
        [error] = entry_errors("resource", resource(url=url))
        assert "is not an https:// web address" in error, url


def test_one_unreadable_file_gives_one_error(make_catalogue) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": "id: podiatrist\n\ttitle: x\n"})
    with pytest.raises(ContentInvalid) as invalid:
        validate_catalogue(load_catalogue_files(root), TODAY)
    assert [(error.path, error.message) for error in invalid.value.errors] == [
        ("content/professions/podiatrist.yaml", "tab character found")]


def test_an_unreadable_list_file_hides_its_ids(make_catalogue) -> None:
    root = make_catalogue({"resources.yaml": "id: not-a-list\n"})
    with pytest.raises(ContentInvalid) as invalid:
        validate_catalogue(load_catalogue_files(root), TODAY)
    assert [error.path for error in invalid.value.errors] == ["resources.yaml"]


def test_unknown_reference_with_nothing_to_suggest(make_catalogue) -> None:
    root = make_catalogue({"resources.yaml": [resource(professions=["zzz"])]})
    with pytest.raises(ContentInvalid) as invalid:
        validate_catalogue(load_catalogue_files(root), TODAY)
    [error] = invalid.value.errors
    assert error.format() == "resources.yaml:11: professions[1]: unknown profession 'zzz' (hint: known profession " \
                             "ids: podiatrist)"


def test_entry_that_is_not_a_mapping() -> None:
    _, errors = validate_entry(RawEntry("resource", "resources.yaml", "text", Locator({(0,): (3, 3)}), (0,)))
    assert [error.format() for error in errors] == [
        "resources.yaml:3: entry: each entry should be a group of 'field: value' lines (hint: start the entry "
        "with '- id: ...')"]


PYTHON_TEXT = ("Traceback", "Error:", "Error(", "Exception", "pydantic", "Input should", "String should",
               "List should", "Value error", "Field required", "Extra inputs", "validation error", "NoneType",
               "typing.", "Literal[", "Annotated[", "<class", "{'", "[{")
"""Fragments of Python's and pydantic's own wording, which an editor should never have to read."""
WRONG_VALUES = (None, "", "x" * 300, "nonsense value", 0, 3.5, True, [], ["zzz"], {"a": 1}, "2027-02-30",
                "<b>bold</b>")
"""A wrong value of every shape: empty, too long, wrong type, wrong choice, impossible date, unsafe Markdown."""


def _wrong_entries():
    """Every valid example with one field (top level, or inside its first nested item) set to a wrong value."""
    for kind, example in (("profession", profession()), ("story", story()), ("module", module()),
                          ("resource", resource()), ("event", event()), ("talk", talk()), ("audience", guide())):
        places = [(name,) for name in example]
        places += [(name, 0, inner) for name, value in example.items() if isinstance(value, list)
                   and value and isinstance(value[0], dict) for inner in value[0]]
        places += [(name, inner) for name, value in example.items() if isinstance(value, dict) for inner in value]
        for place in places:
            for wrong in WRONG_VALUES:
                data = copy.deepcopy(example)
                target = data
                for part in place[:-1]:
                    target = target[part]
                target[place[-1]] = wrong
                yield kind, data


def test_no_message_contains_python_or_pydantic_text() -> None:
    messages = {error.format() for kind, data in _wrong_entries()
                for error in validate_entry(RawEntry(kind, f"{kind}.yaml", data, Locator({})))[1]}
    assert len(messages) > 300
    leaks = [message for message in messages if any(fragment in message for fragment in PYTHON_TEXT)]
    assert leaks == []
    assert [message for message in messages if "(hint: " not in message] == []


def test_an_error_type_without_wording_still_speaks_plainly() -> None:
    """A pydantic error type the wording table does not know gets our fallback, never pydantic's text."""
    detail = {"type": "uuid_parsing", "loc": ("summary",), "msg": "Input should be a valid UUID", "input": "x",
              "url": "https://errors.pydantic.dev/2/v/uuid_parsing"}
    raw = RawEntry("resource", "resources.yaml", resource(), Locator({("summary",): (3, 3)}))
    error = validate._translate(raw, Resource, detail)
    assert error.format() == "resources.yaml:3: summary: is not a valid value (hint: one plain-English line a " \
                             "13-year-old can read; shown on cards and in link previews.)"


def test_every_choice_comes_from_the_vocabulary() -> None:
    [error] = entry_errors("talk", talk(setting="hall"))
    assert error.endswith("setting: 'hall' is not one of: " + ", ".join(TALK_SETTINGS.values)
                          + " (hint: copy one of the choices exactly as written here)")
    [error] = entry_errors("talk", talk(age_groups=["ks4", "year-10"]))
    assert "age_groups[2]: 'year-10' is not one of: ks2, ks3, ks4, ks5, adults" in error
