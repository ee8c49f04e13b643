"""The answer key, generated from the banks: every question with its correct answer, explanation,
per-option feedback, and the FAQ entry and lesson objective it assesses.

For instructors only. Every key carries the `ANSWER_KEY_CLASS` marker, so a test can prove that no
learner page of the built book shows one.
"""

from __future__ import annotations

from coursekit.course import Course
from coursekit.course.bank import Bank, Question
from coursekit.course.faq import Faq
from coursekit.course.faq_html import entry_anchor
from coursekit.course.lessons import Lessons, objective_anchor
from coursekit.html_output import Html
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.qtypes.answers import correct_answers, labelled
from coursekit.quizzes.static_quiz import ANSWER_KEY_CLASS

SOURCE_FAQ = "notebooks/source-faq.ipynb"


def _faq_item(entry_id: str, faq: Faq | None, root: str) -> str:
    if faq is None:
        return f"<code>{escape(entry_id)}</code>"
    entry = faq.entry(entry_id)
    return f'<a href="{root}{SOURCE_FAQ}#{entry_anchor(entry_id)}">{escape(entry.question)}</a>'


def _objective(objective_id: str, lessons: Lessons | None, root: str) -> str:
    for lesson in lessons.lessons if lessons else []:
        for objective in lesson.objectives:
            if objective.id == objective_id:
                link = f"{root}{lesson.notebook}#{objective_anchor(objective_id)}"
                return f'<a href="{link}">Lesson {lesson.number}</a>: {to_inline_html(objective.text)}'
    return f"<code>{escape(objective_id)}</code>"


def question_key_html(
    question: Question, anchor: str, faq: Faq | None = None, lessons: Lessons | None = None, root: str = ""
) -> str:
    """One question's entry in the key (a `<li id=anchor>`); `root` is the path from the page to the book's root."""
    answers = "".join(f"<li>{to_inline_html(text)}</li>" for text in correct_answers(question))
    rows = [f'<dt>Correct answer</dt><dd><ul class="key-answers">{answers}</ul></dd>']
    if question.explanation:
        rows.append(f"<dt>Explanation</dt><dd>{to_html(question.explanation)}</dd>")
    if question.feedback_notes():
        notes = "".join(f"<li>{to_inline_html(labelled(text, note))}</li>" for text, note in question.feedback_notes())
        rows.append(f"<dt>Feedback on choices</dt><dd><ul>{notes}</ul></dd>")
    if question.faq:
        rows.append("<dt>FAQ entry</dt><dd>" + "; ".join(_faq_item(f, faq, root) for f in question.faq) + "</dd>")
    if question.objective:
        rows.append(f"<dt>Objective</dt><dd>{_objective(question.objective, lessons, root)}</dd>")
    return (
        f'<li class="key-question" id="{escape(anchor)}">{to_html(question.prompt)}'
        f'<p class="key-type">({question.label}; id <code>{escape(question.id)}</code>)</p>'
        f"<dl>{''.join(rows)}</dl></li>"
    )


def bank_key_html(bank: Bank, faq: Faq | None = None, lessons: Lessons | None = None, root: str = "") -> str:
    """One quiz's key, marked for instructors."""
    items = "".join(question_key_html(q, f"key-{bank.id}-{q.id}", faq, lessons, root) for q in bank.questions)
    title_id = f"key-title-{escape(bank.id)}"
    return (
        f'<section class="{ANSWER_KEY_CLASS}" data-quiz="{escape(bank.id)}" aria-labelledby="{title_id}">'
        f'<h2 id="{title_id}">Answer key: {escape(bank.title)}</h2>'
        f'<p class="key-banner"><strong>For instructors.</strong> Not for learners.</p><ol>{items}</ol></section>'
    )


def answer_key(course: Course, quiz_ids: list[str] | None = None, root: str = "") -> Html:
    """The key for the chosen quizzes (default: all, in lesson order when lessons exist, else by id)."""
    if quiz_ids is None:
        in_lessons = [lesson.id for lesson in course.lessons.lessons] if course.lessons else []
        quiz_ids = [i for i in in_lessons if i in course.banks] + sorted(set(course.banks) - set(in_lessons))
    keys = "".join(bank_key_html(course.bank(i), course.faq, course.lessons, root) for i in quiz_ids)
    return Html(keys or "<p>No quiz banks yet.</p>")
