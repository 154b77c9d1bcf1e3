"""Step 4, render: turn the catalogue into an engine-neutral docs tree of Markdown pages, data files and assets.

Why: the site engine (MkDocs + Material today, maybe Zensical tomorrow) should only wrap pages in a theme. So this
step decides everything a page shows: which entries, in what order, with which labels; templates only place that
data. Each page is a Markdown file whose body is one block of HTML generated and escaped here, so no Markdown
syntax in an editor's text can turn into a link or a script. One module per area of the site builds its pages;
`PAGE_BUILDERS` lists them all.
"""

from __future__ import annotations

from generator import urls
from generator.catalogue import Catalogue
from generator.docs_tree import DocsTree
from generator.render.ambassadors import build_talks
from generator.render.audiences import build_audiences
from generator.render.base import (
    GENERATED_PAGE_START,
    CompiledTemplates,
    PageBuilder,
    Renderer,
    RenderOptions,
    package_assets,
)
from generator.render.calendar import build_events
from generator.render.entries import build_resources
from generator.render.explore import build_explore
from generator.render.handouts import build_handouts
from generator.render.home import build_home
from generator.render.kit import build_kit
from generator.render.matcher import build_matcher
from generator.render.modules import build_modules
from generator.render.offline import offline_files
from generator.render.professions import build_professions
from generator.render.search import build_search
from generator.render.site_pages import build_site_pages
from generator.render.stories import build_stories

__all__ = ["GENERATED_PAGE_START", "PAGE_BUILDERS", "CompiledTemplates", "RenderOptions", "render_site"]

PAGE_BUILDERS: tuple[PageBuilder, ...] = (
    build_home, build_professions, build_stories, build_modules, build_resources, build_events, build_talks,
    build_audiences, build_explore, build_handouts, build_matcher, build_site_pages, build_kit, build_search,
)


def render_site(catalogue: Catalogue, options: RenderOptions) -> DocsTree:
    """Render every page of the site into a docs tree; linear in the number of entries."""
    renderer = Renderer(catalogue, options)
    tree: dict[str, str | bytes] = {}

    def add(path: str, content: str | bytes) -> None:
        if path in tree:
            raise ValueError(f"two pages would be written to {path}")  # a bug, not a content error
        tree[path] = content

    for page_builder in PAGE_BUILDERS:
        for path, content in page_builder(renderer):
            add(path, content)
    for name, data in package_assets().items():
        add(urls.asset_path(name), data)
    for path, data in options.assets.items():
        add(path, data)
    for path, data in offline_files(renderer, tree):  # last: the service worker's version covers every file
        add(path, data)
    return DocsTree(tree)
