"""Stories: an index filterable by profession, audience and route, and one page per story.

Why: a story is only useful if a reader can trust it, so every card and page says plainly what it is (a case study
of a scheme, a personal story published with consent, or an illustrative example) and where it comes from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from generator import model, urls
from generator.model import ALL_PROFESSIONS, Story
from generator.render.base import Renderer, page_path

NAMING_NOTES: dict[str, str] = {naming: f"Published with the person's consent, {label}."
                                for naming, label in model.NAMING_LABELS.items()}


def story_label(story: Story) -> str:
    """What kind of story this is, in the words the reader sees first."""
    if story.illustrative:
        return "Illustrative example"
    return model.STORY_KIND_LABELS[story.kind]


def source_name(source: str) -> str:
    """A short name for a source: the document's title, or the web site's host name."""
    if source in model.SEED_DOCUMENTS:
        return model.SEED_DOCUMENTS[source].citation
    return urlsplit(source).hostname or source


def story_view(renderer: Renderer, story: Story) -> dict[str, Any]:
    """The data a story card and page show, and the values it is filtered on."""
    catalogue = renderer.catalogue
    professions = [{"id": pid, "title": catalogue.profession(pid).title}
                   for pid in story.professions if pid != ALL_PROFESSIONS and ("profession", pid) in catalogue.by_id]
    if story.illustrative:
        note = "An invented example to show what the work can be like; it is not about a real person or scheme."
    elif story.kind == "case-study" and story.link:
        note = (f"A case study: real events told in our own words from a page published by "
                f"{urlsplit(story.link).hostname}. The link at the end has the original.")
    elif story.kind == "case-study":
        note = "A case study of real work, told from the sources listed at the end of the page."
    else:
        note = NAMING_NOTES[story.consent.naming] if story.consent else "Published with the person's consent."
    return {
        "entry": story, "label": story_label(story), "note": note,
        "source": story.organisation or source_name(story.sources[0]),
        "professions": professions, "all_professions": ALL_PROFESSIONS in story.professions,
        "filter_professions": " ".join(story.professions), "filter_audiences": " ".join(story.audiences),
        "route": model.STORY_ROUTE_LABELS.get(story.route or "", ""), "filter_route": story.route or "",
        "career_stage": model.CAREER_STAGE_LABELS.get(story.career_stage or "", ""),
    }


def build_stories(renderer: Renderer) -> Iterable[tuple[str, str]]:
    catalogue = renderer.catalogue
    views = [story_view(renderer, story) for story in catalogue.stories]
    named = {pid for story in catalogue.stories for pid in story.professions}
    routes = [route for route in model.STORY_ROUTE_LABELS if any(story.route == route for story in catalogue.stories)]
    yield urls.STORIES, renderer.page(
        urls.STORIES, "stories_index.html.j2", "Stories",
        "Case studies of schemes, and of real people's routes into the allied health professions, told from public "
        "pages.",
        stories=views, audiences=model.AUDIENCE_IDS,
        professions=[p for p in catalogue.professions if p.id in named or ALL_PROFESSIONS in named],
        routes=[(route, model.STORY_ROUTE_LABELS[route]) for route in routes])
    for view in views:
        story = view["entry"]
        path = page_path("story", story.id)
        yield path, renderer.page(path, "story.html.j2", story.title, story.summary, entry=story, view=view)
