"""The pages every public site has: About, Accessibility statement, Privacy, How to suggest a change.

Why: a young person deciding whether to trust a careers site, a teacher checking it before sharing it, and a
reader using a screen reader all look for these; the theme's footer links to them from every page.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import model, urls
from generator.render.base import Renderer

SITE_PAGES: dict[str, tuple[str, str, str]] = {
    urls.ABOUT: ("about.html.j2", "About this site",
                       "Who runs this site, where its facts come from and how they are checked."),
    urls.ACCESSIBILITY: ("accessibility.html.j2", "Accessibility statement",
                               "How accessible this site is, how we test it and how to tell us about a problem."),
    urls.PRIVACY: ("privacy.html.j2", "Privacy",
                         "No cookies, no tracking: what this site keeps, and where."),
    urls.SUGGEST: ("suggest.html.j2", "Suggest a change",
                                  "Tell us about a mistake, or suggest a resource, a date or a story."),
}
"""Path -> (template, title, description). The theme's footer (generator/theme/main.html) links to each path."""


def build_site_pages(renderer: Renderer) -> Iterable[tuple[str, str]]:
    counts = {kind: len(renderer.catalogue.of_kind(kind)) for kind in ("profession", "resource")}
    for path, (template, title, description) in SITE_PAGES.items():
        yield path, renderer.page(path, template, title, description, counts=counts,
                                  seeds=sorted(seed.citation for seed in model.SEED_DOCUMENTS.values()),
                                  repository=renderer.options.repository_url)
