"""The explore page: every entry as a card, filter chips only for values some card has, complete without JS."""

from __future__ import annotations

import re

from conftest import module, profession, render_tree, resource

from generator.render.explore import build_filter_groups

render = render_tree


def chips(page: str, group: str) -> list[str]:
    return re.findall(rf'data-group="{group}" data-value="([^"]+)"', page)


def test_every_entry_is_a_card_with_its_filter_data(make_catalogue) -> None:
    page = render(make_catalogue())["explore/index.md"]
    cards = re.findall(r'<li class="ahp-card[^"]*" data-kind="([a-z]+)" data-audience="([^"]*)" '
                       r'data-profession="([^"]*)"', page)
    assert sorted(kind for kind, _, _ in cards) == ["event", "module", "profession", "resource", "story", "talk"]
    assert ("profession", "first-time career-changer", "podiatrist") in cards
    assert ("talk", "first-time", "all") in cards
    assert 'id="explore-count" role="status" aria-live="polite" tabindex="-1">6 entries</p>' in page


def test_filters_are_hidden_until_the_script_runs(make_catalogue) -> None:
    page = render(make_catalogue())["explore/index.md"]
    assert '<form class="ahp-filters" id="explore-filters" aria-label="Filters" hidden>' in page
    assert '<script src="../assets/explore.js" defer></script>' in page
    assert 'href="../for/returner/"' in page  # without JavaScript, the audience pages do the filtering
    assert chips(page, "kind") == ["profession", "story", "module", "resource", "event", "talk"]
    assert 'aria-pressed="false"' in page


def test_chips_only_for_values_some_card_has(make_catalogue) -> None:
    files = {
        "content/professions/dietitian.yaml": profession("dietitian", title="Dietitian", audiences=["returner"]),
        "resources.yaml": [resource(), resource("cook", title="Cook", type="video", minutes=10,
                                                professions=["dietitian"])],
    }
    page = render(make_catalogue(files))["explore/index.md"]
    assert chips(page, "audience") == ["first-time", "career-changer", "returner"]  # no support-worker entry
    assert chips(page, "profession") == ["dietitian", "podiatrist"]
    assert chips(page, "format") == ["video", "virtual-reality"]
    # a 10-min video and a 15-min talk; a 50-min module
    assert chips(page, "duration") == ["up-to-30-minutes", "30-minutes-to-1-hour"]


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
    assert chips(page, "duration") == ["up-to-30-minutes", "30-minutes-to-1-hour", "1-to-3-hours"]
    assert 'data-kind="module" data-audience="first-time" data-profession="podiatrist" data-duration="1-to-3-hours"' \
        in page


def test_care_areas_filter_professions(make_catalogue) -> None:
    files = {"content/professions/podiatrist.yaml": profession(care_areas=["older-people", "rehabilitation"]),
             "content/professions/dietitian.yaml": profession("dietitian", title="Dietitian", care_areas=["cancer"])}
    page = render(make_catalogue(files))["explore/index.md"]
    assert chips(page, "care") == ["cancer", "rehabilitation", "older-people"]  # in the vocabulary's order
    assert ('data-profession="podiatrist" data-duration="" data-format="" data-care="older-people rehabilitation"'
            in page)
    assert 'data-kind="resource"' in page and 'data-care=""' in page
