"""Loading a progress file in the built book is all or nothing: a file that does not fit changes nothing, a write
the browser's storage refuses puts back what was there, and no review date shows as "Invalid Date"."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

PROGRESS = "book/progress.html"
LESSON = "notebooks/01-causes.html"
COURSE = "circulation-and-back-pain"
# Browser storage with a small quota: a write that would take it over `limit` characters is refused, as a full
# localStorage refuses it (QuotaExceededError).
SMALL_QUOTA = """
(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let used = 0;
    for (let i = 0; i < this.length; i += 1) {
      const other = this.key(i);
      if (other !== key) used += other.length + this.getItem(other).length;
    }
    if (used + key.length + String(value).length > 4000) {
      throw new DOMException("the quota has been exceeded", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();
"""

pytestmark = pytest.mark.browser


def course_questions(page: Page) -> list[tuple[str, str, str]]:
    """(quiz, question id, hash) of every question of the course, from the progress page's data."""
    data = json.loads(page.locator("script.coursekit-course").first.text_content())
    return [(lesson["quiz"], row[0], row[1]) for lesson in data["lessons"] for row in lesson["questions"]]


def progress_file(questions, at: int = 1_767_225_600_000, **changes) -> bytes:
    answers = {
        f"coursekit:{COURSE}:{quiz}:{qid}": {"hash": digest, "response": 0, "tries": 1, "wrong": 0, "checked": True}
        for quiz, qid, digest in questions
    }
    review = {
        f"{quiz}/{qid}": {"hash": digest, "box": 1, "at": at, "correct": True, "sure": None}
        for quiz, qid, digest in questions
    }
    data = {"format": "coursekit-progress", "version": 1, "course": COURSE, "saved": "2026-01-01T00:00:00.000Z",
            "answers": answers, "review": review, **changes}
    return json.dumps(data).encode()


def stored(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def load(page: Page, content: bytes):
    page.get_by_label("Load progress").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content}])
    return page.locator(".coursekit-file-status")


def answer_first_two(page: Page, book_url: str) -> None:
    page.goto(book_url + LESSON)
    for box in page.locator('section[data-quiz-id="causes"] fieldset:has(input[type=radio])').all()[:2]:
        box.locator("input[type=radio]").first.check()
        box.get_by_role("button", name="Check").click()


def test_a_file_that_storage_cannot_hold_or_that_does_not_fit_changes_nothing(page: Page, book_url: str):
    page.add_init_script(SMALL_QUOTA)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    answer_first_two(page, book_url)
    page.goto(book_url + PROGRESS)
    causes = page.locator('.coursekit-card[data-lesson="causes"]')
    expect(causes).to_contain_text("2 of 12 answered")
    before = stored(page)
    questions = course_questions(page)

    # Every question of the course: more than the quota holds. Nothing is lost, and the page says so.
    status = load(page, progress_file(questions))
    expect(status).to_have_text("This browser could not keep the file's progress (its storage is full or refused "
                                "it), so nothing was changed.")
    assert stored(page) == before
    expect(causes).to_contain_text("2 of 12 answered")

    # Files that do not fit, each refused before anything is written.
    unknown = [("causes", "no-such-question", "abc")]
    for content in (
        progress_file(unknown),
        progress_file(questions[:1], at=-86_400_000),
        progress_file(questions[:1], at=10**20),
        progress_file(questions[:1], course="another-course"),
        progress_file(questions[:1], saved="not a date"),
        b"{" * 50,
    ):
        expect(load(page, content)).to_have_text(
            "This file is not a progress file of this course, so nothing was changed.")
        assert stored(page) == before
    expect(load(page, b" " * 1_000_001)).to_have_text(
        "This file is too large to be a progress file of this course, so nothing was changed.")
    assert stored(page) == before

    # A file that fits replaces the course's records at once, and survives a reload.
    expect(load(page, progress_file(questions[:3]))).to_have_text("Progress loaded: 3 answers restored.")
    page.reload()
    expect(causes).to_contain_text("3 of 12 answered")
    assert sum(key.startswith(f"coursekit:{COURSE}:") for key in stored(page)) == 3
    assert errors == []


@pytest.mark.parametrize("at", [-1, 2**53, 8.64e15, 253_402_214_400_000 - 1], ids=["negative", "huge", "last-js-date",
                                                                                     "year-9999"])
def test_no_review_date_shows_invalid_date(page: Page, book_url: str, at):
    page.goto(book_url + PROGRESS)
    quiz, qid, digest = course_questions(page)[0]
    entry = {"hash": digest, "box": 3, "at": at, "correct": True, "sure": None}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"coursekit-review:{COURSE}:{quiz}/{qid}", json.dumps(entry)])
    page.reload()
    summary = page.locator(".coursekit-due-summary")
    expect(summary).to_contain_text("Nothing is due")
    assert "Invalid" not in page.locator(".coursekit-progress").first.inner_text()
