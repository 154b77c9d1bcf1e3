"""What pages tell the search index (body mark, filters, metadata, weights), the /search/ page and the search forms."""

from __future__ import annotations

import json

from conftest import parse_html, profession, render_tree, resource, values

from generator.render.search import GUIDE_KIND, SEARCH_PAGE

render = render_tree


def pagefind(page: str, attribute: str) -> list[tuple[str, str]]:
    """Every `key:value` in a `data-pagefind-filter` or `data-pagefind-meta` attribute of the page, in page order.
    A meta without a colon takes its value from the element's text: it is left out."""
    pairs = []
    for setting in values(parse_html(page), f"[{attribute}]", attribute):
        key, colon, value = setting.partition(":")
        if attribute == "data-pagefind-filter" or colon:
            assert key and colon, setting
            pairs.append((key, value))
    return pairs


def filters(page: str) -> dict[str, list[str]]:
    """The Pagefind filters of a page, each key with its values in page order."""
    found: dict[str, list[str]] = {}
    for key, value in pagefind(page, "data-pagefind-filter"):
        found.setdefault(key, []).append(value)
    return found


def metadata(page: str) -> dict[str, str]:
    """The Pagefind metadata a page sets in its attributes."""
    return dict(pagefind(page, "data-pagefind-meta"))


def test_only_entry_and_guide_pages_are_indexed(make_catalogue) -> None:
    tree = render(make_catalogue())
    marked = sorted(path for path, text in tree.items() if isinstance(text, str) and "data-pagefind-body" in text)
    assert marked == ["ambassadors/assembly.md", "calendar/events/ahps-day.md", "for/first-time.md",
                      "modules/podiatry-taster.md", "professions/podiatrist.md", "resources/ahp-vr360.md",
                      "stories/sport-to-podiatry.md"]
    for unmarked in ("index.md", "explore/index.md", "professions/index.md", "professions/podiatrist/handout.md",
                     "for/returner.md", SEARCH_PAGE):  # for/returner has no guide text, only cards
        assert "data-pagefind-body" not in tree[unmarked], unmarked


def test_filters_use_the_explore_vocabulary(make_catalogue) -> None:
    files = {"content/professions/osteopath.yaml": profession("osteopath", audiences=["returner"]),
             "resources.yaml": [resource(professions=["all"], audiences=["first-time", "returner"])]}
    tree = render(make_catalogue(files))
    assert filters(tree["professions/osteopath.md"]) == {"kind": ["profession"], "audience": ["returner"],
                                                         "profession": ["osteopath"]}
    assert filters(tree["resources/ahp-vr360.md"]) == {"kind": ["resource"], "audience": ["first-time", "returner"],
                                                       "profession": ["osteopath", "podiatrist"]}  # all, spelt out
    assert filters(tree["for/first-time.md"]) == {"kind": [GUIDE_KIND], "audience": ["first-time"]}
    assert metadata(tree["resources/ahp-vr360.md"]) == {"kind": "Resource"}
    meta = metadata(tree["professions/osteopath.md"])
    assert meta.pop("pictogram").startswith("M") and meta == {"kind": "Profession", "job": "Osteopath"}
    assert metadata(tree["calendar/events/ahps-day.md"]) == {"kind": "Date"}


def test_search_words_are_shown_weighted_and_searchable(make_catalogue) -> None:
    files = {"content/professions/podiatrist.yaml": profession(search_words=["feet", "chiropodist"])}
    page = render(make_catalogue(files))["professions/podiatrist.md"]
    assert ('<span class="ahp-label">Also called or searched for as:</span> <span data-pagefind-meta="search_words" '
            'data-pagefind-weight="10">feet, chiropodist</span>') in page
    assert '<p class="ahp-lead" data-pagefind-weight="5">' in page
    without = render(make_catalogue({"content/professions/podiatrist.yaml": profession()}))["professions/podiatrist.md"]
    assert "Also called" not in without


def test_search_page_lists_filters_and_the_words_typos_are_corrected_to(make_catalogue) -> None:
    files = {"content/professions/speech-and-language-therapist.yaml": profession(
        "speech-and-language-therapist", title="Speech and language therapist", search_words=["SLT", "swallowing"])}
    page = render(make_catalogue(files))[SEARCH_PAGE]
    assert 'action="./" method="get"' in page and 'name="q"' in page
    html = parse_html(page)
    chips = list(zip(values(html, "[data-group][data-value]", "data-group"),
                     values(html, "[data-group][data-value]", "data-value"), strict=True))
    assert ("kind", "profession") in chips and ("kind", GUIDE_KIND) in chips and ("kind", "talk") in chips
    assert ("audience", "returner") in chips and ("profession", "speech-and-language-therapist") in chips
    script = html.select_one('script#search-words[type="application/json"]')
    assert script is not None
    words = json.loads(script.get_text())
    assert "therapist" in words and "language" in words and "swallowing" in words and "podiatrist" in words
    assert "and" not in words and "slt" not in words  # too short to correct safely
    assert "Search needs JavaScript" in page
    assert 'href="../explore/"' in page and 'href="../professions/"' in page


def test_home_page_search_form_sends_words_to_the_search_page(make_catalogue) -> None:
    page = render(make_catalogue())["index.md"]
    form = parse_html(page).select_one("form.ahp-home-search")
    assert form is not None
    assert form.get("role") == "search" and form.get("action") == "search/" and form.get("method") == "get"
    assert '<label for="home-q">' in page and 'id="home-q" name="q"' in page
    assert "ahp-header-search" not in page  # the header form is the theme's (generator/theme/partials)
    assert "assets/search.js" not in page and "pagefind" not in page
