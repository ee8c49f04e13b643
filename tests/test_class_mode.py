"""Class mode, driven the way an instructor uses it: click Next / Reveal, type a show-of-hands tally."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from coursekit.answer_key import ANSWER_KEY_CLASS
from coursekit.class_mode import ClassQuiz, InstructorView
from coursekit.course import load_course

CONTENT = FIXTURES / "export" / "content"


@pytest.fixture
def bank():
    return load_course(CONTENT).bank("every-type")


@pytest.fixture
def quiz(bank):
    return ClassQuiz(bank, "export-fixture")


def test_starts_on_the_first_question_with_the_answer_hidden(quiz):
    assert "Question 1 of 7" in quiz.slide.value
    assert "Which costs $5 &amp; isn't &lt;free&gt;?" in quiz.slide.value
    assert quiz.answer.value == ""
    assert quiz.previous_button.disabled and not quiz.next_button.disabled
    assert "font-size: 1.75rem" in quiz.slide.value


def test_reveal_shows_the_answer_and_explanation_then_hides_it(quiz):
    quiz.reveal_button.click()
    assert "Shoes &amp; socks &lt;new&gt;" in quiz.answer.value
    assert "is free: no $ at all" in quiz.answer.value
    assert quiz.reveal_button.description == "Hide answer"
    quiz.reveal_button.click()
    assert quiz.answer.value == ""


def test_tally_is_drawn_as_labelled_bars_and_marks_the_right_answer_after_reveal(quiz):
    labels = [box.description for box in quiz.tally_inputs]
    assert labels == ["A", "B", "C"]
    quiz.tally_inputs[0].value = 3
    quiz.tally_inputs[1].value = 7
    assert "Show of hands: 10 answers" in quiz.chart.value
    assert "A. A walk \"outside\": <strong>3</strong> (30%)" in quiz.chart.value
    assert "width: 70%" in quiz.chart.value
    assert "(right answer)" not in quiz.chart.value
    quiz.reveal_button.click()
    assert "Shoes &amp; socks &lt;new&gt; (right answer): <strong>7</strong> (70%)" in quiz.chart.value


def test_next_and_previous_move_and_keep_each_questions_tally(quiz):
    quiz.tally_inputs[2].value = 4
    quiz.reveal_button.click()
    quiz.next_button.click()
    assert "Question 2 of 7" in quiz.slide.value and "Which are minerals?" in quiz.slide.value
    assert quiz.answer.value == ""  # a new question starts hidden
    assert [box.value for box in quiz.tally_inputs] == [0, 0, 0]
    quiz.previous_button.click()
    assert "Question 1 of 7" in quiz.slide.value
    assert [box.value for box in quiz.tally_inputs] == [0, 0, 4]


def test_questions_without_choices_count_who_got_it_right(quiz):
    for _ in range(3):
        quiz.next_button.click()
    assert "Question 4 of 7" in quiz.slide.value
    assert [box.description for box in quiz.tally_inputs] == ["Got it right", "Not yet"]
    for _ in range(3):
        quiz.next_button.click()
    assert "Question 7 of 7" in quiz.slide.value and quiz.next_button.disabled


def test_static_rendering_and_plain_repr(quiz, bank):
    bundle = quiz._repr_mimebundle_()
    assert bundle["text/plain"] == "Class quiz every-type: Every type: \"quotes\" & <brackets> (7 questions)"
    html = bundle["text/html"]
    assert ANSWER_KEY_CLASS in html
    assert html.count("<summary>Reveal answer</summary>") == len(bank.questions)
    assert bundle["text/html"] == quiz._repr_mimebundle_()["text/html"]


def test_instructor_view_shows_answers_inline(bank):
    view = InstructorView(bank)
    bundle = view._repr_mimebundle_()
    assert bundle["text/plain"] == "Answer key every-type: Every type: \"quotes\" & <brackets> (7 questions)"
    assert ANSWER_KEY_CLASS in bundle["text/html"]
    assert "<li>ABI</li>" in view.key.value and "K comes from <em>kalium</em>." in view.key.value
