"""The live quiz, driven as a learner would: choose, type, click Check / Try again / Reset, read what is shown."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import ipywidgets as widgets
import pytest

import coursekit
from conftest import CONTENT, FIXTURES
from coursekit.bank import load_bank
from coursekit.course import current_course
from coursekit.faq import load_faq
from coursekit.live_quiz import Quiz
from coursekit.order import display_order

BANK = load_bank(FIXTURES / "banks" / "bank_valid_every_type.yml")
XSS = load_bank(FIXTURES / "banks" / "bank_xss_payloads.yml")
FAQ = load_faq(CONTENT / "faq.yml")


def view(quiz: Quiz, question_id: str):
    return next(v for v in quiz.questions if v.question.id == question_id)


def choose(radio: widgets.RadioButtons | widgets.Dropdown, label: str) -> None:
    radio.value = dict(radio.options)[label]


def tick(question_view, *labels: str) -> None:
    for box in question_view.input.boxes:
        box.value = box.description in labels


def match(question_view, **choices: str) -> None:
    for dropdown in question_view.input.dropdowns:
        if dropdown.description in choices:
            choose(dropdown, choices[dropdown.description])


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def shown(button: widgets.Button) -> bool:
    return button.layout.display != "none"


def all_html(widget) -> list[str]:
    values = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        values += all_html(child)
    return values


class Elements(HTMLParser):
    """The tags and attributes an HTML value would really create in a page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


@pytest.fixture
def quiz() -> Quiz:
    return Quiz(BANK, "test-course", faq=FAQ)


def test_a_right_answer_shows_feedback_explanation_faq_link_and_score(quiz):
    question = view(quiz, "pick-one")
    choose(question.input.choice, "Potassium")
    question.check.click()
    assert text_of(question.feedback.value) == "Correct. Right: Potassium — Yes, potassium is a mineral."
    assert "Potassium is a <strong>mineral</strong>." in question.explanation.value
    entry = FAQ.entry("vitamins-for-circulation")
    assert f'<a href="source-faq.ipynb#faq-vitamins-for-circulation">{entry.question}</a>' in question.explanation.value
    assert text_of(quiz.score.value) == "Score: 1 of 7 (1 checked)."
    assert question.input.choice.disabled and question.check.disabled
    assert not shown(question.try_again)


def test_a_wrong_answer_can_be_tried_again(quiz):
    question = view(quiz, "pick-one")
    choose(question.input.choice, "Vitamin D")
    question.check.click()
    assert text_of(question.feedback.value) == "Not right yet. Not right: Vitamin D — Vitamin D is a vitamin."
    assert question.explanation.value == ""
    assert text_of(quiz.score.value) == "Score: 0 of 7 (1 checked)."
    assert shown(question.try_again) and shown(question.show_answer)
    assert question.input.choice.disabled

    question.try_again.click()
    assert question.feedback.value == ""
    assert not question.input.choice.disabled and not question.check.disabled
    assert not shown(question.try_again)
    choose(question.input.choice, "Potassium")
    question.check.click()
    assert text_of(question.feedback.value).startswith("Correct.")
    assert text_of(quiz.score.value) == "Score: 1 of 7 (1 checked)."


def test_check_without_an_answer_asks_for_one_and_counts_nothing(quiz):
    question = view(quiz, "how-many")
    question.input.answer.value = "about two hours"
    question.check.click()
    assert text_of(question.feedback.value) == "Give an answer first, then press Check."
    assert not question.check.disabled
    assert text_of(quiz.score.value) == "Score: 0 of 7 (0 checked)."


def test_every_type_is_graded_from_its_inputs(quiz):
    tick(view(quiz, "pick-some"), "Walking")
    choose(view(quiz, "true-or-false").input.choice, "True")
    view(quiz, "how-many").input.answer.value = " 118 "
    view(quiz, "in-range").input.answer.value = "3,5"
    match(view(quiz, "match-them"), Potassium="Mineral", B12="Exercise", Walking="Vitamin")
    view(quiz, "type-it").input.answer.value = "  CARDIOlogist  "
    for question in quiz.questions[1:]:
        question.check.click()
    verdicts = {q.question.id: text_of(q.feedback.value) for q in quiz.questions[1:]}
    assert verdicts == {
        "pick-some": "Partly right (50%). Right: Walking — Walking moves blood.",
        "true-or-false": "Correct.",
        "how-many": "Correct.",
        "in-range": "Not right yet.",
        "match-them": "Partly right (33%). Right: Potassium → Mineral Not right: B12 → Exercise "
        "Not right: Walking → Vitamin",
        "type-it": "Correct.",
    }
    assert text_of(quiz.score.value) == "Score: 3.83 of 7 (6 checked)."
    assert quiz.summary.value == ""


def test_the_summary_appears_once_every_question_is_checked(quiz):
    for question in quiz.questions:
        if question.question.id == "pick-one":
            choose(question.input.choice, "Water")
        elif question.question.id == "true-or-false":
            choose(question.input.choice, "True")
        else:
            question.input.clear()
        question.check.click()
    assert quiz.summary.value == ""  # five questions were left unanswered
    tick(view(quiz, "pick-some"), "Walking", "Drinking water")
    view(quiz, "how-many").input.answer.value = "120"
    view(quiz, "in-range").input.answer.value = "2"
    match(view(quiz, "match-them"), Potassium="Mineral", B12="Vitamin", Walking="Exercise")
    view(quiz, "type-it").input.answer.value = "heart   Doctor"
    for question in quiz.questions[1:]:
        question.check.click()
    assert text_of(quiz.summary.value) == "Quiz done. You scored 6 of 7. Worth another look: question 1."


def test_show_answer_after_n_wrong_tries_reveals_the_answer_and_explanation():
    quiz = Quiz(BANK, "test-course", faq=FAQ, show_answer_after=2)
    question = view(quiz, "true-or-false")
    choose(question.input.choice, "False")
    question.check.click()
    assert shown(question.try_again) and not shown(question.show_answer)
    assert question.explanation.value == ""
    question.try_again.click()
    question.check.click()
    assert text_of(question.explanation.value) == "The right answer: True. Several diseases can cause it."
    assert not shown(question.try_again) and question.check.disabled
    assert text_of(quiz.score.value) == "Score: 0 of 7 (1 checked)."


def test_show_answer_button_reveals_the_right_choices(quiz):
    question = view(quiz, "match-them")
    match(question, Potassium="Vitamin")
    question.check.click()
    question.show_answer.click()
    assert text_of(question.explanation.value) == (
        "The right matches: Potassium → Mineral; B12 → Vitamin; Walking → Exercise."
    )


def test_reset_clears_every_answer_feedback_and_the_score(quiz):
    choose(view(quiz, "pick-one").input.choice, "Vitamin D")
    tick(view(quiz, "pick-some"), "Walking", "Drinking water")
    view(quiz, "type-it").input.answer.value = "cardiologist"
    for question in quiz.questions:
        question.check.click()
    quiz.reset_button.click()
    assert text_of(quiz.score.value) == "Score: 0 of 7 (0 checked)."
    for question in quiz.questions:
        assert question.input.response() in (None, [], "", [None, None, None])
        assert question.feedback.value == question.explanation.value == ""
        assert not question.check.disabled and not shown(question.try_again)
    choose(view(quiz, "pick-one").input.choice, "Potassium")
    view(quiz, "pick-one").check.click()
    assert text_of(quiz.score.value) == "Score: 1 of 7 (1 checked)."


def a_shuffling_seed(question) -> int:
    return next(seed for seed in range(100) if display_order(question, seed) != sorted(display_order(question, seed)))


@pytest.mark.parametrize("question_id", ["pick-one", "pick-some", "match-them"])
def test_shuffled_choices_are_shown_in_the_seeded_order_and_still_graded_right(question_id):
    seed = a_shuffling_seed(BANK.question(question_id))
    quiz = Quiz(BANK, "test-course", seed=seed)
    question = view(quiz, question_id)
    order = display_order(question.question, seed)
    if question_id == "pick-one":
        labels = [label for label, _ in question.input.choice.options]
        assert labels == [question.question.options[i].text for i in order]
        choose(question.input.choice, "Potassium")
    elif question_id == "pick-some":
        assert [box.description for box in question.input.boxes] == [question.question.options[i].text for i in order]
        tick(question, "Walking", "Drinking water")
    else:
        labels = [label for label, _ in question.input.dropdowns[0].options][1:]
        assert labels == [question.question.pairs[i].right for i in order]
        match(question, Potassium="Mineral", B12="Vitamin", Walking="Exercise")
    question.check.click()
    assert text_of(question.feedback.value).startswith("Correct.")


def test_inputs_and_buttons_are_labelled_for_keyboard_and_screen_reader_users(quiz):
    for number, question in enumerate(quiz.questions, start=1):
        assert question.check.description == "Check"
        assert question.check.tooltip == f"Check your answer to question {number}"
    assert view(quiz, "pick-one").input.choice.description == "Answer"
    assert view(quiz, "type-it").input.answer.description == "Your answer"
    assert [d.description for d in view(quiz, "match-them").input.dropdowns] == ["Potassium", "B12", "Walking"]
    assert quiz.reset_button.description == "Reset"


def test_the_mimebundle_has_the_widget_static_html_and_a_stable_plain_text(quiz):
    bundle = quiz._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == "Quiz every-type: Every question type (7 questions)"
    assert 'data-quiz-id="every-type"' in bundle["text/html"]
    assert 'data-question-id="match-them"' in bundle["text/html"]
    assert Quiz(BANK, "test-course", faq=FAQ)._repr_mimebundle_()["text/html"] == bundle["text/html"]


def test_payloads_in_every_field_stay_inert_text():
    quiz = Quiz(XSS, "test-course", faq=FAQ)
    for question in quiz.questions:
        question.check.click()  # nothing chosen yet
        question.show_answer.click()
    first = view(quiz, "single-xss")
    choose(first.input.choice, "<img src=x onerror=alert('opt')>")
    first.reset()
    choose(first.input.choice, "[link](javascript:alert('opt2'))")
    first.check.click()
    values = all_html(quiz)
    elements = Elements("".join(values))
    assert elements.tags <= {"h3", "p", "strong", "ul", "li", "a", "em", "code"}
    assert {name for name, _ in elements.attributes} <= {"href", "rel"}
    assert all(not value.startswith("javascript") for name, value in elements.attributes if name == "href")
    text = "".join(values)
    assert "&lt;script&gt;alert('prompt')&lt;/script&gt;" in text
    assert "&lt;iframe src=javascript:alert(1)&gt;&lt;/iframe&gt;" in text
    assert "Rock &amp; roll&#x27;s &quot;quiz&quot; $5 🩸" in values[0]
    labels = [label for label, _ in first.input.choice.options]
    assert labels == ["<img src=x onerror=alert('opt')>", "[link](javascript:alert('opt2'))"]


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
    assert (quiz.course_id, quiz.seed, quiz.show_answer_after) == (course_with_a_quiz.info.id, 3, 1)
    assert quiz.faq is course_with_a_quiz.faq


def test_coursekit_quiz_names_the_known_ids_and_modes(course_with_a_quiz):
    with pytest.raises(KeyError, match=r"no quiz with id 'nope'.*\(known: every-type\)"):
        coursekit.quiz("nope")
    with pytest.raises(ValueError, match=r"unknown quiz mode 'teacher' \(known: learner, class, instructor\)"):
        coursekit.quiz("every-type", mode="teacher")
