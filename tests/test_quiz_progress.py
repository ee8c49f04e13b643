"""Saved quiz progress in Chromium: several tabs, stale tabs, junk records, vanished questions, long quizzes."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from conftest import FIXTURES, serve_folder
from test_quiz_browser import check, feedback, question, reset_quiz, write_preview

PREFIX = "coursekit:circulation-and-back-pain:every-type:"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("progress")
    shutil.copy(FIXTURES / "banks" / "every_type.yml", folder / "every_type.yml")
    write_preview(folder / "every_type.yml", folder / "quiz.html")
    for size in (5, 500):
        bank = folder / f"long_{size}.yml"
        bank.write_text(long_bank(size), encoding="utf-8")
        write_preview(bank, folder / f"long_{size}.html")
    server, url = serve_folder(folder)
    yield url
    server.shutdown()
    server.server_close()


def long_bank(size: int) -> str:
    questions = [
        {"id": f"q{n}", "type": "single", "prompt": f"Question number {n}?",
         "options": [{"text": "Yes", "correct": True}, {"text": "No"}]}
        for n in range(size)
    ]
    return json.dumps({"id": f"long-{size}", "title": f"{size} questions", "questions": questions})


def saved(page: Page, question_id: str):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", PREFIX + question_id)


@pytest.mark.browser
def test_another_tabs_answers_appear_without_a_reload(context: BrowserContext, site: str) -> None:
    first, second = context.new_page(), context.new_page()
    first.goto(site + "quiz.html")
    second.goto(site + "quiz.html")
    question(first, "pick-one").get_by_label("Carrying blood back to the heart").check()
    check(first, "pick-one")
    expect(question(second, "pick-one").get_by_label("Carrying blood back to the heart")).to_be_checked()
    expect(feedback(second, "pick-one")).to_contain_text("Correct.")
    expect(second.locator(".coursekit-score")).to_have_text("Score: 1 of 7 (1 checked).")
    reset_quiz(second)
    expect(feedback(first, "pick-one")).to_be_empty()
    expect(first.locator(".coursekit-score")).to_have_text("Score: 0 of 7 (0 checked).")


@pytest.mark.browser
def test_a_stale_tab_never_overwrites_a_newer_answer(page: Page, site: str) -> None:
    page.goto(site + "quiz.html")
    question(page, "pick-one").get_by_label("Carrying blood back to the heart").check()
    check(page, "pick-one")
    # Another window saves a newer answer while this page heard nothing of it (say, it was asleep).
    newer = {**saved(page, "pick-one"), "response": 1, "tries": 2, "wrong": 1}
    newer["rev"] += 1
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [PREFIX + "pick-one", newer])
    question(page, "pick-one").get_by_label("Making blood cells").check()
    check(page, "pick-one")
    assert saved(page, "pick-one") == newer
    expect(question(page, "pick-one").get_by_label("Carrying air to the lungs")).to_be_checked()
    expect(feedback(page, "pick-one")).to_contain_text("changed in another tab or window")
    expect(feedback(page, "pick-one")).to_contain_text("Not right yet.")
    # Now this page knows the newer answer, and the learner's next Check is saved.
    question(page, "pick-one").get_by_label("Making blood cells").check()
    check(page, "pick-one")
    assert saved(page, "pick-one")["response"] == 2
    expect(feedback(page, "pick-one")).not_to_contain_text("another tab")


@pytest.mark.browser
def test_malformed_records_are_ignored_and_never_counted(page: Page, site: str) -> None:
    page.goto(site + "quiz.html")
    hashes = dict(page.eval_on_selector_all("fieldset", "all => all.map(f => [f.dataset.questionId, f.dataset.hash])"))
    good = {"tries": 1, "wrong": 0, "checked": True, "rev": 1}
    junk = {
        "pick-one": {**good, "hash": hashes["pick-one"], "response": 7},
        "pick-several": {**good, "hash": hashes["pick-several"], "response": ["0", "1", "2"]},
        "true-or-false": {**good, "hash": hashes["true-or-false"], "response": "true"},
        "how-many": {**good, "hash": hashes["how-many"], "response": 150},
        "in-a-range": {**good, "hash": hashes["in-a-range"], "response": "2", "tries": "1"},
        "match-them": {**good, "hash": hashes["match-them"], "response": [0, 1]},
        "type-it": {**good, "hash": hashes["type-it"], "response": "heart", "checked": "yes"},
    }
    page.evaluate(
        "([prefix, junk]) => { for (const k in junk) localStorage.setItem(prefix + k, JSON.stringify(junk[k])); }",
        [PREFIX, junk],
    )
    page.reload()
    expect(page.locator(".coursekit-score")).to_have_text("Score: 0 of 7 (0 checked).")
    expect(page.locator(".coursekit-feedback:not(:empty)")).to_have_count(0)
    expect(page.locator(".coursekit-quiz input:checked")).to_have_count(0)
    assert [saved(page, question_id) for question_id in junk] == [None] * len(junk)


@pytest.mark.browser
def test_records_of_questions_that_no_longer_exist_are_removed(page: Page, site: str) -> None:
    page.goto(site + "quiz.html")
    other_quiz = "coursekit:circulation-and-back-pain:every-type-2:gone"
    page.evaluate("([a, b]) => { localStorage.setItem(a, '{}'); localStorage.setItem(b, '{}'); }",
                  [PREFIX + "gone", other_quiz])
    page.reload()
    expect(page.locator(".coursekit-score")).to_be_visible()
    assert page.evaluate("key => localStorage.getItem(key)", PREFIX + "gone") is None
    assert page.evaluate("key => localStorage.getItem(key)", other_quiz) == "{}"


COUNT_WORK = """
window.work = {queries: 0, storage: 0, mutations: 0, iterations: 0};
for (const name of ["forEach", "map", "filter", "some", "every", "reduce", "indexOf", "sort"]) {
  const original = Array.prototype[name];
  Array.prototype[name] = function (...args) {
    window.work.iterations += this.length;
    return original.apply(this, args);
  };
}
for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  for (const name of ["querySelector", "querySelectorAll", "getElementsByTagName", "getElementsByClassName"]) {
    const original = proto[name];
    proto[name] = function (...args) { window.work.queries += 1; return original.apply(this, args); };
  }
}
for (const name of ["getItem", "setItem", "removeItem", "key"]) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (...args) { window.work.storage += 1; return original.apply(this, args); };
}
"""

CLICK_AND_COUNT = """
button => {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  for (const k in window.work) window.work[k] = 0;
  button.click();
  window.work.mutations = observer.takeRecords().length;
  observer.disconnect();
  return {...window.work};
}
"""


def work_of_one_check(page: Page, url: str) -> dict:
    page.goto(url)
    box = page.locator("fieldset.coursekit-question").nth(3)
    box.get_by_label("Yes").check()
    return box.get_by_role("button", name="Check").evaluate(CLICK_AND_COUNT)


@pytest.mark.browser
def test_checking_one_question_does_the_same_work_in_a_quiz_of_any_length(page: Page, site: str) -> None:
    page.add_init_script(COUNT_WORK)
    short = work_of_one_check(page, site + "long_5.html")
    long = work_of_one_check(page, site + "long_500.html")
    assert short["mutations"] > 0 and short["storage"] > 0
    assert long == short
    expect(page.locator(".coursekit-score")).to_have_text("Score: 1 of 500 (1 checked).")
