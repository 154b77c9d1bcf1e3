"""Validation of stories and talk packs as an editor meets it: `validate` exits 1 and names the file and line.

Timings that do not add up, a first-person story without consent or with consent refused, contact details in a
story, and a talk pack using a resource that does not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY, run_cli, story, talk

from generator.rules import _PHONE

STORY = "content/stories/sport-to-podiatry.yaml"
TALK = "content/talks/assembly.yaml"


def line_of(root: Path, relative: str, text: str) -> int:
    """1-based number of the first line of `relative` containing `text`."""
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def validate(root: Path) -> tuple[int, list[str], str]:
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    output = result.stderr + result.stdout
    return result.returncode, [line for line in output.splitlines() if ".yaml:" in line], output


def assert_one_error(root: Path, relative: str, line: int, *words: str) -> None:
    code, errors, output = validate(root)
    assert code == 1, output
    assert "Traceback" not in output
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{relative}:{line}:"), errors
    for word in words:
        assert word in errors[0], (word, errors[0])


def test_talk_timings_must_add_up(make_catalogue) -> None:
    root = make_catalogue({TALK: talk(minutes=20)})  # the plan's steps are 5 + 10 minutes
    assert_one_error(root, TALK, line_of(root, TALK, "minutes: 20"), "minutes is 20", "add up to 15")


def test_first_person_story_needs_consent(make_catalogue) -> None:
    root = make_catalogue({STORY: story(kind="first-person")})
    assert_one_error(root, STORY, line_of(root, STORY, "kind: first-person"), "consent record")


def test_illustrative_first_person_story_needs_no_consent(make_catalogue) -> None:
    root = make_catalogue({STORY: story(kind="first-person", illustrative=True)})
    code, errors, output = validate(root)
    assert code == 0, output
    assert errors == []


def test_consent_refused_is_an_error(make_catalogue) -> None:
    consent = {"given": False, "naming": "first-name", "recorded_on": "2026-05-01"}
    root = make_catalogue({STORY: story(kind="first-person", consent=consent)})
    assert_one_error(root, STORY, line_of(root, STORY, "consent:"), "consent.given is false")


def test_email_address_in_story_body(make_catalogue) -> None:
    root = make_catalogue({STORY: story(body="Jo trained in Leeds.\n\nWrite to jo.bloggs@example.org to ask her.")})
    assert_one_error(root, STORY, line_of(root, STORY, "body:"), "body", "e-mail address")


@pytest.mark.parametrize("number", [
    "07700 900123", "07700900123", "+44 7700 900 123", "+447700900123", "+44 20 7946 0000", "+44 (0)20 7946 0000",
    "(020) 7946 0000", "020 7946 0000", "020-7946-0000", "0117 496 0123", "0800 123 4567",
])
def test_uk_phone_number_in_story_body(make_catalogue, number: str) -> None:
    root = make_catalogue({STORY: story(body=f"She now runs the clinic.\n\nRing her on {number} to book.")})
    assert_one_error(root, STORY, line_of(root, STORY, "body:"), "body", "phone number")


def test_phone_number_in_other_story_fields(make_catalogue) -> None:
    root = make_catalogue({STORY: story(setting="Leeds clinic, call 0113 496 0000")})
    assert_one_error(root, STORY, line_of(root, STORY, "setting:"), "setting", "phone number")


@pytest.mark.parametrize("text", [
    "In 2019 and 2020 she worked 37.5 hours a week.", "From band 5 to band 7 in 10 years.",
    "About 0.5% of 1000000 people.", "Ages 07 to 11, in 2025 and 2026.",
])
def test_ordinary_numbers_are_not_phone_numbers(text: str) -> None:
    assert _PHONE.search(text) is None


def test_unknown_resource_in_talk(make_catalogue) -> None:
    root = make_catalogue({TALK: talk(resources=["ahp-vr360", "no-such-video"])})
    assert_one_error(root, TALK, line_of(root, TALK, "- no-such-video"), "resources[2]", "unknown resource",
                     "no-such-video")
