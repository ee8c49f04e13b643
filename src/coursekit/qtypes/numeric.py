"""Numeric questions: a number, right within a tolerance or a range, with an optional unit."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from coursekit.formats import GiftQuestion, QtiWriter
from coursekit.markdown import escape, to_inline_html
from coursekit.models import Text
from coursekit.qtypes.answers import number
from coursekit.qtypes.base import Question, key_line
from coursekit.qtypes.grade import EPSILON, Grade, parse_number
from coursekit.qtypes.quiz_html import key_sentence, typed_input


class Numeric(Question):
    type_name = "numeric"
    label = "a number"
    type: Literal["numeric"]
    answer: float | None = None
    # Validated even when absent, after `answer`: it checks that exactly one of the two is given.
    range: tuple[float, float] | None = Field(default=None, validate_default=True, strict=False)
    tolerance: float = 0
    unit: Text | None = None

    @field_validator("range")
    @classmethod
    def _answer_or_range(cls, bounds: tuple[float, float] | None, info: ValidationInfo) -> tuple[float, float] | None:
        has_answer = info.data.get("answer") is not None or "answer" not in info.data
        if bounds is None and not has_answer:
            raise ValueError("missing: give answer (with an optional tolerance) or range")
        if bounds is not None and has_answer:
            raise ValueError("give answer or range, not both")
        if bounds is not None and bounds[0] > bounds[1]:
            raise ValueError(f"the low end {bounds[0]:g} is above the high end {bounds[1]:g}")
        return bounds

    @field_validator("tolerance")
    @classmethod
    def _tolerance_with_answer(cls, tolerance: float, info: ValidationInfo) -> float:
        if info.data.get("range") is not None:
            raise ValueError("a tolerance goes with answer, not with range")
        if tolerance < 0:
            raise ValueError(f"must be 0 or more, not {tolerance:g}")
        answer = info.data.get("answer")
        if answer is not None and not (math.isfinite(answer - tolerance) and math.isfinite(answer + tolerance)):
            raise ValueError(f"{number(answer)} ± {number(tolerance)} goes beyond the largest number a quiz can hold")
        return tolerance

    @property
    def bounds(self) -> tuple[float, float]:
        if self.range is not None:
            return self.range
        return (self.answer - self.tolerance, self.answer + self.tolerance)

    def grade(self, response: str) -> Grade:
        """Response: the text typed, parsed as the browser parses it."""
        value = parse_number(response)
        if value is None:
            return Grade.unanswered()
        low, high = self.bounds
        return Grade.right_or_wrong(low - EPSILON <= value <= high + EPSILON)

    @property
    def written_bounds(self) -> tuple[str, str]:
        """The accepted range as written, in decimal: 0.3 ± 0.1 is "0.2" to "0.4", as the author meant it."""
        if self.range is not None:
            return number(self.range[0]), number(self.range[1])
        answer, tolerance = Decimal(number(self.answer)), Decimal(number(self.tolerance))
        return number(float(answer - tolerance)), number(float(answer + tolerance))

    def unanswered_verdict(self, response: Any) -> str:
        typed = isinstance(response, str) and response.strip()
        return "verdict_not_a_number" if typed else "verdict_empty"

    def answer_texts(self) -> list[str]:
        """"6.25 % (from 5.75 to 6.75)" with a tolerance, "from 1 to 3 days" for a range, "5 kg" exactly."""
        unit = f" {self.unit}" if self.unit else ""
        low, high = self.written_bounds
        accepted = f"from {low} to {high}"
        if self.range is not None:
            return [f"{accepted}{unit}"]
        if self.tolerance:
            return [f"{number(self.answer)}{unit} ({accepted})"]
        return [f"{number(self.answer)}{unit}"]

    def gift(self) -> GiftQuestion:
        if self.range is not None:
            low, high = self.range
            line = f"#{number(low)}..{number(high)}"
        else:
            line = f"#{number(self.answer)}:{number(self.tolerance)}"
        lost = [f"unit {self.unit!r} (GIFT numbers have no unit)"] if self.unit else []
        return GiftQuestion.after(self.prompt, [line], lost)

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("numerical_question")
        item.typed_answer(fibtype="Decimal")
        low, high = self.written_bounds
        item.numbers(low, high, None if self.answer is None else number(self.answer))
        return [f"unit {self.unit!r} (Canvas numbers have no unit)"] if self.unit else []

    def anki_front(self) -> str:
        return ""

    def worksheet_space(self) -> str:
        unit = f" {escape(self.unit)}" if self.unit else ""
        return f'<p>Answer: <span class="blank" style="min-width: 8em"></span>{unit}</p>'

    def worksheet_key(self) -> str:
        return key_line([to_inline_html(text) for text in self.answer_texts()])

    def grading_data(self) -> dict[str, Any]:
        low, high = self.bounds
        return {"low": low, "high": high}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        return typed_input(base, self.unit, numeric=True)

    def quiz_answer(self, seed: int | None) -> str:
        return key_sentence(self.answer_texts())
