"""The learner's progress across the course as HTML: lesson cards, the "My progress" page, and pretests.

The HTML holds the course's side (lessons, objectives, questions and their hashes, the review schedule as
JSON); `static/quiz/progress.js` fills in the learner's side from browser storage. "My progress" carries
every lesson's questions, rendered as the quizzes render them, in a `<template>` that "Review now" asks
from. A pretest is a lesson bank's `pretest:` questions in a quiz marked `data-pretest` (not scored); its
recap, at the lesson's end, shows the same questions with the learner's answers beside the right ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from coursekit.course import Course
from coursekit.course.bank import Bank
from coursekit.course.lessons import Lesson
from coursekit.markdown import escape, to_inline_html
from coursekit.qtypes.strings import say
from coursekit.quizzes.static_quiz import question_hash, render_quiz

LessonLink = Callable[[Lesson], str]


def pretest_bank(bank: Bank) -> Bank:
    """The bank's pretest questions as a quiz of their own (`pretest-<bank id>`, saved apart from the quiz)."""
    if not bank.pretest:
        raise KeyError(f"quiz {bank.id!r} has no pretest questions (add `pretest:` to its bank)")
    questions = tuple(bank.question(question_id) for question_id in bank.pretest)
    return bank.model_copy(update={
        "id": f"pretest-{bank.id}", "title": say("pretest_title"), "intro": say("pretest_intro"),
        "questions": questions, "pretest": (),
    })


def recap_bank(bank: Bank) -> Bank:
    """The pretest's questions again, for the lesson's end."""
    pretest = pretest_bank(bank)
    return pretest.model_copy(update={"id": f"{pretest.id}-recap", "title": say("recap_title"), "intro": None})


def _questions(course: Course, lesson: Lesson) -> tuple:
    return course.bank(lesson.id).questions


def _question_rows(course: Course, lesson: Lesson) -> list[list]:
    return [[q.id, question_hash(q), q.objective] for q in _questions(course, lesson)]


def course_data(course: Course) -> dict:
    """What progress.js needs: per lesson, its quiz's questions as [id, hash, objective]; the review days."""
    return {
        "course": course.info.id,
        "days": list(course.info.review_days),
        "lessons": [
            {"quiz": lesson.id, "questions": _question_rows(course, lesson)} for lesson in course.lessons.lessons
        ],
    }


def _data_script(course: Course) -> str:
    text = json.dumps(course_data(course), separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="coursekit-course">{text}</script>'


def _bar(label: str, total: int, counted: str) -> str:
    return (
        f'<p class="coursekit-bar"><progress max="{total}" value="0" aria-label="{escape(label)}"></progress>'
        f' <span class="coursekit-count">{escape(say(counted, count=0, total=total))}</span></p>'
    )


def lesson_cards(course: Course, link: LessonLink) -> str:
    """One card per lesson: title (a link), time, objectives, and a bar of questions answered."""
    cards = []
    for lesson in course.lessons.lessons:
        questions = len(_questions(course, lesson))
        minutes = lesson.minutes.teaching + lesson.minutes.exercises
        facts = say("card_facts", minutes=minutes, objectives=len(lesson.objectives), questions=questions)
        title = f"{lesson.number}. {to_inline_html(lesson.title)}"
        cards.append(
            f'<li class="coursekit-card" data-lesson="{escape(lesson.id)}">'
            f'<h3 class="coursekit-card-title"><a href="{escape(link(lesson))}">{title}</a></h3>'
            f'<p class="coursekit-card-facts">{escape(facts)}</p>'
            f"{_bar(say('card_bar', number=lesson.number), questions, 'answered')}</li>"
        )
    return f'<ul class="coursekit-lessons">{"".join(cards)}</ul>'


def _root(course: Course, inner: str) -> str:
    return (
        f'<div class="coursekit-progress" data-course="{escape(course.info.id)}">'
        f'<p class="coursekit-storage-note" role="status" hidden></p>{_data_script(course)}{inner}</div>'
    )


def home(course: Course, link: LessonLink) -> str:
    """The course home's lesson cards."""
    return _root(course, lesson_cards(course, link))


def _objectives(course: Course) -> str:
    rows = []
    for lesson in course.lessons.lessons:
        questions = _questions(course, lesson)
        where = escape(say("objective_lesson", number=lesson.number))
        for objective in lesson.objectives:
            assessing = sum(1 for q in questions if q.objective == objective.id)
            rows.append(
                f'<li data-objective="{escape(objective.id)}"><p>{to_inline_html(objective.text)}'
                f' <span class="coursekit-objective-lesson">({where})</span></p>'
                f"{_bar(say('objective_bar', objective=objective.text), assessing, 'right_of')}</li>"
            )
    return f'<ul class="coursekit-objectives">{"".join(rows)}</ul>'


def dashboard(course: Course, link: LessonLink, faq_folder: str = "") -> str:
    """The "My progress" page: lessons, objectives, questions due and "Review now", progress files.

    `faq_folder` is the path from the page to the source-FAQ notebook's folder (for the questions' FAQ links).
    """
    banks = [course.bank(lesson.id) for lesson in course.lessons.lessons]
    pool = "".join(render_quiz(bank, course.info.id, faq=course.faq) for bank in banks)
    pool = pool.replace('href="source-faq.ipynb', f'href="{faq_folder}source-faq.ipynb')
    pool = pool.replace('class="coursekit-quiz ', 'class="coursekit-pool-quiz ')  # questions to copy from, not a quiz
    days = ", ".join(str(day) for day in course.info.review_days)
    inner = (
        f'<p class="coursekit-needs-script">{escape(say("needs_script"))}</p>'
        f'<h2>{escape(say("progress_lessons"))}</h2>{lesson_cards(course, link)}'
        f'<h2>{escape(say("progress_objectives"))}</h2><p>{escape(say("progress_objectives_intro"))}</p>{_objectives(course)}'
        f'<h2>{escape(say("progress_due"))}</h2><p>{escape(say("progress_due_intro", days=days))}</p>'
        f'<p class="coursekit-due-summary" aria-live="polite"></p><ol class="coursekit-due"></ol>'
        f'<p class="coursekit-wrong-sure-count"></p>'
        f'<p><button type="button" class="coursekit-review-now">{escape(say("review_now"))}</button></p>'
        f'<div class="coursekit-review-area"></div><template class="coursekit-pool">{pool}</template>'
        f'<h2>{escape(say("progress_keep"))}</h2><p>{escape(say("progress_private"))}</p>'
        f'<p class="coursekit-files">'
        f'<button type="button" class="coursekit-save">{escape(say("save_progress"))}</button>'
        f' <label class="coursekit-load-label">{escape(say("load_progress"))}:'
        f' <input type="file" class="coursekit-load" accept=".json,application/json"></label></p>'
        f'<p class="coursekit-file-status" role="status"></p>'
    )
    return _root(course, inner)
