"""Pretests, their recaps and "My progress" as notebook widgets: the live quiz's widget showing the HTML of
`coursekit.quizzes.progress_page`, so JupyterLab runs the same script and Python grades as in any quiz."""

from __future__ import annotations

from pathlib import PurePosixPath

from coursekit.course import Course
from coursekit.course.bank import Bank
from coursekit.quizzes.progress_page import dashboard, pretest_bank, recap_bank
from coursekit.quizzes.quiz_widget import Quiz
from coursekit.quizzes.static_quiz import render_quiz


def _showing(bank: Bank, course: Course, html: str) -> Quiz:
    widget = Quiz(bank, course.info.id, faq=course.faq)
    widget.static_html = widget.html = html
    return widget


def pretest(course: Course, quiz_id: str) -> Quiz:
    """The lesson's pretest: its questions asked before the teaching, not scored."""
    bank = pretest_bank(course.bank(quiz_id))
    return _showing(bank, course, render_quiz(bank, course.info.id, faq=course.faq, data={"pretest": ""}))


def pretest_recap(course: Course, quiz_id: str) -> Quiz:
    """The pretest's questions with the learner's answers beside the right ones and why."""
    bank = recap_bank(course.bank(quiz_id))
    pretest_id = pretest_bank(course.bank(quiz_id)).id
    return _showing(bank, course, render_quiz(bank, course.info.id, faq=course.faq, data={"recap": pretest_id}))


def progress(course: Course) -> Quiz:
    """"My progress" in a notebook beside the lessons: it grades the review's questions as their quizzes do."""
    questions = tuple(q for lesson in course.lessons.lessons for q in course.bank(lesson.id).questions)
    every = Bank(id="spaced-review", title="Review", questions=questions)
    return _showing(every, course, dashboard(course, lambda lesson: PurePosixPath(lesson.notebook).name))
