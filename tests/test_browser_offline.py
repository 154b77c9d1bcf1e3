"""Offline reading in Chromium (generator/render/offline.py, assets/offline.js, the registration in the theme).

A page seen once opens again offline; a page never seen leads to the offline page, which lists what is kept; "Save
for offline" keeps a talk pack's resource pages; the reflective log still saves offline; a first visit keeps only
what it showed; a new deploy replaces the old cache and keeps the reader's pages. Every server here logs what it is
asked for, so "came from the device" is checked by the server having been asked nothing, not only by the page
looking right.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_violations

from generator.render.offline import CACHE_PREFIX, SERVICE_WORKER

pytestmark = pytest.mark.browser

PAGE = "professions/podiatrist/"
TALK = "ambassadors/what-are-ahps-assembly/"
MODULE = "modules/physiotherapy-virtual-work-experience/"

WAIT_UNTIL_KEPT = """async (url) => {
  for (let i = 0; i < 200; i++) {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(url)) return true;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}"""
KEPT = """async () => {
  const kept = {};
  for (const name of await caches.keys()) {
    kept[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return kept;
}"""


class Server:
    """A static server on 127.0.0.1 that remembers every path it was asked for."""

    def __init__(self, directory: Path) -> None:
        self.asked: list[str] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                server.asked.append(self.path)

        handler = functools.partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def asked_for_content(server: Server) -> list[str]:
    """What the server was asked for, less the browser's own check for a new service worker: Chromium makes that
    check outside the page's (emulated) network, and it never serves a page."""
    return [path for path in server.asked if path != "/" + SERVICE_WORKER]


@pytest.fixture
def site_copy(shipped_site: Path, tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """A copy of the shipped site (tests may change it, as a new deploy would), served with a request log."""
    site = tmp_path / "site"
    shutil.copytree(shipped_site, site)
    server = Server(site)
    yield server, site
    server.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context
    context.close()


def visit(tab: Any, url: str) -> None:
    """Open a page online and wait until the worker has kept it and every file of the site it used (the worker
    keeps them in parallel, so the page alone being kept says nothing about its scripts)."""
    tab.goto(url, wait_until="load")
    tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
    assert tab.evaluate(WAIT_UNTIL_KEPT, url), f"{url} was not kept"
    used = tab.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)"
                        ".filter((name) => name.startsWith(location.origin))")
    for file in used:
        assert tab.evaluate(WAIT_UNTIL_KEPT, file), f"{file} was not kept"


def test_a_page_seen_once_opens_offline_with_its_styles(context: Any, site_copy: tuple[Server, Path]) -> None:
    server, _ = site_copy
    tab = context.new_page()
    visit(tab, server.url + PAGE)
    header_colour = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    context.set_offline(True)
    server.asked.clear()
    tab.reload()
    assert tab.locator("h1").first.inner_text() == "Podiatrist"
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == header_colour
    assert asked_for_content(server) == [], "offline, no page or file may come from the server"


def test_a_first_visit_keeps_only_what_it_showed(context: Any, site_copy: tuple[Server, Path]) -> None:
    server, site = site_copy
    tab = context.new_page()
    visit(tab, server.url + PAGE)
    kept = tab.evaluate(KEPT)
    (name,) = kept  # one cache, named for this site's scope
    assert name.startswith(f"{CACHE_PREFIX}:{server.url}:")
    pages = sorted(url.removeprefix(server.url) for url in kept[name] if url.endswith("/"))
    assert pages == ["offline/", PAGE]
    asked_pages = {path for path in server.asked if path.split("?")[0].endswith("/")}
    print(f"\nfirst visit: {len(server.asked)} requests, {len(kept[name])} files kept; pages asked: {asked_pages}")
    assert len(kept[name]) < 20, kept[name]
    built_pages = sum(1 for _ in site.rglob("index.html"))
    assert built_pages > 100, "the whole site would be many more pages than were kept"


def test_an_unseen_page_offline_leads_to_the_offline_page(context: Any, site_copy: tuple[Server, Path]) -> None:
    server, _ = site_copy
    tab = context.new_page()
    visit(tab, server.url + PAGE)
    context.set_offline(True)
    tab.goto(server.url + "professions/paramedic/")
    assert tab.url.startswith(server.url + "offline/?from=")
    assert tab.locator("h1").first.inner_text() == "You are offline"
    tab.wait_for_selector("#offline-pages a")
    assert tab.locator("#offline-pages a").all_inner_texts() == ["Podiatrist"]
    assert tab.locator("#offline-retry a").get_attribute("href") == server.url + "professions/paramedic/"
    tab.click("#offline-pages a")
    assert tab.locator("h1").first.inner_text() == "Podiatrist"
    context.set_offline(False)
    tab.goto(server.url + "offline/")
    assert axe_violations(tab) == []


def test_save_for_offline_keeps_a_talk_pack_and_its_resource_pages(context: Any,
                                                                   site_copy: tuple[Server, Path]) -> None:
    server, _ = site_copy
    tab = context.new_page()
    visit(tab, server.url + TALK)
    button = tab.locator("[data-offline-save] button")
    resource_pages = button.get_attribute("data-offline-pages").split()
    assert resource_pages, "the talk pack uses resources"
    button.click()
    tab.wait_for_selector("[data-offline-status]:has-text('Saved on this device')")
    assert axe_violations(tab) == []
    context.set_offline(True)
    server.asked.clear()
    for relative in resource_pages:
        tab.goto(server.url + TALK + relative)
        assert not tab.url.startswith(server.url + "offline/"), relative
        assert tab.locator("h1").count() and "offline" not in tab.locator("h1").first.inner_text()
    assert asked_for_content(server) == []


def test_the_reflective_log_still_saves_offline(context: Any, site_copy: tuple[Server, Path]) -> None:
    server, _ = site_copy
    tab = context.new_page()
    visit(tab, server.url + MODULE)
    context.set_offline(True)
    server.asked.clear()
    tab.reload()
    tab.wait_for_selector(".ahp-log__tools:not([hidden])")
    answer = tab.locator("textarea").first
    answer.fill("Written on the bus, with no signal.")
    tab.locator("[data-log-done]").first.check()
    tab.reload()
    tab.wait_for_selector(".ahp-log__tools:not([hidden])")
    assert tab.locator("textarea").first.input_value() == "Written on the bus, with no signal."
    assert tab.locator("[data-log-done]").first.is_checked()
    assert asked_for_content(server) == []


def test_a_new_deploy_replaces_the_old_cache_and_keeps_the_pages_read(context: Any,
                                                                      site_copy: tuple[Server, Path]) -> None:
    server, site = site_copy
    tab = context.new_page()
    visit(tab, server.url + PAGE)
    (old_name,) = tab.evaluate(KEPT)
    worker = site / SERVICE_WORKER
    old_version = old_name.rsplit(":", 1)[1]
    worker.write_text(worker.read_text(encoding="utf-8").replace(old_version, "0123456789abcdef"), encoding="utf-8")
    tab.evaluate("""async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const next = registration.installing || registration.waiting;
      if (next && next.state !== "activated") {
        await new Promise((done) => next.addEventListener("statechange", () => next.state === "activated" && done()));
      }
    }""")
    kept = tab.evaluate(KEPT)
    assert list(kept) == [old_name.rsplit(":", 1)[0] + ":0123456789abcdef"]
    assert server.url + PAGE in next(iter(kept.values()))
    context.set_offline(True)
    tab.reload()
    assert tab.locator("h1").first.inner_text() == "Podiatrist"


def test_the_worker_scope_is_the_site_and_the_manifest_is_found(context: Any, site_copy: tuple[Server, Path]) -> None:
    server, _ = site_copy
    tab = context.new_page()
    visit(tab, server.url + PAGE)
    assert tab.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)") == server.url
    manifest = tab.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())")
    assert manifest["name"] == "Allied health careers" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        size = int(icon["sizes"].split("x")[0])
        width = tab.evaluate("""(src) => new Promise((done) => { const image = new Image();
          image.onload = () => done(image.naturalWidth); image.onerror = () => done(0); image.src = src; })""",
                             server.url + icon["src"])
        assert width == size
