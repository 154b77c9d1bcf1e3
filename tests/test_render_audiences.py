"""Audience pages: the guide first, then a few entries of each kind, each with a link to all of them in Explore."""

from __future__ import annotations

from conftest import guide, parse_html, render_tree, resource, story, values

from generator.model import AUDIENCE_IDS

render = render_tree


def test_every_audience_has_a_page(make_catalogue) -> None:
    tree = render(make_catalogue())
    for audience in AUDIENCE_IDS:
        page = tree[f"for/{audience}.md"]
        assert "<h1>" in page
        assert f'href="../../explore/?audience={audience}"' in page or "A few things to look at first" not in page
        others = values(parse_html(page), '#others ~ * [href^="../../for/"], #others ~ [href^="../../for/"]', "href")
        assert others == [f"../../for/{a}/" for a in AUDIENCE_IDS if a != audience]


def test_guide_then_entries_grouped_by_kind(make_catalogue) -> None:
    files = {"resources.yaml": [resource(), resource("toolkit", title="A toolkit", type="toolkit",
                                                     audiences=["returner", "first-time"])],
             "content/stories/back-again.yaml": story("back-again", title="Back again", audiences=["returner"]),
             "content/audiences/returner.yaml": guide("returner", title="Coming back",
                                                      summary="How to come back to your profession.",
                                                      intro="Welcome back.")}
    page = render(make_catalogue(files))["for/returner.md"]
    assert page.index("Welcome back.") < page.index("Where to start") < page.index('id="story"')
    assert page.index('id="story"') < page.index("Back again") < page.index('id="resource"') < page.index("A toolkit")
    assert "AHP VR360" not in page  # tagged for first-time only
    assert "See all" not in page  # one of each: nothing more to see
    assert 'href="../../explore/?audience=returner"' in page
    assert "Sources" in page


def test_audience_without_guide_or_entries_still_renders(make_catalogue) -> None:
    page = render(make_catalogue())["for/support-worker.md"]
    assert page.startswith('---\ntitle: "Support workers"\n')
    assert "A few things to look at first" not in page
    assert "Not quite you?" in page


def test_long_groups_show_a_few_and_link_to_all_in_explore(make_catalogue) -> None:
    from generator.render.audiences import ENTRIES_PER_KIND

    many = [resource(f"resource-{n}", title=f"Resource number {n}", audiences=["career-changer"]) for n in range(7)]
    page = render(make_catalogue({"resources.yaml": [resource(), *many]}))["for/career-changer.md"]
    shown = parse_html(page).select('#resource + ul > li[class^="ahp-card"]')
    assert len(shown) == ENTRIES_PER_KIND
    assert ('<a href="../../explore/?audience=career-changer&amp;kind=resource">See all 7 resources for changing '
            'career</a>') in page


def test_shipped_returner_guide_states_hcpc_requirements_and_links_the_programme(
        shipped_tree: dict[str, str | bytes]) -> None:
    page = shipped_tree["for/returner.md"]
    assert "<strong>30 days</strong>" in page and "<strong>60 days</strong>" in page
    links = parse_html(page).select('a[href^="https://"][href*="return-practice"]')
    assert "NHS England's AHP Return to Practice programme" in [link.string for link in links]
