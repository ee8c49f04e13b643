"""The instructor guide: a schedule generated from lessons.yml, and teaching notes per lesson."""

from __future__ import annotations

import pytest

from conftest import CONTENT
from coursekit.course import load_course
from coursekit.course.instructor import guide_html, load_notes, schedule_html
from coursekit.markdown import escape, to_inline_html
from coursekit.source import ContentError


@pytest.fixture(scope="module")
def lessons():
    course = load_course(CONTENT)
    assert course.lessons is not None, "the course has content/lessons.yml"
    return course.lessons


def test_schedule_lists_every_lesson_with_its_minutes_start_and_objectives(lessons):
    table = schedule_html(lessons).html
    start = 0
    for lesson in sorted(lessons.lessons, key=lambda item: item.number):
        teaching, exercises = lesson.minutes.teaching, lesson.minutes.exercises
        row = table[table.index(f"{lesson.number}. {escape(lesson.title)}") :].split("</tr>")[0]
        assert f"<td>{teaching}</td><td>{exercises}</td><td>{teaching + exercises}</td>" in row
        assert f"<tr><td>{start // 60}:{start % 60:02d}</td>" in table
        for objective in lesson.objectives:
            assert to_inline_html(objective.text) in row
        start += teaching + exercises
    assert f"{start} minutes in all" in table


def test_notes_give_each_lesson_its_misconceptions_prompts_and_tips(lessons):
    notes = load_notes(CONTENT / "instructor.yml", {lesson.id for lesson in lessons.lessons})
    html = guide_html(lessons, notes).html
    for lesson in lessons.lessons:
        section = html[html.index(f'id="teach-{lesson.id}"') :].split("</section>")[0]
        for text in [*lesson.misconceptions, *notes.for_lesson(lesson.id).prompts]:
            assert to_inline_html(text) in section


def test_notes_for_an_unknown_lesson_are_a_located_error(tmp_path):
    path = tmp_path / "instructor.yml"
    path.write_text("lessons:\n  - id: causes\n    prompts: [Why?]\n  - id: nope\n    prompts: [Why?]\n")
    with pytest.raises(ContentError) as error:
        load_notes(path, {"causes"})
    assert str(error.value) == f"{path}:4: lesson nope: id: no lesson in lessons.yml has id 'nope'"
