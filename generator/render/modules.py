"""Virtual work experience: the module index (grouped by profession, filterable) and one page per module.

Why: a module page carries a reflective log that only the learner's browser keeps. Everything the log needs (the
storage key prefix, one field id per prompt, the activity order) is decided here, so log.js only reads data
attributes and the page is a complete, printable blank log without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator import model, urls
from generator.model import ACTIVITY_KIND_LABELS, Module
from generator.render.base import DURATION_BUCKETS, Renderer, duration_bucket, page_path

LOG_KEY_PREFIX = "ahp-log"
"""Answers are kept in the browser's localStorage under `ahp-log:<module id>:<activity id>`."""



@dataclass(frozen=True)
class Group:
    """One heading of the module index: a profession (or every profession) and its modules."""

    id: str
    title: str
    url_target: str | None
    modules: tuple[Module, ...]


def format_minutes(minutes: int) -> str:
    """'45 minutes', '1 hour', '2 hours 30 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def format_ages(age_range: model.AgeRange) -> str:
    """'14 to 18', or '16 and over' when the range is open-ended (max 99)."""
    if age_range.max >= 99:
        return f"{age_range.min} and over"
    return f"{age_range.min} to {age_range.max}"


def group_modules(renderer: Renderer) -> list[Group]:
    """Modules under each profession they name (professions in title order), then those for every profession."""
    catalogue = renderer.catalogue
    groups = [Group(p.id, p.title, page_path("profession", p.id),
                    tuple(m for m in catalogue.modules if p.id in m.professions))
              for p in catalogue.professions]
    every = tuple(m for m in catalogue.modules if model.ALL_PROFESSIONS in m.professions)
    groups.append(Group(model.ALL_PROFESSIONS, "For every profession", None, every))
    return [group for group in groups if group.modules]


def module_card(module: Module) -> dict[str, Any]:
    return {
        "entry": module, "time": format_minutes(module.minutes), "ages": format_ages(module.age_range),
        "duration": duration_bucket(module.minutes), "professions": " ".join(module.professions),
        "audiences": " ".join(module.audiences),
    }


def module_view(renderer: Renderer, module: Module) -> dict[str, Any]:
    """What a module page shows: professions as links, activities with their log fields, next steps."""
    catalogue = renderer.catalogue
    professions = [{"title": "All the allied health professions", "target": urls.PROFESSIONS,
                    "next": "Find out about all the allied health professions"}
                   if pid == model.ALL_PROFESSIONS else
                   {"title": catalogue.profession(pid).title, "target": page_path("profession", pid),
                    "next": f"Read the {catalogue.profession(pid).title} page: what they do and how to become one"}
                   for pid in module.professions]
    activities = []
    for number, activity in enumerate(module.activities, start=1):
        activities.append({
            "activity": activity, "number": number, "kind_label": ACTIVITY_KIND_LABELS[activity.kind],
            "time": format_minutes(activity.minutes),
            "resources": [{"title": catalogue.by_id[("resource", rid)].title, "id": rid}
                          for rid in activity.resources],
            "fields": [{"id": f"log-{activity.id}-{index}", "prompt": prompt}
                       for index, prompt in enumerate(activity.prompts, start=1)],
        })
    return {
        "professions": professions, "activities": activities, "time": format_minutes(module.minutes),
        "ages": format_ages(module.age_range), "log_key": f"{LOG_KEY_PREFIX}:{module.id}",
        "log_count": sum(1 for activity in module.activities if activity.prompts),
    }


def build_modules(renderer: Renderer) -> Iterable[tuple[str, str]]:
    modules = renderer.catalogue.modules
    groups = group_modules(renderer)
    present = {duration_bucket(m.minutes) for m in modules}
    yield urls.MODULES, renderer.page(
        urls.MODULES, "modules_index.html.j2", "Virtual work experience",
        "Short work experience modules you can do from home, on a phone, with a private log.",
        groups=groups, module_count=len(modules), cards={m.id: module_card(m) for m in modules},
        durations=[(value, label) for value, label, _most in DURATION_BUCKETS if value in present],
        audiences=[(a, model.AUDIENCE_LABELS[a]) for a in model.AUDIENCE_IDS],
        profession_options=[(p.id, p.title) for p in renderer.catalogue.professions])
    for module in modules:
        path = page_path("module", module.id)
        yield path, renderer.page(path, "module.html.j2", module.title, module.summary, entry=module,
                                  view=module_view(renderer, module))
