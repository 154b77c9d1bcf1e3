"""The catalogue's model, declared once: it drives validation, rendering and the exported JSON Schema.

Why: editors' YAML is checked against exactly what templates read, and their editor autocompletes from the same
declarations. Every class forbids unknown fields (a typo must fail loudly) and is frozen (nothing downstream may
change a validated entry). Words an editor can choose from are vocabularies: one table of value -> label each.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError

from generator import links

# --- Vocabularies -------------------------------------------------------------------------------------------------
# Each vocabulary is ONE table, value -> plain-English label, in the order pages list them. The allowed values
# pydantic checks, the labels templates and filters show, the choices error messages list and the JSON Schema's
# enum (with the labels as `enumDescriptions` for the editor's hover) are all derived from it: adding a value is
# adding one line here.


class Vocabulary:
    """Words an editor can choose from, with the label a reader sees for each; also the marker that ties a
    field's allowed values to their labels (it sits in the field type's `Annotated` metadata)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels: Mapping[str, str] = MappingProxyType(dict(labels))
        self.values: tuple[str, ...] = tuple(labels)
        self.type: Any = Annotated[Literal[self.values], self]  # type: ignore[valid-type]
        """The field type: a `Literal` of the values, carrying this vocabulary as its marker."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["enumDescriptions"] = [self.labels[value] for value in self.values]
        return schema

    def __repr__(self) -> str:
        return f"Vocabulary({', '.join(self.values)})"


AUDIENCES = Vocabulary({
    "first-time": "Choosing my first career",
    "support-worker": "Support workers",
    "career-changer": "Changing career",
    "returner": "Returning to practice",
})

REGULATORS = Vocabulary({
    "HCPC": "Health and Care Professions Council (HCPC)",
    "GOsC": "General Osteopathic Council (GOsC)",
})

ENTRY_ROUTES = Vocabulary({
    "degree": "University degree",
    "degree-apprenticeship": "Degree apprenticeship",
    "support-worker": "From support worker",
    "return-to-practice": "Return to practice",
    "masters": "Postgraduate (master's) course",
})

CARE_AREAS = Vocabulary({
    "cancer": "Cancer care",
    "children": "Children and young people",
    "mental-health": "Mental health",
    "rehabilitation": "Rehabilitation",
    "older-people": "Older people",
    "learning-disabilities": "Learning disabilities",
})

AFC_BANDS = Vocabulary({band: f"Band {band}" for band in ("2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9")})
"""Agenda for Change pay bands, the NHS pay system for allied health professionals."""

NEXT_STEPS = Vocabulary({
    "find-a-course": "Find a course (UCAS)",
    "find-an-apprenticeship": "Find an apprenticeship (GOV.UK)",
    "find-a-job": "Find a job (NHS Jobs)",
    "regulator-students": "The regulator's pages for students",
    "regulator-return": "The regulator's return to practice pages",
    "professional-body-careers": "The professional body's careers pages",
})
NEXT_STEP_ADDRESSES: dict[str, str] = {
    "find-a-course": "https://www.ucas.com/",
    "find-an-apprenticeship": "https://www.gov.uk/apply-apprenticeship",
    "find-a-job": "https://www.jobs.nhs.uk/",
}
"""Next steps that are the same national service for every profession: declared once, so a profession's
`next_steps` only names the kind."""

PROFESSION_FLAGS = Vocabulary({
    "shortage": "Shortage profession",
    "highest-supply-concern": "Highest supply concern",
    "small-and-vital": "Small and vital profession",
})

INTERESTS = Vocabulary({
    "sport-and-exercise": "sport and exercise",
    "science-and-the-body": "science and how the body works",
    "art-and-making": "art and making things",
    "music": "music",
    "drama-and-performing": "drama and performing",
    "technology-and-gadgets": "technology and gadgets",
    "food-and-cooking": "food and cooking",
    "children-and-young-people": "working with children and young people",
    "older-people": "helping older people",
    "puzzles-and-problem-solving": "puzzles and solving problems",
    "words-and-language": "talking, words and language",
    "action-and-emergencies": "action and emergencies",
    "eyes-and-vision": "eyes and how we see",
    "designing-and-building": "designing and building things",
    "mental-health-and-feelings": "mental health and feelings",
    "helping-with-everyday-life": "helping people with everyday life",
})

STRENGTHS = Vocabulary({
    "calm-under-pressure": "staying calm under pressure",
    "good-listener": "listening well",
    "good-with-hands": "being good with your hands",
    "patient": "being patient",
    "creative": "being creative",
    "team-player": "working in a team",
    "clear-communicator": "explaining things clearly",
    "careful-with-detail": "being careful with detail",
    "practical": "being practical",
    "caring": "caring about people",
    "active": "being on your feet and active",
})

VALUES = Vocabulary({  # The NHS Constitution's six values.
    "working-together": "working together for patients",
    "respect-and-dignity": "respect and dignity",
    "quality-of-care": "commitment to quality of care",
    "compassion": "compassion",
    "improving-lives": "improving lives",
    "everyone-counts": "everyone counts",
})

STORY_KINDS = Vocabulary({
    "case-study": "Case study",
    "first-person": "Personal story",
})

STORY_ROUTES = Vocabulary({
    "degree": "University degree",
    "apprenticeship": "Apprenticeship",
    "support-worker": "From support worker",
    "career-change": "Changing career",
    "return": "Returning to practice",
    "work-experience": "Work experience",
})

CAREER_STAGES = Vocabulary({
    "student": "Student",
    "newly-qualified": "Newly qualified",
    "support-worker": "Support worker",
    "experienced": "Experienced",
})

NAMINGS = Vocabulary({  # How a consenting person is named; a story page says "Published with consent, <label>."
    "full-name": "with their full name",
    "first-name": "with their first name only",
    "anonymous": "without their name",
})

RESOURCE_TYPES = Vocabulary({
    "website": "Website",
    "video": "Video",
    "virtual-reality": "Virtual reality",
    "interactive": "Interactive",
    "toolkit": "Toolkit",
    "guide": "Guide",
    "lesson-plan": "Lesson plan",
    "e-learning": "E-learning",
    "programme": "Programme",
    "campaign": "Campaign",
    "framework": "Framework",
    "ambassador-scheme": "Ambassador scheme",
})

EVENT_KINDS = Vocabulary({
    "awareness-day": "Awareness day",
    "awareness-week": "Awareness week",
    "awareness-month": "Awareness month",
    "recruitment-deadline": "Recruitment deadline",
    "recruitment-window": "Recruitment window",
    "programme-intake": "Programme intake",
    "other": "Other",
})

ACTIVITY_KINDS = Vocabulary({
    "watch": "Watch",
    "read": "Read",
    "try": "Try it",
    "quiz": "Quiz",
    "reflect": "Reflect",
})


@dataclass(frozen=True)
class AgeGroupFacts:
    """One age group: its name, the school years it covers (England) and its ages as usually quoted."""

    name: str
    school_years: str
    ages: tuple[int, int]
    """(first, last) as in "ages 11 to 14"; matching treats `last` as the next group's first age, so neighbouring
    groups do not overlap."""

    @property
    def label(self) -> str:
        if not self.school_years:
            return self.name
        return f"{self.name} ({self.school_years}, ages {self.ages[0]} to {self.ages[1]})"


AGE_GROUP_FACTS: Mapping[str, AgeGroupFacts] = MappingProxyType({
    # Year groups and ages of each key stage in England, as a council's national-curriculum page tabulates them
    # (westminsteriass.co.uk/pages/information-and-advice/education/curriculum/national-curriculum) and, for key
    # stage 5 (sixth form or college), https://myadvicegateway.org/key-stages-of-education/.
    "ks2": AgeGroupFacts("Key stage 2", "Years 3 to 6", (7, 11)),
    "ks3": AgeGroupFacts("Key stage 3", "Years 7 to 9", (11, 14)),
    "ks4": AgeGroupFacts("Key stage 4", "Years 10 and 11", (14, 16)),
    "ks5": AgeGroupFacts("Key stage 5", "Years 12 and 13", (16, 18)),
    "adults": AgeGroupFacts("Adults", "", (18, 100)),
})
AGE_GROUPS = Vocabulary({group: facts.label for group, facts in AGE_GROUP_FACTS.items()})

TALK_SETTINGS = Vocabulary({
    "assembly": "Assembly",
    "class-session": "Class session",
    "careers-fair-stand": "Careers fair stand",
    "online": "Online",
})

PRESENTERS = Vocabulary({
    "ambassador": "An AHP ambassador",
    "teacher": "A teacher, no AHP needed",
    "either": "An AHP ambassador or a teacher",
})
TEACHER_PRESENTERS = frozenset({"teacher", "either"})
"""Presenters for whom a pack's "your story" steps are optional: a teacher has no AHP story to tell."""
ADULT_AGE_GROUPS = frozenset({"adults"})
"""A pack only for these age groups is an adult session: the Gatsby Benchmarks (for schools and colleges) do not
apply to it."""
SUBJECT_BENCHMARK = 4
"""Gatsby Benchmark 4, linking curriculum learning to careers: a pack claims it only if it names its subjects."""

TALK_MATERIALS: dict[str, str] = {
    "picture-cards": "Profession picture cards",
    "interest-cards": "Interest cards",
    "strength-cards": "Strength cards",
    "value-cards": "Value cards",
    "quiz": "Quiz sheet with answers",
    "slides": "Slide deck (.pptx)",
}
"""Materials the site generates from the catalogue, which a talk pack's `materials` may name."""
MATERIAL_REFERENCES: dict[str, str] = {"handout": "profession", "resource": "resource"}
"""`<prefix>:<id>` materials: a profession's one-page handout, or a resource from resources.yaml."""

# The names code uses, derived from the tables above (declare nothing here).
AudienceId = AUDIENCES.type
AUDIENCE_LABELS = AUDIENCES.labels
AUDIENCE_IDS = AUDIENCES.values
Regulator = REGULATORS.type
REGULATOR_LABELS = REGULATORS.labels
EntryRouteKind = ENTRY_ROUTES.type
ENTRY_ROUTE_LABELS = ENTRY_ROUTES.labels
ProfessionFlag = PROFESSION_FLAGS.type
FLAG_LABELS = PROFESSION_FLAGS.labels
Interest = INTERESTS.type
INTEREST_LABELS = INTERESTS.labels
Strength = STRENGTHS.type
STRENGTH_LABELS = STRENGTHS.labels
Value = VALUES.type
VALUE_LABELS = VALUES.labels
StoryKind = STORY_KINDS.type
STORY_KIND_LABELS = STORY_KINDS.labels
StoryRoute = STORY_ROUTES.type
STORY_ROUTE_LABELS = STORY_ROUTES.labels
CareerStage = CAREER_STAGES.type
CAREER_STAGE_LABELS = CAREER_STAGES.labels
Naming = NAMINGS.type
NAMING_LABELS = NAMINGS.labels
ResourceType = RESOURCE_TYPES.type
RESOURCE_TYPE_LABELS = RESOURCE_TYPES.labels
EventKind = EVENT_KINDS.type
EVENT_KIND_LABELS = EVENT_KINDS.labels
ActivityKind = ACTIVITY_KINDS.type
ACTIVITY_KIND_LABELS = ACTIVITY_KINDS.labels
AgeGroup = AGE_GROUPS.type
AGE_GROUP_LABELS = AGE_GROUPS.labels
TalkSetting = TALK_SETTINGS.type
TALK_SETTING_LABELS = TALK_SETTINGS.labels
CareArea = CARE_AREAS.type
CARE_AREA_LABELS = CARE_AREAS.labels
AfcBand = AFC_BANDS.type
NextStepKind = NEXT_STEPS.type
NEXT_STEP_LABELS = NEXT_STEPS.labels
Presenter = PRESENTERS.type
PRESENTER_LABELS = PRESENTERS.labels


def vocabularies() -> dict[str, Vocabulary]:
    """Every vocabulary of the model, by its name in this module (for tests and tools)."""
    return {name: value for name, value in globals().items() if isinstance(value, Vocabulary)}


class SeedDocument(NamedTuple):
    """One source document as a reader should see it cited: never by its file name."""

    title: str
    publisher: str
    date: str | None = None
    url: str | None = None

    @property
    def citation(self) -> str:
        """Title, publisher and date in one line, e.g. for a printed handout."""
        return f"{self.title} ({self.publisher}{', ' + self.date if self.date else ''})"


SEED_DOCUMENTS: dict[str, SeedDocument] = {
    "000_055b8d76fe1b33d6.txt": SeedDocument("Allied Health Professions: Quick guide to work experience",
                                             "Health Education England, now part of NHS England"),
    "001_368562afe33f14fe.txt": SeedDocument("Work experience in the NHS", "NHS Employers", "9 January 2024",
                                             "https://www.nhsemployers.org/publications/work-experience-nhs"),
    "002_67d9b56a58427b43.txt": SeedDocument("Quick Guide to Allied Health Professions Careers Awareness",
                                             "NHS England"),
    "003_9dc467f87f5abb7a.txt": SeedDocument("AHP support workforce: grow your own workforce strategies",
                                             "Health Education England, now part of NHS England"),
    "004_133d3833f8c4517f.txt": SeedDocument("AHP support workforce: readiness toolkit 2021",
                                             "Health Education England, now part of NHS England", "2021"),
}
"""The source documents (in `shared/seeds/`) an entry may cite by file name (the editors' key only: pages show the
title, publisher, date and, where one is known, the public address). Health Education England merged into NHS
England in April 2023."""

MAX_ACTIVITY_MINUTES = 75
"""The work-experience guide's limit for one shadowing activity (000_055b8d76fe1b33d6.txt)."""
LOOKAHEAD_DAYS = 3 * 366
"""How far ahead dates are worked out: a recurring event must happen within it, and its page lists dates up to it."""
COMING_UP_DAYS = 366
"""The "coming up" lists of the home and profession pages look one year ahead."""
STALE_ONE_OFF_DAYS = 366
"""A one-off date that ended longer ago than this is out of date and must be updated or removed."""
ALL_PROFESSIONS = "all"
"""Written as `professions: [all]` for an entry about every profession."""

# --- Field types --------------------------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError("slug", "'{value}' is not an id: use lower-case letters, digits and hyphens",
                                  {"value": value})
    return value


def _check_single_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("single_line", "must be one line (use a Markdown field for longer text)")
    return value


def check_link_target(target: str) -> str | None:
    """Return a complaint if a link target is not https:, mailto: or a path within the site."""
    # Browsers decode entities and drop tabs and newlines in a URL, so 'java&#115;cr\tipt:' is javascript:.
    lowered = re.sub(r"[\x00-\x20]", "", html_lib.unescape(target)).lower()
    if lowered.startswith(("//", "/\\")):  # another host, despite the leading slash
        return f"link '{target}' is not allowed: only https:, mailto: and links within the site"
    if not lowered or lowered.startswith(("https://", "mailto:", "/", "#", "./", "../")):
        return None
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", lowered)
    if scheme:
        return f"a link starting '{scheme.group(1)}:' is not allowed: only https:, mailto: and links within the site"
    return None


class MarkdownText:
    """Marker in a field type's metadata: the field holds Markdown (rendered as HTML, links checked). Tools ask
    `is_markdown(field)` rather than looking for the validator."""

    def __repr__(self) -> str:
        return "MarkdownText()"


MARKDOWN = MarkdownText()


def _check_markdown(value: str) -> str:
    for html in links.find_raw_html(value):
        raise PydanticCustomError("raw_html", "raw HTML ({tag}) is not allowed in Markdown text",
                                  {"tag": html[:40]})
    for link in links.find_links(value):
        complaint = check_link_target(link.target)
        if complaint:
            raise PydanticCustomError("link_scheme", complaint)
    return value


def _check_https(value: str) -> str:
    if not re.match(r"^https://[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", value, re.IGNORECASE):
        raise PydanticCustomError("https_url", "'{value}' is not an https:// web address", {"value": value})
    return value


def _check_source(value: str) -> str:
    if value in SEED_DOCUMENTS or value.startswith("https://"):
        return _check_https(value) if value.startswith("https://") else value
    raise PydanticCustomError("source", "'{value}' is neither a source document's file name nor an https:// "
                                        "address", {"value": value})


Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                 AfterValidator(_check_single_line)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=240),
                    AfterValidator(_check_single_line)]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000),
                     AfterValidator(_check_markdown), MARKDOWN]
HttpsUrl = Annotated[str, AfterValidator(_check_https)]
Source = Annotated[str, AfterValidator(_check_source)]


def _markers(field: FieldInfo) -> Iterator[object]:
    """Every metadata item of a field, including those inside `list[...]`, `... | None` and `Annotated[...]`."""
    yield from field.metadata
    pending = [field.annotation]
    while pending:
        annotation = pending.pop()
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            yield from annotation.__metadata__
            pending.append(typing.get_args(annotation)[0])
        elif origin in (list, tuple, typing.Union, types.UnionType):
            pending.extend(typing.get_args(annotation))


def is_markdown(field: FieldInfo) -> bool:
    """True for a Markdown field (or a list of Markdown items)."""
    return any(isinstance(marker, MarkdownText) for marker in _markers(field))


def vocabulary_of(field: FieldInfo) -> Vocabulary | None:
    """The vocabulary a choice field (or a list of choices) takes its values from, if any."""
    return next((marker for marker in _markers(field) if isinstance(marker, Vocabulary)), None)


class StrictModel(BaseModel):
    """Base of every model: unknown fields are errors and validated values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(StrictModel):
    title: Text = Field(description="What the link opens, in a few words.")
    url: HttpsUrl = Field(description="An https:// address.")


class AgeRange(StrictModel):
    min: int = Field(ge=4, le=99, description="Youngest age the entry suits.")
    max: int = Field(ge=4, le=99, description="Oldest age the entry suits (99 for adults of any age).")

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.max < self.min:
            raise PydanticCustomError("age_order", "max ({max}) is below min ({min})",
                                      {"max": self.max, "min": self.min})
        return self


class Entry(StrictModel):
    """Fields every entry has."""

    id: Slug = Field(description="Unique id within its kind; lower-case words joined by hyphens. "
                                 "For one-entry files it equals the file name.")
    title: Text = Field(description="Short title shown on cards and as the page heading.")
    summary: Summary = Field(description="One plain-English line a 13-year-old can read; shown on cards and in "
                                         "link previews.")
    sources: list[Source] = Field(min_length=1, description="Where the facts come from: a source document's file "
                                                            "name (e.g. 002_67d9b56a58427b43.txt) or an https:// "
                                                            "address.")
    review_by: dt.date = Field(description="Date (YYYY-MM-DD) by which an editor should check the entry is "
                                           "still right.")


class TaggedEntry(Entry):
    audiences: list[AudienceId] = Field(min_length=1, description="Who the entry is for.")


class EntryRoute(StrictModel):
    route: EntryRouteKind = Field(description="The kind of route.")
    summary: Markdown = Field(description="How this route works for this profession.")
    entry_requirements: Markdown | None = Field(
        default=None, description="What you usually need to start this route: for a degree the typical A levels "
                                  "and subjects, T Levels, BTEC, Access to HE, foundation years; for an "
                                  "apprenticeship what employers ask; for a return the regulator's updating.")
    sources: list[Source] = Field(default=[], description="Where the entry requirements come from (https:// "
                                                          "addresses you read).")

    @model_validator(mode="after")
    def _requirements_cited(self) -> EntryRoute:
        if self.entry_requirements is not None and not self.sources:
            raise PydanticCustomError("requirements_source", "entry_requirements needs sources: the pages the "
                                                             "requirements come from")
        return self


class Pay(StrictModel):
    """NHS pay for the profession, as Agenda for Change bands; the figures for each band change each April."""

    band_on_qualifying: AfcBand | None = Field(default=None, description="Agenda for Change band a newly "
                                                                     "qualified person usually starts on, e.g. "
                                                                     "'5'; leave out where there is none.")
    note: Text | None = Field(default=None, description="Where there is no NHS band (e.g. most osteopaths are "
                                                        "self-employed): one plain line saying so.")
    band_later: AfcBand | None = Field(default=None, description="A typical band with experience, e.g. '6'.")
    scale_year: Annotated[str, StringConstraints(pattern=r"^\d{4}/\d{2}$")] = Field(
        description="The pay-scale year the bands were checked against, e.g. 2025/26.")
    scale_source: HttpsUrl = Field(description="The published pay scales for that year.")
    sources: list[HttpsUrl] = Field(min_length=1, description="Pages stating this profession's bands.")
    review_by: dt.date = Field(description="Date (YYYY-MM-DD) to check again: pay scales change each April.")

    @model_validator(mode="after")
    def _band_or_note(self) -> Pay:
        if self.band_on_qualifying is None and self.note is None:
            raise PydanticCustomError("pay_band", "give band_on_qualifying, or a note saying why there is no band")
        return self


class Funding(StrictModel):
    """Money while training: grants for students, pay for apprentices."""

    summary: Markdown = Field(description="What help with money exists while training, and for whom.")
    sources: list[HttpsUrl] = Field(min_length=1, description="Pages the funding facts come from.")


class NextStep(StrictModel):
    kind: NextStepKind = Field(description="What the link helps with: find-a-course, find-an-apprenticeship, "
                                           "find-a-job, regulator-students, regulator-return or "
                                           "professional-body-careers.")
    title: Text | None = Field(default=None, description="Link text; the kind's label when left out.")
    url: HttpsUrl | None = Field(default=None, description="Its address; left out for the national services "
                                                           "(UCAS, GOV.UK apprenticeships, NHS Jobs).")

    @model_validator(mode="after")
    def _has_address(self) -> NextStep:
        if self.url is None and self.kind not in NEXT_STEP_ADDRESSES:
            raise PydanticCustomError("next_step_url", "a '{kind}' next step needs url: its https:// address",
                                      {"kind": self.kind})
        return self

    @property
    def address(self) -> str:
        """The link's address: its own, or the national service's."""
        return self.url or NEXT_STEP_ADDRESSES[self.kind]

    @property
    def label(self) -> str:
        return self.title or NEXT_STEP_LABELS[self.kind]


# Site search: everyday words a profession is found by.
_SEARCH_WORD = re.compile(r"^[^\W_](?:[\w' -]*[^\W_])?$")
MAX_SEARCH_WORDS = 12
"""Most search words one profession may list: a few strong words rank the page; a long list only dilutes it."""


def _check_search_word(value: str) -> str:
    if not _SEARCH_WORD.match(value):
        raise PydanticCustomError("search_word", "'{value}' is not a search word: use letters, digits, spaces, "
                                  "hyphens and apostrophes only, one word or short phrase per item",
                                  {"value": value})
    return value


def _check_distinct_words(words: list[str]) -> list[str]:
    seen: set[str] = set()
    for word in words:
        if word.casefold() in seen:
            raise PydanticCustomError("search_word_twice", "'{value}' is listed twice", {"value": word})
        seen.add(word.casefold())
    return words


SearchWord = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40),
                       AfterValidator(_check_search_word)]
"""One everyday word or short phrase a reader might type into site search."""
SearchWords = Annotated[list[SearchWord], AfterValidator(_check_distinct_words)]


class Profession(TaggedEntry):
    """An allied health profession's page."""

    search_words: SearchWords = Field(default=[], max_length=MAX_SEARCH_WORDS, description=(
        "Everyday words and other names people search with (feet, chiropodist, x-ray): site search finds this "
        "page first for them, and the page shows them. Only words that name the job or its everyday subject."))
    regulator: Regulator = Field(description="Who registers the profession: HCPC, or GOsC for osteopaths.")
    what_they_do: Markdown = Field(description="What the job is, in plain English.")
    where_they_work: list[Text] = Field(min_length=1, description="Places they work.")
    who_they_work_with: list[Text] = Field(min_length=1, description="People they work with and help.")
    day_in_the_role: Markdown = Field(description="An illustrative day, labelled as such on the page.")
    entry_routes: list[EntryRoute] = Field(min_length=1, description="Ways into the profession.")
    interests: list[Interest] = Field(min_length=1, description="Interests that fit ('people like me').")
    strengths: list[Strength] = Field(min_length=1, description="Strengths that fit.")
    values: list[Value] = Field(min_length=1, description="NHS values that show in the work.")
    flags: list[ProfessionFlag] = Field(default=[], description="Workforce flags the source documents support.")
    links: list[Link] = Field(default=[], description="Further reading: professional body, careers pages.")
    without_a_levels: Text | None = Field(default=None, description="One plain line: how to get in without "
                                                                     "A levels, where a route exists.")
    # Optional so a new profession can be drafted step by step; tests/test_content.py requires them on every
    # shipped profession.
    pay: Pay | None = Field(default=None, description="Agenda for Change band on qualifying and later, with the "
                                                      "pay-scale year.")
    funding: Funding | None = Field(default=None, description="Money while training (e.g. the NHS Learning "
                                                              "Support Fund; apprentices are paid).")
    next_steps: list[NextStep] = Field(default=[], min_length=3, description="At least three links: a course, an "
                                                                             "apprenticeship, jobs, the "
                                                                             "regulator's pages, the professional "
                                                                             "body's careers page.")
    care_areas: list[CareArea] = Field(default=[], description="Areas of care the profession works in (cancer, "
                                                               "children, mental health, rehabilitation...).")


class Consent(StrictModel):
    given: bool = Field(description="The person agreed to publication.")
    naming: Naming = Field(description="How the person is named on the page.")
    recorded_on: dt.date = Field(description="Date consent was recorded.")


class Story(TaggedEntry):
    """A case study (a scheme, programme or organisation) or a first-person story."""

    kind: StoryKind = Field(description="A case study of a scheme, or a person's own story.")
    professions: list[Slug] = Field(default=[], description="Profession ids the story is about, or [all].")
    route: StoryRoute | None = Field(default=None, description="The route the story shows.")
    career_stage: CareerStage | None = Field(default=None, description="'One step ahead' stage of the person.")
    setting: Text | None = Field(default=None, description="Where it happens (region, organisation type).")
    organisation: Text | None = Field(default=None, description="Organisation that ran the scheme.")
    body: Markdown = Field(description="The story.")
    illustrative: bool = Field(default=False, description="True for an invented example; the page says so.")
    consent: Consent | None = Field(default=None, description="Required for a first-person story about a real "
                                                              "person.")
    link: HttpsUrl | None = Field(default=None, description="Where to read more.")

    @model_validator(mode="after")
    def _first_person_needs_consent(self) -> Story:
        if self.kind == "first-person" and not self.illustrative:
            if self.consent is None:
                raise PydanticCustomError("consent_missing", "a first-person story about a real person needs a "
                                                             "consent record (or illustrative: true)")
            if not self.consent.given:
                raise PydanticCustomError("consent_not_given", "consent.given is false: this story cannot be "
                                                               "published")
        return self


class Activity(StrictModel):
    id: Slug = Field(description="Id of the activity, unique within the module.")
    kind: ActivityKind = Field(description="What the learner does.")
    title: Text = Field(description="Short title.")
    minutes: int = Field(ge=1, description=f"Time it takes; at most {MAX_ACTIVITY_MINUTES}.")
    instructions: Markdown = Field(description="What to do.")
    resources: list[Slug] = Field(default=[], description="Ids of resources from resources.yaml it uses.")
    prompts: list[Text] = Field(default=[], description="Questions for the reflective log (reflect activities).")

    @model_validator(mode="after")
    def _within_limits(self) -> Activity:
        if self.minutes > MAX_ACTIVITY_MINUTES:
            raise PydanticCustomError("activity_too_long", "minutes is {minutes}; an activity may last at most "
                                      "{limit} minutes", {"minutes": self.minutes, "limit": MAX_ACTIVITY_MINUTES})
        if self.kind == "reflect" and not self.prompts:
            raise PydanticCustomError("prompts_missing", "a reflect activity needs at least one prompt")
        return self


class Module(TaggedEntry):
    """A virtual work-experience module."""

    professions: list[Slug] = Field(min_length=1, description="Profession ids, or [all].")
    age_range: AgeRange = Field(description="Ages the module suits.")
    minutes: int = Field(ge=1, description="Total time: the sum of the activities' minutes.")
    learning_outcomes: list[Text] = Field(min_length=1, description="What a learner will be able to say or do.")
    activities: list[Activity] = Field(min_length=2, description="Ordered activities.")
    what_next: list[Markdown] = Field(min_length=1, description="Next steps: placements, courses, pages.")

    @model_validator(mode="after")
    def _totals(self) -> Module:
        total = sum(activity.minutes for activity in self.activities)
        if total != self.minutes:
            raise PydanticCustomError("minutes_total", "minutes is {minutes} but the activities add up to {total}",
                                      {"minutes": self.minutes, "total": total})
        if not any(activity.kind == "reflect" for activity in self.activities):
            raise PydanticCustomError("reflect_missing", "a module needs at least one reflect activity")
        return self


class Resource(TaggedEntry):
    """An external resource, programme or talk material."""

    REACHED_BY: ClassVar[tuple[str, ...]] = ("url", "how_to_get")
    """At least one of these is required: no resource page may be a dead end; templates offer the first."""

    type: ResourceType = Field(description="What kind of resource it is.")
    url: HttpsUrl | None = Field(default=None, description="Its public https:// address, from a source document "
                                                         "or a cited page you read; leave out if none is known.")
    how_to_get: Markdown | None = Field(default=None, description="Required when there is no url: how a reader gets "
                                                                 "it, e.g. who to ask (a trust's work-experience or "
                                                                 "widening-participation team).")
    organisation: Text | None = Field(default=None, description="Who provides it.")
    professions: list[Slug] = Field(default=["all"], description="Profession ids, or [all].")
    age_range: AgeRange | None = Field(default=None, description="Ages it suits, where known.")
    minutes: int | None = Field(default=None, ge=1, description="How long it takes, where known.")
    talk_material: bool = Field(default=False, description="Useful to ambassadors giving a talk.")
    for_staff: bool = Field(default=False, description="A tool for NHS staff and careers ambassadors, not for "
                                                       "learners: audiences then says who the staff reach with it.")

    @model_validator(mode="after")
    def _reachable(self) -> Resource:
        # Issue 17: a resource page with neither an address nor a way to get it is a dead end for the reader.
        if self.url is None and self.how_to_get is None:
            raise PydanticCustomError("resource_unreachable", "has neither url nor how_to_get: a reader cannot "
                                                              "reach this resource")
        return self


class Event(TaggedEntry):
    """An awareness date or a recruitment-calendar date, one-off or recurring."""

    kind: EventKind = Field(description="What kind of date it is.")
    professions: list[Slug] = Field(min_length=1, description="Profession ids, or [all].")
    date: dt.date | None = Field(default=None, description="One-off: the (first) day.")
    end: dt.date | None = Field(default=None, description="One-off: the last day, if more than one.")
    rule: str | None = Field(default=None, description="Recurring: an RFC 5545 RRULE such as "
                                                       "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14.")
    starts: dt.date | None = Field(default=None, description="Recurring: the first occurrence (DTSTART).")
    days: int = Field(default=1, ge=1, le=62, description="Recurring: how many days each occurrence lasts.")
    lead_time: Text | None = Field(default=None, description="When to start preparing, from the documents.")
    set_each_year: bool = Field(default=False, description="True when the organiser sets the date each year (UCAS, "
                                                           "National Apprenticeship Week, results day): calendar "
                                                           "files then hold only the next expected date, never a "
                                                           "yearly series.")

    @model_validator(mode="after")
    def _one_form(self) -> Event:
        if (self.date is None) == (self.rule is None):
            raise PydanticCustomError("event_form", "give either date (one-off) or rule and starts (recurring)")
        if self.rule is not None and self.starts is None:
            raise PydanticCustomError("event_starts", "a recurring event needs starts: its first occurrence")
        if self.date is not None and self.end is not None and self.end < self.date:
            raise PydanticCustomError("event_end", "end ({end}) is before date ({date})",
                                      {"end": self.end.isoformat(), "date": self.date.isoformat()})
        # A field of the other form would be silently ignored, so refuse it.
        if self.rule is not None and self.end is not None:
            raise PydanticCustomError("event_end", "end is only for one-off dates; a recurring event lasts "
                                                   "'days' days")
        if self.date is not None and "days" in self.model_fields_set:
            raise PydanticCustomError("event_form", "days is only for recurring events; give a one-off date range "
                                                    "with date and end")
        return self


class PlanStep(StrictModel):
    minutes: int = Field(ge=1, description="Time for this step.")
    step: Text = Field(description="What happens.")
    notes: Markdown | None = Field(default=None, description="Presenter's notes.")
    story: bool = Field(default=False, description="True for the presenter's own story: optional when a teacher "
                                                   "presents.")


class TalkActivity(StrictModel):
    title: Text = Field(description="Name of the interactive activity.")
    instructions: Markdown = Field(description="How to run it.")


class Talk(TaggedEntry):
    """A ready-to-deliver talk pack for ambassadors and teachers."""

    presenter: Presenter = Field(description="Who can deliver it: an AHP ambassador, a teacher with no AHP, or "
                                             "either.")
    age_groups: list[AgeGroup] = Field(min_length=1, description="Age groups the talk suits.")
    minutes: int = Field(ge=1, description="Length: the sum of the plan's steps.")
    setting: TalkSetting = Field(description="Where the talk is given.")
    professions: list[Slug] = Field(min_length=1, description="Profession ids, or [all].")
    plan: list[PlanStep] = Field(min_length=1, description="Ordered steps.")
    resources: list[Slug] = Field(default=[], description="Ids of resources from resources.yaml it uses.")
    materials: list[Text] = Field(default=[], description="What to print or show: " + ", ".join(TALK_MATERIALS)
                                  + ", handout:<profession id> or resource:<resource id>.")
    subjects: list[Text] = Field(default=[], description="School subjects the pack links to careers (needed for "
                                                         "Gatsby Benchmark 4).")
    activity: TalkActivity = Field(description="The interactive activity.")
    send_adaptations: list[Text] = Field(min_length=1, description="Adaptations for special educational needs.")
    gatsby_benchmarks: list[Annotated[int, Field(ge=1, le=8)]] = Field(
        default=[], description="Gatsby Benchmarks (1-8) it supports; none for a session for adults.")
    follow_ups: list[Markdown] = Field(min_length=1, description="What pupils can do next.")

    @model_validator(mode="after")
    def _timings(self) -> Talk:
        total = sum(step.minutes for step in self.plan)
        if total != self.minutes:
            raise PydanticCustomError("minutes_total", "minutes is {minutes} but the plan's steps add up to {total}",
                                      {"minutes": self.minutes, "total": total})
        return self


class GuideSection(StrictModel):
    heading: Text = Field(description="Section heading.")
    body: Markdown = Field(description="Section text.")


class AudienceGuide(Entry):
    """The guide page for one of the four audiences."""

    id: AudienceId = Field(description="One of the four audience ids.")  # type: ignore[assignment]
    intro: Markdown = Field(description="Opening paragraph.")
    where_to_start: list[Markdown] = Field(min_length=1, description="First steps, in order.")
    sections: list[GuideSection] = Field(default=[], description="Further sections.")


MODELS: dict[str, type[Entry]] = {
    "profession": Profession,
    "story": Story,
    "module": Module,
    "resource": Resource,
    "event": Event,
    "talk": Talk,
    "audience": AudienceGuide,
}
"""Kind name (as the loader reports it) -> model class."""
