"""The test suite mirrors the package: every test file tests a module, or is a named cross-cutting suite."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

CROSS_CUTTING = {
    "test_tests.py": "this check",
    "test_end_to_end.py": "one build of the shipped catalogue",
    "test_content.py": "rules for the shipped content (sources, readability, links between kinds)",
    "test_accessibility.py": "axe-core on every page type in Chromium",
    "test_budgets.py": "page weight, third-party requests, long tasks, tap targets",
    "test_bad_input.py": "one hostile or broken input per file under tests/bad/",
    "test_publish_workflows.py": "the publishing workflows: zizmor, permissions, triggers, pinned actions",
    "test_subpath.py": "the built site served under a sub-path: every internal link, the service worker",
    "test_properties.py": "property-based mutations of valid entries",
    "test_injection.py": "script injection attempts, checked in Chromium",
    "test_print.py": "print output (PDF page count, QR codes)",
    "test_engine_zensical.py": "the rendered tree builds with Zensical too (no engine module of its own yet)",
    "test_workflows.py": "the GitHub workflows, Dependabot and CODEOWNERS (zizmor, pinned actions, lint scope)",
}
"""Test files that exercise the whole system rather than one module."""


def module_for(test_file: Path) -> Path | None:
    """The module a test file mirrors: test_x.py -> generator/x.py; test_render_x.py -> generator/render/x.py;
    test_browser_x.py and test_model_x.py / test_rules_x.py are browser or rule tests of generator/render/x.py
    and generator/model.py / rules.py."""
    stem = test_file.stem.removeprefix("test_")
    candidates = [REPO / "generator" / f"{stem}.py"]
    for prefix, folder in (("render_", "render"), ("browser_", "render")):
        if stem.startswith(prefix):
            candidates.append(REPO / "generator" / folder / f"{stem.removeprefix(prefix)}.py")
    for prefix in ("model_", "rules_"):
        if stem.startswith(prefix):
            candidates.append(REPO / "generator" / f"{prefix.rstrip('_')}.py")
    return next((path for path in candidates if path.is_file()), None)


def test_every_test_file_mirrors_a_module_or_is_cross_cutting() -> None:
    orphans = [path.name for path in sorted((REPO / "tests").glob("test_*.py"))
               if path.name not in CROSS_CUTTING and module_for(path) is None]
    assert orphans == []


def test_every_pipeline_module_has_tests() -> None:
    """generator/x.py has tests/test_x.py; generator/render/x.py has tests/test_render_x.py."""
    untested = []
    for folder, prefix in (("generator", "test_"), ("generator/render", "test_render_")):
        for module in sorted((REPO / folder).glob("*.py")):
            if module.name in ("__init__.py", "__main__.py"):
                continue
            if not (REPO / "tests" / f"{prefix}{module.stem}.py").is_file():
                untested.append(f"{folder}/{module.name}")
    assert untested == []


MARKUP_PATTERN = re.compile(
    r"""re\.(?:findall|search|finditer|match|fullmatch|compile)\(\s*r?["'][^"'\n]*(?:(?<!\?P)<[a-z/!]|\b(?:href|src|class|id|name|value|content|data-[a-z-]+)=)"""
    r"""|\.split\(\s*["'][^"'\n]*(?:(?<!\?P)<[a-z/!]|\b(?:href|src|class|id|name)=)""")
"""A regular expression or a `split` over markup: a tag, or an attribute written out (not a named group, `(?P<`)."""


def test_tests_read_html_with_a_parser_not_with_patterns() -> None:
    """Pages are read with conftest.parse_html and CSS selectors: a pattern over markup breaks when attributes are
    reordered and can pass by matching the wrong element."""
    assert MARKUP_PATTERN.search("""re.findall(r'name="minutes" value="([^"]*)"', page)""")
    assert MARKUP_PATTERN.search("""page.split('<h2 id="dates">', 1)""")
    assert not MARKUP_PATTERN.search("""re.search(r"Rebuilt in \\d+\\.\\d s", output)""")
    assert not MARKUP_PATTERN.search("""re.compile(r"^(?P<path>[\\w./-]+\\.yaml):")""")
    found = [f"{path.name}:{number}" for path in sorted((REPO / "tests").glob("*.py")) if path.name != "test_tests.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if MARKUP_PATTERN.search(line)]
    assert found == []


VIEWPORT_READING = re.compile(
    r"innerWidth|outerWidth|innerHeight|outerHeight|matchMedia|visualViewport|\bscreen\.|clientWidth|clientHeight"
    r"|offsetWidth|offsetHeight|getBoundingClientRect|getClientRects|[\"']resize[\"']|orientationchange"
    r"|ResizeObserver|IntersectionObserver")
"""What a script would use to make a page depend on the size of the window."""


def test_no_site_script_depends_on_the_viewport_size() -> None:
    """conftest.axe_at_each_width checks one page state at a phone and a desktop width by resizing the tab, which is
    the same as loading the page at each width only while no script of the site reads the viewport: then the
    content is the same at every width and only the stylesheet's media queries differ. If a script needs to, load
    the page once per width there instead."""
    assert VIEWPORT_READING.search("if (window.innerWidth < 600) collapse();")
    assert VIEWPORT_READING.search('window.addEventListener("resize", layout);')
    scripts = [*sorted((REPO / "generator" / "assets").glob("*.js")), *sorted((REPO / "generator" / "theme").rglob(
        "*.html")), *sorted((REPO / "generator" / "templates").glob("*.j2"))]
    assert len(scripts) > 10
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()[:80]}" for path in scripts
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if VIEWPORT_READING.search(line)]
    assert found == []
