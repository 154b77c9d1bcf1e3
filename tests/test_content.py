"""Rules for the shipped content (issue: starter catalogue). They fail when an editor's change leaves a profession
without related material, an entry without a source, or a summary for young people too hard to read.

Readability: `validate` itself refuses a summary for first-time career choosers that scores under
`rules.READING_EASE_MIN` on the Flesch reading ease scale (see generator/readability.py); the test here keeps the
shipped catalogue passing, and tests/test_readability.py checks the score against textstat's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from generator.catalogue import KIND_ORDER, Catalogue
from generator.pipeline import load_valid_catalogue
from generator.readability import reading_ease
from generator.render.base import page_path, page_url
from generator.rules import PLAIN_ENGLISH_AUDIENCE, READING_EASE_MIN

PROFESSION_IDS = {
    "art-therapist", "dramatherapist", "music-therapist", "podiatrist", "dietitian", "occupational-therapist",
    "operating-department-practitioner", "orthoptist", "osteopath", "paramedic", "physiotherapist",
    "prosthetist-orthotist", "diagnostic-radiographer", "therapeutic-radiographer", "speech-and-language-therapist",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_valid_catalogue(REPO, TODAY)


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


def test_summaries_for_young_people_are_plain_english(catalogue: Catalogue) -> None:
    hard = {f"{kind}:{entry.id}": round(reading_ease(entry.summary), 1) for kind, entry in catalogue.entries()
            if PLAIN_ENGLISH_AUDIENCE in getattr(entry, "audiences", ())
            and reading_ease(entry.summary) < READING_EASE_MIN}
    assert hard == {}


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
