"""Module pages and the module index: every field shown, the log's fields in the HTML, filters that degrade."""

from __future__ import annotations

import pytest
from conftest import module, parse_html, profession, render_tree, texts, values

from generator.model import MAX_ACTIVITY_MINUTES, AgeRange
from generator.render.modules import format_ages, format_minutes

PAGE = "modules/podiatry-taster.md"


render = render_tree


def four_activities(**changes):
    return module(minutes=100, activities=[
        {"id": "watch", "kind": "watch", "title": "Watch the film", "minutes": 20, "instructions": "Watch **it**.",
         "resources": ["ahp-vr360"]},
        {"id": "try", "kind": "try", "title": "Try it out", "minutes": 30, "instructions": "Look at shoes."},
        {"id": "think", "kind": "reflect", "title": "Think about it", "minutes": 30, "instructions": "Think.",
         "prompts": ["What surprised you?", "What would you ask?"]},
        {"id": "debrief", "kind": "reflect", "title": "Debrief", "minutes": 20, "instructions": "Look back.",
         "prompts": ["What next?"]}], **changes)


def test_module_page_shows_every_field(make_catalogue) -> None:
    tree = render(make_catalogue({"content/modules/podiatry-taster.yaml": four_activities(
        audiences=["first-time", "returner"], age_range={"min": 16, "max": 99})}))
    page = tree[PAGE]
    assert page.startswith('---\ntitle: "Podiatry taster"\n')
    for text in ('<h1>Podiatry taster</h1>', '<a href="../../professions/podiatrist/">Podiatrist</a>',
                 "Choosing my first career, Returning to practice", "16 and over", "1 hour 40 minutes",
                 "What you will learn", "Say what a podiatrist does.", "Activity 1 of 4 · Watch · 20 minutes",
                 "Activity 2 of 4 · Try it · 30 minutes", "<strong>it</strong>",
                 '<a href="../../resources/ahp-vr360/">AHP VR360</a>', "What next",
                 "Ask your school about work experience.", "Sources"):
        assert text in page, text
    html = parse_html(page)
    titles = texts(html, "h3")
    assert titles == ["Watch the film", "Try it out", "Think about it", "Debrief"]
    assert "../../professions/podiatrist/" in values(html, "h2#what-next + ul [href]", "href")


def test_reflective_log_is_in_the_html(make_catalogue) -> None:
    page = render(make_catalogue({"content/modules/podiatry-taster.yaml": four_activities()}))[PAGE]
    html = parse_html(page)
    assert 'data-log-key="ahp-log:podiatry-taster"' in page
    for field_id, prompt in (("log-think-1", "What surprised you?"), ("log-think-2", "What would you ask?"),
                             ("log-debrief-1", "What next?")):
        assert f'<label for="{field_id}">{prompt}</label>' in page
        assert values(html, f"textarea#{field_id}", "data-log-prompt") == [prompt]
    assert page.count("<textarea") == 3
    assert page.count('data-log-done') == 4  # one "I have done this" box per activity
    assert "Your answers stay on this device." in page
    assert "Nothing you type is sent to us or to anyone else." in page
    assert "answers typed here are not saved" in page  # the no-JavaScript note
    assert '<div class="ahp-log__tools" hidden>' in page  # buttons only appear when log.js runs
    assert "0 of 4 activities done" in texts(html, '[role="status"][aria-live="polite"]')
    assert "3 activities ask you to think" not in page and "2 activities ask you to think" in page
    assert "Certificate of completion" in page
    assert "It has not been checked by the NHS" in page
    assert '<script src="../../assets/log.js" defer></script>' in page


def test_prompts_are_escaped(make_catalogue) -> None:
    data = module()
    data["activities"][1]["prompts"] = ['Was it "fun" & <b>hard</b>?']
    page = render(make_catalogue({"content/modules/podiatry-taster.yaml": data}))[PAGE]
    assert "<b>hard</b>" not in page
    assert "&lt;b&gt;hard&lt;/b&gt;" in page
    assert 'data-log-prompt="Was it &#34;fun&#34; &amp; &lt;b&gt;hard&lt;/b&gt;?"' in page


def test_module_for_all_professions_links_the_professions_index(make_catalogue) -> None:
    page = render(make_catalogue({"content/modules/podiatry-taster.yaml": module(professions=["all"])}))[PAGE]
    assert '<a href="../../professions/">All the allied health professions</a>' in page


def test_module_page_weight_does_not_grow_with_the_catalogue(make_catalogue) -> None:
    alone = render(make_catalogue())[PAGE]
    many = {f"content/modules/extra-{n:02d}.yaml": module(f"extra-{n:02d}", title=f"Extra {n:02d}")
            for n in range(20)}
    crowded = render(make_catalogue(many))[PAGE]
    assert len(crowded) == len(alone)


def test_index_groups_modules_by_profession(make_catalogue) -> None:
    tree = render(make_catalogue({
        "content/professions/dietitian.yaml": profession("dietitian"),
        "content/modules/food.yaml": module("food", title="Food taster", professions=["dietitian", "podiatrist"],
                                            audiences=["career-changer"]),
        "content/modules/intro.yaml": module("intro", title="Introduction", professions=["all"]),
    }))
    index = tree["modules/index.md"]
    html = parse_html(index)
    groups = values(html, "section.ahp-modules__group[data-section][data-profession]", "data-profession")
    assert groups == ["dietitian", "podiatrist", "all"]
    podiatrist = html.select_one('section[data-section][data-profession="podiatrist"]')
    assert podiatrist is not None
    assert values(podiatrist, "[data-card]", "data-card") == ["food", "podiatry-taster"]
    assert 'href="../professions/podiatrist/">Podiatrist</a></h2>' in index
    assert "For every profession" in index
    assert 'data-card="food" data-profession="dietitian podiatrist" data-audience="career-changer" ' \
           'data-duration="30-minutes-to-1-hour"' in index
    assert 'data-count-for="module-cards" data-noun="modules" data-one="module">3 modules</p>' in index


def test_index_states_the_activity_limit_of_the_model(make_catalogue) -> None:
    index = render(make_catalogue())["modules/index.md"]
    assert f"No activity takes more than {MAX_ACTIVITY_MINUTES} minutes" in index


def test_index_filters_are_an_enhancement(make_catalogue) -> None:
    index = render(make_catalogue({"content/modules/long.yaml": four_activities(id="long", title="Long")}))[
        "modules/index.md"]
    assert '<form class="ahp-filters" id="module-filters" data-filters="module-cards"' in index
    html = parse_html(index)
    assert values(html, '[name="profession"]', "value") == []  # one profession: nothing to choose
    assert values(html, '[name="duration"]', "value") == ["30-minutes-to-1-hour", "1-to-3-hours"]
    assert values(html, '[name="audience"]', "value") == []  # every module is for first-timers
    assert '<script src="../assets/filters.js" defer></script>' in index


def test_index_without_modules(make_catalogue) -> None:
    root = make_catalogue()
    (root / "content/modules/podiatry-taster.yaml").unlink()
    index = render(root)["modules/index.md"]
    assert "No modules yet." in index
    assert "filters.js" not in index


@pytest.mark.parametrize(("minutes", "text"), [
    (1, "1 minute"), (45, "45 minutes"), (60, "1 hour"), (61, "1 hour 1 minute"), (150, "2 hours 30 minutes"),
])
def test_format_minutes(minutes: int, text: str) -> None:
    assert format_minutes(minutes) == text


def test_format_ages() -> None:
    assert format_ages(AgeRange(min=14, max=18)) == "14 to 18"
    assert format_ages(AgeRange(min=16, max=99)) == "16 and over"

