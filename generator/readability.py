"""How easy a line of English is to read: the Flesch reading ease score.

Why: summaries for first-time career choosers must be plain English (see `rules.READING_EASE_MIN`), and an editor
should hear so from `validate`, at the line, not from a test. The score is Flesch's formula,
206.835 - 1.015 * (words per sentence) - 84.6 * (syllables per word). Syllables are counted with the Pyphen
hyphenation dictionary for English (the LibreOffice dictionaries, shipped in the pyphen wheel, no network), one
more than the places a word can be hyphenated. Words and sentences are split as textstat splits them, so the score
is the one the test suite computed with textstat before this check moved into validation.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_LONE_APOSTROPHE = re.compile(r"'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def words(text: str) -> list[str]:
    """The words of `text`: punctuation removed except apostrophes in contractions; hyphenated words stay one."""
    return _PUNCTUATION.sub("", _LONE_APOSTROPHE.sub("", text)).split()


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in one word: the hyphenation points the English dictionary finds, plus one."""
    return len(_dictionary().positions(word.lower())) + 1


def sentences(text: str) -> int:
    """Sentences in `text`, ending at . ! or ?; fragments of one or two words do not count as sentences."""
    found = _SENTENCE.findall(text)
    return max(1, sum(1 for sentence in found if len(words(sentence)) > 2)) if text else 0


def reading_ease(text: str) -> float:
    """Flesch reading ease: 100 is very easy, 60 to 70 is plain English, below 30 is for graduates."""
    found = words(text)
    if not found:
        return 0.0
    per_sentence = len(found) / sentences(text)
    per_word = sum(syllables(word) for word in found) / len(found)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word
