"""Command line: `python -m coursekit check [PATH ...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursekit.check import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit", description="Course content tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate content folders, faq.yml files and quiz banks")
    check_cmd.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="default: the course's content/")
    args = parser.parse_args(argv)

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
