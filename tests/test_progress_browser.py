"""A learner's month in the built book, on a fake clock: a pretest, lesson answers with confidence, the lesson
cards, "My progress", review of a missed question, a return a month later, and a move to a new browser by file.
Also: storage blocked, keyboard, axe in light and dark, and the phone layout."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from conftest import CONTENT
from coursekit.course import load_course

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LESSON = "notebooks/01-causes.html"
HOME = "book/index.html"
PROGRESS = "book/progress.html"
AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("storage is blocked", "SecurityError"); },
});
"""

pytestmark = pytest.mark.browser


def fieldset(page: Page, quiz: str, question: str):
    return page.locator(f'section[data-quiz-id="{quiz}"] fieldset[data-question-id="{question}"]')


def answer(box, right: bool, sure: bool | None = None) -> None:
    """Choose a right or a wrong option of a single-choice or true/false question, say how sure, and Check."""
    key = json.loads(box.get_attribute("data-key"))
    good = [str(i) for i, c in enumerate(key.get("correct", [])) if c] or [str(key.get("answer")).lower()]
    values = [r.get_attribute("value") for r in box.locator("input[type=radio]").all()]
    pick = good[0] if right else next(v for v in values if v not in good)
    box.locator(f'input[type=radio][value="{pick}"]').check()
    if sure is not None:
        box.get_by_role("button", name="Sure" if sure else "Unsure", exact=True).click()
    box.get_by_role("button", name="Check").click()


def card(page: Page, lesson: str):
    return page.locator(f'.coursekit-card[data-lesson="{lesson}"]')


def objective_of(page: Page, quiz: str, question: str) -> str:
    data = json.loads(page.locator("script.coursekit-course").first.text_content())
    rows = next(lesson["questions"] for lesson in data["lessons"] if lesson["quiz"] == quiz)
    return next(row[2] for row in rows if row[0] == question)


def violations(page: Page) -> list:
    results = Axe().run(page, context={"include": [["main"]]}, options=AXE)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


@pytest.fixture
def clocked(context: BrowserContext, page: Page, book_url: str) -> Page:
    page.clock.install(time=START)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda r: None if r.url.startswith((book_url, "blob:", "data:")) else page.errors.append(r.url))
    return page


def test_a_learner_s_month_answer_review_return_and_move_by_file(clocked: Page, book_url: str, browser, tmp_path):
    page = clocked
    # Day 1: the lesson opens with "What do you think?"; the answer is kept, not scored.
    page.goto(book_url + LESSON)
    pretest = page.locator("section[data-pretest]")
    expect(pretest).to_contain_text("What do you think?")
    expect(pretest.locator(".coursekit-score")).to_be_hidden()
    guess = fieldset(page, "pretest-causes", "most-back-pain")
    answer(guess, right=False)
    expect(guess.locator(".coursekit-feedback")).to_have_text("Your answer is saved. At the end of the lesson you "
                                                             "will see it beside what the lesson teaches.")
    expect(guess.locator(".coursekit-answer")).to_be_hidden()
    # The lesson's quiz: one wrong answer the learner was sure of, one right.
    missed = fieldset(page, "causes", "atherosclerosis-is")
    answer(missed, right=False, sure=True)
    expect(missed.locator(".coursekit-feedback")).to_contain_text("Not right yet.")
    known = fieldset(page, "causes", "stress-and-arteries")
    answer(known, right=True, sure=False)
    expect(known.locator(".coursekit-feedback")).to_contain_text("Correct.")
    # At the lesson's end the pretest answer stands beside the answer and why.
    page.reload()
    recap = page.locator('section[data-recap="pretest-causes"] fieldset[data-question-id="most-back-pain"]')
    expect(recap).to_contain_text("Your answer at the start, ticked above, was not right.")
    expect(recap.locator("input:checked")).to_have_count(1)
    expect(recap.locator(".coursekit-answer")).to_have_attribute("open", "")
    expect(page.locator('section[data-recap] fieldset[data-question-id="eased-by-standing-still"]')).to_contain_text(
        "You did not answer this one at the start.")

    # The course home: lesson 1 shows two questions answered (the pretest is not the lesson's quiz).
    page.goto(book_url + HOME)
    expect(page.locator(".coursekit-card")).to_have_count(5)
    expect(card(page, "causes").locator("progress")).to_have_js_property("value", 2)
    expect(card(page, "causes")).to_contain_text("2 of 12 answered")
    symptoms = len(load_course(CONTENT).bank("symptoms").questions)
    expect(card(page, "symptoms")).to_contain_text(f"0 of {symptoms} answered")
    page.get_by_role("link", name="My progress").first.click()

    # "My progress": the missed question is due at once, first, marked; objectives count right answers.
    expect(page.get_by_role("heading", name="My progress", level=1)).to_be_visible()
    due = page.locator(".coursekit-due li")
    expect(due).to_have_count(1)
    expect(due.first).to_contain_text("What is atherosclerosis?")
    expect(due.first).to_contain_text("You were sure, and it was wrong.")
    expect(page.locator(".coursekit-wrong-sure-count")).to_have_text("Answers you were sure of but got wrong: 1.")
    right_objective = page.locator(f'[data-objective="{objective_of(page, "causes", "stress-and-arteries")}"]')
    expect(right_objective.locator(".coursekit-count")).to_contain_text("1 of")
    missed_objective = page.locator(f'[data-objective="{objective_of(page, "causes", "atherosclerosis-is")}"]')
    expect(missed_objective.locator(".coursekit-count")).to_contain_text("0 of")
    # Review now, by keyboard: the due question, with the quiz's feedback and FAQ links.
    page.get_by_role("button", name="Review now").focus()
    page.keyboard.press("Enter")
    review = page.locator('section[data-quiz-id="spaced-review"]')
    expect(review.locator(".coursekit-title")).to_be_focused()
    expect(review.locator("fieldset")).to_have_count(1)
    answer(review.locator("fieldset").first, right=True, sure=True)
    expect(review.locator(".coursekit-feedback")).to_contain_text("Correct.")
    faq_link = review.locator(".coursekit-faq-links a").first
    expect(faq_link).to_have_attribute("href", re.compile(r"^\.\./notebooks/source-faq\.html#faq-"))
    expect(page.locator(".coursekit-due-summary")).to_contain_text("Nothing is due for review now. Next review:")
    expect(page.get_by_role("button", name="Review now")).to_be_disabled()
    assert violations(page) == []

    # Two days later both lesson questions are due (box 1: one day).
    page.clock.set_system_time(START + timedelta(days=2))
    page.reload()
    expect(page.locator(".coursekit-due li")).to_have_count(2)
    # A month later: one right (on to box 2, three days), one wrong (due again at once).
    page.clock.set_system_time(START + timedelta(days=32))
    page.reload()
    page.get_by_role("button", name="Review now").click()
    boxes = page.locator('section[data-quiz-id="spaced-review"] fieldset')
    expect(boxes).to_have_count(2)
    answer(page.locator('section[data-quiz-id="spaced-review"] [data-question-id="atherosclerosis-is"]'), right=True)
    answer(page.locator('section[data-quiz-id="spaced-review"] [data-question-id="stress-and-arteries"]'), right=False)
    expect(page.locator(".coursekit-due li")).to_have_count(1)
    expect(page.locator(".coursekit-due li").first).to_contain_text("How does acute stress raise blood pressure?")
    expect(page.locator(".coursekit-wrong-sure-count")).to_have_text("Answers you were sure of but got wrong: 0.")

    # Save my progress: a versioned JSON file of this course.
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["course"]) == ("coursekit-progress", 1, "circulation-and-back-pain")
    assert "coursekit:circulation-and-back-pain:causes:atherosclerosis-is" in data["answers"]
    assert data["review"]["causes/atherosclerosis-is"]["box"] == 2
    expect(page.locator(".coursekit-file-status")).to_contain_text("saved in the file")

    # Another browser: nothing yet; a foreign file changes nothing; the saved file brings everything back.
    other = browser.new_context()
    fresh = other.new_page()
    fresh.clock.install(time=START + timedelta(days=33))
    fresh.goto(book_url + PROGRESS)
    expect(card(fresh, "causes")).to_contain_text("0 of 12 answered")
    loader = fresh.get_by_label("Load progress")
    foreign = json.dumps({**data, "course": "another-course"}).encode()
    loader.set_input_files(files=[{"name": "other.json", "mimeType": "application/json", "buffer": foreign}])
    expect(fresh.locator(".coursekit-file-status")).to_have_text(
        "This file is not a progress file of this course, so nothing was changed.")
    expect(card(fresh, "causes")).to_contain_text("0 of 12 answered")
    loader.set_input_files(saved)
    expect(fresh.locator(".coursekit-file-status")).to_contain_text("Progress loaded:")
    expect(card(fresh, "causes")).to_contain_text("2 of 12 answered")
    expect(fresh.locator(".coursekit-due li")).to_have_count(1)
    fresh.goto(book_url + LESSON)
    expect(fieldset(fresh, "causes", "stress-and-arteries").locator(".coursekit-feedback")).to_contain_text("Correct.")
    other.close()
    assert page.errors == []


def test_with_storage_blocked_progress_lasts_this_visit_and_says_so(page: Page, book_url: str, tmp_path):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(book_url + PROGRESS)
    expect(page.locator(".coursekit-storage-note")).to_contain_text("for this visit only")
    saved = {
        "format": "coursekit-progress", "version": 1, "course": "circulation-and-back-pain", "saved": "2026-01-01",
        "answers": {}, "review": {},
    }
    page.get_by_label("Load progress").set_input_files(
        files=[{"name": "p.json", "mimeType": "application/json", "buffer": json.dumps(saved).encode()}])
    expect(page.locator(".coursekit-file-status")).to_have_text(
        "Progress loaded for this visit only (this browser keeps no data): 0 answers restored.")
    page.goto(book_url + LESSON)
    box = fieldset(page, "causes", "atherosclerosis-is")
    answer(box, right=True, sure=True)
    expect(box.locator(".coursekit-feedback")).to_contain_text("Correct.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_page_with_a_review_open_has_no_axe_violations(browser, book_url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(f"localStorage.setItem('mode', '{scheme}'); localStorage.setItem('theme', '{scheme}');")
    page = context.new_page()
    page.goto(book_url + LESSON)
    answer(fieldset(page, "causes", "atherosclerosis-is"), right=False, sure=True)
    page.goto(book_url + PROGRESS)
    page.get_by_role("button", name="Review now").click()
    expect(page.locator('section[data-quiz-id="spaced-review"] fieldset')).to_have_count(1)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("path", [HOME, PROGRESS, LESSON])
def test_the_phone_layout_fits_390_pixels(browser, book_url: str, path: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(book_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_confidently_wrong_answers_come_first_in_review(page: Page, book_url: str):
    page.goto(book_url + LESSON)
    answer(fieldset(page, "causes", "atherosclerosis-is"), right=False)
    answer(fieldset(page, "causes", "most-back-pain"), right=False, sure=False)
    answer(fieldset(page, "causes", "stress-and-arteries"), right=False, sure=True)
    page.goto(book_url + PROGRESS)
    expect(page.locator(".coursekit-due li")).to_have_count(3)
    expect(page.locator(".coursekit-due li").first).to_contain_text("How does acute stress raise blood pressure?")
    page.get_by_role("button", name="Review now").click()
    first = page.locator('section[data-quiz-id="spaced-review"] fieldset').first
    expect(first).to_have_attribute("data-question-id", "stress-and-arteries")
