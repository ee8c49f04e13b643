"""Exports of the course to the tools schools use: Moodle GIFT, Canvas QTI, Anki, paper, and LMS packages
(Common Cartridge, SCORM 1.2) made from the built learner book.

Each format is one module with `export(course, banks, out) -> Result`; each question type writes
itself through its hooks (`coursekit.qtypes`). No question is ever dropped silently: whatever a
format cannot carry, a whole question included, is listed in `Result.losses`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coursekit.formats import NotCarried

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank


@dataclass(frozen=True)
class Loss:
    """Something a format could not carry: `where` is `quiz` or `quiz/question`."""

    where: str
    what: str
    whole_question: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"

    @classmethod
    def question(cls, bank: Bank, question_id: str, reason: NotCarried) -> Loss:
        """A whole question left out, named, with the reason."""
        return cls(f"{bank.id}/{question_id}", f"the whole question is not carried: {reason}", whole_question=True)


def carried(bank: Bank, losses: list[Loss]) -> int:
    """How many of a quiz's questions an export kept: all but those left out whole."""
    return len(bank.questions) - sum(loss.whole_question for loss in losses)


@dataclass
class Result:
    """What one export wrote: files, how many questions (and FAQ cards), and what was lost."""

    files: list[Path] = field(default_factory=list)
    questions: int = 0
    faq_cards: int = 0
    losses: list[Loss] = field(default_factory=list)

    def add(self, bank: Bank, losses: list[Loss]) -> None:
        """Count a quiz's questions, less those the format could not carry, and keep its losses."""
        self.questions += carried(bank, losses)
        self.losses += losses


def _exporter(name: str) -> Callable[[Course, list[Bank], Path], Result]:
    from importlib import import_module

    return import_module(f"coursekit.export.{name}").export


FORMATS = ("gift", "qti", "anki", "worksheet", "cc", "scorm")


def export(course: Course, fmt: str, out: Path, quiz_ids: list[str] | None = None) -> Result:
    """Export the chosen quizzes (default: all, in id order) of `course` as `fmt` into `out`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    chosen = quiz_ids or sorted(course.banks)
    banks = [course.bank(quiz_id) for quiz_id in chosen]
    out.mkdir(parents=True, exist_ok=True)
    return _exporter(fmt)(course, banks, out)


__all__ = ["FORMATS", "Loss", "NotCarried", "Result", "carried", "export"]
