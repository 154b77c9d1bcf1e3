"""The command line: exit codes, output formats, help, and no tracebacks for bad content."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, TODAY, event, profession, resource, run_cli, run_cli_process


def test_help_is_friendly() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("validate", "build", "serve"):
        assert command in result.stdout


def test_validate_valid_catalogue(make_catalogue) -> None:
    result = run_cli("--root", str(make_catalogue()), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_errors_from_several_files_are_listed_together_sorted(make_catalogue) -> None:
    root = make_catalogue({
        "content/professions/podiatrist.yaml": profession(regulator="NMC", colour="blue"),
        "resources.yaml": [resource(), resource("second", type="podcast")],
    })
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ".yaml:" in line]
    assert len(lines) == 3
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert any("content/professions/podiatrist.yaml:" in line and "regulator" in line for line in lines)
    assert any("colour: unknown field" in line or "colour: extra" in line for line in lines)
    assert any(line.startswith("resources.yaml:") and "type" in line for line in lines)
    assert "Traceback" not in result.stderr + result.stdout


def test_github_format(make_catalogue) -> None:
    root = make_catalogue({"content/professions/podiatrist.yaml": profession(regulator="NMC")})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/professions/podiatrist.yaml,line=")


def test_usage_errors_exit_2(tmp_path) -> None:
    assert run_cli("--root", str(tmp_path), "validate").returncode == 2
    assert run_cli("--today", "tomorrow", "validate").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_a_real_process_exits_with_the_same_codes_and_no_traceback(make_catalogue, tmp_path) -> None:
    """Most tests call `cli.main` in-process; these few run `python -m generator` as an editor does."""
    broken = make_catalogue({"content/professions/podiatrist.yaml": profession(regulator="NMC")})
    for args, code in ((("--root", str(tmp_path), "validate"), 2), (("--root", str(broken), "validate"), 1),
                       (("--root", str(broken), "build", "--site-dir", str(tmp_path / "site")), 1),
                       (("--today", "tomorrow", "validate"), 2)):
        result = run_cli_process(*args)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


def test_render_writes_the_docs_tree_without_any_site_engine(make_catalogue, tmp_path) -> None:
    """`render` is the engine-neutral step: Python's import log shows no MkDocs module on that path."""
    root = make_catalogue()
    out = tmp_path / "docs"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", "--root", str(root), "--today",
                             "2026-11-23", "render", "--out", str(out)], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    assert result.returncode == 0, result.stderr
    assert f"into {out}" in result.stdout
    assert (out / "professions/podiatrist.md").is_file() and (out / "assets/ahp.css").is_file()
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "import time:" in line]
    assert "generator.pipeline" in imported
    assert [name for name in imported if name.split(".")[0] in ("mkdocs", "material")] == []


# --- dates: what a rule means, before pushing ---------------------------------------------------------------------

def test_dates_prints_the_next_five_dates(make_catalogue) -> None:
    root = make_catalogue({"events_calendar.yaml": [
        event(), event("ot-week", rule="FREQ=YEARLY;BYMONTH=11;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7",
                      starts="2024-11-04", days=7)]})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "dates", "ahps-day")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ahps-day (AHPs Day): rule FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=14, starting 2024-10-14",
        "Next 5 date(s) from 2026-11-23:",
        "  Thu 14 October 2027", "  Sat 14 October 2028", "  Sun 14 October 2029", "  Mon 14 October 2030",
        "  Tue 14 October 2031",
    ]
    week = run_cli("--root", str(root), "--today", "2028-11-08", "dates", "ot-week").stdout.splitlines()
    assert week[2] == "  Mon 6 November 2028 to Sun 12 November 2028"  # still running on 8 November
    assert len(week) == 7


def test_dates_of_a_one_off_date(make_catalogue) -> None:
    root = make_catalogue({"events_calendar.yaml": [event(rule=None, starts=None, date="2027-03-02")]})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "dates", "ahps-day")
    assert result.stdout.splitlines() == ["ahps-day (AHPs Day): a one-off date", "Next 1 date(s) from 2026-11-23:",
                                          "  Tue 2 March 2027"]


def test_dates_explains_a_rule_written_in_words(make_catalogue) -> None:
    root = make_catalogue({"events_calendar.yaml": [event(rule="second Tuesday of May", starts="2026-05-12")]})
    result = run_cli("--root", str(root), "--today", TODAY.isoformat(), "dates", "ahps-day")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "events_calendar.yaml:12: rule: 'second Tuesday of May' is written in words; the calendar needs it as a "
        "recurrence rule (hint: write it as FREQ=YEARLY;BYMONTH=5;BYDAY=2TU)")


def test_dates_of_an_unknown_event_suggests_the_nearest_id(make_catalogue) -> None:
    result = run_cli("--root", str(make_catalogue()), "dates", "ahps-dya")
    assert result.returncode == 2
    assert result.stderr == "error: no date with id 'ahps-dya' in events_calendar.yaml; did you mean 'ahps-day'?\n"
