"""The command line: parse arguments, run one command, turn our errors into exit codes. Nothing else.

Exit codes: 0 success, 1 content errors or a failed build, 2 wrong usage or unreadable files. Content problems
never print a traceback; an unexpected exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from generator.errors import ContentInvalid, UsageError, describe_failure
from generator.pipeline import DOCS_DIR, build_date, load_valid_catalogue, render_docs

log = logging.getLogger("generator.cli")


def command_validate(args: argparse.Namespace) -> int:
    catalogue = load_valid_catalogue(args.root, build_date(args.today))
    count = sum(1 for _ in catalogue.entries()) + len(catalogue.guides)
    if args.format == "text":
        print(f"The catalogue is valid: {count} entries.")
    return 0


def command_render(args: argparse.Namespace) -> int:
    """Only the engine-neutral docs tree: any site engine can build it (no engine is imported on this path)."""
    out = (args.out or args.root / DOCS_DIR).resolve()
    tree = render_docs(args.root, build_date(args.today), published_address(args, strict=False), out)
    print(f"Rendered {len(tree)} files into {out}")
    return 0


def command_build(args: argparse.Namespace) -> int:
    from generator import engine_mkdocs

    site_dir = (args.site_dir or args.root / "site").resolve()
    address = published_address(args, strict=args.strict, configured=engine_mkdocs.site_url(args.root))
    tree = render_docs(args.root, build_date(args.today), address)
    engine_mkdocs.build_site(args.root, site_dir, strict=args.strict, site_url=address)
    print(f"Built {len(tree)} files into {site_dir}" + (f" for {address}" if address else ""))
    if not address:
        from generator.site_address import without_address_note

        print(without_address_note(), file=sys.stderr)
    return 0


def published_address(args: argparse.Namespace, *, strict: bool, configured: str = "") -> str:
    """--site-url, else SITE_URL, else `configured` (an engine setting); a placeholder is refused or left out."""
    from generator.site_address import placeholder_message, site_address, usable_address

    address = site_address(args.site_url) or configured
    usable = usable_address(address, strict=strict)
    if address and not usable:
        print(f"Warning: {placeholder_message(address)} Building without one.", file=sys.stderr)
    return usable


def command_serve(args: argparse.Namespace) -> int:
    from generator import engine_mkdocs

    today = build_date(args.today)  # fixed for the whole session: every rebuild counts from the same date
    render_docs(args.root, today)  # report content errors before starting a server
    engine_mkdocs.serve_site(args.root, args.dev_addr, lambda: render_docs(args.root, today))
    return 0


def command_schema(args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    stale = write_schemas(args.root, check=args.check)
    if args.check and stale:
        print("Stale JSON schemas: " + ", ".join(stale) + ". Run 'python -m generator schema'.", file=sys.stderr)
        return 1
    print("JSON schemas are up to date." if not stale else f"Wrote {len(stale)} JSON schema(s) into schemas/.")
    return 0


def command_new(args: argparse.Namespace) -> int:
    from generator.scaffold import write_template

    if args.from_issue:  # an issue form's answers, saved to a file
        from generator.issue_forms import write_entry_from_issue

        written = write_entry_from_issue(args.root, args.kind, args.id, args.from_issue, build_date(args.today))
        print(f"Wrote {args.kind} '{args.id}' from {args.from_issue} to {written}; run validate next")
        return 0
    print(f"Wrote a template for {args.kind} '{args.id}' to {write_template(args.root, args.kind, args.id)}")
    return 0


def command_report(args: argparse.Namespace) -> int:
    from generator.report import build_report

    print(build_report(args.root, build_date(args.today), check_links=args.check_links))
    return 0


def command_dates(args: argparse.Namespace) -> int:  # what does a rule mean?
    import difflib

    from generator.errors import ContentError
    from generator.load import load_catalogue_files
    from generator.recurrence import RuleError, describe_next_dates
    from generator.validate import validate_entry

    loaded = load_catalogue_files(args.root)
    events = [raw for raw in loaded.entries if raw.kind == "event" and isinstance(raw.data, dict)]
    found = [raw for raw in events if raw.data.get("id") == args.event_id]
    if not found:
        unreadable = [error for error in loaded.errors if error.path == "events_calendar.yaml"]
        if unreadable:
            raise ContentInvalid(unreadable)
        known = [str(raw.data.get("id")) for raw in events]
        guess = difflib.get_close_matches(args.event_id, known, n=1, cutoff=0.6)
        raise UsageError(f"no date with id '{args.event_id}' in events_calendar.yaml"
                         + (f"; did you mean '{guess[0]}'?" if guess else ""))
    event, errors = validate_entry(found[0])
    if event is None:
        raise ContentInvalid(errors)
    try:
        print("\n".join(describe_next_dates(event, build_date(args.today))))  # type: ignore[arg-type]
    except RuleError as error:
        line, column = found[0].position(("rule",))
        raise ContentInvalid([ContentError(found[0].path, line, column, "rule", error.message, error.hint)]) from None
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": command_validate,
    "render": command_render,
    "build": command_build,
    "serve": command_serve,
    "schema": command_schema,
    "new": command_new,
    "report": command_report,
    "dates": command_dates,
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Check the AHP careers catalogue and build it into a static website.",
        epilog="Examples: 'python -m generator validate' checks every YAML file and lists every mistake; "
               "'python -m generator build' builds the site into site/; 'python -m generator serve' previews it "
               "at http://127.0.0.1:8000 and rebuilds when you save a file.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="build as if today were this date "
                        "(default: SOURCE_DATE_EPOCH if set, else today)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show progress messages")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check the catalogue and list every mistake")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="text (path:line: field: message) or github (pull-request annotations)")
    render = commands.add_parser("render", help="validate, then write the engine-neutral docs tree only")
    render.add_argument("--out", type=Path, help=f"where to write it (default: {DOCS_DIR}/)")
    render.add_argument("--site-url", help="the published site's address, for QR codes and feeds (default: the "
                        "SITE_URL environment variable, else none)")
    build = commands.add_parser("build", help="validate, render, then build the site with the site engine")
    build.add_argument("--site-dir", type=Path, help="where to put the site (default: site/)")
    build.add_argument("--strict", action="store_true", help="treat site engine warnings as errors, and refuse a "
                       "placeholder site address")
    build.add_argument("--site-url", help="the address the site is published at, for canonical links, QR codes "
                       "and feeds (default: the SITE_URL environment variable, else none: links stay relative)")
    serve = commands.add_parser("serve", help="build and serve the site, rebuilding on every change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    add_editor_commands(commands)
    return parser


def add_editor_commands(commands: argparse._SubParsersAction) -> None:
    from generator.scaffold import KINDS

    schema = commands.add_parser("schema", help="write the JSON schemas editors' tools use into schemas/")
    schema.add_argument("--check", action="store_true", help="only check; exit 1 if a schema is out of date")
    new = commands.add_parser("new", help="write a commented template for a new entry")
    new.add_argument("kind", choices=KINDS, help="kind of entry")
    new.add_argument("id", help="the new entry's id: lower-case words joined by hyphens")
    new.add_argument("--from-issue", type=Path, metavar="FILE", help="fill the entry from the answers to an issue "
                     "form (the issue's text saved to FILE); for resource, event and story")
    report = commands.add_parser("report", help="print a Markdown report on the catalogue (for a pull request)")
    report.add_argument("--check-links", action="store_true", help="also try every external link (slow; "
                        "needs the internet)")
    dates = commands.add_parser("dates", help="print the next five dates of one event in events_calendar.yaml")
    dates.add_argument("event_id", metavar="EVENT-ID", help="the event's id, for example ahps-day")


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    output_format = getattr(args, "format", "text")
    try:
        return COMMANDS[args.command](args)
    except ContentInvalid as invalid:
        if output_format == "github":
            print(invalid.format(output_format))
        message, code = describe_failure(invalid)  # type: ignore[misc]
        print(message if output_format != "github" else message.rsplit("\n", 1)[-1], file=sys.stderr)
        return code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        failure = describe_failure(error)
        if failure is None:
            raise  # a bug: keep the traceback
        print(failure[0], file=sys.stderr)
        return failure[1]
