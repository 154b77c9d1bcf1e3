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


# --- How do I get in? and the returner guide (issue 17) ---------------------------------------------------------

def test_every_profession_answers_how_do_i_get_in(catalogue: Catalogue) -> None:
    for p in catalogue.professions:
        assert p.pay is not None and p.funding is not None, p.id
        assert len(p.next_steps) >= 3, p.id
        assert sum(1 for route in p.entry_routes if route.entry_requirements) >= 2, p.id
        back = [route for route in p.entry_routes if route.route == "return-to-practice"]
        assert back and back[0].entry_requirements, p.id
        if p.regulator == "HCPC":
            assert "**30 days**" in back[0].entry_requirements and "**60 days**" in back[0].entry_requirements, p.id
            assert "NHS England" in back[0].summary, p.id
        else:
            assert "GOsC" in back[0].entry_requirements and "two years" in back[0].entry_requirements


def test_returner_guide_states_the_hcpc_requirements_and_links_the_programme(catalogue: Catalogue) -> None:
    guide = catalogue.guides["returner"]
    text = " ".join([guide.intro, *guide.where_to_start, *(s.body for s in guide.sections)])
    assert "**30 days**" in text and "**60 days**" in text and "2 to 5 years" in text and "5 years or more" in text
    assert "[NHS England's AHP Return to Practice programme](https://" in text
    assert "Mythbuster" in text and "GOsC" in text


def test_corrected_claims_stay_corrected() -> None:
    """Issue 17 item 6: claims a fact check found unsupported must not come back."""
    text = "\n".join(path.read_text(encoding="utf-8") for folder in ("professions", "audiences")
                     for path in sorted((REPO / "content" / folder).glob("*.yaml")))
    for wrong in ("HEE AHP Return to Practice", "through your school", "July and August", "Two times of year",
                  "Many NHS employers have"):
        assert wrong not in text, wrong
    osteopath = (REPO / "content/professions/osteopath.yaml").read_text(encoding="utf-8")
    assert "Inside/Up" not in osteopath
    first_time = (REPO / "content/audiences/first-time.yaml").read_text(encoding="utf-8")
    assert "**January**" in first_time and "October" in first_time
    assert "15\n  profession pages" in first_time or "15 profession pages" in first_time
