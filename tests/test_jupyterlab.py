"""Lesson 1's quiz live in a real JupyterLab, used with the keyboard as a learner would.

One JupyterLab serves a copy of the lesson for the whole session (autosave never touches the repository).
"""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, jupyterlab

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
QUIZ = ".jp-OutputArea-output .coursekit-quiz:not([data-pretest]):not([data-recap])"  # the lesson's quiz
LONG = 120_000


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    folder, settings = tmp_path_factory.mktemp("lab"), tmp_path_factory.mktemp("lab-settings")
    shutil.copy(ROOT / "notebooks" / "01-causes.ipynb", folder)
    for helper in (ROOT / "notebooks").glob("*.py"):
        shutil.copy(helper, folder)
    with jupyterlab(folder, settings) as url:
        yield url


def run_all(page: Page) -> None:
    # Run All is ignored while the kernel is still starting: wait until it reports idle.
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    expect(page.locator(QUIZ + ".coursekit-live")).to_be_visible(timeout=LONG)


def question(page: Page, question_id: str):
    return page.locator(f'{QUIZ} fieldset[data-question-id="{question_id}"]')


def focused_in_quiz(page: Page) -> bool:
    return page.evaluate(f"!!document.activeElement.closest('{QUIZ}')")


def wcag_violations(page: Page) -> list:
    results = Axe().run(page, context={"include": [[QUIZ]]}, options=WCAG)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


@pytest.mark.browser
def test_lesson_1_quiz_live_with_the_keyboard_and_its_answers_survive_a_restart_and_a_reload(
    page: Page, lab_url: str
) -> None:
    page.goto(lab_url + "lab/tree/01-causes.ipynb?reset")
    # Before the cell runs, the saved output is readable and honest: no button, a line saying to run it.
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_visible(timeout=LONG)
    expect(page.locator(QUIZ + " button")).to_have_count(0)
    run_all(page)
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_hidden()
    cells = page.locator(".jp-Notebook .jp-Cell").count()

    first = question(page, "atherosclerosis-is")
    expect(first.locator("legend")).to_contain_text("What is atherosclerosis?")
    # The right option is bank option 0, shown wherever the question's shuffle puts it.
    right = first.locator('input[value="0"]')
    right.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(right).not_to_be_checked()
    expect(first.locator("input:checked")).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(right).to_be_checked()
    expect(right).to_be_focused()
    assert focused_in_quiz(page)
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells
    page.keyboard.press("Tab")
    # The optional "How sure are you?" buttons come before Check.
    expect(first.get_by_role("button", name="Sure", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(first.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(first.locator(".coursekit-feedback")).to_have_attribute("aria-live", "polite")
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(first.get_by_role("button", name="Check")).to_be_focused()

    typed = question(page, "half-width-flow").get_by_label("Your answer")
    typed.focus()
    page.keyboard.type("abc")
    page.keyboard.press("Enter")
    expect(question(page, "half-width-flow").locator(".coursekit-feedback")).to_contain_text("enter a number")
    page.keyboard.press("Control+a")
    page.keyboard.type("6.25")
    page.keyboard.press("Enter")
    expect(question(page, "half-width-flow").locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(typed).to_be_focused()

    statement = question(page, "small-narrowing-big-effect")
    statement.get_by_label("True").focus()
    page.keyboard.press("Space")
    statement.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Not right yet.")
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Hint:")
    page.keyboard.press("Tab")
    expect(statement.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Enter")
    expect(statement.get_by_label("True")).to_be_focused()
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 2 of 12 (2 checked).")
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells
    assert wcag_violations(page) == []

    # A kernel restart, then Run All: a new widget, the same answers, graded again by Python.
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    run_all(page)
    expect(right).to_be_checked()
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(typed).to_have_value("6.25")
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 2 of 12 (2 checked).")

    # A page reload, then Run All: the same answers again.
    page.reload()
    expect(page.locator(QUIZ).first).to_be_attached(timeout=LONG)
    run_all(page)
    expect(right).to_be_checked()
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 2 of 12 (2 checked).")
