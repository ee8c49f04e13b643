"""Grading: one function per question type, the single meaning of "right" in Python.

`static/quiz.js` holds the same rules for the built book; a parity test keeps the two equal.
Responses are what a learner gives, in bank order:

- single: the chosen option's index, or None
- multiple: the chosen options' indices
- true_false: True, False, or None
- numeric: the text typed (parsed here, as the browser does)
- matching: for each left item, the index of the chosen right item, or None
- text: the text typed
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coursekit.bank import Matching, MultipleChoice, Numeric, Question, SingleChoice, TextAnswer, TrueFalse

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Numbers typed as decimals rarely hit a bound exactly in binary floating point.
EPSILON = 1e-9


@dataclass(frozen=True)
class Grade:
    answered: bool
    correct: bool
    score: float  # 0 to 1; partial credit for multiple and matching

    @classmethod
    def unanswered(cls) -> Grade:
        return cls(False, False, 0.0)


def parse_number(text: str) -> float | None:
    """A number typed by a learner (spaces ignored, `.` or a lone `,` as decimal point)."""
    compact = re.sub(r"\s+", "", text or "")
    if "," in compact and "." not in compact and compact.count(",") == 1:
        compact = compact.replace(",", ".")
    return float(compact) if NUMBER.match(compact) else None


def normalize_text(text: str) -> str:
    """Text answers compare case- and space-insensitively (and Unicode-compatibly)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


def grade_single(question: SingleChoice, response: int | None) -> Grade:
    if response is None:
        return Grade.unanswered()
    right = question.options[response].correct
    return Grade(True, right, 1.0 if right else 0.0)


def grade_multiple(question: MultipleChoice, response: list[int]) -> Grade:
    chosen = set(response or [])
    if not chosen:
        return Grade.unanswered()
    correct = {i for i, option in enumerate(question.options) if option.correct}
    hits, false_picks = len(chosen & correct), len(chosen - correct)
    return Grade(True, chosen == correct, max(0, hits - false_picks) / len(correct))


def grade_true_false(question: TrueFalse, response: bool | None) -> Grade:
    if response is None:
        return Grade.unanswered()
    right = response == question.answer
    return Grade(True, right, 1.0 if right else 0.0)


def grade_numeric(question: Numeric, response: str) -> Grade:
    value = parse_number(response)
    if value is None:
        return Grade.unanswered()
    low, high = question.bounds
    right = low - EPSILON <= value <= high + EPSILON
    return Grade(True, right, 1.0 if right else 0.0)


def grade_matching(question: Matching, response: list[int | None]) -> Grade:
    chosen = list(response or [])
    if not any(choice is not None for choice in chosen):
        return Grade.unanswered()
    hits = sum(1 for i, choice in enumerate(chosen[: len(question.pairs)]) if choice == i)
    return Grade(True, hits == len(question.pairs), hits / len(question.pairs))


def grade_text(question: TextAnswer, response: str) -> Grade:
    given = normalize_text(response)
    if not given:
        return Grade.unanswered()
    right = given in {normalize_text(accepted) for accepted in question.accept}
    return Grade(True, right, 1.0 if right else 0.0)


GRADERS: dict[str, Callable[[Any, Any], Grade]] = {
    "single": grade_single,
    "multiple": grade_multiple,
    "true_false": grade_true_false,
    "numeric": grade_numeric,
    "matching": grade_matching,
    "text": grade_text,
}


def grade(question: Question, response: Any) -> Grade:
    """Grade one response to one question, dispatching on the question's type."""
    return GRADERS[question.type](question, response)
