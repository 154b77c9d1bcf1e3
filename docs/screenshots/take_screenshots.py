"""Take the README screenshots: the first phone screen (360 x 740) of three pages of a built site.

Why a script: the pictures must show the site as it is shipped, so they are taken from a real build in Debian's
Chromium, the same browser the tests use. Run from the repository root after a build:

    .venv/bin/python -m generator build --site-dir /tmp/site
    .venv/bin/python docs/screenshots/take_screenshots.py /tmp/site
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOTS = {"home-360.png": "", "profession-360.png": "professions/podiatrist/", "explore-360.png": "explore/",
         "matcher-360.png": "people-like-me/?interest=sport-and-exercise,science-and-the-body"}
"""File name in docs/screenshots/ -> page of the site."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(site: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            tab = browser.new_page(viewport={"width": 360, "height": 740})
            for name, path in SHOTS.items():
                tab.goto(base + path, wait_until="networkidle")
                tab.screenshot(path=str(Path(__file__).with_name(name)))
                print(f"{name}: {path or 'home'}")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
