"""Grading: the single meaning of "right" in Python. Each question type grades its own responses
(`Question.grade` in `coursekit.qtypes`); this module holds what they share.

The quiz's scripts (`quizzes/static/quiz/grading.js` and each type's script) hold the same rules for the built
book; a parity test keeps the two equal. What a response is, each type's `grade` says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Numbers typed as decimals rarely hit a bound exactly in binary floating point.
EPSILON = 1e-9


@dataclass(frozen=True)
class Grade:
    answered: bool
    correct: bool
    score: float  # 0 to 1; partial credit for multiple, matching and ordering

    @classmethod
    def unanswered(cls) -> Grade:
        return cls(False, False, 0.0)

    @classmethod
    def right_or_wrong(cls, right: bool) -> Grade:
        return cls(True, right, 1.0 if right else 0.0)


def parse_number(text: str) -> float | None:
    """A number typed by a learner (spaces ignored, `.` or a lone `,` as decimal point)."""
    compact = re.sub(r"\s+", "", text or "")
    if "," in compact and "." not in compact and compact.count(",") == 1:
        compact = compact.replace(",", ".")
    return float(compact) if NUMBER.match(compact) else None


def normalize_text(text: str) -> str:
    """Text answers compare case- and space-insensitively (and Unicode-compatibly)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


class Gradable(Protocol):
    def grade(self, response: Any) -> Grade: ...


def grade(question: Gradable, response: Any) -> Grade:
    """Grade one response to one question, by the question's type."""
    return question.grade(response)
