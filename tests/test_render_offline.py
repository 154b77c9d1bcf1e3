"""The files of offline reading and the home-screen app, as the render step writes them (generator/render/offline.py).

Their behaviour in a browser is tested in tests/test_browser_offline.py; here: what is written, that every address
in them is relative, that the worker's version follows the content, and that the icons are real PNG files.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import yaml
from conftest import REPO, render_tree

from generator.render.offline import (
    CACHE_PREFIX,
    ICON_SIZES,
    MANIFEST,
    OFFLINE_PAGE,
    OFFLINE_SCRIPT,
    SERVICE_WORKER,
    SITE_NAME,
    build_version,
    icon_path,
    icon_png,
    service_worker,
    theme_colour,
)


def settings(worker: str) -> dict:
    return json.loads(re.search(r"var SETTINGS = (\{.*?\});", worker).group(1))


def test_the_tree_has_the_worker_manifest_offline_page_and_icons(make_catalogue) -> None:
    tree = render_tree(make_catalogue())
    for path in (SERVICE_WORKER, MANIFEST, OFFLINE_PAGE, OFFLINE_SCRIPT, *map(icon_path, ICON_SIZES)):
        assert path in tree, path
    assert "You are offline" in tree[OFFLINE_PAGE]
    assert f'data-cache-prefix="{CACHE_PREFIX}"' in tree[OFFLINE_PAGE]


def test_the_worker_keeps_a_small_shell_with_relative_addresses_only(make_catalogue) -> None:
    tree = render_tree(make_catalogue())
    found = settings(tree[SERVICE_WORKER])
    assert found["offlinePage"] == "offline/"
    assert found["shell"][:3] == ["offline/", OFFLINE_SCRIPT, MANIFEST]
    assert "assets/ahp.css" in found["shell"]
    for address in found["shell"]:
        assert not address.startswith(("/", "http:", "https:")) and ".." not in address, address
        assert address in tree or address == "offline/", address
    assert not [a for a in found["shell"] if a.endswith("/") and a != "offline/"], "no page is kept before it is read"
    assert not re.search(r"https?://", tree[SERVICE_WORKER].split("*/", 1)[1]), "the worker names no address"


def test_the_worker_version_follows_the_content(make_catalogue, tmp_path: Path) -> None:
    tree = render_tree(make_catalogue())
    again = render_tree(make_catalogue())
    assert settings(tree[SERVICE_WORKER])["version"] == settings(again[SERVICE_WORKER])["version"]
    changed = dict(tree)
    changed["assets/ahp.css"] = tree["assets/ahp.css"] + b"/* changed */"
    assert build_version(changed) != build_version(tree)
    assert settings(service_worker(changed))["version"] != settings(tree[SERVICE_WORKER])["version"]


def test_the_manifest_names_the_site_in_its_colours_with_relative_addresses(make_catalogue) -> None:
    tree = render_tree(make_catalogue())
    manifest = json.loads(tree[MANIFEST])
    mkdocs = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert manifest["name"] == SITE_NAME == mkdocs["site_name"]
    css = (REPO / "generator" / "assets" / "ahp.css").read_text(encoding="utf-8")
    assert manifest["theme_color"] == theme_colour() and f"--md-primary-fg-color: {theme_colour()};" in css
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert [icon["src"] for icon in manifest["icons"]] == [icon_path(size) for size in ICON_SIZES]
    assert max(ICON_SIZES) >= 512 and 192 in ICON_SIZES  # what phones ask for before offering "install"


def test_icons_are_valid_png_of_their_size() -> None:
    for size in ICON_SIZES:
        data = icon_png(size)
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
        idat = data[data.index(b"IDAT") + 4: data.index(b"IEND") - 8]
        raw = zlib.decompress(idat)
        assert len(raw) == size * (1 + 3 * size)
        row = raw[(size // 2) * (1 + 3 * size) + 1:][: 3 * size]
        assert row[:3] == bytes.fromhex(theme_colour()[1:]) and b"\xff\xff\xff" in row, "a white heart on the colour"
        assert len(data) < 4096, "icons stay small"


def test_the_theme_registers_the_worker_after_load_in_its_own_blocks() -> None:
    theme = (REPO / "generator" / "theme" / "main.html").read_text(encoding="utf-8")
    scripts = theme.split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert "super()" in scripts and 'addEventListener("load"' in scripts
    assert "register(\"{{ 'sw.js' | url }}\")" in scripts, "a relative address: the worker's scope is the site"
    libs = theme.split("{% block libs %}", 1)[1].split("{% endblock %}", 1)[0]
    assert "super()" in libs and "manifest.webmanifest" in libs
