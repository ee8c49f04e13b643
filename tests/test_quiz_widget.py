"""The live quiz's Python side: the view sends a learner's response as the quiz script does, Python grades it.

What the learner sees and does in the view is tested in a real JupyterLab (test_jupyterlab.py).
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

import coursekit
from conftest import CONTENT, FIXTURES
from coursekit.course import current_course
from coursekit.course.bank import load_bank
from coursekit.course.faq import load_faq
from coursekit.quizzes.quiz_assets import es_module, stylesheet
from coursekit.quizzes.quiz_widget import Quiz
from coursekit.quizzes.static_quiz import render_quiz

BANK = load_bank(FIXTURES / "banks" / "bank_valid_every_type.yml")
FAQ = load_faq(CONTENT / "faq.yml")


class View:
    """Stands in for the browser view: sends what the quiz script sends, keeps what Python sends back."""

    def __init__(self, quiz: Quiz):
        self.quiz, self.received, self.asked = quiz, [], 0
        quiz.send = lambda content, buffers=None: self.received.append(content)

    def check(self, question_id: str, response, *, restored: bool = False) -> dict:
        self.asked += 1
        message = {"event": "check", "ask": f"view:{self.asked}", "question": question_id, "response": response,
                   "restored": restored}
        self.quiz._handle_custom_msg(message, [])
        reply = self.received[-1]
        assert reply["ask"] == f"view:{self.asked}"
        return reply


@pytest.fixture
def quiz() -> Quiz:
    return Quiz(BANK, "test-course", faq=FAQ)


def test_the_view_shows_the_books_quiz_with_the_books_script_and_style(quiz):
    assert quiz.html == render_quiz(BANK, "test-course", faq=FAQ)
    assert quiz._esm == es_module() and "export default" in quiz._esm
    assert quiz._css == stylesheet()


def test_python_grades_each_check_and_sends_the_verdict_back(quiz):
    view = View(quiz)
    assert view.check("pick-one", 0) == {
        "event": "graded", "ask": "view:1", "grade": {"answered": True, "correct": True, "score": 1.0},
        "verdict": "Correct.",
    }
    assert view.check("pick-one", 1)["verdict"] == "Not right yet."
    assert view.check("pick-some", [0])["verdict"] == "Partly right (50%)."
    assert view.check("how-many", "abc")["verdict"] == "That is not a number: enter a number, then press Check."
    assert view.check("how-many", " ")["verdict"] == "Give an answer first, then press Check."
    assert quiz.grades["pick-one"].correct is False


def test_a_response_that_does_not_fit_counts_as_no_answer(quiz):
    view = View(quiz)
    for question_id, response in (("pick-one", 99), ("pick-one", "x"), ("match-them", 5), ("nope", 1)):
        assert view.check(question_id, response)["grade"] == {"answered": False, "correct": False, "score": 0.0}
    assert quiz.grades == {}


def test_on_answer_hooks_hear_each_answered_check_but_not_restored_progress(quiz):
    heard = []
    quiz.on_answer(lambda question, response, grade: heard.append((question.id, response, grade.correct)))
    view = View(quiz)
    view.check("pick-one", 0)
    view.check("type-it", "")
    view.check("true-or-false", True, restored=True)
    assert heard == [("pick-one", 0, True)]
    assert set(quiz.grades) == {"pick-one", "true-or-false"}


def test_the_mimebundle_has_the_widget_view_the_static_html_and_a_plain_text(quiz):
    bundle = quiz._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == quiz.model_id
    assert bundle["text/html"] == render_quiz(BANK, "test-course", faq=FAQ)
    assert bundle["text/plain"] == f"Quiz {BANK.id}: {BANK.title} ({len(BANK.questions)} questions)"
    page = BeautifulSoup(bundle["text/html"], "html.parser")
    assert page.find_all("button") == [] and page.select_one(".coursekit-run-hint")


def test_show_answer_after_must_be_one_or_more():
    with pytest.raises(ValueError, match="1 or more"):
        Quiz(BANK, "test-course", show_answer_after=0)


@pytest.fixture
def course_with_a_quiz(tmp_path, monkeypatch):
    content = tmp_path / "content"
    (content / "quizzes").mkdir(parents=True)
    for name in ("course.yml", "faq.yml"):
        shutil.copy(CONTENT / name, content / name)
    shutil.copytree(CONTENT / "source", content / "source")
    shutil.copy(FIXTURES / "banks" / "bank_valid_every_type.yml", content / "quizzes" / "every-type.yml")
    monkeypatch.setenv("COURSEKIT_CONTENT", str(content))
    current_course.cache_clear()
    yield current_course()
    current_course.cache_clear()


def test_coursekit_quiz_builds_the_learner_quiz_by_id(course_with_a_quiz):
    quiz = coursekit.quiz("every-type", seed=3, show_answer_after=1)
    assert isinstance(quiz, Quiz)
    course = course_with_a_quiz
    expected = render_quiz(course.bank("every-type"), course.info.id, seed=3, show_answer_after=1, faq=course.faq)
    assert quiz.html == expected


def test_coursekit_quiz_names_the_known_ids_and_modes(course_with_a_quiz):
    with pytest.raises(KeyError, match=r"no quiz with id 'nope'.*\(known: every-type\)"):
        coursekit.quiz("nope")
    with pytest.raises(ValueError, match=r"unknown quiz mode 'teacher' \(known: learner, class, instructor\)"):
        coursekit.quiz("every-type", mode="teacher")
