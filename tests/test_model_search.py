"""Profession search words (site search): short everyday words, each once, a few per profession; an
editor's mistake is reported at its line in plain words."""

from __future__ import annotations

import pytest
from conftest import TODAY, profession, run_cli
from pydantic import ValidationError

from generator.model import MAX_SEARCH_WORDS, Profession


def test_search_words_are_optional_and_kept_as_written() -> None:
    assert Profession.model_validate(profession()).search_words == []
    words = ["feet", "x-ray", "999", "lazy eye", "MRI", "o'clock"]
    assert Profession.model_validate(profession(search_words=words)).search_words == words


@pytest.mark.parametrize(("words", "message"), [
    (["feet", "Feet"], "'Feet' is listed twice"),
    (["feet, foot"], "is not a search word"),
    (["<b>feet</b>"], "is not a search word"),
    (["two\nlines"], "is not a search word"),
    (["-feet"], "is not a search word"),
    (["f"], "at least 2 characters"),
    (["w" * 41], "at most 40 characters"),
    ([f"word{n}" for n in range(MAX_SEARCH_WORDS + 1)], f"at most {MAX_SEARCH_WORDS} items"),
])
def test_bad_search_words_are_refused(words: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Profession.model_validate(profession(search_words=words))


def test_an_editors_mistake_points_at_the_line(make_catalogue) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(search_words=["feet", "FEET"])})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 1
    assert "content/professions/podiatrist.yaml:" in result.stderr
    assert "search_words" in result.stderr and "'FEET' is listed twice" in result.stderr
