"""One-page A4 handouts, one per profession, with a QR code to the profession's page on the deployed site.

Why: an ambassador hands a sheet to a class; a pupil scans it later at home. The QR code is made here, at build
time, as inline SVG (segno), so the page asks nothing of any other server. The sheet must fit one A4 page, so
this module chooses short text (the first paragraph of "what they do", route names only) rather than trusting the
print stylesheet to squeeze long text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import segno
from markupsafe import Markup

from generator import model
from generator.model import Profession
from generator.render.base import Renderer, page_path, page_url
from generator.render.professions import how_to_get_in, related_professions
from generator.render.stories import source_name
from generator.urls import handout_path

WHAT_THEY_DO_LIMIT = 240
"""Most characters of "what they do" a handout shows (whole sentences), so the sheet stays on one page."""
REQUIREMENTS_LIMIT = 170
"""Most characters of the first route's entry requirements a handout shows (whole sentences)."""
FUNDING_LIMIT = 120
"""Most characters of "money while you train" a handout shows (whole sentences)."""
HANDOUT_SOURCES = 4
"""Source names a handout prints before "and N more": the page lists them all, the sheet has one A4 page."""
HANDOUT_NEXT_STEPS = 3
"""Next steps a handout prints (the first ones: course, apprenticeship, jobs); the page lists them all."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def short_text(markdown_text: str, limit: int = WHAT_THEY_DO_LIMIT) -> str:
    """The first paragraph, cut after the last whole sentence that fits in `limit` characters (at least one)."""
    paragraph = re.split(r"\n\s*\n", markdown_text.strip(), maxsplit=1)[0].strip()
    if len(paragraph) <= limit:
        return paragraph
    kept = ""
    for sentence in _SENTENCE_END.split(paragraph):
        if kept and len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}" if kept else sentence
    return kept


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to words for a one-line print summary: no list markers, emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip()


def short_address(url: str) -> str:
    """An address as a reader types it from paper: no scheme, no 'www.', no trailing slash."""
    return re.sub(r"^https://(www\.)?", "", url).rstrip("/")


@functools.lru_cache(maxsize=1024)
def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for `url`, sized by CSS (no width or height of its own). Kept for the life of the
    process: each `serve` rebuild draws the same codes again, and drawing one takes a few milliseconds."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="ahp-qr__code", lineclass=None, light="#fff")
    label = 'role="img" aria-label="QR code: scan it to open this profession\'s page" shape-rendering="crispEdges"'
    return Markup(svg.replace("<svg ", f"<svg {label} ", 1))


def handout_view(renderer: Renderer, profession: Profession) -> dict[str, Any]:
    """What a handout shows, chosen so it fits one A4 page."""
    site_url = renderer.options.site_url
    path = page_url(page_path("profession", profession.id))
    canonical = site_url + path if site_url else ""  # no address, no QR code: the page's path is printed instead
    routes = list(dict.fromkeys(model.ENTRY_ROUTE_LABELS[route.route] for route in profession.entry_routes))
    sources = list(dict.fromkeys(source_name(source) for source in profession.sources))  # full list: on its page
    first_requirements = next((route for route in profession.entry_routes if route.entry_requirements), None)
    get_in = how_to_get_in(profession)
    return {
        "requirements": (
            {"route": model.ENTRY_ROUTE_LABELS[first_requirements.route],
             "text": short_text(plain_text(first_requirements.entry_requirements or ""), REQUIREMENTS_LIMIT)}
            if first_requirements else None),
        "pay_text": get_in["pay_text"], "pay_year": profession.pay.scale_year if profession.pay else "",
        "funding": short_text(plain_text(profession.funding.summary), FUNDING_LIMIT) if profession.funding else "",
        "next_steps": [{"label": step["label"], "address": short_address(step["url"])}
                       for step in get_in["next_steps"]][:HANDOUT_NEXT_STEPS],
        "also_like": [other.title for other in related_professions(profession, renderer.catalogue.professions)],
        "profession": profession, "what_they_do": short_text(profession.what_they_do), "routes": routes,
        "interests": [model.INTEREST_LABELS[interest] for interest in profession.interests],
        "strengths": [model.STRENGTH_LABELS[strength] for strength in profession.strengths],
        "regulator": model.REGULATOR_LABELS[profession.regulator],
        "canonical": canonical, "qr": qr_svg(canonical) if canonical else None, "path": "/" + path,
        "sources": sources[:HANDOUT_SOURCES], "more_sources": max(0, len(sources) - HANDOUT_SOURCES),
    }


def build_handouts(renderer: Renderer) -> Iterable[tuple[str, str]]:
    for profession in renderer.catalogue.professions:
        path = handout_path(profession.id)
        yield path, renderer.page(
            path, "handout.html.j2", f"{profession.title}: handout", profession.summary,
            view=handout_view(renderer, profession))
