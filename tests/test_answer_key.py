"""The answer key matches the banks; the learner edition has none, the instructor edition only in its own part."""

from __future__ import annotations

import re

import pytest

from conftest import BUILD, CONTENT, FIXTURES, INSTRUCTOR_BUILD
from coursekit.course import load_course
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.qtypes.answers import correct_answers
from coursekit.quizzes.answer_key_html import answer_key
from coursekit.quizzes.static_quiz import ANSWER_KEY_CLASS

INSTRUCTOR_PAGES = "book/instructor/"


def question_entry(key: str, bank_id: str, question_id: str) -> str:
    start = key.index(f'id="key-{bank_id}-{question_id}"')
    return key[start : key.index("</li></", key.index("</dl>", start))]


def test_key_shows_answer_explanation_faq_and_objective_for_each_question():
    course = load_course(FIXTURES / "export" / "content")
    key = answer_key(course, root="../../").html
    assert ANSWER_KEY_CLASS in key and "For instructors" in key
    for question in course.bank("every-type").questions:
        entry = question_entry(key, "every-type", question.id)
        assert to_html(question.prompt) in entry
        for answer in correct_answers(question):
            assert to_inline_html(answer) in entry, (question.id, answer)
        if question.explanation:
            assert to_html(question.explanation) in entry
        for faq_id in question.faq:
            faq_entry = course.faq.entry(faq_id)
            assert f'href="../../notebooks/source-faq.ipynb#faq-{faq_id}">{escape(faq_entry.question)}</a>' in entry
        if question.objective:
            assert f"<code>{question.objective}</code>" in entry  # the fixture has no lessons.yml


def test_course_key_covers_every_question_of_every_bank_with_its_objective():
    course = load_course(CONTENT)
    assert course.banks, "the course has quiz banks"
    key = answer_key(course).html
    objectives = {o.id: o for lesson in course.lessons.lessons for o in lesson.objectives} if course.lessons else {}
    for bank in course.banks.values():
        for question in bank.questions:
            entry = question_entry(key, bank.id, question.id)
            for answer in correct_answers(question):
                assert to_inline_html(answer) in entry, (bank.id, question.id)
            if question.objective in objectives:
                assert to_inline_html(objectives[question.objective].text) in entry


def _pages_with_a_key(build) -> set[str]:
    if not (build / "index.html").is_file():
        pytest.fail(f"no built book in {build}: run `make book` and `make instructor` (make test does) first")
    pages = sorted(build.rglob("*.html"))
    return {p.relative_to(build).as_posix() for p in pages if ANSWER_KEY_CLASS in p.read_text(encoding="utf-8")}


def test_no_page_of_the_learner_edition_shows_an_answer_key():
    assert _pages_with_a_key(BUILD) == set()


def test_the_instructor_edition_shows_the_key_only_in_its_instructor_part():
    assert _pages_with_a_key(INSTRUCTOR_BUILD) == {f"{INSTRUCTOR_PAGES}answer-key.html"}
    home = (INSTRUCTOR_BUILD / "book" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="caption" role="heading"><span class="caption-text">\s*For instructors', home)
