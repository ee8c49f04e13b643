"""Lesson metadata (`content/lessons.yml`) as typed data, checks against quiz banks, and HTML for lessons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field

from coursekit.course.bank import Bank
from coursekit.html_output import Html
from coursekit.markdown import to_inline_html
from coursekit.models import Items, Model, Slug, Text
from coursekit.source import ContentError, Problem, read_yaml, validate_document


class Objective(Model):
    id: Slug
    text: Text


class Minutes(Model):
    teaching: int = Field(ge=0)
    exercises: int = Field(ge=0)


class Lesson(Model):
    id: Slug
    number: int = Field(ge=1)
    title: Text
    notebook: Text
    overview: list[Text] = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=3, max_length=5)
    minutes: Minutes
    prerequisites: Items[Text] = ()
    key_points: list[Text] = Field(min_length=1)
    misconceptions: Items[Text] = ()


class Lessons(Model):
    lessons: list[Lesson] = Field(min_length=1)

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons)
        raise KeyError(f"no lesson with id {lesson_id!r} (known: {known})")

    def objective_ids(self) -> set[str]:
        return {objective.id for lesson in self.lessons for objective in lesson.objectives}


def load_lessons(path: Path) -> Lessons:
    """Load and validate a `lessons.yml`; raise ContentError listing every problem.

    Lesson ids and numbers must be unique, and objective ids unique across the whole course.
    """
    document = read_yaml(path)
    lessons, problems = validate_document(document, Lessons, items="lessons")
    if lessons is not None:
        numbers: dict[int, int] = {}
        objectives: dict[str, list[int]] = {}
        for i, lesson in enumerate(lessons.lessons):
            if lesson.number in numbers:
                first = document.line(["lessons", numbers[lesson.number], "number"])
                message = f"duplicate number (first used on line {first})"
                problems.append(document.problem(["lessons", i, "number"], message))
            numbers.setdefault(lesson.number, i)
            for j, objective in enumerate(lesson.objectives):
                if objective.id in objectives:
                    first = document.line(["lessons", *objectives[objective.id], "id"])
                    loc = ["lessons", i, "objectives", j, "id"]
                    problems.append(document.problem(loc, f"duplicate objective id (first used on line {first})"))
                objectives.setdefault(objective.id, [i, "objectives", j])
    if problems:
        raise ContentError(problems)
    return lessons


def objective_problems(banks: dict[str, Bank], objective_ids: set[str]) -> list[Problem]:
    """Problems for bank questions whose `objective` names no lesson objective."""
    problems = []
    for bank in banks.values():
        document = None
        for index, question in enumerate(bank.questions):
            if question.objective is None or question.objective in objective_ids:
                continue
            document = document or read_yaml(bank.path)
            loc = ["questions", index, "objective"]
            problems.append(document.problem(loc, f"no lesson objective has id {question.objective!r}"))
    return problems


def objective_anchor(objective_id: str) -> str:
    return f"objective-{objective_id}"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{to_inline_html(item)}</li>" for item in items) + "</ul>"


def lesson_overview(lesson: Lesson) -> Html:
    """Overview questions, objectives (each with an anchor), time and prerequisites of one lesson."""
    objectives = "".join(
        f'<li id="{objective_anchor(o.id)}">{to_inline_html(o.text)}</li>' for o in lesson.objectives
    )
    minutes = lesson.minutes
    total = minutes.teaching + minutes.exercises
    prerequisites = _list(lesson.prerequisites) if lesson.prerequisites else "<p>None.</p>"
    return Html(
        f'<section class="lesson-overview" aria-label="Lesson {lesson.number} at a glance">'
        f"<p><strong>Questions this lesson answers</strong></p>{_list(lesson.overview)}"
        f"<p><strong>By the end you can</strong></p><ol>{objectives}</ol>"
        f"<p><strong>Time</strong>: about {total} minutes ({minutes.teaching} reading, "
        f"{minutes.exercises} quiz)</p>"
        f"<p><strong>Before you start</strong></p>{prerequisites}</section>"
    )


def key_points(lesson: Lesson) -> Html:
    """The lesson's key points as a list."""
    return Html(f'<section class="lesson-key-points" aria-label="Key points">{_list(lesson.key_points)}</section>')

