"""The Flesch reading ease score `validate` applies to summaries: right formula, dictionary syllables, and the same
score as textstat (the library the test suite used before the check moved into validation)."""

from __future__ import annotations

import pytest

from generator.readability import reading_ease, sentences, syllables, words
from generator.rules import READING_EASE_MIN

SAMPLES = [
    "They help you walk and run again after you hurt your leg.",
    "Multidisciplinary rehabilitation interventions necessitate comprehensive interprofessional collaboration, "
    "notwithstanding organisational heterogeneity.",
    "It's the people's choice. Don't go! 'Quoted' words here... OK? Yes.",
    "Paramedics don't just drive ambulances: they assess, treat and refer patients - often at home.",
    "", "!!!",
]


@pytest.mark.parametrize(("word", "count"), [("cat", 1), ("the", 1), ("water", 2), ("hello", 2), ("reading", 2),
                                             ("podiatrist", 4), ("physiotherapist", 5), ("rehabilitation", 6),
                                             ("Rehabilitation", 6)])
def test_syllables_come_from_the_english_hyphenation_dictionary(word: str, count: int) -> None:
    assert syllables(word) == count


def test_words_and_sentences_are_split_as_textstat_splits_them() -> None:
    assert words("Don't stop - it's 'fine', OK?") == ["Don't", "stop", "it's", "fine", "OK"]
    assert words("self-care") == ["selfcare"]
    assert sentences("One two three. Four five six! Seven eight nine?") == 3
    assert sentences("Yes. No. They help you walk again.") == 1  # fragments of one or two words are not sentences
    assert sentences("") == 0


def test_the_formula() -> None:
    # 11 words, 1 sentence, 12 syllables
    text = "Cats like to sit in the sun on warm water days."
    assert len(words(text)) == 11 and sum(syllables(word) for word in words(text)) == 12
    assert reading_ease(text) == pytest.approx(206.835 - 1.015 * 11 - 84.6 * 12 / 11)
    assert reading_ease("") == 0.0


def test_the_check_can_fail() -> None:
    assert reading_ease(SAMPLES[1]) < READING_EASE_MIN <= reading_ease(SAMPLES[0])


@pytest.fixture(scope="module")
def textstat_reading_ease():
    """textstat's score, counting syllables with the same Pyphen dictionary (its offline fallback: it would
    otherwise download the CMU pronouncing dictionary through NLTK)."""
    import textstat
    import textstat.backend.counts._count_syllables as counter

    original = counter.get_cmudict
    counter.get_cmudict = lambda lang: None
    yield textstat.flesch_reading_ease
    counter.get_cmudict = original


def test_scores_and_verdicts_match_textstat_on_the_shipped_catalogue(textstat_reading_ease,
                                                                    shipped_catalogue) -> None:
    catalogue = shipped_catalogue
    texts = SAMPLES + [entry.summary for _, entry in catalogue.entries()]
    texts += [guide.summary for guide in catalogue.guides.values()]
    assert len(texts) > 100
    for text in texts:
        ours, theirs = reading_ease(text), textstat_reading_ease(text)
        assert ours == pytest.approx(theirs), text
        assert (ours >= READING_EASE_MIN) == (theirs >= READING_EASE_MIN), text
