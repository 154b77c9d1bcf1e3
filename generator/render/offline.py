"""Offline reading and the home-screen app: the service worker, the offline page, the web app manifest and icons.

Why: many readers are young people on pay-as-you-go data who lose the site as soon as they are offline. A small
service worker keeps the site's shell (styles, icons, the offline page) and every page as it is read, pictograms
included (they are inline SVG), so a page seen once opens again without the internet; "Save for offline" on talk
packs and modules also keeps the pages they use.
Nothing is fetched ahead of the reader: the whole site is never downloaded on a first visit. Everything here is a
file of the docs tree with relative addresses, so it works under any address and any engine; the theme only
registers the worker (generator/theme/main.html).
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources as package_files

from generator.render.base import Renderer, page_url

SITE_NAME = "Allied health careers"
"""The site's name, as mkdocs.yml's site_name (a test checks they agree)."""
SHORT_NAME = "AHP careers"
"""The name under the home-screen icon, where a long name would be cut off."""
SITE_DESCRIPTION = "Discover the 14 allied health professions of the NHS, and how to get in."
BACKGROUND_COLOUR = "#ffffff"

SERVICE_WORKER = "sw.js"
"""At the site's root, so that the worker's scope is the whole site and nothing above it."""
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.md"
OFFLINE_SCRIPT = "assets/offline.js"
ICON_SIZES = (192, 512)
CACHE_PREFIX = "ahp-offline"
"""Caches are named '<prefix>:<scope>:<version>', so sites sharing a host (previews) never touch each other's."""
SHELL_SUFFIXES = (".css", ".svg", ".png", ".webp")
"""Files under assets/ kept on install: styles and pictures. Page scripts are kept when a page uses them."""


def theme_colour() -> str:
    """The site's primary colour, as generator/assets/ahp.css declares it (`--md-primary-fg-color`)."""
    css = (package_files.files("generator") / "assets" / "ahp.css").read_text(encoding="utf-8")
    found = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})\b", css)
    if found is None:
        raise ValueError("generator/assets/ahp.css declares no --md-primary-fg-color")  # a bug, not content
    return found.group(1).lower()


def icon_path(size: int) -> str:
    return f"assets/icons/icon-{size}.png"


def build_offline_page(renderer: Renderer) -> tuple[str, str]:
    return OFFLINE_PAGE, renderer.page(
        OFFLINE_PAGE, "offline.html.j2", "You are offline",
        "What you can read on this device without the internet.", script=OFFLINE_SCRIPT,
        cache_prefix=CACHE_PREFIX)


def manifest() -> str:
    """The web app manifest; addresses are relative to it, so the app is the site wherever it is published."""
    icons = [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
             for size in ICON_SIZES]
    data = {"name": SITE_NAME, "short_name": SHORT_NAME, "description": SITE_DESCRIPTION, "lang": "en-GB",
            "start_url": "./", "scope": "./", "display": "standalone", "theme_color": theme_colour(),
            "background_color": BACKGROUND_COLOUR, "icons": icons}
    return json.dumps(data, indent=2) + "\n"


def shell(tree: Mapping[str, str | bytes]) -> list[str]:
    """Addresses (relative to the worker) kept when the worker installs: small, and the same for any catalogue."""
    pictures = sorted(path for path in tree if path.startswith("assets/") and path.endswith(SHELL_SUFFIXES))
    return [page_url(OFFLINE_PAGE), OFFLINE_SCRIPT, MANIFEST, *pictures]


def build_version(tree: Mapping[str, str | bytes]) -> str:
    """A hash of everything in the docs tree: a new deploy with any change gets a new worker and new caches."""
    digest = hashlib.sha256()
    for path in sorted(tree):
        content = tree[path]
        digest.update(path.encode() + b"\0" + (content.encode() if isinstance(content, str) else content) + b"\0")
    return digest.hexdigest()[:16]


def service_worker(tree: Mapping[str, str | bytes]) -> str:
    template = (package_files.files("generator") / "templates" / "sw.js").read_text(encoding="utf-8")
    settings = {"version": build_version(tree), "cachePrefix": CACHE_PREFIX, "shell": shell(tree),
                "offlinePage": page_url(OFFLINE_PAGE)}
    return template.replace("/*SETTINGS*/{}", json.dumps(settings, separators=(",", ":")))


def offline_files(renderer: Renderer, tree: Mapping[str, str | bytes]) -> Iterable[tuple[str, str | bytes]]:
    """The offline page, manifest and icons, then the worker, whose version covers all of them."""
    added: dict[str, str | bytes] = dict([build_offline_page(renderer)])
    added[MANIFEST] = manifest()
    added.update({icon_path(size): icon_png(size) for size in ICON_SIZES})
    yield from added.items()
    yield SERVICE_WORKER, service_worker({**tree, **added})


# --- Icons: a white heart on the site's colour, drawn here so the site asks no one for pictures --------------------

@cache
def icon_png(size: int) -> bytes:
    """A square PNG icon, full-bleed so a phone may cut it to any shape ("maskable"): the heart stays inside the
    central safe circle. Deterministic, so builds are reproducible."""
    background = bytes.fromhex(theme_colour()[1:])
    foreground = bytes.fromhex(BACKGROUND_COLOUR[1:])
    rows = []
    for y in range(size):
        row = bytearray(b"\0")  # filter type 0 for every row
        for x in range(size):
            row += foreground if _inside_heart((x + 0.5) / size, (y + 0.5) / size) else background
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _inside_heart(u: float, v: float) -> bool:
    """The heart curve (x^2 + y^2 - 1)^3 <= x^2 y^3, scaled to 44% of the icon and centred."""
    x = (u - 0.5) / 0.22
    y = (0.47 - v) / 0.22
    return (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0


def _png(width: int, height: int, raw_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw_rows, 9))
            + chunk(b"IEND", b""))
