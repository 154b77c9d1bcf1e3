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

AGE_GROUP_SHORT: dict[str, str] = {group: facts.name for group, facts in model.AGE_GROUP_FACTS.items()}
"""Short names of the age groups, for the filter chips."""
AGE_GROUP_YEARS: dict[str, tuple[int, int]] = {group: facts.ages for group, facts in model.AGE_GROUP_FACTS.items()}
"""Ages in each group as [from, to): a resource's age range is matched against these."""

TIME_LIMITS: tuple[tuple[int, str], ...] = (
    (15, "Up to 15 min"), (20, "Up to 20 min"), (30, "Up to 30 min"), (60, "Up to 1 hour"),
)
"""Choices of the time filter: a pack fits if it takes no longer than the time the ambassador has."""


def resource_age_groups(resource: Resource) -> list[str]:
    """Age groups a resource's age range overlaps; every group when the sources give no ages."""
    if resource.age_range is None:
        return list(AGE_GROUP_YEARS)
    low, high = resource.age_range.min, resource.age_range.max + 1
    return [group for group, (start, end) in AGE_GROUP_YEARS.items() if low < end and high > start]


def talk_card(talk: Talk) -> dict[str, Any]:
    return {
        "kind": "talk", "entry": talk, "age_groups": list(talk.age_groups), "minutes": talk.minutes,
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
    """The plan with each step's start and end minute, so the presenter can keep time."""
    steps, elapsed = [], 0
    for step in talk.plan:
        steps.append({"start": elapsed, "end": elapsed + step.minutes, "step": step})
        elapsed += step.minutes
    return steps


def build_talks(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    talks = [talk_card(talk) for talk in catalogue.talks]
    resources = [resource_card(resource) for resource in catalogue.resources if resource.talk_material]
    awareness = [event for event in catalogue.events if event.kind.startswith("awareness-")]
    by_age = [(group, [card for card in talks if group in card["age_groups"]]) for group in AGE_GROUP_SHORT]
    yield urls.AMBASSADORS, renderer.page(
        urls.AMBASSADORS, "ambassadors.html.j2", "Ambassadors",
        "Ready-to-deliver talk packs and materials for allied health ambassadors, by age group, time and setting.",
        talks=talks, resources=resources, by_age=by_age, age_short=AGE_GROUP_SHORT, time_limits=TIME_LIMITS,
        settings=list(model.TALK_SETTING_LABELS), professions=catalogue.professions,
        dates=upcoming_dates(renderer, UPCOMING_DAYS, awareness), upcoming_weeks=UPCOMING_DAYS // 7)
    for talk in catalogue.talks:
        path = page_path("talk", talk.id)
        used = [catalogue.by_id[("resource", rid)] for rid in talk.resources]
        yield path, renderer.page(
            path, "talk.html.j2", talk.title, talk.summary, entry=talk, steps=plan_steps(talk), resources=used,
            benchmarks=[(number, GATSBY_BENCHMARKS[number]) for number in sorted(set(talk.gatsby_benchmarks))],
            all_professions=ALL_PROFESSIONS in talk.professions)
