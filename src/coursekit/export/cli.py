"""The `export` and `import` commands: run an exporter or the GIFT importer and print what happened."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from coursekit.course import current_course
from coursekit.course.check import check_path, faq_ids_for_bank
from coursekit.course.lessons import load_lessons
from coursekit.course.paths import input_file_problem, output_file_problem, output_folder_problem
from coursekit.export import FORMATS, export
from coursekit.export.gift_import import Known, bank_yaml, import_gift
from coursekit.export.learner_book import MissingBook
from coursekit.models import SLUG, SLUG_MAX
from coursekit.source import ContentError, Problem


def add_commands(commands) -> None:
    """Add `export` and `import` to the `python -m coursekit` argument parser."""
    export_cmd = commands.add_parser(
        "export", help="export quiz banks to GIFT, QTI, Anki or worksheets, or the course as an LMS package (cc, scorm)"
    )
    export_cmd.add_argument("--format", choices=FORMATS, required=True)
    export_cmd.add_argument("--quiz", action="append", metavar="ID", help="a quiz id (repeat; default: all)")
    export_cmd.add_argument("--out", type=Path, required=True, metavar="DIR")
    export_cmd.add_argument("--force", action="store_true", help="replace files an earlier export wrote in DIR")
    import_cmd = commands.add_parser("import", help="turn a Moodle GIFT file into a quiz bank")
    import_cmd.add_argument("source_format", choices=["gift"])
    import_cmd.add_argument("file", type=Path, metavar="FILE")
    import_cmd.add_argument("--out", type=Path, required=True, metavar="BANK.yml", help="named by the new quiz's id")
    import_cmd.add_argument("--force", action="store_true", help="replace BANK.yml if it exists")


def _print(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2


def run_export(fmt: str, quiz_ids: list[str] | None, out: Path, *, force: bool = False) -> int:
    """Export into a hidden folder inside `out`, then move the files in: an error, or a file that exists
    without `--force`, leaves `out` as it was."""
    if problem := output_folder_problem(out):
        return _print([problem])
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".export-") as staging:
        try:
            result = export(current_course(), fmt, Path(staging), quiz_ids)
        except ContentError as error:
            return _refused(out, made, [str(problem) for problem in error.problems])
        except (KeyError, MissingBook) as error:
            return _refused(out, made, [str(error.args[0])])
        files = [out / path.relative_to(staging) for path in result.files]
        if not force and (existing := next((path for path in files if path.exists()), None)):
            problem = Problem(existing, None, "--out", "already exists; add --force to replace it")
            return _refused(out, made, [str(problem)])
        for path, target in zip(result.files, files, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    cards = f" and {result.faq_cards} FAQ cards" if result.faq_cards else ""
    print(f"{fmt}: {result.questions} questions{cards} in {len(files)} file(s) under {out}")
    for path in files:
        print(f"  {path}")
    print(f"not carried by {fmt}: {'nothing' if not result.losses else len(result.losses)}")
    for loss in result.losses:
        print(f"  {loss}")
    return 0


def _refused(out: Path, made: bool, lines: list[str]) -> int:
    """Print the lines; remove `out` again if this run made it."""
    if made:
        shutil.rmtree(out, ignore_errors=True)
    for line in lines:
        print(line, file=sys.stderr)
    return 2


def bank_id_problem(out: Path) -> Problem | None:
    """A bank file is named by its quiz id: `--out` must be `<id>.yml`, or the fix is suggested."""
    if out.suffix == ".yml" and SLUG.match(out.stem) and len(out.stem) <= SLUG_MAX:
        return None
    words = "-".join(re.findall(r"[a-z0-9]+", out.stem.lower()))[:SLUG_MAX].strip("-")
    suggestion = out.with_name(f"{words or 'imported'}.yml")
    message = (
        "a bank file is named by its quiz id (lowercase letters, digits and single hyphens, at most "
        f"{SLUG_MAX} characters) and ends in .yml: try --out {suggestion}"
    )
    return Problem(out, None, "--out", message)


def _known_links(out: Path) -> Known:
    """The FAQ ids `check` will accept for a bank at `out`, and the objectives of its course."""
    lessons = out.resolve().parent.parent / "lessons.yml"
    objectives = load_lessons(lessons).objective_ids() if lessons.is_file() else None
    return Known(faq=faq_ids_for_bank(out), objectives=objectives)


def _write_checked(text: str, out: Path) -> list[Problem]:
    """Write `text` to `out` only if it passes `check` there; otherwise write nothing."""
    handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}.", suffix=".tmp.yml")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        problems = [dataclasses.replace(p, file=out) for p in check_path(temporary)[1]]
        if not problems:
            temporary.replace(out)
        return problems
    finally:
        temporary.unlink(missing_ok=True)


def run_import(file: Path, out: Path, *, force: bool = False) -> int:
    problem = (
        input_file_problem(file) or output_file_problem(out, reading=file, overwrite=force, new_bank=True)
        or bank_id_problem(out)
    )
    if problem:
        return _print([problem])
    imported = import_gift(file, out.stem, _known_links(out))
    for line in imported.problems:
        print(line, file=sys.stderr)
    if not imported.bank["questions"]:
        print(f"{file}: no question could become a course question; {out} not written", file=sys.stderr)
        return 2
    if problems := _write_checked(bank_yaml(imported.bank), out):
        _print(problems)
        print(f"{out} not written: the imported bank does not pass check", file=sys.stderr)
        return 2
    print(f"{out}: {len(imported.bank['questions'])} questions from {file}")
    return 0
