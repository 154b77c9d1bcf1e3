"""Ambassadors: talk packs and talk resources, filterable by age group, time, setting and profession, with the
awareness dates of the next eight weeks, and one printable page per talk pack.

Why: an ambassador asked to speak to a Year 10 class for 20 minutes next week should find a pack that fits in
two minutes, on a phone, with or without JavaScript. So the page lists every pack and talk resource as cards (the
script only hides the ones that do not fit), and repeats the packs as short lists per age group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import model, urls
from generator.model import ALL_PROFESSIONS, Resource, Talk
from generator.render.base import Renderer, page_path, upcoming_dates
from generator.render.filters import CardList, FilterForm, chip_group, useful
from generator.render.kit import VOCABULARY_CARDS, deck_path, material_link, material_page

UPCOMING_DAYS = 56
"""The awareness dates listed are those of the next eight weeks from the build date."""

GATSBY_BENCHMARKS: dict[int, str] = {
    1: "A stable careers programme",
    2: "Learning from career and labour market information",
    3: "Addressing the needs of each pupil",
    4: "Linking curriculum learning to careers",
    5: "Encounters with employers and employees",
    6: "Experiences of workplaces",
    7: "Encounters with further and higher education",
    8: "Personal guidance",
}
"""The eight Gatsby Benchmarks of good careers guidance, by number."""

RESOURCES_SHOWN = 6
"""Talk resources shown before "Show more", so the page stays a few phone screens long; all are listed without
JavaScript."""
AGE_GROUP_SHORT: dict[str, str] = {group: facts.name for group, facts in model.AGE_GROUP_FACTS.items()}
"""Short names of the age groups, for the filter chips."""
AGE_GROUP_YEARS: dict[str, tuple[int, int]] = {group: facts.ages for group, facts in model.AGE_GROUP_FACTS.items()}
"""Ages in each group as [from, to): a resource's age range is matched against these."""

TIME_LIMITS: tuple[tuple[int, str], ...] = (
    (15, "Up to 15 min"), (20, "Up to 20 min"), (30, "Up to 30 min"), (60, "Up to 1 hour"),
)
"""Choices of the time filter: a pack fits if it takes no longer than the time the ambassador has."""


EMPLOYER_BENCHMARK = 5
"""Gatsby Benchmark 5, encounters with employers and employees: it holds only when an AHP presents."""
TEACH_PAGE = "teach/index.md"
SPEAKER_REQUEST_STEPS: tuple[tuple[str, str, str], ...] = (
    ("Ask through Inspiring the Future: AHPs sign up there as NHS ambassadors, and it connects them with schools "
     "in their area that want to show pupils what jobs there are.", "000_055b8d76fe1b33d6.txt",
     "inspiring-the-future"),
    ("Contact your local widening participation team: their role is to help students understand careers and to "
     "open up work experience and links with schools.", "000_055b8d76fe1b33d6.txt", ""),
    ("Ask the careers engagement and outreach team of your local integrated care system (ICS): promoting AHP "
     "careers is shared by the AHP teams that work with local schools.", "002_67d9b56a58427b43.txt", ""),
    ("Ask for someone one step ahead of your pupils, such as an AHP student or a newly qualified AHP: young people "
     "most want to hear from them.", "002_67d9b56a58427b43.txt", ""),
    ("STEM Ambassadors, volunteers who visit schools and communities as role models, are another way to find a "
     "speaker.", "002_67d9b56a58427b43.txt", "stem-ambassadors"),
)
"""How a school asks a local AHP team for a speaker: (advice, the source document it paraphrases, a resource id
to link or '')."""


def resource_age_groups(resource: Resource) -> list[str]:
    """Age groups a resource's age range overlaps; every group when the sources give no ages."""
    if resource.age_range is None:
        return list(AGE_GROUP_YEARS)
    low, high = resource.age_range.min, resource.age_range.max + 1
    return [group for group, (start, end) in AGE_GROUP_YEARS.items() if low < end and high > start]


def talk_card(talk: Talk) -> dict[str, Any]:
    return {
        "kind": "talk", "entry": talk, "age_groups": list(talk.age_groups), "minutes": talk.minutes,
        "presenter": talk.presenter, "teacher": talk.presenter in model.TEACHER_PRESENTERS,
        "setting": talk.setting, "professions": list(talk.professions),
        "filter_age": " ".join(talk.age_groups), "filter_professions": " ".join(talk.professions),
    }


def resource_card(resource: Resource) -> dict[str, Any]:
    groups = resource_age_groups(resource)
    return {
        "kind": "resource", "entry": resource, "age_groups": groups, "minutes": resource.minutes,
        "professions": list(resource.professions), "ages_known": resource.age_range is not None,
        "filter_age": " ".join(groups), "filter_professions": " ".join(resource.professions),
    }


def plan_steps(talk: Talk) -> list[dict[str, Any]]:
    """The plan with each step's start and end minute, so the presenter can keep time; a "your story" step is
    optional when a teacher may present."""
    steps, elapsed = [], 0
    for step in talk.plan:
        steps.append({"start": elapsed, "end": elapsed + step.minutes, "step": step,
                      "optional": step.story and talk.presenter in model.TEACHER_PRESENTERS})
        elapsed += step.minutes
    return steps


def filter_form(talks: list[dict[str, Any]], resources: list[dict[str, Any]],
                professions: Iterable[model.Profession]) -> FilterForm:
    """Age group, time, setting and profession, over the talk packs and the talk resources."""
    cards = talks + resources
    groups = useful((
        chip_group("age", "Age group", AGE_GROUP_SHORT.items(), (g for c in cards for g in c["age_groups"])),
        chip_group("minutes", "Time you have", ((str(limit), label) for limit, label in TIME_LIMITS),
                   any_label="Any length", at_most=True),
        chip_group("setting", "Setting (talk packs)", model.TALK_SETTING_LABELS.items(),
                   (c["setting"] for c in talks)),
        chip_group("profession", "Profession", ((p.id, p.title) for p in professions), open=False),
    ))
    lists = (("talk-pack-cards", talks), ("talk-resource-cards", resources))
    return FilterForm("ambassador-filters", "Filter talk packs and resources",
                      tuple(list_id for list_id, cards in lists if cards), groups)


def build_talks(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    talks = [talk_card(talk) for talk in catalogue.talks]
    resources = [resource_card(resource) for resource in catalogue.resources if resource.talk_material]
    awareness = [event for event in catalogue.events if event.kind.startswith("awareness-")]
    by_age = [(group, [card for card in talks if group in card["age_groups"]]) for group in AGE_GROUP_SHORT]
    yield urls.AMBASSADORS, renderer.page(
        urls.AMBASSADORS, "ambassadors.html.j2", "Ambassadors",
        "Ready-to-deliver talk packs and materials for allied health ambassadors, by age group, time and setting.",
        talks=talks, resources=resources, by_age=by_age,
        form=filter_form(talks, resources, catalogue.professions),
        talk_list=CardList("talk-pack-cards", len(talks), "talk packs", "talk pack"),
        resource_list=CardList("talk-resource-cards", len(resources), "resources", "resource", RESOURCES_SHOWN),
        dates=upcoming_dates(renderer, UPCOMING_DAYS, awareness), upcoming_weeks=UPCOMING_DAYS // 7)
    for talk in catalogue.talks:
        path = page_path("talk", talk.id)
        used = [catalogue.by_id[("resource", rid)] for rid in talk.resources]
        materials = [material_link(material, talk, catalogue) for material in talk.materials]
        if "slides" not in talk.materials:
            materials.append(material_link("slides", talk, catalogue))
        yield path, renderer.page(
            path, "talk.html.j2", talk.title, talk.summary, entry=talk, steps=plan_steps(talk), resources=used,
            benchmarks=benchmark_views(talk), materials=materials, presenter=model.PRESENTER_LABELS[talk.presenter],
            all_professions=ALL_PROFESSIONS in talk.professions)
    yield from build_teach(renderer, talks)


def benchmark_views(talk: Talk) -> list[tuple[int, str]]:
    """The pack's Gatsby Benchmarks, named; Benchmark 5 says it needs an AHP when a teacher may present."""
    views = []
    for number in sorted(set(talk.gatsby_benchmarks)):
        name = GATSBY_BENCHMARKS[number]
        if number == EMPLOYER_BENCHMARK and talk.presenter != "ambassador":
            name += " (when an AHP presents)"
        views.append((number, name))
    return views


def print_list(renderer: Renderer) -> list[dict[str, str]]:
    """What a teacher or ambassador can print: every generated material, with what it is for."""
    items = [{"label": model.TALK_MATERIALS["picture-cards"], "page": material_page("picture-cards"),
              "what": "one card per profession with a QR code to its page"}]
    items += [{"label": title, "page": material_page(material), "what": f"cards that start \u201c{lead} ...\u201d"}
              for material, (title, lead, _labels) in VOCABULARY_CARDS.items()]
    items.append({"label": model.TALK_MATERIALS["quiz"], "page": material_page("quiz"),
                  "what": "match each profession to what it does, with an answer sheet"})
    items.append({"label": "Profession handouts", "page": "professions/index.md",
                  "what": "one A4 page per profession: open a profession and choose its handout"})
    return items


def build_teach(renderer: Renderer, talks: list[dict[str, Any]]) -> Iterable[tuple[str, str]]:
    """The door for people who teach or give talks: packs by key stage or audience, time and setting, what to
    print, the next eight weeks of dates, and how to ask a local AHP team for a speaker."""
    catalogue = renderer.catalogue
    by_age = [(group, [card for card in talks if group in card["age_groups"]]) for group in AGE_GROUP_SHORT]
    speaker = [{"text": text, "source": model.SEED_DOCUMENTS[source].citation, "file": source,
                "resource": resource if ("resource", resource) in catalogue.by_id else ""}
               for text, source, resource in SPEAKER_REQUEST_STEPS]
    yield TEACH_PAGE, renderer.page(
        TEACH_PAGE, "teach.html.j2", "Talks and lessons",
        "For teachers and ambassadors: ready-to-use talks and lessons about the allied health professions, what "
        "to print, the dates coming up, and how to ask a local AHP team for a speaker.",
        by_age=by_age, teacher_talks=[card for card in talks if card["teacher"]], prints=print_list(renderer),
        deck_path=deck_path, dates=upcoming_dates(renderer, UPCOMING_DAYS), upcoming_weeks=UPCOMING_DAYS // 7,
        speaker=speaker, presenters=model.PRESENTER_LABELS)
