"""Command line: `python -m coursekit check|preview|export|import`.

Every problem, bad content or an unusable path alike, is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursekit.course.check import check
from coursekit.export.cli import add_commands as add_export_commands
from coursekit.export.cli import run_export, run_import
from coursekit.source import ContentError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit", description="Course content tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate content folders, faq.yml files and quiz banks")
    check_cmd.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="default: the course's content/")
    preview_cmd = commands.add_parser("preview", help="write one standalone page to try a quiz bank in a browser")
    preview_cmd.add_argument("bank", type=Path, metavar="BANK.yml")
    preview_cmd.add_argument("--out", type=Path, required=True, metavar="PAGE.html")
    preview_cmd.add_argument("--seed", type=int, help="shuffle the choices with this seed")
    preview_cmd.add_argument("--show-answer-after", type=int, metavar="N", help="reveal answers after N wrong tries")
    preview_cmd.add_argument("--force", action="store_true", help="replace PAGE.html if it exists")
    add_export_commands(commands)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{error.filename or 'file'}: file: {error.strerror}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    if args.command == "export":
        return run_export(args.format, args.quiz, args.out, force=args.force)
    if args.command == "import":
        return run_import(args.file, args.out, force=args.force)
    if args.command == "preview":
        from coursekit.quizzes.preview import run as run_preview

        return run_preview(
            args.bank, args.out, seed=args.seed, show_answer_after=args.show_answer_after, force=args.force
        )
    if args.command == "check":
        summaries, problems = check(args.paths)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem(s) found", file=sys.stderr)
            return 2
        for summary in summaries:
            print(f"ok: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
