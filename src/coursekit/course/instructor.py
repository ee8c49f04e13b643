"""The instructor guide as data and HTML: a schedule generated from `lessons.yml` and, per lesson,
the misconceptions to address (from `lessons.yml`) with discussion prompts and tips
(from `content/instructor.yml`).
"""

from __future__ import annotations

from pathlib import Path

import pydantic
from pydantic import Field

from coursekit.course.lessons import Lesson, Lessons, objective_anchor
from coursekit.html_output import Html
from coursekit.markdown import escape, to_inline_html
from coursekit.models import Model, Slug, Text
from coursekit.source import ContentError, Problem, duplicate_id_problems, read_yaml, validation_problems


class LessonNotes(Model):
    id: Slug
    prompts: list[Text] = Field(min_length=1)
    tips: list[Text] = Field(default_factory=list)


class InstructorNotes(Model):
    lessons: list[LessonNotes] = Field(min_length=1)

    def for_lesson(self, lesson_id: str) -> LessonNotes | None:
        return next((notes for notes in self.lessons if notes.id == lesson_id), None)


def load_notes(path: Path, lesson_ids: set[str] | None) -> InstructorNotes:
    """Load `instructor.yml`; every lesson id must be in `lesson_ids` (None: not checked).

    Raise ContentError listing every problem.
    """
    document = read_yaml(path)
    problems: list[Problem] = duplicate_id_problems(document, "lessons")
    notes = None
    try:
        notes = InstructorNotes.model_validate(document.data)
    except pydantic.ValidationError as error:
        problems += validation_problems(document, error)
    for index, lesson in enumerate(notes.lessons if notes and lesson_ids is not None else []):
        if lesson.id not in lesson_ids:
            problems.append(
                document.problem(["lessons", index, "id"], f"no lesson in lessons.yml has id {lesson.id!r}")
            )
    if problems:
        raise ContentError(problems)
    return notes


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def schedule_html(lessons: Lessons, root: str = "") -> Html:
    """The schedule: per lesson its start (from 0:00), teaching and exercise minutes, and objectives."""
    rows, start = [], 0
    for lesson in sorted(lessons.lessons, key=lambda item: item.number):
        teaching, exercises = lesson.minutes.teaching, lesson.minutes.exercises
        objectives = "".join(
            f'<li><a href="{root}{lesson.notebook}#{objective_anchor(o.id)}">{to_inline_html(o.text)}</a></li>'
            for o in lesson.objectives
        )
        rows.append(
            f'<tr><td>{_clock(start)}</td><th scope="row">{lesson.number}. {escape(lesson.title)}</th>'
            f"<td>{teaching}</td><td>{exercises}</td><td>{teaching + exercises}</td><td><ul>{objectives}</ul></td></tr>"
        )
        start += teaching + exercises
    return Html(
        '<table class="instructor-schedule"><caption>Schedule (minutes; start times count from 0:00, '
        f"without breaks): {start} minutes in all</caption>"
        '<thead><tr><th scope="col">Start</th><th scope="col">Lesson</th><th scope="col">Teaching</th>'
        '<th scope="col">Exercises</th><th scope="col">Total</th><th scope="col">Objectives</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return f"<p><strong>{title}</strong></p><ul>" + "".join(f"<li>{to_inline_html(i)}</li>" for i in items) + "</ul>"


def lesson_notes_html(lesson: Lesson, notes: LessonNotes | None, root: str = "") -> str:
    link = f'<a href="{root}{lesson.notebook}">Open the lesson</a>'
    return (
        f'<section class="instructor-lesson" aria-labelledby="teach-{lesson.id}">'
        f'<h2 id="teach-{lesson.id}">Lesson {lesson.number}: {escape(lesson.title)}</h2><p>{link}. '
        f"{lesson.minutes.teaching} minutes teaching, {lesson.minutes.exercises} minutes exercises.</p>"
        + _list("Misconceptions to address (the source FAQ's errors)", lesson.misconceptions)
        + _list("Discussion prompts", notes.prompts if notes else [])
        + _list("Tips", notes.tips if notes else [])
        + "</section>"
    )


def guide_html(lessons: Lessons, notes: InstructorNotes | None, root: str = "") -> Html:
    """Per lesson, in order: misconceptions, discussion prompts and tips."""
    ordered = sorted(lessons.lessons, key=lambda item: item.number)
    return Html(
        "".join(lesson_notes_html(lesson, notes.for_lesson(lesson.id) if notes else None, root) for lesson in ordered)
    )
