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
from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import REPO, parse_html, values

from generator.catalogue import KIND_ORDER, Catalogue
from generator.readability import reading_ease
from generator.render.base import page_path, page_url
from generator.rules import PLAIN_ENGLISH_AUDIENCE, READING_EASE_MIN

PROFESSION_IDS = {
    "art-therapist", "dramatherapist", "music-therapist", "podiatrist", "dietitian", "occupational-therapist",
    "operating-department-practitioner", "orthoptist", "osteopath", "paramedic", "physiotherapist",
    "prosthetist-orthotist", "diagnostic-radiographer", "therapeutic-radiographer", "speech-and-language-therapist",
}


@pytest.fixture(scope="module")
def catalogue(shipped_catalogue: Catalogue) -> Catalogue:
    return shipped_catalogue


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


def pages_linked(tree: BeautifulSoup, root: str) -> set[str]:
    """The site addresses (from the site root) of the page's links `root` + address, without a query or fragment."""
    return {href.removeprefix(root) for href in values(tree, "a[href]", "href")
            if href.startswith(root) and len(href) > len(root) and not {"#", "?"} & set(href)}


def test_every_entry_is_reachable_from_its_audience_guides(shipped_site: Path, catalogue: Catalogue) -> None:
    """On the guide itself, or one tap away: the guide's 'See all' link for that kind opens Explore, whose
    server-rendered pages list every entry without JavaScript."""
    explore = set()
    for listing in (shipped_site / "explore").rglob("index.html"):
        depth = len(listing.relative_to(shipped_site).parts) - 1
        explore |= pages_linked(parse_html(listing.read_text()), "../" * depth)
    missing = []
    for audience in catalogue.guides:
        tree = parse_html((shipped_site / "for" / audience / "index.html").read_text())
        on_guide = pages_linked(tree, "../../")
        see_all_links = values(tree, ".ahp-see-all a", "href")
        for kind in KIND_ORDER:
            see_all = f"../../explore/?audience={audience}&kind={kind}" in see_all_links
            links = on_guide | explore if see_all else on_guide
            for entry in catalogue.of_kind(kind):
                if getattr(entry, "for_staff", False):
                    continue  # a staff tool is offered to ambassadors, not on a learner's guide (issue 17)
                if audience in getattr(entry, "audiences", ()) and page_url(page_path(kind, entry.id)) not in links:
                    missing.append(f"{audience} -> {kind}:{entry.id}")
    assert missing == []


# --- Issue 17: no dead ends, sources shown as sources, real routes in ---------------------------------------------

SEED_FILE_NAME = re.compile(r"\b00\d_[0-9a-f]{16}(?:\.txt)?\b")
"""The shape of a source document's file name (e.g. 000_055b8d76fe1b33d6.txt): an editors' key, never shown."""


def says_how_to_get_it(tree: BeautifulSoup) -> bool:
    """`<h2 id="how-to-get">How to get it</h2>`, then straight after it a plain `<p>` whose text starts with a word."""
    heading = tree.select_one("h2#how-to-get")
    if heading is None or heading.string != "How to get it":
        return False
    after = [node for node in heading.next_siblings if not (isinstance(node, NavigableString) and not node.strip())]
    answer = after[0] if after else None
    return (isinstance(answer, Tag) and answer.name == "p" and not answer.attrs and bool(answer.contents)
            and isinstance(answer.contents[0], NavigableString) and re.match(r"\w", answer.contents[0]) is not None)


def test_no_resource_page_is_a_dead_end(shipped_site: Path, catalogue: Catalogue) -> None:
    dead_ends = []
    for resource in catalogue.resources:
        tree = parse_html((shipped_site / page_url(page_path("resource", resource.id)) / "index.html").read_text())
        opens = [href for href in values(tree, '[class="ahp-resource__open"] > a[class="ahp-button"]:first-child',
                                         "href") if href.startswith("https://") and len(href) > len("https://")]
        if not (opens or says_how_to_get_it(tree)):
            dead_ends.append(resource.id)
    assert len(catalogue.resources) >= 50
    assert dead_ends == []


def test_no_source_document_file_name_is_shown_anywhere(shipped_site: Path) -> None:
    pages = [path for path in shipped_site.rglob("*") if path.suffix in {".html", ".xml", ".ics", ".json", ".txt"}]
    shown = [f"{path.relative_to(shipped_site)}: {match.group(0)}" for path in pages
             for match in SEED_FILE_NAME.finditer(path.read_text(errors="replace"))]
    assert len(pages) > 100
    assert shown == []


def test_sources_name_the_document_by_title_and_publisher(shipped_site: Path) -> None:
    tree = parse_html((shipped_site / "stories" / "hampshire-hospitals-insight-days" / "index.html").read_text())
    sources = tree.select_one('section[aria-labelledby="sources-heading"]:has(> h2#sources-heading)')
    assert sources is not None
    cited = [(cite.string, str(cite.next_sibling).startswith(", NHS Employers, 9 January 2024"))
             for cite in sources.select("cite") if not cite.attrs]
    assert ("Work experience in the NHS", True) in cited, cited
    assert "https://www.nhsemployers.org/publications/work-experience-nhs" in values(sources, "a", "href")


def test_the_file_name_check_can_fail() -> None:
    assert SEED_FILE_NAME.search("Sources: (000_055b8d76fe1b33d6.txt)")
    assert not SEED_FILE_NAME.search("Work experience in the NHS (NHS Employers, 9 January 2024)")


def test_every_audience_has_a_real_persons_route_from_a_public_page(catalogue: Catalogue) -> None:
    """Issue 17 item 7: a real route in per audience, linked to the page it is told from, never invented."""
    for audience in catalogue.guides:
        real = [story.id for story in catalogue.stories
                if audience in story.audiences and story.kind == "case-study" and not story.illustrative
                and story.link and story.route and story.link in story.sources]
        assert real, f"no real route-in story for {audience}"


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


def test_new_talk_summaries_read_easily(catalogue: Catalogue) -> None:
    for talk_id in ("year-9-options-talk", "post-16-routes-talk"):
        summary = catalogue.by_id[("talk", talk_id)].summary
        assert reading_ease(summary) >= READING_EASE_MIN, (talk_id, reading_ease(summary))
