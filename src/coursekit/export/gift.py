"""Moodle GIFT text: one `<quiz>.gift.txt` per quiz.

Question text, answers and feedback are Markdown, marked `[markdown]` so Moodle renders them, and
escaped as `coursekit.formats` says. The course's FAQ links and objectives travel in `// coursekit:`
comments, which Moodle ignores and `coursekit import gift` reads back. Each question type writes itself
as a `GiftQuestion` in its `gift` hook: the answer lines, and where the braces go (after the text, or
inside it in GIFT's missing-word form).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coursekit.export import Loss, NotCarried, Result
from coursekit.formats import escape, gift_text

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank, Question

META = "// coursekit:"


def question_gift(question: Question) -> tuple[str, list[str]]:
    """One question as GIFT text, and what could not be carried; `NotCarried` if GIFT cannot hold it."""
    written = question.gift()
    lines = written.answers
    if question.explanation:
        lines = [*lines, f"####{escape(question.explanation)}"]
    meta = []
    if question.faq:
        meta.append(f"faq={','.join(question.faq)}")
    if question.objective:
        meta.append(f"objective={question.objective}")
    head = [f"{META} {' '.join(meta)}"] if meta else []
    body = "\n".join(f"\t{line}" for line in lines)
    before, after = written.split()
    text = f"::{escape(question.id)}::[markdown]{before}{{\n{body}\n}}{after}"
    return "\n".join([*head, text]), written.lost


def bank_gift(course_title: str, bank: Bank) -> tuple[str, list[Loss]]:
    """A whole quiz as a GIFT file (a category named after the course and quiz), and its losses."""
    parts = [f"// {_category(bank.title)}", f"$CATEGORY: $course$/{_category(course_title)}/{_category(bank.title)}"]
    losses = []
    if bank.intro:
        parts.append(f"{META} intro={gift_text(bank.intro)}")
        losses.append(Loss(bank.id, "the quiz introduction (kept as a comment; Moodle ignores it)"))
    if any(q.faq or q.objective for q in bank.questions):
        losses.append(Loss(bank.id, "FAQ links and objectives (kept as comments; Moodle ignores them)"))
    for question in bank.questions:
        try:
            text, lost = question_gift(question)
        except NotCarried as reason:
            losses.append(Loss.question(bank, question.id, reason))
            continue
        parts.append(text)
        losses += [Loss(f"{bank.id}/{question.id}", what) for what in lost]
    return "\n\n".join(parts) + "\n", losses


def _category(title: str) -> str:
    """A category path segment: GIFT category lines end at the line, and `/` separates levels."""
    return title.replace("/", "-").replace("\n", " ")


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    result = Result()
    for bank in banks:
        text, losses = bank_gift(course.info.title, bank)
        path = out / f"{bank.id}.gift.txt"
        path.write_text(text, encoding="utf-8")
        result.files.append(path)
        result.add(bank, losses)
    return result
