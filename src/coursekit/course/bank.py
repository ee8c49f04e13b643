"""Question banks (`content/quizzes/<id>.yml`) as typed data.

`load_bank` validates each question with the model its `type` names in the registry
(`coursekit.qtypes.QUESTION_TYPES`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pydantic
from pydantic import Field

from coursekit.models import Items, Model, Slug, Text
from coursekit.qtypes import QUESTION_TYPES, Question
from coursekit.source import (
    ContentError,
    Problem,
    YamlDocument,
    duplicate_id_problems,
    problem_message,
    read_yaml,
    validation_problems,
)


class Bank(Model):
    """A quiz: its id, title, and questions, loaded from one YAML file."""

    id: Slug
    title: Text
    intro: Text | None = None
    questions: tuple[Question, ...]
    pretest: Items[Slug] = ()  # ids of the questions a lesson asks before its teaching
    path: Path | None = Field(default=None, exclude=True)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"quiz {self.id!r} has no question {question_id!r}")


PRETEST_MOST = 3


class BankFields(Model):
    """A bank's own fields, its questions still unchecked: each is validated by its type's model."""

    id: Slug
    title: Text
    intro: Text | None = None
    questions: list[Any] = Field(min_length=1)
    pretest: Items[Slug] = ()


def _pretest_problems(document: YamlDocument, pretest: tuple[str, ...], question_ids: set[str]) -> list[Problem]:
    """A pretest names up to three questions of its own bank, each once."""
    if len(pretest) > PRETEST_MOST:
        message = f"a pretest asks at most {PRETEST_MOST} questions (found {len(pretest)})"
        return [document.problem(["pretest"], message)]
    problems = []
    for position, question_id in enumerate(pretest):
        if question_id not in question_ids:
            problems.append(document.problem(["pretest", position], f"no question in this bank has id {question_id!r}"))
        elif question_id in pretest[:position]:
            problems.append(document.problem(["pretest", position], f"{question_id!r} is listed twice"))
    return problems


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
        fields = BankFields.model_validate(document.data)
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
    if fields is not None:
        named = {raw.get("id") for raw in raw_questions if isinstance(raw, dict)}
        problems += _pretest_problems(document, fields.pretest, named)
    if problems or fields is None:
        raise ContentError(problems)
    return Bank(
        id=fields.id, title=fields.title, intro=fields.intro, questions=tuple(questions),
        pretest=tuple(fields.pretest), path=path,
    )


__all__ = ["QUESTION_TYPES", "Bank", "Question", "load_bank"]
