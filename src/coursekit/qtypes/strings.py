"""The quiz's interface strings (`quizzes/static/quiz/strings.json`), shared with the quiz's JavaScript.

Numbers in them are rounded half up, as the browser's `Math.round` does (Python's `round` goes to even).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from coursekit.qtypes.answers import number
from coursekit.qtypes.grade import Grade

if TYPE_CHECKING:
    from coursekit.qtypes.base import Question


@cache
def strings() -> dict[str, str]:
    return json.loads(files("coursekit.quizzes").joinpath("static", "quiz", "strings.json").read_text(encoding="utf-8"))


def say(name: str, **values: object) -> str:
    """The string `name` with its `{placeholders}` filled in."""
    return strings()[name].format(**values)


def round_half_up(value: float, decimals: int) -> float:
    scale = 10**decimals
    return math.floor(value * scale + 0.5) / scale


def verdict(question: Question | None, grade: Grade, response: object) -> str:
    """What the learner is told after Check (`question` None: no question has the id checked)."""
    if not grade.answered:
        return say(question.unanswered_verdict(response) if question else "verdict_empty")
    if grade.correct:
        return say("verdict_correct")
    if grade.score > 0:
        return say("verdict_partial", percent=number(round_half_up(grade.score * 100, 0)))
    return say("verdict_wrong")


def score_line(points: float, total: int, checked: int) -> str:
    return say("score", points=number(round_half_up(points, 2)), total=total, checked=checked)
