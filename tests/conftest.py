"""Shared test helpers: tiny catalogues in tmp_path, the shipped site built once, and a real Chromium.

Browser tests use Debian's Chromium (/usr/bin/chromium, or the browser at CHROMIUM_PATH) through Playwright. When it
is missing they skip locally, but fail under CI=true: CI must never pass by skipping the browser.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import fcntl
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
"""Fixed build date for every test, so nothing depends on the day the suite runs."""
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# --- Small valid entries, one per kind; tests copy and break them. -------------------------------------------------

BASE = {"sources": ["002_67d9b56a58427b43.txt"], "review_by": "2027-11-01"}


def profession(pid: str = "podiatrist", **changes: Any) -> dict[str, Any]:
    entry = {
        "id": pid, "title": pid.replace("-", " ").capitalize(),
        "summary": "They help people keep their feet healthy so they can move.",
        "audiences": ["first-time", "career-changer"], **BASE, "regulator": "HCPC",
        "what_they_do": "They look after feet and legs.", "where_they_work": ["Hospitals"],
        "who_they_work_with": ["Children"], "day_in_the_role": "Clinics in the morning.",
        "entry_routes": [{"route": "degree", "summary": "A university degree."}],
        "interests": ["sport-and-exercise"], "strengths": ["good-with-hands"], "values": ["compassion"],
    }
    entry.update(changes)
    return entry


GETTING_IN: dict[str, Any] = {
    "entry_routes": [{"route": "degree", "summary": "A university degree.",
                      "entry_requirements": "Usually two or three A levels, including biology.",
                      "sources": ["https://www.example.org/podiatry-entry"]}],
    "without_a_levels": "Start as a podiatry support worker and train on the job.",
    "pay": {"band_on_qualifying": "5", "band_later": "6", "scale_year": "2025/26",
            "scale_source": "https://www.example.org/pay-scales", "sources": ["https://www.example.org/podiatry-pay"],
            "review_by": "2027-04-01"},
    "funding": {"summary": "Eligible students in England get the NHS Learning Support Fund.",
                "sources": ["https://www.example.org/learning-support-fund"]},
    "next_steps": [{"kind": "find-a-course"}, {"kind": "find-an-apprenticeship"}, {"kind": "find-a-job"}],
    "care_areas": ["older-people"],
}
"""The "how do I get in?" fields (issue 17): entry requirements, pay, funding, next steps, care areas."""


def full_profession(pid: str = "podiatrist", **changes: Any) -> dict[str, Any]:
    """A profession with every "how do I get in?" field, as every shipped profession has."""
    return profession(pid, **{**copy.deepcopy(GETTING_IN), **changes})


def resource(rid: str = "ahp-vr360", **changes: Any) -> dict[str, Any]:
    entry = {"id": rid, "title": "AHP VR360", "summary": "Virtual reality days in the life of six jobs.",
             "audiences": ["first-time"], **BASE, "type": "virtual-reality", "professions": ["podiatrist"],
             "how_to_get": "Ask the AHP lead at your local NHS trust."}
    entry.update(changes)
    return entry


def event(eid: str = "ahps-day", **changes: Any) -> dict[str, Any]:
    entry = {"id": eid, "title": "AHPs Day", "summary": "A day to cheer for every allied health job.",
             "audiences": ["first-time"], **BASE, "kind": "awareness-day", "professions": ["all"],
             "rule": "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14", "starts": "2024-10-14"}
    entry.update(changes)
    return entry


def story(sid: str = "sport-to-podiatry", **changes: Any) -> dict[str, Any]:
    entry = {"id": sid, "title": "From sport to podiatry", "summary": "Sports people found a new career in podiatry.",
             "audiences": ["career-changer"], **BASE, "kind": "case-study", "professions": ["podiatrist"],
             "route": "career-change", "body": "A region worked with sports people."}
    entry.update(changes)
    return entry


def module(mid: str = "podiatry-taster", **changes: Any) -> dict[str, Any]:
    entry = {"id": mid, "title": "Podiatry taster", "summary": "Try out podiatry from home in an hour or so.",
             "audiences": ["first-time"], **BASE, "professions": ["podiatrist"], "age_range": {"min": 14, "max": 18},
             "minutes": 50, "learning_outcomes": ["Say what a podiatrist does."],
             "activities": [
                 {"id": "watch", "kind": "watch", "title": "Watch", "minutes": 20, "instructions": "Watch it.",
                  "resources": ["ahp-vr360"]},
                 {"id": "reflect", "kind": "reflect", "title": "Reflect", "minutes": 30,
                  "instructions": "Think.", "prompts": ["What surprised you?", "What next?"]}],
             "what_next": ["Ask your school about work experience."]}
    entry.update(changes)
    return entry


def talk(tid: str = "assembly", **changes: Any) -> dict[str, Any]:
    entry = {"id": tid, "title": "What are AHPs?", "summary": "A short assembly about the allied health jobs.",
             "audiences": ["first-time"], **BASE, "presenter": "ambassador", "age_groups": ["ks3"], "minutes": 15,
             "setting": "assembly",
             "professions": ["all"], "plan": [{"minutes": 5, "step": "Hello"}, {"minutes": 10, "step": "Quiz"}],
             "resources": ["ahp-vr360"], "activity": {"title": "Quiz", "instructions": "Hands up."},
             "send_adaptations": ["Use pictures."], "gatsby_benchmarks": [5], "follow_ups": ["Try a module."]}
    entry.update(changes)
    return entry


def guide(aid: str = "first-time", **changes: Any) -> dict[str, Any]:
    entry = {"id": aid, "title": "Choosing your first career", "summary": "Where to start if you are still at school.",
             **BASE, "intro": "Start here.", "where_to_start": ["Look at the professions."]}
    entry.update(changes)
    return entry


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True)


def write_catalogue(root: Path, files: dict[str, Any] | None = None, *, replace: bool = False) -> Path:
    """Write a small catalogue project into `root`. `files` maps relative paths to data (dumped as YAML) or raw text.

    Without arguments it writes one valid entry of every kind; pass `files` to add or replace files, and
    `replace=True` to start from nothing.
    """
    defaults: dict[str, Any] = {
        "content/professions/podiatrist.yaml": profession(),
        "content/stories/sport-to-podiatry.yaml": story(),
        "content/modules/podiatry-taster.yaml": module(),
        "content/talks/assembly.yaml": talk(),
        "content/audiences/first-time.yaml": guide(),
        "resources.yaml": [resource()],
        "events_calendar.yaml": [event()],
    }
    chosen = dict(files or {}) if replace else {**defaults, **(files or {})}
    for relative, data in chosen.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data if isinstance(data, str) else dump(copy.deepcopy(data)), encoding="utf-8")
    (root / "content").mkdir(parents=True, exist_ok=True)
    if not (root / "mkdocs.yml").exists():
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generator_link = root / "generator"
    if not generator_link.exists():
        generator_link.symlink_to(REPO / "generator")
    return root


@pytest.fixture
def make_catalogue(tmp_path: Path) -> Callable[..., Path]:
    """`write_catalogue` into tmp_path/project: call it with the files to add or replace (see there)."""

    def write(files: dict[str, Any] | None = None, *, replace: bool = False) -> Path:
        return write_catalogue(tmp_path / "project", files, replace=replace)

    return write


def render_tree(root: Path, site_url: str = "https://example.org/") -> Any:
    """The docs tree the pipeline renders for the catalogue under `root`, built on the fixed test date."""
    from generator.catalogue import build_catalogue
    from generator.load import load_catalogue_files
    from generator.render import RenderOptions, render_site
    from generator.validate import validate_catalogue

    catalogue = build_catalogue(validate_catalogue(load_catalogue_files(root), TODAY))
    return render_site(catalogue, RenderOptions(today=TODAY, site_url=site_url))


@pytest.fixture(scope="session")
def shipped_catalogue() -> Any:
    """The shipped catalogue loaded and validated for the fixed test date, once per worker (read-only)."""
    from generator.pipeline import load_valid_catalogue

    return load_valid_catalogue(REPO, TODAY)


@pytest.fixture(scope="session")
def shipped_tree() -> Any:
    """The shipped catalogue's docs tree, rendered once per worker for the fixed test date (read-only)."""
    return render_tree(REPO)


def run_cli_process(*args: str, cwd: Path | None = None,
                    env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator` in a new process, exactly as an editor would: for exit codes and tracebacks."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd or REPO, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})}, check=False)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process through `cli.main(argv)`, capturing what it prints: the same code path
    as `python -m generator` without paying for a new interpreter and its imports on every call. An exception that
    `main` does not turn into an exit code propagates, so a bug still fails the test."""
    from generator import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    os.environ.update(env or {})
    os.chdir(cwd or REPO)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = cli.main(list(args))
            except SystemExit as exit_:  # argparse: --help, usage errors
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["python", "-m", "generator", *args], code, stdout.getvalue(),
                                       stderr.getvalue())


# --- Reading pages as a browser does: a real HTML parser and CSS selectors, never regular expressions. -----------

def parse_html(text: str) -> BeautifulSoup:
    """A built page, or a page of the rendered docs tree (front matter dropped), as a tree to query with CSS
    selectors (`select`, `select_one`): a test then checks elements and attributes, whatever their order or spacing."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return BeautifulSoup(text, "lxml")


def texts(tree: BeautifulSoup | Tag, selector: str) -> list[str]:
    """The visible text of every element `selector` matches, in page order, with runs of spaces made one."""
    return [" ".join(element.get_text(" ", strip=True).split()) for element in tree.select(selector)]


def values(tree: BeautifulSoup | Tag, selector: str, attribute: str) -> list[str]:
    """The `attribute` of every element `selector` matches, in page order."""
    return [str(element.get(attribute, "")) for element in tree.select(selector)]


# --- The shipped catalogue, built once per test session. ----------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class SharedSite:
    """A site that many tests only read: built once a run, into a folder every parallel worker of the run sees."""

    name: str
    """The fixture that returns it, and its folder's name."""
    commands: tuple[tuple[str, ...], ...]
    """How it is built, run in `REPO`: the real command line in a new process, as an editor runs it."""


SHARED_SITES = (
    SharedSite("shipped_site", (("-m", "generator", "--today", TODAY.isoformat(), "build", "--strict",
                                 "--site-dir", "{folder}/site"),)),
    SharedSite("thousand_entry_site", (("benchmarks/bench.py", "--catalogue", "1000", "{folder}/project"),
                                       ("-m", "generator", "--root", "{folder}/project", "--today", TODAY.isoformat(),
                                        "build", "--site-dir", "{folder}/site"))),
)
"""The shipped catalogue, and the benchmark's 1,000-entry catalogue (15 professions and every other kind) with its
search index."""


def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the shared sites go: the run's folder when parallel workers share it, else this session's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def build_shared_site(site: SharedSite, folder: Path) -> None:
    """Run the site's commands, their output in `build.log`; `exit-code` says how it ended. The caller holds the
    site's lock, so a worker that needs the site waits for it rather than building it a second time."""
    folder.mkdir(exist_ok=True)
    code = 0
    with open(folder / "build.log", "w") as log:
        for command in site.commands:
            argv = [sys.executable, *(part.format(folder=folder) for part in command)]
            code = subprocess.run(argv, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, check=False,
                                  env={**os.environ, "PYTHONPATH": str(REPO)}).returncode
            if code:
                break
    (folder / "exit-code").write_text(str(code))


def start_shared_build(site: SharedSite, folder: Path) -> threading.Thread | None:
    """Build the site in a background thread, holding its lock, unless another worker already builds or built it."""
    lock = open(folder.with_suffix(".lock"), "a")  # noqa: SIM115 (the thread closes it, which releases the lock)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return None
    if (folder / "exit-code").exists():
        lock.close()
        return None

    def build() -> None:
        with lock:
            build_shared_site(site, folder)

    thread = threading.Thread(target=build, name=f"build {site.name}", daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="session", autouse=True)
def shared_sites_built_in_the_background(request: pytest.FixtureRequest,
                                         tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Start building each shared site the run's tests need as soon as the run starts, in new processes. A test
    that needs one waits only for what is left of its build, and meanwhile the processor is never idle: without
    this, one worker built the shipped site at the start and the 1,000-entry one near the end while the other
    worker, needing them too, sat waiting (about 9 s of one core each time)."""
    needed = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    threads = [start_shared_build(site, shared_root(tmp_path_factory) / site.name)
               for site in SHARED_SITES if site.name in needed]
    yield
    for thread in threads:
        if thread:
            thread.join()  # the other worker may still need it: never leave a half-built site


def shared_site(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """The built site `name` of `SHARED_SITES`: waits for a build under way, or builds it now if none was started."""
    site = next(site for site in SHARED_SITES if site.name == name)
    folder = shared_root(tmp_path_factory) / name
    with open(folder.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "exit-code").exists():
            build_shared_site(site, folder)
    if (folder / "exit-code").read_text() != "0":
        pytest.fail(f"building the {name} failed:\n" + (folder / "build.log").read_text(), pytrace=False)
    return folder / "site"


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalogue built with the fixed date, once a run (read-only: a test that changes a site copies it
    first)."""
    return shared_site(tmp_path_factory, "shipped_site")


@pytest.fixture(scope="session")
def thousand_entry_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's 1,000-entry catalogue built with its search index, once a run (read-only)."""
    return shared_site(tmp_path_factory, "thousand_entry_site")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without logging every request; tests subclass it to compress or add a path prefix."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_directory(directory: Path, handler: type[QuietHandler] = QuietHandler, path: str = "/") -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port with `handler`; yields the base URL, ending in `path`."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(shipped_site: Path) -> Iterator[str]:
    """Base URL of the shipped site served on 127.0.0.1."""
    yield from serve_directory(shipped_site)


# --- A real Chromium. ----------------------------------------------------------------------------------------------

def require_chromium() -> None:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package or set CHROMIUM_PATH"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh phone-sized page (360 x 740) in its own browser context."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def phone_tab(browser: Any) -> Iterator[Any]:
    """One 360 x 740 tab shared by a test module's read-only checks. Each test opens its own address in it (a new
    document), but the renderer process, the HTTP cache and the installed service worker stay: a fresh context
    costs each test about 0.4 s of CPU for a new renderer process and cold files. Tests that type answers, change
    what the browser stores, route requests, listen to events or add init scripts use `page` instead."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    yield tab
    context.close()


AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")


def axe_violations(tab: Any) -> list[dict[str, Any]]:
    """Run axe-core (pinned, from the axe-playwright-python wheel) for WCAG 2.x A/AA rules on the open page, once
    running CSS transitions have finished (a fading header measured mid-fade is a false contrast failure).

    Only violations are collected (`resultTypes`): axe then skips building selectors and HTML for every passing
    node, its own advice for speed; the rules run and judge exactly as before."""
    if not tab.evaluate("typeof axe === 'object'"):  # once per document: a second width reuses it
        tab.add_script_tag(path=str(AXE_SCRIPT))
    result = tab.evaluate(
        "async () => { await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));"
        " return await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}); }")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


AXE_WIDTHS = (360, 1280)
"""A phone and a desktop: every axe check runs at both."""


def axe_at_each_width(tab: Any) -> dict[int, list[dict[str, Any]]]:
    """`axe_violations` of the open page state at each of `AXE_WIDTHS`, resizing the tab in between instead of
    loading the page again (a load costs Chromium about 0.3 s of CPU). Sound because no script of the site reads
    the viewport (`test_tests.py::test_no_site_script_depends_on_the_viewport_size`): the page's content is the
    same at every width, and the stylesheet's media queries are applied again on resize. A page wider than the
    window is reported too, as "reflow" (WCAG 1.4.10: no sideways scrolling). Only widths with violations are
    returned, so a passing page gives {}. The tab gets its own size back afterwards, so a shared `phone_tab` stays
    a phone for the module's next test."""
    found = {}
    own_size = tab.viewport_size
    try:
        for width in AXE_WIDTHS:
            tab.set_viewport_size({"width": width, "height": 800})
            violations = axe_violations(tab)
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                violations.append({"id": "reflow", "impact": "serious", "nodes": [f"page {scroll_width} px wide"]})
            if violations:
                found[width] = violations
    finally:
        tab.set_viewport_size(own_size)
    return found
