"""Where every page and file lives in the docs tree, and the address a reader's browser uses for it.

Why: a page's place is a fact that page builders, templates, feeds and reports all need. Declared once here, a page
can move by changing one line, and no template rebuilds a path by gluing strings. Engine-neutral: paths are the
docs tree's (`professions/podiatrist.md`); `page_url` gives the directory-style address every engine we target
publishes them at (`professions/podiatrist/`).
"""

from __future__ import annotations

from urllib.parse import urlencode

HOME = "index.md"
PROFESSIONS = "professions/index.md"
STORIES = "stories/index.md"
MODULES = "modules/index.md"
RESOURCES = "resources/index.md"
AMBASSADORS = "ambassadors/index.md"
EXPLORE = "explore/index.md"
MATCHER = "people-like-me/index.md"
SEARCH = "search/index.md"
CALENDAR = "calendar/index.md"
PLAN = "calendar/plan.md"
ALL_FEED = "calendar.ics"
ABOUT = "about/index.md"
ACCESSIBILITY = "accessibility/index.md"
PRIVACY = "privacy/index.md"
SUGGEST = "suggest-a-change/index.md"
"""The feed of every date."""
ASSETS = "assets"
"""Folder of the package's scripts and styles."""

KIND_FOLDERS: dict[str, str] = {
    "profession": "professions", "story": "stories", "module": "modules", "resource": "resources",
    "event": "calendar/events", "talk": "ambassadors",
}
"""Folder of each kind's entry pages."""
KIND_INDEXES: dict[str, str] = {
    "profession": PROFESSIONS, "story": STORIES, "module": MODULES, "resource": RESOURCES, "event": CALENDAR,
    "talk": AMBASSADORS,
}
"""The page listing every entry of a kind."""


def page_path(kind: str, entry_id: str) -> str:
    """An entry's page."""
    return f"{KIND_FOLDERS[kind]}/{entry_id}.md"


def handout_path(profession_id: str) -> str:
    """A profession's printable handout: published at /professions/<id>/handout/."""
    return f"{KIND_FOLDERS['profession']}/{profession_id}/handout.md"


def audience_path(audience_id: str) -> str:
    """An audience's guide page: /for/<audience-id>/."""
    return f"for/{audience_id}.md"


def calendar_profession_path(profession_id: str) -> str:
    """The dates about one profession: the calendar's filter that works without JavaScript."""
    return f"calendar/professions/{profession_id}.md"


def calendar_audience_path(audience_id: str) -> str:
    """The dates for one audience."""
    return f"calendar/for/{audience_id}.md"


def profession_feed(profession_id: str) -> str:
    return f"calendar/{profession_id}.ics"


def audience_feed(audience_id: str) -> str:
    return f"calendar/for/{audience_id}.ics"


def event_feed(event_id: str) -> str:
    return f"{KIND_FOLDERS['event']}/{event_id}.ics"


def asset_path(name: str) -> str:
    """A file of the package's assets folder (scripts, styles)."""
    return f"{ASSETS}/{name}"


def page_url(path: str) -> str:
    """Site-relative address of a docs-tree path: a page's directory URL, any other file's own path."""
    if not path.endswith(".md"):
        return path
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def root_from(path: str) -> str:
    """The relative prefix from the page at `path` back to the site root ('' for the home page, '../' ...)."""
    return "../" * page_url(path).count("/")


def link(from_path: str, to_path: str) -> str:
    """A relative link from the page at `from_path` to the page or file at `to_path`."""
    return root_from(from_path) + page_url(to_path)


def query(**filters: str) -> str:
    """'?kind=story&profession=podiatrist': filters a list page (e.g. /explore/) starts with."""
    return "?" + urlencode(filters) if filters else ""
