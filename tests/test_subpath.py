"""The built site works under a sub-path, as a GitHub Pages project site does (https://owner.github.io/repo/).

A server publishes the shipped site only under /some/path/ (anything else is 404), and a crawler follows every
internal link, stylesheet, script, picture, feed, the manifest and the service worker from the home page through
every page: nothing may be broken or leave the sub-path. In Chromium, the service worker's scope is the sub-path.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from conftest import QuietHandler, serve_directory

PREFIX = "/some/path/"
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("form", "action")}
WORKER_REGISTRATION = re.compile(r"""serviceWorker\.register\(["']([^"']+)["']""")


class _SubPathHandler(QuietHandler):
    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_sub_path__")  # 404
        return super().translate_path("/" + path[len(PREFIX):])


@pytest.fixture(scope="module")
def sub_path_url(shipped_site: Path) -> Iterator[str]:
    yield from serve_directory(shipped_site, _SubPathHandler, PREFIX)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        self.found += [value for name, value in attrs if (tag, name) in LINK_ATTRIBUTES and value]

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.found += WORKER_REGISTRATION.findall(data)


def links_in(url: str, body: bytes, content_type: str) -> list[str]:
    """Every address a response refers to, resolved against it."""
    text = body.decode("utf-8", errors="replace")
    if content_type.startswith("text/html"):
        parser = _Links()
        parser.feed(text)
        found = parser.found
    elif url.endswith(".webmanifest"):
        manifest = json.loads(text)
        found = [manifest["start_url"], manifest["scope"], *(icon["src"] for icon in manifest["icons"])]
    elif url.endswith("/sw.js"):
        settings = json.loads(re.search(r"var SETTINGS = (\{.*?\});", text).group(1))
        found = [*settings["shell"], settings["offlinePage"]]
    else:
        found = []
    return [urldefrag(urljoin(url, link)).url for link in found]


def crawl(start: str) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Fetch everything reachable on the same host from `start`: (status of each address, who links to it)."""
    host = urlsplit(start).netloc
    status: dict[str, int] = {}
    linked_from: dict[str, list[str]] = {start: ["(start)"]}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status[url] = response.status
                body, content_type = response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status[url] = error.code
            continue
        for link in links_in(url, body, content_type):
            parts = urlsplit(link)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue  # another site (checked weekly by lychee), mailto:, data:
            linked_from.setdefault(link, []).append(url)
            if link not in status:
                queue.append(link)
    return status, linked_from


def test_every_internal_link_works_under_a_sub_path(sub_path_url: str, shipped_site: Path) -> None:
    status, linked_from = crawl(sub_path_url)
    broken = {url: (code, linked_from[url][:3]) for url, code in status.items() if code != 200}
    outside = [url for url in status if not urlsplit(url).path.startswith(PREFIX)]
    pages = [url for url in status if urlsplit(url).path.endswith("/")]
    print(f"\nunder {PREFIX}: {len(status)} addresses fetched ({len(pages)} pages), {len(broken)} broken")
    assert broken == {}
    assert outside == []
    built_pages = {path.parent.relative_to(shipped_site).as_posix() for path in shipped_site.rglob("index.html")}
    reached = {urlsplit(url).path[len(PREFIX):].rstrip("/") or "." for url in pages}
    assert built_pages - reached - {"offline"} == set(), "every page is reachable by following links"
    kinds = {Path(urlsplit(url).path).suffix for url in status}
    assert {".css", ".js", ".ics", ".png", ".webmanifest"} <= kinds, kinds


def test_the_crawler_notices_a_link_that_leaves_the_sub_path(sub_path_url: str, tmp_path: Path) -> None:
    assert links_in(sub_path_url + "x/", b'<a href="/professions/">x</a>', "text/html") == [
        sub_path_url.replace(PREFIX, "/") + "professions/"]
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(sub_path_url.replace(PREFIX, "/"), timeout=10)


@pytest.mark.browser
def test_the_service_worker_is_scoped_to_the_sub_path_and_works_there(browser: Any, sub_path_url: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(sub_path_url + "professions/podiatrist/", wait_until="load")
    scope = tab.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)")
    assert scope == sub_path_url
    tab.evaluate("""async (url) => {
      for (let i = 0; i < 200 && !(await caches.match(url)); i++) await new Promise((done) => setTimeout(done, 50));
    }""", sub_path_url + "professions/podiatrist/")
    context.set_offline(True)
    tab.reload()
    assert tab.locator("h1").first.inner_text() == "Podiatrist"
    tab.goto(sub_path_url + "professions/paramedic/")
    assert tab.url.startswith(sub_path_url + "offline/")
    context.close()
