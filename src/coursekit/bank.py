"""Question banks (`content/quizzes/<id>.yml`) as typed data, with one model per question type.

A question type is registered by subclassing `Question` with a `type` literal; `load_bank`
dispatches each question on its `type` through `QUESTION_TYPES`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

import pydantic
from pydantic import Field, ValidationInfo, field_validator

from coursekit.faq import Items, Model, Slug, Text
from coursekit.source import (
    ContentError,
    Problem,
    YamlDocument,
    duplicate_id_problems,
    problem_message,
    read_yaml,
    validation_problems,
)

Markdown = Text


class Option(Model):
    text: Markdown
    correct: bool = False
    feedback: Markdown | None = None


class Pair(Model):
    left: Markdown
    right: Markdown


class Question(Model):
    """Fields every question type has."""

    type_name: ClassVar[str]

    id: Slug
    type: str
    prompt: Markdown
    explanation: Markdown | None = None
    faq: Items[Slug] = ()
    objective: Slug | None = None


def at_least(items: list, count: int, what: str) -> list:
    if len(items) < count:
        raise ValueError(f"needs at least {count} {what} (found {len(items)})")
    return items


def _check_options(options: list[Option], need_exactly_one: bool) -> list[Option]:
    at_least(options, 2, "options")
    correct = sum(option.correct for option in options)
    if correct == 0:
        raise ValueError("no option is marked correct: true")
    if need_exactly_one and correct > 1:
        raise ValueError(f"{correct} options are marked correct; a single-choice question needs exactly one")
    texts = [option.text for option in options]
    if len(set(texts)) != len(texts):
        raise ValueError("two options have the same text")
    return options


class SingleChoice(Question):
    type_name = "single"
    type: Literal["single"]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        return _check_options(options, need_exactly_one=True)


class MultipleChoice(Question):
    type_name = "multiple"
    type: Literal["multiple"]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        return _check_options(options, need_exactly_one=False)


class TrueFalse(Question):
    type_name = "true_false"
    type: Literal["true_false"]
    answer: bool


class Numeric(Question):
    type_name = "numeric"
    type: Literal["numeric"]
    answer: float | None = None
    # Validated even when absent, after `answer`: it checks that exactly one of the two is given.
    range: tuple[float, float] | None = Field(default=None, validate_default=True, strict=False)
    tolerance: float = 0
    unit: str | None = None

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
        return tolerance

    @property
    def bounds(self) -> tuple[float, float]:
        if self.range is not None:
            return self.range
        return (self.answer - self.tolerance, self.answer + self.tolerance)


class Matching(Question):
    type_name = "matching"
    type: Literal["matching"]
    pairs: list[Pair]

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        at_least(pairs, 2, "pairs")
        for side in ("left", "right"):
            values = [getattr(pair, side) for pair in pairs]
            if len(set(values)) != len(values):
                raise ValueError(f"two pairs have the same {side} text")
        return pairs


class TextAnswer(Question):
    type_name = "text"
    type: Literal["text"]
    accept: list[Text]

    @field_validator("accept")
    @classmethod
    def _some_accepted(cls, accept: list[str]) -> list[str]:
        return at_least(accept, 1, "accepted answer")


QUESTION_TYPES: dict[str, type[Question]] = {
    cls.type_name: cls for cls in (SingleChoice, MultipleChoice, TrueFalse, Numeric, Matching, TextAnswer)
}


class Bank(Model):
    """A quiz: its id, title, and questions, loaded from one YAML file."""

    id: Slug
    title: Text
    intro: Markdown | None = None
    questions: tuple[Question, ...]
    path: Path | None = Field(default=None, exclude=True)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"quiz {self.id!r} has no question {question_id!r}")


class _BankFields(Model):
    id: Slug
    title: Text
    intro: Markdown | None = None
    questions: list[Any] = Field(min_length=1)


def _question_problems(document: YamlDocument, index: int, raw: object) -> tuple[Question | None, list[Problem]]:
    loc = ["questions", index]
    if not isinstance(raw, dict):
        return None, [document.problem(loc, "a question is a mapping of fields")]
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        known = ", ".join(QUESTION_TYPES)
        message = "missing" if kind is None else f"unknown question type {kind!r}"
        return None, [document.problem([*loc, "type"], f"{message} (one of: {known})", field="type")]
    model = QUESTION_TYPES[kind]
    try:
        return model.model_validate(raw), []
    except pydantic.ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            message = problem_message(item)
            if item["type"] == "extra_forbidden" and len(item["loc"]) == 1:
                message = f"unknown key (a {kind} question has: {', '.join(model.model_fields)})"
            problems.append(document.problem([*loc, *item["loc"]], message))
        return None, problems


def load_bank(path: Path, faq_ids: set[str] | None = None) -> Bank:
    """Load and validate one bank; raise ContentError listing every problem.

    `faq_ids`, when given, are the FAQ entries that `faq:` references must name.
    """
    document = read_yaml(path)
    if not isinstance(document.data, dict):
        raise ContentError([document.problem([], "a bank is a mapping with id, title and questions")])
    problems: list[Problem] = []
    questions: list[Question] = []
    try:
        fields = _BankFields.model_validate(document.data)
    except pydantic.ValidationError as error:
        problems += validation_problems(document, error)
        fields = None
    raw_questions = document.data.get("questions") if isinstance(document.data, dict) else None
    for index, raw in enumerate(raw_questions if isinstance(raw_questions, list) else []):
        question, found = _question_problems(document, index, raw)
        problems += found
        if question is None:
            continue
        questions.append(question)
        for position, faq_id in enumerate(question.faq):
            if faq_ids is not None and faq_id not in faq_ids:
                loc = ["questions", index, "faq", position]
                problems.append(document.problem(loc, f"no FAQ entry has id {faq_id!r}", field="faq"))
    problems += duplicate_id_problems(document, "questions")
    if problems or fields is None:
        raise ContentError(problems)
    return Bank(id=fields.id, title=fields.title, intro=fields.intro, questions=tuple(questions), path=path)
