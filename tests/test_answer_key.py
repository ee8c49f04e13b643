"""The answer key matches the banks, and no learner page of the built book shows one."""

from __future__ import annotations

import re

import pytest

from conftest import BUILD, CONTENT, FIXTURES
from coursekit.answer_key import ANSWER_KEY_CLASS, answer_key
from coursekit.answers import correct_answers
from coursekit.course import load_course
from coursekit.markdown import escape, to_html, to_inline_html

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


def test_no_learner_page_of_the_built_book_shows_an_answer_key():
    if not (BUILD / "index.html").is_file():
        pytest.fail(f"no built book in {BUILD}: run `make book` (make test does) first")
    pages = sorted(BUILD.rglob("*.html"))
    with_key = {p.relative_to(BUILD).as_posix() for p in pages if ANSWER_KEY_CLASS in p.read_text(encoding="utf-8")}
    learner_pages = {page for page in with_key if not page.startswith(INSTRUCTOR_PAGES)}
    assert learner_pages == set()
    # The instructor part does show it, so the marker this test looks for is really there.
    assert f"{INSTRUCTOR_PAGES}answer-key.html" in with_key
    # And the instructor pages are a part of their own in the navigation.
    home = (BUILD / "book" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="caption" role="heading"><span class="caption-text">\s*For instructors', home)
