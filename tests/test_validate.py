"""Validation: pydantic's findings become one plain-English ContentError per mistake, at the right line."""

from __future__ import annotations

import pytest
from conftest import TODAY, dump, event, module, profession, resource, story

from generator.errors import ContentInvalid
from generator.load import Locator, RawEntry, load_catalogue_files, load_yaml_text
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
        "module.yaml:14: minutes: minutes is 51 but the activities add up to 50"]
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
