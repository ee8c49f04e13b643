"""`python -m coursekit preview BANK.yml --out page.html`: one standalone page to try a bank's questions.

The page inlines the quiz HTML, the quiz script and its stylesheet (`coursekit.quizzes.quiz_assets`), so it opens
from disk and makes no request at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coursekit.course import content_dir, load_course_info
from coursekit.course.bank import load_bank
from coursekit.course.check import faq_ids_for_bank
from coursekit.course.faq import cached_faq
from coursekit.course.paths import input_file_problem, output_file_problem
from coursekit.markdown import escape
from coursekit.quizzes.quiz_assets import classic_script, stylesheet
from coursekit.quizzes.static_quiz import render_quiz
from coursekit.source import ContentError

# Outside the book there is no theme: plain readable colours, dark when the system asks for it.
_PAGE_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; background: #ffffff; }
a { color: #0b5cad; }
@media (prefers-color-scheme: dark) {
  html { color-scheme: dark; }
  body { color: #e8e8e8; background: #16181d; }
  a { color: #8ec5ff; }
  .coursekit-quiz { --ck-accent: #8ec5ff; --ck-on-accent: #0b1a2a; --ck-border: #9ca3af;
                    --ck-right: #5fd37a; --ck-wrong: #ff8a80; --ck-focus: #8ec5ff; }
}
"""


def _inline_script(source: str) -> str:
    return source.replace("</", "<\\/")


def preview_page(bank_path: Path, *, seed: int | None = None, show_answer_after: int | None = None) -> str:
    """The page for one bank; raises ContentError (with file:line problems) if the bank is invalid."""
    bank = load_bank(bank_path, faq_ids_for_bank(bank_path))
    own = bank_path.resolve().parent.parent
    content = own if (own / "faq.yml").is_file() else content_dir()
    course_id = load_course_info(content / "course.yml").id
    quiz = render_quiz(
        bank, course_id, seed=seed, show_answer_after=show_answer_after, faq=cached_faq(content / "faq.yml")
    )
    title = escape(f"Preview: {bank.title}")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>{stylesheet()}{_PAGE_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{title}</h1>\n{quiz}\n</main>\n"
        f"<script>{_inline_script(classic_script())}</script>\n</body>\n</html>\n"
    )


def run(
    bank_path: Path, out: Path, *, seed: int | None = None, show_answer_after: int | None = None, force: bool = False
) -> int:
    """The `preview` command: write the page, or print the bank's problems and return 2."""
    if problem := input_file_problem(bank_path) or output_file_problem(out, reading=bank_path, overwrite=force):
        print(problem, file=sys.stderr)
        return 2
    try:
        page = preview_page(bank_path, seed=seed, show_answer_after=show_answer_after)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return 2
    out.write_text(page, encoding="utf-8")
    print(f"wrote {out}: open it in a browser to try the questions")
    return 0
