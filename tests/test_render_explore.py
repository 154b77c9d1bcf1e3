"""The explore page and the resources index: every entry as a card, filter chips only for values some card has,
the first page shown and the rest on linked pages, so each list is complete without JavaScript."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from conftest import module, parse_html, profession, render_tree, resource, values

from generator.render.explore import build_filter_groups
from generator.render.filters import PAGE_SIZE

render = render_tree


def chips(tree: BeautifulSoup, group: str) -> list[str]:
    """The values of the filter chips of `group`, in page order."""
    return values(tree, f'input[type="checkbox"][name="{group}"][value]', "value")


def card_items(tree: BeautifulSoup, extra: str = "") -> list[Tag]:
    """Every card (`<li class="ahp-card ...">` with its `data-card`, and the attributes `extra` asks for), in order."""
    return tree.select(f'li[class^="ahp-card"][data-card]{extra}')


def test_every_entry_is_a_card_with_its_filter_data(make_catalogue) -> None:
    page = render(make_catalogue())["explore/index.md"]
    cards = [(li["data-kind"], li["data-audience"], li["data-profession"])
             for li in card_items(parse_html(page), "[data-kind][data-audience][data-profession]")]
    assert sorted(kind for kind, _, _ in cards) == ["event", "module", "profession", "resource", "story", "talk"]
    assert ("profession", "first-time career-changer", "podiatrist") in cards
    assert ("talk", "first-time", "all") in cards
    assert 'role="status" aria-live="polite" tabindex="-1" data-count-for="explore-cards" data-noun="entries" ' \
           'data-one="entry">6 entries</p>' in page


def test_filters_are_in_the_page_and_hidden_without_javascript(make_catalogue) -> None:
    page = render(make_catalogue())["explore/index.md"]
    assert '<form class="ahp-filters" id="explore-filters" data-filters="explore-cards" aria-label="Filter entries"' \
           in page  # present from the first paint: not hidden, nothing injected
    assert "<noscript><style>.ahp-filters" in page  # ... and out of the way without JavaScript
    assert '<script src="../assets/filters.js" defer></script>' in page
    assert 'href="../for/returner/"' in page  # without JavaScript, the audience pages do the filtering
    assert chips(parse_html(page), "kind") == ["profession", "story", "module", "resource", "event", "talk"]
    assert 'name="q"' in page
    assert "explore/page/2.md" not in render(make_catalogue())  # six cards fit on one page


def test_chips_only_for_values_some_card_has(make_catalogue) -> None:
    files = {
        "content/professions/dietitian.yaml": profession("dietitian", title="Dietitian", audiences=["returner"]),
        "resources.yaml": [resource(), resource("cook", title="Cook", type="video", minutes=10,
                                                professions=["dietitian"])],
    }
    tree = parse_html(render(make_catalogue(files))["explore/index.md"])
    assert chips(tree, "audience") == ["first-time", "career-changer", "returner"]  # no support-worker entry
    assert chips(tree, "profession") == ["dietitian", "podiatrist"]
    assert chips(tree, "format") == ["video", "virtual-reality"]
    # a 10-min video and a 15-min talk; a 50-min module
    assert chips(tree, "duration") == ["up-to-30-minutes", "30-minutes-to-1-hour"]


def test_groups_with_one_value_are_left_out() -> None:
    cards = [{"kind": "resource", "audiences": ["returner"], "professions": ["podiatrist"], "format": "video",
              "duration": "up-to-30-minutes"},
             {"kind": "resource", "audiences": ["returner"], "professions": ["dietitian"], "format": "video",
              "duration": "over-3-hours"}]
    groups = build_filter_groups(cards, {"dietitian": "Dietitian", "podiatrist": "Podiatrist", "osteopath": "Osteo"})
    assert [(g.key, [c.value for c in g.chips]) for g in groups] == [
        ("profession", ["dietitian", "podiatrist"]), ("duration", ["up-to-30-minutes", "over-3-hours"])]
    assert [c.label for c in groups[1].chips] == ["Up to 30 minutes", "More than 3 hours"]


def test_duration_chips_for_modules(make_catalogue) -> None:
    long_module = module("long-module", title="Long module", minutes=150, activities=[
        {"id": "a", "kind": "watch", "title": "Watch", "minutes": 75, "instructions": "Watch it."},
        {"id": "b", "kind": "reflect", "title": "Reflect", "minutes": 75, "instructions": "Think.",
         "prompts": ["What next?"]}])
    page = render(make_catalogue({"content/modules/long-module.yaml": long_module}))["explore/index.md"]
    assert chips(parse_html(page), "duration") == ["up-to-30-minutes", "30-minutes-to-1-hour", "1-to-3-hours"]
    assert 'data-kind="module" data-audience="first-time" data-profession="podiatrist" data-duration="1-to-3-hours"' \
        in page


def test_care_areas_filter_professions(make_catalogue) -> None:
    files = {"content/professions/podiatrist.yaml": profession(care_areas=["older-people", "rehabilitation"]),
             "content/professions/dietitian.yaml": profession("dietitian", title="Dietitian", care_areas=["cancer"])}
    page = render(make_catalogue(files))["explore/index.md"]
    assert chips(parse_html(page), "care") == ["cancer", "rehabilitation", "older-people"]  # in the vocabulary's order
    assert ('data-profession="podiatrist" data-duration="" data-format="" data-care="older-people rehabilitation"'
            in page)
    assert 'data-kind="resource"' in page and 'data-care=""' in page


def many_resources(n: int) -> dict[str, object]:
    """The default resource (modules and talks use it) and `n` more."""
    return {"resources.yaml": [resource()] + [resource(f"r{i:03d}", title=f"Resource {i:03d}") for i in range(n)]}


def test_long_lists_show_one_page_and_link_the_rest(make_catalogue) -> None:
    tree = render(make_catalogue(many_resources(2 * PAGE_SIZE - 1)))
    first = tree["explore/index.md"]
    cards = [(str(li["data-card"]), li.has_attr("hidden")) for li in card_items(parse_html(first))]
    total = 2 * PAGE_SIZE + 5  # the resources and one entry of each other kind
    assert len(cards) == total  # every card is in the page, for the script to filter
    assert [hidden for _, hidden in cards] == [False] * PAGE_SIZE + [True] * (total - PAGE_SIZE)
    assert f'data-page-size="{PAGE_SIZE}" data-paged' in first
    assert f'<a class="ahp-button" href="../explore/page/2/" data-more-for="explore-cards">Show more (<span ' \
           f'data-left>{total - PAGE_SIZE}</span> more to see)</a>' in first
    second, third = tree["explore/page/2.md"], tree["explore/page/3.md"]
    second_tree, third_tree = parse_html(second), parse_html(third)
    assert "explore/page/4.md" not in tree
    assert "Explore everything: page 2 of 3" in second
    assert len(second_tree.select('li[class="ahp-card"]')) == PAGE_SIZE and " hidden" not in second
    assert 'href="../../../explore/page/3/">Show more (5 more to see)</a>' in second
    assert "<form" not in second and "filters.js" not in second
    assert len(third_tree.select('li[class="ahp-card"]')) == 5
    assert "Show more" not in third and 'href="../../../explore/page/2/">Previous page</a>' in third
    listed = {card for page in (second_tree, third_tree) for card in values(page, "[data-card]", "data-card")}
    assert listed | {card for card, hidden in cards if not hidden} == {card for card, _ in cards}


def test_resources_index_is_paged_and_filtered_like_explore(make_catalogue) -> None:
    tree = render(make_catalogue(many_resources(PAGE_SIZE)))
    index = tree["resources/index.md"]
    assert 'data-filters="resources-cards"' in index and 'data-count-for="resources-cards"' in index
    assert chips(parse_html(index), "kind") == []  # one kind: no chips for it
    assert 'href="../resources/page/2/" data-more-for="resources-cards"' in index
    assert len(parse_html(tree["resources/page/2.md"]).select('li[class="ahp-card"]')) == 1


def test_an_audience_line_naming_every_audience_is_left_out(make_catalogue) -> None:
    everyone = ["first-time", "support-worker", "career-changer", "returner"]
    page = render(make_catalogue({"resources.yaml": [resource(audiences=everyone),
                                                     resource("two", title="Two", audiences=["returner"])]}))
    explore = page["explore/index.md"]
    assert explore.count("For:</span>") == 6  # seven cards, one of them for everyone
    assert "For:</span> Returning to practice</p>" in explore
