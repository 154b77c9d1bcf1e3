"""Rules for the shipped content (issue: starter catalogue). They fail when an editor's change leaves a profession
without related material, an entry without a source, or a summary for young people too hard to read.

Readability: summaries of entries for first-time career choosers must score at least READING_EASE_MIN on the
Flesch reading ease scale (60 = "plain English", readable by most 13 to 15 year olds), computed with textstat.
textstat normally counts syllables with the CMU pronouncing dictionary, which NLTK downloads on first use; builds
here have no network, so the tests use textstat's own fallback, the Pyphen hyphenation dictionary shipped in the
pyphen wheel. The threshold is documented in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from generator.catalogue import KIND_ORDER, Catalogue
from generator.pipeline import load_valid_catalogue
from generator.render.base import page_path, page_url

READING_EASE_MIN = 60.0
PROFESSION_IDS = {
    "art-therapist", "dramatherapist", "music-therapist", "podiatrist", "dietitian", "occupational-therapist",
    "operating-department-practitioner", "orthoptist", "osteopath", "paramedic", "physiotherapist",
    "prosthetist-orthotist", "diagnostic-radiographer", "therapeutic-radiographer", "speech-and-language-therapist",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_valid_catalogue(REPO, TODAY)


@pytest.fixture(scope="module")
def reading_ease():
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    original = syllables.get_cmudict
    syllables.get_cmudict = lambda lang: None  # offline: use the Pyphen fallback (see module docstring)
    syllables.count_syllables.cache_clear() if hasattr(syllables.count_syllables, "cache_clear") else None
    yield textstat.flesch_reading_ease
    syllables.get_cmudict = original


def test_the_starter_catalogue_is_complete(catalogue: Catalogue) -> None:
    assert {p.id for p in catalogue.professions} == PROFESSION_IDS
    assert set(catalogue.guides) == {"first-time", "support-worker", "career-changer", "returner"}
    assert len(catalogue.stories) >= 8
    assert len(catalogue.modules) >= 5
    assert len(catalogue.resources) >= 25
    assert len(catalogue.events) >= 25
    assert len(catalogue.talks) >= 6


def test_regulators(catalogue: Catalogue) -> None:
    assert {p.id: p.regulator for p in catalogue.professions if p.regulator != "HCPC"} == {"osteopath": "GOsC"}


@pytest.mark.parametrize("profession_id", sorted(PROFESSION_IDS))
def test_every_profession_has_related_material(catalogue: Catalogue, profession_id: str) -> None:
    profession = catalogue.profession(profession_id)
    assert profession.audiences, "no audience"
    assert catalogue.related(profession_id, "module") or catalogue.related(profession_id, "resource"), \
        "no related module or resource"
    named_events = [e for kind, e in catalogue.by_profession.get(profession_id, ()) if kind == "event"]
    assert named_events, "no event names this profession"


def test_every_entry_cites_a_source(catalogue: Catalogue) -> None:
    unsourced = [f"{kind}:{entry.id}" for kind, entry in catalogue.entries() if not entry.sources]
    unsourced += [f"audience:{g.id}" for g in catalogue.guides.values() if not g.sources]
    assert unsourced == []


def test_summaries_for_young_people_are_plain_english(catalogue: Catalogue, reading_ease) -> None:
    hard = {f"{kind}:{entry.id}": round(reading_ease(entry.summary), 1) for kind, entry in catalogue.entries()
            if "first-time" in getattr(entry, "audiences", ()) and reading_ease(entry.summary) < READING_EASE_MIN}
    assert hard == {}


def test_the_readability_check_can_fail(reading_ease) -> None:
    jargon = ("Multidisciplinary rehabilitation interventions necessitate comprehensive interprofessional "
              "collaboration, notwithstanding organisational heterogeneity.")
    assert reading_ease(jargon) < READING_EASE_MIN
    assert reading_ease("They help you walk and run again after you hurt your leg.") >= READING_EASE_MIN


def test_every_entry_is_reachable_from_its_audience_guides(shipped_site: Path, catalogue: Catalogue) -> None:
    missing = []
    for audience in catalogue.guides:
        html = (shipped_site / "for" / audience / "index.html").read_text()
        links = set(re.findall(r'href="\.\./\.\./([^"#?]+)"', html))
        for kind in KIND_ORDER:
            for entry in catalogue.of_kind(kind):
                if audience in getattr(entry, "audiences", ()) and page_url(page_path(kind, entry.id)) not in links:
                    missing.append(f"{audience} -> {kind}:{entry.id}")
    assert missing == []


def test_talk_packs_cover_the_school_years_that_matter(catalogue: Catalogue) -> None:
    """Issue 20: a 20-minute talk for key stage 3 (Year 9 options), key stage 4 and post-16; two packs a teacher can
    deliver; Gatsby Benchmarks only where they hold."""
    twenty = {group: [t.id for t in catalogue.talks if group in t.age_groups and t.minutes == 20]
              for group in ("ks3", "ks4", "ks5")}
    assert all(twenty.values()), twenty
    assert len([t for t in catalogue.talks if t.presenter in ("teacher", "either")]) >= 2
    for pack in catalogue.talks:
        if set(pack.age_groups) == {"adults"}:
            assert pack.gatsby_benchmarks == [], pack.id
        assert 7 not in pack.gatsby_benchmarks, pack.id  # no shipped pack includes a college or university visit
        assert "slides" in pack.materials, pack.id


def test_new_talk_summaries_read_easily(catalogue: Catalogue, reading_ease) -> None:
    for talk_id in ("year-9-options-talk", "post-16-routes-talk"):
        summary = catalogue.by_id[("talk", talk_id)].summary
        assert reading_ease(summary) >= READING_EASE_MIN, (talk_id, reading_ease(summary))
