"""The catalogue's model, declared once: it drives validation, rendering and the exported JSON Schema.

Why: editors' YAML is checked against exactly what templates read, and their editor autocompletes from the same
declarations. Every class forbids unknown fields (a typo must fail loudly) and is frozen (nothing downstream may
change a validated entry). Words an editor can choose from are `Literal` ids with plain-English labels beside them.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

# --- Vocabularies -------------------------------------------------------------------------------------------------

AudienceId = Literal["first-time", "support-worker", "career-changer", "returner"]
AUDIENCE_LABELS: dict[str, str] = {
    "first-time": "Choosing my first career",
    "support-worker": "Support workers",
    "career-changer": "Changing career",
    "returner": "Returning to practice",
}

Regulator = Literal["HCPC", "GOsC"]
REGULATOR_LABELS: dict[str, str] = {
    "HCPC": "Health and Care Professions Council (HCPC)",
    "GOsC": "General Osteopathic Council (GOsC)",
}

EntryRouteKind = Literal["degree", "degree-apprenticeship", "support-worker", "return-to-practice", "masters"]
ENTRY_ROUTE_LABELS: dict[str, str] = {
    "degree": "University degree",
    "degree-apprenticeship": "Degree apprenticeship",
    "support-worker": "From support worker",
    "return-to-practice": "Return to practice",
    "masters": "Postgraduate (master's) course",
}

ProfessionFlag = Literal["shortage", "highest-supply-concern", "small-and-vital"]
FLAG_LABELS: dict[str, str] = {
    "shortage": "Shortage profession",
    "highest-supply-concern": "Highest supply concern",
    "small-and-vital": "Small and vital profession",
}

Interest = Literal[
    "sport-and-exercise", "science-and-the-body", "art-and-making", "music", "drama-and-performing",
    "technology-and-gadgets", "food-and-cooking", "children-and-young-people", "older-people",
    "puzzles-and-problem-solving", "words-and-language", "action-and-emergencies", "eyes-and-vision",
    "designing-and-building", "mental-health-and-feelings", "helping-with-everyday-life",
]
INTEREST_LABELS: dict[str, str] = {
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
}

Strength = Literal[
    "calm-under-pressure", "good-listener", "good-with-hands", "patient", "creative", "team-player",
    "clear-communicator", "careful-with-detail", "practical", "caring", "active",
]
STRENGTH_LABELS: dict[str, str] = {
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
}

Value = Literal[
    "working-together", "respect-and-dignity", "quality-of-care", "compassion", "improving-lives",
    "everyone-counts",
]
VALUE_LABELS: dict[str, str] = {  # The NHS Constitution's six values.
    "working-together": "working together for patients",
    "respect-and-dignity": "respect and dignity",
    "quality-of-care": "commitment to quality of care",
    "compassion": "compassion",
    "improving-lives": "improving lives",
    "everyone-counts": "everyone counts",
}

StoryKind = Literal["case-study", "first-person"]
StoryRoute = Literal["degree", "apprenticeship", "support-worker", "career-change", "return", "work-experience"]
CareerStage = Literal["student", "newly-qualified", "support-worker", "experienced"]
Naming = Literal["full-name", "first-name", "anonymous"]
STORY_ROUTE_LABELS: dict[str, str] = {
    "degree": "University degree", "apprenticeship": "Apprenticeship", "support-worker": "From support worker",
    "career-change": "Changing career", "return": "Returning to practice", "work-experience": "Work experience",
}
CAREER_STAGE_LABELS: dict[str, str] = {
    "student": "Student", "newly-qualified": "Newly qualified", "support-worker": "Support worker",
    "experienced": "Experienced",
}

ResourceType = Literal[
    "website", "video", "virtual-reality", "interactive", "toolkit", "guide", "lesson-plan", "e-learning",
    "programme", "campaign", "framework", "ambassador-scheme",
]
RESOURCE_TYPE_LABELS: dict[str, str] = {
    "website": "Website", "video": "Video", "virtual-reality": "Virtual reality", "interactive": "Interactive",
    "toolkit": "Toolkit", "guide": "Guide", "lesson-plan": "Lesson plan", "e-learning": "E-learning",
    "programme": "Programme", "campaign": "Campaign", "framework": "Framework",
    "ambassador-scheme": "Ambassador scheme",
}

EventKind = Literal[
    "awareness-day", "awareness-week", "awareness-month", "recruitment-deadline", "recruitment-window",
    "programme-intake", "other",
]
EVENT_KIND_LABELS: dict[str, str] = {
    "awareness-day": "Awareness day", "awareness-week": "Awareness week", "awareness-month": "Awareness month",
    "recruitment-deadline": "Recruitment deadline", "recruitment-window": "Recruitment window",
    "programme-intake": "Programme intake", "other": "Other",
}

ActivityKind = Literal["watch", "read", "try", "quiz", "reflect"]
AgeGroup = Literal["ks2", "ks3", "ks4", "ks5", "adults"]
AGE_GROUP_LABELS: dict[str, str] = {
    "ks2": "Key stage 2 (ages 7 to 11)", "ks3": "Key stage 3 (ages 11 to 14)",
    "ks4": "Key stage 4 (ages 14 to 16)", "ks5": "Key stage 5 (ages 16 to 18)", "adults": "Adults",
}
TalkSetting = Literal["assembly", "class-session", "careers-fair-stand", "online"]
TALK_SETTING_LABELS: dict[str, str] = {
    "assembly": "Assembly", "class-session": "Class session", "careers-fair-stand": "Careers fair stand",
    "online": "Online",
}

SEED_DOCUMENTS: dict[str, str] = {
    "000_055b8d76fe1b33d6.txt": "Allied Health Professions: Quick guide to work experience (Health Education England)",
    "001_368562afe33f14fe.txt": "Work experience in the NHS (NHS Employers, 9 January 2024)",
    "002_67d9b56a58427b43.txt": "Quick Guide to Allied Health Professions Careers Awareness (NHS England)",
    "003_9dc467f87f5abb7a.txt": "AHP support workforce: grow your own workforce strategies (Health Education England)",
    "004_133d3833f8c4517f.txt": "AHP support workforce: readiness toolkit 2021 (Health Education England)",
}
"""The source documents (in `shared/seeds/`) an entry may cite by file name."""

MAX_ACTIVITY_MINUTES = 75
"""The work-experience guide's limit for one shadowing activity (000_055b8d76fe1b33d6.txt)."""
ALL_PROFESSIONS = "all"
"""Written as `professions: [all]` for an entry about every profession."""

# --- Field types --------------------------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)


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


def _check_markdown(value: str) -> str:
    for html in _RAW_HTML.finditer(value):
        if _AUTOLINK.fullmatch(html.group(0)):
            continue  # <https://...> is a Markdown autolink, checked as a link below
        raise PydanticCustomError("raw_html", "raw HTML ({tag}) is not allowed in Markdown text",
                                  {"tag": html.group(0)[:40]})
    for pattern in (_MARKDOWN_LINK, _AUTOLINK, _LINK_DEFINITION):
        for match in pattern.finditer(value):
            complaint = check_link_target(match.group(1))
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
                     AfterValidator(_check_markdown)]
HttpsUrl = Annotated[str, AfterValidator(_check_https)]
Source = Annotated[str, AfterValidator(_check_source)]


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


# Site search (issue 19): everyday words a profession is found by.
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


class Consent(StrictModel):
    given: bool = Field(description="The person agreed to publication.")
    naming: Naming = Field(description="How the person is named: full-name, first-name or anonymous.")
    recorded_on: dt.date = Field(description="Date consent was recorded.")


class Story(TaggedEntry):
    """A case study (a scheme, programme or organisation) or a first-person story."""

    kind: StoryKind = Field(description="case-study, or first-person.")
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
    kind: ActivityKind = Field(description="watch, read, try, quiz or reflect.")
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

    type: ResourceType = Field(description="What kind of resource it is.")
    url: HttpsUrl | None = Field(default=None, description="Its address; leave out if the documents give none.")
    organisation: Text | None = Field(default=None, description="Who provides it.")
    professions: list[Slug] = Field(default=["all"], description="Profession ids, or [all].")
    age_range: AgeRange | None = Field(default=None, description="Ages it suits, where known.")
    minutes: int | None = Field(default=None, ge=1, description="How long it takes, where known.")
    talk_material: bool = Field(default=False, description="Useful to ambassadors giving a talk.")


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

    @model_validator(mode="after")
    def _one_form(self) -> Event:
        if (self.date is None) == (self.rule is None):
            raise PydanticCustomError("event_form", "give either date (one-off) or rule and starts (recurring)")
        if self.rule is not None and self.starts is None:
            raise PydanticCustomError("event_starts", "a recurring event needs starts: its first occurrence")
        if self.date is not None and self.end is not None and self.end < self.date:
            raise PydanticCustomError("event_end", "end ({end}) is before date ({date})",
                                      {"end": self.end.isoformat(), "date": self.date.isoformat()})
        # Calendar (issue 6): a field of the other form would be silently ignored, so refuse it.
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


class TalkActivity(StrictModel):
    title: Text = Field(description="Name of the interactive activity.")
    instructions: Markdown = Field(description="How to run it.")


class Talk(TaggedEntry):
    """A ready-to-deliver talk pack for ambassadors."""

    age_groups: list[AgeGroup] = Field(min_length=1, description="ks2, ks3, ks4, ks5 or adults.")
    minutes: int = Field(ge=1, description="Length: the sum of the plan's steps.")
    setting: TalkSetting = Field(description="assembly, class-session, careers-fair-stand or online.")
    professions: list[Slug] = Field(min_length=1, description="Profession ids, or [all].")
    plan: list[PlanStep] = Field(min_length=1, description="Ordered steps.")
    resources: list[Slug] = Field(default=[], description="Ids of resources from resources.yaml it uses.")
    activity: TalkActivity = Field(description="The interactive activity.")
    send_adaptations: list[Text] = Field(min_length=1, description="Adaptations for special educational needs.")
    gatsby_benchmarks: list[Annotated[int, Field(ge=1, le=8)]] = Field(min_length=1,
                                                                     description="Gatsby Benchmarks (1-8).")
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

AUDIENCE_IDS: tuple[str, ...] = get_args(AudienceId)
