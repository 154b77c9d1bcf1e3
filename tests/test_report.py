"""`report`: Markdown for a pull-request comment, with no network unless --check-links is given."""

from __future__ import annotations

import urllib.request

import pytest
from conftest import REPO, TODAY, event, profession, resource, run_cli, story, talk

from generator import report


@pytest.fixture
def project(make_catalogue):
    return make_catalogue({
        "content/professions/podiatrist.yaml": profession(
            what_they_do="See [the calendar](/calendar/), [home](/), [a page](../podiatrist/#top), "
                         "[a missing page](/nowhere/), [up too far](../../../x/) and [NHS](https://www.nhs.uk/)."),
        "content/stories/sport-to-podiatry.yaml": story(review_by="2026-01-31",
                                                        title="Look ![x](https://x.org/a.png) | y"),
        "resources.yaml": [resource(url="https://www.example.org/vr", review_by="2026-12-01",
                                    sources=["https://www.nhs.uk/", "002_67d9b56a58427b43.txt"])],
    })


def test_report_sections(project) -> None:
    result = run_cli("--root", str(project), "--today", TODAY.isoformat(), "report")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"# Catalogue report ({TODAY.isoformat()})\n")
    assert "| Resources | 1 | 0 | 0 | 0 | 1 |" in text
    assert "## Past their review date (1)\n\n- `content/stories/sport-to-podiatry.yaml:1` " in text
    assert "review by 2026-01-31" in text
    assert "Due for review in the next 60 days: 1." in text
    assert "## Audiences with fewer than 5 entries" in text and "- returner (Returning to practice): 0 entries" in text
    assert "## Links within the site that do not resolve (2)" in text
    assert "`/nowhere/` does not lead to a page of the site" in text
    assert "`../../../x/` does not lead" in text
    for fine in ("`/calendar/`", "`/`", "`../podiatrist/#top`"):
        assert fine not in text
    assert "## External links (2)" in text
    assert "- https://www.nhs.uk/ (used by 2:" in text
    assert "Not checked: run `python -m generator report --check-links`" in text


def test_titles_cannot_add_markdown_to_the_comment(project) -> None:
    text = run_cli("--root", str(project), "--today", TODAY.isoformat(), "report").stdout
    assert "Look \\!\\[x\\]\\(https://x.org/a.png\\) \\| y" in text
    assert "![x](" not in text


def test_profession_gaps(project) -> None:
    text = run_cli("--root", str(project), "--today", TODAY.isoformat(), "report").stdout
    section = text.split("## Profession pages missing related entries", 1)[1].split("\n## ", 1)[0]
    assert "Podiatrist: nothing written for it in talk packs (1 for all professions)" in section
    assert "dates" not in section  # the page lists talk packs, not dates, as related entries
    assert "stories" not in section  # the story names podiatrist


def test_no_network_without_check_links(project, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the report opened a network connection")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    assert "External links (2)" in report.build_report(project, TODAY)


def test_check_links_uses_the_checker(project) -> None:
    tried = []

    def checker(url: str) -> str:
        tried.append(url)
        return "HTTP 404" if "example" in url else "ok"

    text = report.build_report(project, TODAY, check_links=True, checker=checker)
    assert sorted(tried) == ["https://www.example.org/vr", "https://www.nhs.uk/"]
    assert "- https://www.example.org/vr **HTTP 404** (used by 1:" in text
    assert "Each link was tried once." in text


def test_invalid_catalogue_reports_errors_not_a_report(make_catalogue) -> None:
    root = make_catalogue({"resources.yaml": "- id: [\n"})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "report")
    assert result.returncode == 1
    assert "resources.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_url_against_a_local_server(tmp_path) -> None:
    from conftest import serve_directory

    (tmp_path / "page.html").write_text("hello")
    server = serve_directory(tmp_path)
    base = next(server)
    try:
        assert report.check_url(base + "page.html") == "ok"
        assert report.check_url(base + "missing.html") == "HTTP 404"
    finally:
        server.close()
    assert report.check_url("http://127.0.0.1:9/").startswith("failed")


def test_entries_sharing_review_dates_are_listed_without_a_crash(make_catalogue) -> None:
    past, due = "2026-10-01", "2026-12-01"
    root = make_catalogue({
        "resources.yaml": [resource(review_by=past), resource("second", review_by=past),
                           resource("third", review_by=past), resource("fourth", review_by=due),
                           resource("fifth", review_by=due)],
        "events_calendar.yaml": [event(f"event-{n}", review_by=past) for n in range(3)],
        "content/talks/assembly.yaml": talk(review_by=past),
        "content/stories/sport-to-podiatry.yaml": story(review_by=due),
    })
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "report")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    section = result.stdout.split("## Past their review date", 1)[1].split("\n## ", 1)[0]
    past_ids = [line.split(".yaml:")[0] for line in section.splitlines() if "review by 2026-10-01" in line]
    assert len(past_ids) == 7  # three resources, three dates and the talk pack, sorted by date, kind and id
    assert past_ids == ["- `events_calendar"] * 3 + ["- `resources"] * 3 + ["- `content/talks/assembly"]
    due_lines = [line for line in section.splitlines() if "review by 2026-12-01" in line]
    assert len(due_lines) == 3  # two resources and the story


def test_the_shipped_catalogue_report_runs_when_every_review_is_due() -> None:
    result = run_cli("--root", str(REPO), "--today", "2027-09-02", "report")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Due for review in the next 60 days: 0." not in result.stdout


def test_the_summary_comes_first_and_external_links_are_folded_by_site(project) -> None:
    text = report.build_report(project, TODAY)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Summary"
    assert headings[-1].startswith("## External links")
    summary = text.split("## Summary\n\n", 1)[1].split("\n\n", 1)[0]
    assert "- 2 link(s) within the site that do not resolve" in summary
    assert "- 2 external link(s) on 2 site(s), listed at the end" in summary
    external = text.split("## External links", 1)[1]
    assert "<details><summary>2 links on 2 sites, grouped by site</summary>" in external
    assert "**www.example.org** (1)\n\n- https://www.example.org/vr (used by 1:" in external
    assert external.index("www.example.org") < external.index("www.nhs.uk") < external.index("</details>")


def test_reference_style_links_are_checked_like_inline_ones(make_catalogue) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(
        what_they_do="See [the guide][g] and [missing][m].\n\n[g]: https://www.hcpc-uk.org/\n[m]: /nowhere/")})
    text = report.build_report(root, TODAY)
    assert "`/nowhere/` does not lead to a page of the site" in text
    assert "- https://www.hcpc-uk.org/ (used by 1:" in text
