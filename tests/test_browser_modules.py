"""The reflective log and the module index in Chromium, on a tiny catalogue built for these tests.

The log keeps answers only in localStorage: they survive a reload, count towards progress, download as a text
file, clear after a confirm, and typing them sends nothing over the network. Without JavaScript the page is a
printable blank log, and the index lists every module grouped by profession.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    TODAY,
    axe_at_each_width,
    event,
    guide,
    module,
    profession,
    resource,
    run_cli,
    serve_directory,
    write_catalogue,
)

pytestmark = pytest.mark.browser

MODULE = "podiatry-taster"
ACTIVITIES = [
    {"id": "watch", "kind": "watch", "title": "Watch the film", "minutes": 20, "instructions": "Watch it.",
     "resources": ["ahp-vr360"]},
    {"id": "try", "kind": "try", "title": "Try it out", "minutes": 30, "instructions": "Look at your shoes."},
    {"id": "think", "kind": "reflect", "title": "Think about the day", "minutes": 30, "instructions": "Think.",
     "prompts": ["What surprised you?", "What would you ask a podiatrist?"]},
    {"id": "debrief", "kind": "reflect", "title": "Debrief", "minutes": 20, "instructions": "Look back.",
     "prompts": ["What will you do next?"]},
]


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Three modules (one for two professions, one for all) built and served; yields the base URL."""
    root = tmp_path_factory.mktemp("modules") / "project"
    files: dict[str, Any] = {
        "content/professions/podiatrist.yaml": profession(),
        "content/professions/dietitian.yaml": profession("dietitian"),
        f"content/modules/{MODULE}.yaml": module(minutes=100, activities=ACTIVITIES),
        "content/modules/food.yaml": module("food", title="Dietetics taster", professions=["dietitian", "podiatrist"],
                                            audiences=["career-changer"], minutes=200, activities=[
            {"id": "a", "kind": "read", "title": "Read", "minutes": 75, "instructions": "Read."},
            {"id": "b", "kind": "quiz", "title": "Quiz", "minutes": 75, "instructions": "Answer."},
            {"id": "c", "kind": "reflect", "title": "Reflect", "minutes": 50, "instructions": "Think.",
             "prompts": ["Why?"]}]),
        "content/modules/intro.yaml": module("intro", title="Introduction", professions=["all"],
                                             audiences=["first-time", "returner"]),
        "content/audiences/first-time.yaml": guide(),
        "resources.yaml": [resource()],
        "events_calendar.yaml": [event()],
    }
    write_catalogue(root, files, replace=True)
    site = root.parent / "site"
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr + result.stdout
    yield from serve_directory(site)


def open_module(tab: Any, base: str) -> None:
    tab.goto(f"{base}modules/{MODULE}/")
    tab.wait_for_selector(".ahp-log__tools:not([hidden])")


def stored(tab: Any) -> dict[str, Any]:
    return tab.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('ahp-log:')).map(k => [k, JSON.parse(localStorage.getItem(k))]))""")


def test_answers_survive_a_reload(page: Any, tiny_site: str) -> None:
    open_module(page, tiny_site)
    page.get_by_label("What surprised you?").fill("How many bones there are in a foot.")
    page.get_by_label("What will you do next?").fill("Ask about a placement.")
    page.reload()
    page.wait_for_selector(".ahp-log__tools:not([hidden])")
    assert page.input_value("#log-think-1") == "How many bones there are in a foot."
    assert page.input_value("#log-think-2") == ""
    assert page.input_value("#log-debrief-1") == "Ask about a placement."
    saved = stored(page)
    assert set(saved) == {f"ahp-log:{MODULE}:think", f"ahp-log:{MODULE}:debrief"}
    assert saved[f"ahp-log:{MODULE}:think"]["answers"] == ["How many bones there are in a foot.", ""]
    assert saved[f"ahp-log:{MODULE}:think"]["done"] is False


def test_progress_counts_ticked_activities(page: Any, tiny_site: str) -> None:
    open_module(page, tiny_site)
    progress = page.locator("#log-progress")
    assert progress.get_attribute("aria-live") == "polite"
    assert progress.text_content() == "0 of 4 activities done"
    page.get_by_label("I have done this").nth(0).check()
    page.get_by_label("I have done this").nth(2).check()
    assert progress.text_content() == "2 of 4 activities done"
    page.get_by_label("I have done this").nth(0).uncheck()
    assert progress.text_content() == "1 of 4 activities done"
    page.reload()
    assert page.locator("#log-progress").text_content() == "1 of 4 activities done"
    assert page.is_checked("#done-think") and not page.is_checked("#done-watch")


def test_download_contains_the_answers(page: Any, tiny_site: str) -> None:
    open_module(page, tiny_site)
    page.fill("#log-think-1", "Feet carry us\nevery day.")
    page.fill("#log-debrief-1", "Look for a placement.")
    page.check("#done-think")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my log").click()
    download = info.value
    assert download.suggested_filename == f"reflective-log-{MODULE}.txt"
    text = Path(download.path()).read_text(encoding="utf-8")
    for expected in ("Reflective log: Podiatry taster", "Progress: 1 of 4 activities done", "Think about the day",
                     "Q: What surprised you?\nA: Feet carry us\nevery day.",
                     "Q: What would you ask a podiatrist?\nA: (no answer yet)",
                     "Q: What will you do next?\nA: Look for a placement.", "Done: yes", "Written: "):
        assert expected in text, expected
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert f"Downloaded: {today}" in text


def test_clear_asks_first_then_empties_everything(page: Any, tiny_site: str) -> None:
    open_module(page, tiny_site)
    page.fill("#log-think-1", "First answer.")
    page.fill("#log-think-2", "Second answer.")
    page.check("#done-watch")
    dialogs: list[str] = []

    def answer(dialog: Any, accept: bool) -> None:
        dialogs.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.get_by_role("button", name="Clear my answers").click()
    assert page.input_value("#log-think-1") == "First answer."
    assert len(stored(page)) == 2
    page.evaluate("() => { localStorage.setItem('ahp-log:podiatry-taster:old-activity', '{}');"
                  "localStorage.setItem('ahp-log:another-module:think', '{}'); }")
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.get_by_role("button", name="Clear my answers").click()
    assert len(dialogs) == 2 and "cannot be undone" in dialogs[0]
    assert page.input_value("#log-think-1") == "" and page.input_value("#log-think-2") == ""
    assert not page.is_checked("#done-watch")
    assert stored(page) == {"ahp-log:another-module:think": {}}  # other modules' answers are kept
    assert "0 of 4 activities done" in page.locator("#log-progress").text_content()
    page.reload()
    assert page.input_value("#log-think-1") == ""


def test_saving_an_answer_makes_no_network_request(page: Any, tiny_site: str) -> None:
    loading: list[str] = []
    page.on("request", lambda request: loading.append(request.url))
    open_module(page, tiny_site)
    page.wait_for_load_state("networkidle")
    assert loading and all(url.startswith(tiny_site) for url in loading), loading
    while_typing: list[str] = []
    page.on("request", lambda request: while_typing.append(request.url))
    page.locator("#log-think-1").press_sequentially("Nothing leaves this phone.")
    page.check("#done-think")
    page.fill("#log-name", "Sam")
    assert stored(page)[f"ahp-log:{MODULE}:think"]["answers"][0] == "Nothing leaves this phone."
    page.wait_for_load_state("networkidle")
    assert while_typing == []


def test_print_view_shows_the_certificate_and_answers(page: Any, tiny_site: str) -> None:
    open_module(page, tiny_site)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.fill("#log-think-1", "A long answer\nover two lines.")
    page.check("#done-think")
    page.fill("#log-name", "Sam Example")
    page.get_by_role("button", name="Print my log").click()
    assert page.evaluate("window.printed") == 1
    assert page.locator(".ahp-certificate").is_hidden()  # on screen the certificate stays out of the way
    page.emulate_media(media="print")
    certificate = page.locator(".ahp-certificate")
    assert certificate.is_hidden()  # 1 of 4 done: no certificate on paper, only the progress so far
    assert page.locator("[data-log-print-progress]").text_content() == "Progress so far: 1 of 4 activities done"
    assert page.locator("[data-log-print-progress]").is_visible()
    page.emulate_media(media="screen")
    for activity in ("watch", "try", "debrief"):
        page.check(f"#done-{activity}")
    page.emulate_media(media="print")
    assert certificate.is_visible() and page.locator("[data-log-print-progress]").is_hidden()
    assert certificate.locator("[data-log-cert-name]").text_content() == "Sam Example"
    assert certificate.locator("[data-log-cert-progress]").text_content() == "4 of 4 activities done"
    assert page.locator("#log-think-1").is_hidden()
    assert page.locator("#log-think-1 + .ahp-log__answer").text_content() == "A long answer\nover two lines."
    assert page.locator(".ahp-log__tools").is_hidden()
    assert page.locator(".md-header").is_hidden()
    assert "Sam Example" not in json.dumps(page.evaluate("Object.assign({}, localStorage)"))  # the name is not kept


def test_without_javascript_the_prompts_are_a_printable_blank_log(browser: Any, tiny_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{tiny_site}modules/{MODULE}/")
        assert tab.locator("textarea").count() == 3
        assert tab.get_by_label("What would you ask a podiatrist?").is_visible()
        assert tab.locator(".ahp-log__nojs").is_visible()
        assert tab.locator(".ahp-log__tools").is_hidden()
        assert tab.get_by_text("Your answers stay on this device.").is_visible()
        tab.emulate_media(media="print")
        assert tab.locator("#log-think-1").is_hidden()  # a ruled space to write on instead of a text box
        assert tab.locator("#log-think-1 ~ .ahp-log__lines > span").count() == 4
        assert tab.locator("#log-think-1 ~ .ahp-log__lines").is_visible()
        assert tab.get_by_text("What would you ask a podiatrist?").is_visible()
        assert tab.locator(".ahp-log__nojs").is_hidden()
        tab.goto(f"{tiny_site}modules/?profession=dietitian")
        assert tab.locator("#module-filters").is_hidden()
        headings = tab.locator("[data-section] h2").all_text_contents()
        assert headings == ["Dietitian", "Podiatrist", "For every profession"]
        assert tab.locator("[data-card]:visible").count() == 4  # the two-profession module is under both
    finally:
        context.close()


def test_module_pages_pass_axe(browser: Any, tiny_site: str) -> None:
    """A module with an answer and a tick, then the filtered list with a filter group open: each at a phone and a
    desktop width, sideways scrolling included (conftest.axe_at_each_width)."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        tab = context.new_page()
        open_module(tab, tiny_site)
        # Filled and ticked by script, not by scrolling to them: scrolling back up shows the theme's animated
        # "Back to top" button, whose contrast axe would measure mid-fade.
        tab.evaluate("""() => { const field = document.getElementById('log-think-1');
            field.value = 'An answer.'; field.dispatchEvent(new Event('input'));
            document.getElementById('done-watch').click(); }""")
        assert tab.locator("#log-progress").text_content() == "1 of 4 activities done"
        assert axe_at_each_width(tab) == {}
        tab.goto(f"{tiny_site}modules/?audience=returner")
        tab.click("#module-filters summary:has-text('Profession')")
        assert axe_at_each_width(tab) == {}
    finally:
        context.close()


def test_log_controls_are_big_enough_to_tap(phone_tab: Any, tiny_site: str) -> None:
    open_module(phone_tab, tiny_site)
    small = phone_tab.evaluate("""() => [...document.querySelectorAll(
            '.ahp-module button, .ahp-module input, .ahp-module textarea')]
        .map(e => [e.id || e.textContent, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24).map(([name]) => name)""")
    assert small == []


COUNT = "[data-count-for=module-cards]"


def test_index_filters(phone_tab: Any, tiny_site: str) -> None:
    phone_tab.goto(f"{tiny_site}modules/")
    count = phone_tab.locator(COUNT)
    assert count.text_content() == "3 modules"
    phone_tab.click("#module-filters summary:has-text('Profession')")
    phone_tab.check("input[name=profession][value=dietitian]")
    assert count.text_content() == "2 of 3 modules"
    assert phone_tab.locator("[data-section]:visible h2").all_text_contents() == ["Dietitian", "For every profession"]
    assert phone_tab.url.endswith("?profession=dietitian")
    phone_tab.get_by_label("More than 3 hours").check()
    assert count.text_content() == "1 of 3 modules"
    assert phone_tab.locator("[data-card]:visible a").all_text_contents() == ["Dietetics taster"]
    phone_tab.get_by_label("Returning to practice").check()
    assert count.text_content() == "0 of 3 modules"
    assert phone_tab.locator("[data-empty-for=module-cards]").is_visible()
    assert phone_tab.locator("[data-section]:visible").count() == 0
    phone_tab.get_by_role("button", name="Clear filters").click()
    assert count.text_content() == "3 modules"
    assert phone_tab.locator("[data-card]:visible").count() == 4


def test_index_filters_from_the_address(phone_tab: Any, tiny_site: str) -> None:
    phone_tab.goto(f"{tiny_site}modules/?audience=returner")
    assert phone_tab.locator(COUNT).text_content() == "1 of 3 modules"
    assert phone_tab.get_by_label("Returning to practice").is_checked()
    phone_tab.goto(f"{tiny_site}modules/?profession=podiatrist")
    assert phone_tab.locator("details:has(input[name=profession])").get_attribute("open") is not None
    assert phone_tab.locator("[data-section]:visible h2").all_text_contents() == ["Podiatrist", "For every profession"]
