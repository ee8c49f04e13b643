"""The `export` and `import` commands: run an exporter or the GIFT importer and print what happened."""

from __future__ import annotations

import sys
from pathlib import Path

from coursekit.course import current_course
from coursekit.export import FORMATS, export
from coursekit.export.gift_import import import_gift, write_bank
from coursekit.export.learner_book import MissingBook
from coursekit.source import ContentError


def add_commands(commands) -> None:
    """Add `export` and `import` to the `python -m coursekit` argument parser."""
    export_cmd = commands.add_parser(
        "export", help="export quiz banks to GIFT, QTI, Anki or worksheets, or the course as an LMS package (cc, scorm)"
    )
    export_cmd.add_argument("--format", choices=FORMATS, required=True)
    export_cmd.add_argument("--quiz", action="append", metavar="ID", help="a quiz id (repeat; default: all)")
    export_cmd.add_argument("--out", type=Path, required=True, metavar="DIR")
    import_cmd = commands.add_parser("import", help="turn a Moodle GIFT file into a quiz bank")
    import_cmd.add_argument("source_format", choices=["gift"])
    import_cmd.add_argument("file", type=Path, metavar="FILE")
    import_cmd.add_argument("--out", type=Path, required=True, metavar="BANK.yml")


def run_export(fmt: str, quiz_ids: list[str] | None, out: Path) -> int:
    try:
        result = export(current_course(), fmt, out, quiz_ids)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    except MissingBook as error:
        print(error, file=sys.stderr)
        return 2
    cards = f" and {result.faq_cards} FAQ cards" if result.faq_cards else ""
    print(f"{fmt}: {result.questions} questions{cards} in {len(result.files)} file(s) under {out}")
    for path in result.files:
        print(f"  {path}")
    print(f"not carried by {fmt}: {'nothing' if not result.losses else len(result.losses)}")
    for loss in result.losses:
        print(f"  {loss}")
    return 0


def run_import(file: Path, out: Path) -> int:
    if not file.is_file():
        print(f"{file}: no such file", file=sys.stderr)
        return 2
    bank_id = "-".join(part for part in out.stem.lower().replace("_", "-").split("-") if part) or "imported"
    imported = import_gift(file, bank_id)
    write_bank(imported.bank, out)
    print(f"{out}: {len(imported.bank['questions'])} questions from {file}")
    for problem in imported.problems:
        print(problem, file=sys.stderr)
    return 0
