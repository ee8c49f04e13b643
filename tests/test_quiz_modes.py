"""Class and instructor modes: the same quiz front end, projected for a room or shown with its answers."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

import coursekit
from conftest import FIXTURES
from coursekit.course import current_course
from coursekit.course.bank import load_bank
from coursekit.quizzes.quiz_assets import classic_script, stylesheet
from coursekit.quizzes.static_quiz import ANSWER_KEY_CLASS, render_quiz

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BANK = load_bank(FIXTURES / "banks" / "every_type.yml")


def test_instructor_mode_shows_faq_questions_and_objective_text_not_ids() -> None:
    course = current_course()
    quiz = coursekit.quiz("causes", mode="instructor")
    page = BeautifulSoup(quiz.static_html, "html.parser")
    assert ANSWER_KEY_CLASS in page.section["class"] and page.section["data-mode"] == "instructor"
    first = course.bank("causes").questions[0]
    box = page.select_one(f'fieldset[data-question-id="{first.id}"]')
    assert box.details.has_attr("open")
    objective = next(o for lesson in course.lessons.lessons for o in lesson.objectives if o.id == first.objective)
    assert objective.text in box.select_one(".coursekit-objective").get_text()
    assert first.objective not in box.get_text()
    for faq_id in first.faq:
        assert course.faq.entry(faq_id).question in box.select_one(".coursekit-faq-links").get_text()


def test_class_mode_is_marked_for_instructors_and_the_learner_quiz_is_not() -> None:
    assert ANSWER_KEY_CLASS in BeautifulSoup(render_quiz(BANK, "c", mode="class"), "html.parser").section["class"]
    assert ANSWER_KEY_CLASS not in BeautifulSoup(render_quiz(BANK, "c"), "html.parser").section["class"]
    with pytest.raises(ValueError, match="unknown quiz mode 'teacher'"):
        render_quiz(BANK, "c", mode="teacher")


def class_page_file(folder, bank, modes=("class",)):
    """A page with `bank` in each of `modes` (class mode by default), the quiz's stylesheet and script."""
    html = folder / "class.html"
    quizzes = "".join(render_quiz(bank, "c", mode=mode) for mode in modes)
    html.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Class</title><style>{stylesheet()}</style>'
        f"</head><body><main>{quizzes}</main><script>{classic_script('class')}</script></body></html>",
        encoding="utf-8",
    )
    return html


@pytest.fixture
def class_page(page: Page, tmp_path) -> Page:
    page.goto(class_page_file(tmp_path, BANK).as_uri())
    return page


@pytest.mark.browser
def test_class_mode_shows_one_question_at_a_time_with_reveal_and_a_tally(class_page: Page) -> None:
    page = class_page
    shown = page.locator("fieldset.coursekit-question:visible")
    expect(shown).to_have_count(1)
    expect(shown.locator("legend")).to_contain_text("Question 1 of 7.")
    expect(shown.locator("details")).to_be_hidden()
    expect(page.get_by_role("button", name="Check")).to_have_count(0)
    shown.get_by_role("spinbutton", name="Carrying blood back to the heart").fill("12")
    shown.get_by_role("spinbutton", name="Making blood cells").fill("4")
    chart = shown.locator(".coursekit-chart")
    expect(chart.locator("figcaption")).to_have_text("Show of hands: 16 answers")
    expect(chart).to_contain_text("Carrying blood back to the heart: 12 (75%)")
    expect(chart).not_to_contain_text("(right answer)")
    page.get_by_role("button", name="Reveal answer").click()
    expect(shown.locator("details")).to_be_visible()
    expect(chart).to_contain_text("Carrying blood back to the heart (right answer): 12 (75%)")
    page.get_by_role("button", name="Hide answer").click()
    expect(shown.locator("details")).to_be_hidden()
    page.get_by_role("button", name="Next").click()
    expect(shown.locator("legend")).to_contain_text("Question 2 of 7.")
    page.get_by_role("button", name="Previous").click()
    expect(shown.locator(".coursekit-chart")).to_contain_text("Carrying blood back to the heart: 12 (75%)")
    results = Axe().run(page, options=WCAG)
    assert [v["id"] for v in results.response["violations"]] == []


# 1280x720 at 150 % zoom: what a projector shows, in CSS pixels.
PROJECTOR = {"viewport": {"width": 853, "height": 480}, "device_scale_factor": 1.5}
SLIDE_FITS = """quiz => {
  const nav = quiz.querySelector(".coursekit-class-nav").getBoundingClientRect();
  const question = quiz.querySelector("fieldset:not([hidden])");
  const size = node => parseFloat(getComputedStyle(node).fontSize);
  return {
    height: nav.bottom - quiz.getBoundingClientRect().top, wide: document.documentElement.scrollWidth,
    legend: size(question.querySelector("legend")),
    options: Math.max(0, ...[...question.querySelectorAll(".coursekit-option-text")].map(size)),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lesson", ["causes", "symptoms", "prevention", "treatment"])
def test_class_mode_fits_a_projector_at_150_percent_with_the_question_largest(browser, tmp_path, lesson) -> None:
    bank = current_course().bank(lesson)
    page = browser.new_page(**PROJECTOR)
    page.goto(class_page_file(tmp_path, bank).as_uri())
    quiz = page.locator(".coursekit-quiz")
    for number in range(1, len(bank.questions) + 1):
        quiz.evaluate("quiz => quiz.scrollIntoView()")
        fits = quiz.evaluate(SLIDE_FITS)
        assert fits["height"] <= 480 and fits["wide"] <= 853, f"question {number} needs scrolling: {fits}"
        assert fits["legend"] >= fits["options"], f"question {number}: the question is smaller than its options"
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Reveal answer").click()
    expect(quiz.locator("fieldset:not([hidden]) summary")).to_have_text("The answer (revealed)")
    page.get_by_role("button", name="Hide answer").click()
    expect(quiz.locator("fieldset:not([hidden]) summary")).to_have_text("Show answer")
    page.close()


@pytest.mark.browser
def test_copies_of_a_quiz_on_one_page_each_have_their_own_ids_and_answers(page: Page, tmp_path) -> None:
    page.goto(class_page_file(tmp_path, BANK, modes=("learner", "class", "learner")).as_uri())
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(node => node.id)")
    assert len(ids) == len(set(ids))
    first, second = page.locator('.coursekit-quiz:not([data-mode]) fieldset[data-question-id="pick-one"]').all()
    second.locator(".coursekit-option label").nth(1).click()
    first.locator(".coursekit-option label").first.click()
    expect(second.locator("input").nth(1)).to_be_checked()
    expect(first.locator("input").first).to_be_checked()
    expect(first.locator("input").nth(1)).not_to_be_checked()
    results = Axe().run(page, options=WCAG)
    assert [v["id"] for v in results.response["violations"]] == []
