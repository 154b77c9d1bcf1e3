"""Benchmark: synthetic catalogues of 100, 1,000 and 10,000 entries through the whole pipeline.

Usage: `python benchmarks/bench.py [--sizes 100 1000 10000] [--markdown]` (or `make bench`). Each size runs in its
own child process, so its peak memory (RSS) is its own. For each size the table gives load + validate time,
render time, full site build time (pipeline + MkDocs), peak RSS, the same MkDocs Material build of as many plain
Markdown pages with no generator and the ratio, and the HTML size and first-load gzip weight of one profession
page. Timings are wall-clock on this machine, best of three for the two builds: figures to record in
docs/performance.md, not test assertions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PROFESSIONS = ["art-therapist", "dramatherapist", "music-therapist", "podiatrist", "dietitian",
               "occupational-therapist", "operating-department-practitioner", "orthoptist", "osteopath", "paramedic",
               "physiotherapist", "prosthetist-orthotist", "diagnostic-radiographer", "therapeutic-radiographer",
               "speech-and-language-therapist"]
AUDIENCES = ["first-time", "support-worker", "career-changer", "returner"]
WORDS = ("people patients help move walk speak eat see care team hospital community school work day plan talk "
         "listen support health skills learn try find change return choose start job role study train").split()
TODAY = "2026-11-23"
REPEATS = 3
"""Full builds and plain builds are each timed this many times; the table shows the fastest."""
BASE = {"sources": ["002_67d9b56a58427b43.txt"], "review_by": "2027-11-01"}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_NoAliases, sort_keys=False)


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(text(rng, 40) for _ in range(count))


SHORT_WORDS = tuple(word for word in WORDS if len(word) <= 5 and word not in ("people", "study"))
"""Words of one syllable: summaries must read as plain English (see rules.READING_EASE_MIN)."""


def summary(rng: random.Random) -> str:
    return " ".join(rng.choice(SHORT_WORDS) for _ in range(14)).capitalize() + "."


def make_catalogue(root: Path, size: int, seed: int = 7) -> None:
    """Write a valid synthetic catalogue of `size` entries (15 professions, the rest mixed kinds)."""
    rng = random.Random(seed)
    (root / "content").mkdir(parents=True)
    for folder in ("professions", "stories", "modules", "talks"):
        (root / "content" / folder).mkdir()
    for pid in PROFESSIONS:
        entry = {"id": pid, "title": pid.replace("-", " ").capitalize(), "summary": summary(rng),
                 "audiences": AUDIENCES, **BASE, "regulator": "GOsC" if pid == "osteopath" else "HCPC",
                 "what_they_do": paragraphs(rng, 2), "where_they_work": ["Hospitals", "Schools"],
                 "who_they_work_with": ["Children", "Older people"], "day_in_the_role": paragraphs(rng, 2),
                 "entry_routes": [{"route": "degree", "summary": text(rng, 30)},
                                  {"route": "support-worker", "summary": text(rng, 30)}],
                 "interests": ["sport-and-exercise", "science-and-the-body"], "strengths": ["caring"],
                 "values": ["compassion"]}
        (root / "content/professions" / f"{pid}.yaml").write_text(dump(entry))
    rest = max(size - len(PROFESSIONS), 0)
    counts = {"resource": rest * 40 // 100, "event": rest * 20 // 100, "story": rest * 20 // 100,
              "module": rest * 10 // 100}
    counts["talk"] = rest - sum(counts.values())
    resources = []
    for n in range(counts["resource"]):
        resources.append({"id": f"resource-{n}", "title": f"Resource {n}", "summary": summary(rng),
                          "audiences": rng.sample(AUDIENCES, 2), **BASE, "type": "website",
                          "url": f"https://example.org/resource/{n}", "professions": rng.sample(PROFESSIONS, 2),
                          "minutes": rng.choice([10, 30, 60, 90])})
    (root / "resources.yaml").write_text(dump(resources))
    events = []
    for n in range(counts["event"]):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        events.append({"id": f"event-{n}", "title": f"Awareness day {n}", "summary": summary(rng),
                       "audiences": rng.sample(AUDIENCES, 2), **BASE, "kind": "awareness-day",
                       "professions": rng.sample(PROFESSIONS, 1),
                       "rule": f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}",
                       "starts": f"2025-{month:02d}-{day:02d}"})
    (root / "events_calendar.yaml").write_text(dump(events))
    resource_ids = [r["id"] for r in resources] or []
    for n in range(counts["story"]):
        entry = {"id": f"story-{n}", "title": f"Story {n}", "summary": summary(rng),
                 "audiences": rng.sample(AUDIENCES, 2), **BASE, "kind": "case-study",
                 "professions": rng.sample(PROFESSIONS, 1), "body": paragraphs(rng, 3)}
        (root / "content/stories" / f"story-{n}.yaml").write_text(dump(entry))
    for n in range(counts["module"]):
        used = rng.sample(resource_ids, 1) if resource_ids else []
        entry = {"id": f"module-{n}", "title": f"Module {n}", "summary": summary(rng), "audiences": ["first-time"],
                 **BASE, "professions": rng.sample(PROFESSIONS, 1), "age_range": {"min": 14, "max": 18},
                 "minutes": 90, "learning_outcomes": [text(rng, 8)],
                 "activities": [
                     {"id": "watch", "kind": "watch", "title": "Watch", "minutes": 30,
                      "instructions": paragraphs(rng, 1), "resources": used},
                     {"id": "try", "kind": "try", "title": "Try", "minutes": 45, "instructions": paragraphs(rng, 1)},
                     {"id": "reflect", "kind": "reflect", "title": "Reflect", "minutes": 15,
                      "instructions": text(rng, 10), "prompts": [text(rng, 8), text(rng, 8)]}],
                 "what_next": [text(rng, 10)]}
        (root / "content/modules" / f"module-{n}.yaml").write_text(dump(entry))
    for n in range(counts["talk"]):
        entry = {"id": f"talk-{n}", "title": f"Talk {n}", "summary": summary(rng), "audiences": ["first-time"],
                 **BASE, "presenter": "ambassador", "age_groups": ["ks4"], "minutes": 20,
                 "setting": "class-session",
                 "professions": rng.sample(PROFESSIONS, 1),
                 "plan": [{"minutes": 5, "step": "Welcome"}, {"minutes": 15, "step": "Activity"}],
                 "activity": {"title": "Match", "instructions": paragraphs(rng, 1)},
                 "send_adaptations": ["Use pictures."], "gatsby_benchmarks": [5], "follow_ups": [text(rng, 8)]}
        (root / "content/talks" / f"talk-{n}.yaml").write_text(dump(entry))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(REPO / "generator")


def first_load_bytes(site: Path, page: Path) -> tuple[int, int]:
    """HTML size of a page, and the gzip size of it plus every stylesheet and script it loads from the site."""
    html = page.read_text()
    total = len(gzip.compress(html.encode(), 6))
    for url in re.findall(r'<(?:script[^>]*\bsrc|link[^>]*rel="stylesheet"[^>]*\bhref)="([^"]+)"', html):
        if url.startswith(("http:", "https:", "//")):
            continue
        target = (page.parent / url.split("?")[0]).resolve()
        if target.is_file() and site in target.parents:
            total += len(gzip.compress(target.read_bytes(), 6))
    return len(html.encode()), total


def plain_build(root: Path, pages: int, attempt: int = 0) -> float:
    """Seconds for MkDocs Material to build as many plain Markdown pages, with the same theme and no generator."""
    docs = root / "plain-docs"
    if attempt:
        return _timed_plain_build(root)
    rng = random.Random(3)
    for n in range(pages):
        folder = docs / f"section-{n % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{n}.md").write_text(f"# Page {n}\n\n{paragraphs(rng, 4)}\n")
    (docs / "index.md").write_text("# Home\n")
    sections = sorted({path.parent.name for path in docs.rglob("page-*.md")})
    for section in sections:
        (docs / section / "index.md").write_text(f"# {section}\n")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text())
    config.pop("hooks", None)
    # The same navigation shape as the generated site: section index pages only, never every page.
    config["nav"] = ["index.md", *(f"{section}/index.md" for section in sections)]
    config["theme"].pop("custom_dir", None)
    config.update(docs_dir=str(docs), site_dir=str(root / "plain-site"), extra_css=[])
    (root / "plain.yml").write_text(yaml.safe_dump(config))
    return _timed_plain_build(root)


def _timed_plain_build(root: Path) -> float:
    """In this process, like the generator's own build, so neither pays for starting Python and importing MkDocs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(root / "plain-site", ignore_errors=True)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    start = time.perf_counter()
    build(load_config(str(root / "plain.yml")))
    return time.perf_counter() - start


def measure(size: int) -> dict[str, float | int]:
    """Run one size in this process (called in a child so peak RSS is the size's own)."""
    import datetime as dt

    from generator import engine_mkdocs
    from generator.catalogue import build_catalogue
    from generator.docs_tree import write_docs_tree
    from generator.load import load_catalogue_files
    from generator.pipeline import DOCS_DIR
    from generator.render import RenderOptions, render_site
    from generator.validate import validate_catalogue

    today = dt.date.fromisoformat(TODAY)
    with tempfile.TemporaryDirectory(prefix=f"ahp-bench-{size}-") as temp:
        root = Path(temp) / "project"
        make_catalogue(root, size)
        site = Path(temp) / "site"
        builds, plains, load_validates, renders = [], [], [], []
        pages = 0
        for attempt in range(REPEATS):  # alternate the two builds, so both meet the same machine; keep the best
            shutil.rmtree(site, ignore_errors=True)  # each build starts from nothing, like the plain one
            start = time.perf_counter()
            valid = validate_catalogue(load_catalogue_files(root), today)
            validated = time.perf_counter()
            tree = render_site(build_catalogue(valid), RenderOptions(today=today, site_url="https://example.test/"))
            write_docs_tree(tree, root / DOCS_DIR)
            rendered = time.perf_counter()
            engine_mkdocs.build_site(root, site, site_url="https://example.test/")
            builds.append(time.perf_counter() - start)
            load_validates.append(validated - start)
            renders.append(rendered - validated)
            pages = sum(1 for path in tree if path.endswith(".md"))
            plains.append(plain_build(Path(temp), pages, attempt))
        print(f"{size}: load + validate {[round(t, 2) for t in load_validates]}, "
              f"builds {[round(b, 2) for b in builds]}, plain {[round(p, 2) for p in plains]}", file=sys.stderr)
        build, plain = min(builds), min(plains)
        load_validate, render = min(load_validates), min(renders)
        html_bytes, first_load = first_load_bytes(site, site / "professions/podiatrist/index.html")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "pages": pages, "load_validate_s": load_validate, "render_s": render, "build_s": build,
            "peak_rss_mb": rss_mb, "plain_build_s": plain, "ratio": build / plain,
            "profession_html_bytes": html_bytes, "profession_first_load_gzip_bytes": first_load}


def table(rows: list[dict[str, float | int]]) -> str:
    lines = ["| entries | pages | load + validate (s) | render (s) | full build (s) | plain MkDocs (s) | ratio | "
             "peak RSS (MB) | profession HTML (bytes) | first load gzip (bytes) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['pages']:,} | {r['load_validate_s']:.2f} | {r['render_s']:.2f} | "
                     f"{r['build_s']:.1f} | {r['plain_build_s']:.1f} | {r['ratio']:.2f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['profession_html_bytes']:,} | {r['profession_first_load_gzip_bytes']:,} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--catalogue", nargs=2, metavar=("SIZE", "FOLDER"),
                        help="only write the synthetic catalogue of SIZE entries into FOLDER (a new folder), to try "
                             "the generator at that size: python -m generator --root FOLDER build")
    args = parser.parse_args()
    if args.catalogue:
        make_catalogue(Path(args.catalogue[1]), int(args.catalogue[0]))
        return 0
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = []
    for size in args.sizes:
        result = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True, stdout=subprocess.PIPE,
                                text=True)
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        print(f"measured {size} entries", file=sys.stderr)
    print(f"Machine: {platform.machine()}, {platform.processor() or 'unknown CPU'}, "
          f"{len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}")
    print(table(rows))
    by_size = {r["size"]: r for r in rows}
    if 1000 in by_size and 10000 in by_size:
        print(f"\nGrowth 10,000 / 1,000: {by_size[10000]['build_s'] / by_size[1000]['build_s']:.2f}x")
    if 100 in by_size and 10000 in by_size:
        small, large = by_size[100], by_size[10000]
        html = large["profession_html_bytes"] / small["profession_html_bytes"]
        weight = large["profession_first_load_gzip_bytes"] / small["profession_first_load_gzip_bytes"]
        print(f"Profession page 100 -> 10,000 entries: HTML {html:.3f}x, first load {weight:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
