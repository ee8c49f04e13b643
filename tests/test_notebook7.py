"""Lesson 1 in a real Jupyter Notebook 7, used with the keyboard: the saved outputs before Run All, keys
that stay in the quiz and the slider, Escape back to the notebook, the dark theme, a kernel restart.

One Notebook 7 server serves a copy of the lesson for this module (autosave never touches the repository).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import copy_lessons, jupyterlab
from test_jupyterlab import (
    KERNEL_IDLE,
    LONG,
    QUIZ,
    arrow_keys_stay_in_the_group,
    dark_theme_contrasts,
    question,
    terms_and_citations_read_well,
    wcag_violations,
)

SLIDER = "Narrowing of the vessel (%)"


@pytest.fixture(scope="module")
def notebook7_url(tmp_path_factory):
    folder, settings = tmp_path_factory.mktemp("nb7"), tmp_path_factory.mktemp("nb7-settings")
    copy_lessons(folder, ("01-causes.ipynb",))
    with jupyterlab(folder, settings, front_end="notebook7") as url:
        yield url


def cells(page: Page) -> list[str]:
    """Each cell's type, in order: a key that added a cell or made one Markdown shows here."""
    return page.evaluate(
        "[...document.querySelectorAll('.jp-Notebook .jp-Cell')]"
        ".map(c => c.className.match(/jp-(Code|Markdown|Raw)Cell/)[1])"
    )


def run_all(page: Page) -> None:
    page.wait_for_function(KERNEL_IDLE, timeout=LONG)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    expect(page.locator(QUIZ + ".coursekit-live")).to_be_visible(timeout=LONG)


@pytest.mark.browser
def test_lesson_1_terms_and_citations_in_notebook_7(page: Page, notebook7_url: str) -> None:
    page.goto(notebook7_url + "notebooks/01-causes.ipynb")
    terms_and_citations_read_well(page)


@pytest.mark.browser
def test_lesson_1_in_notebook_7_keeps_its_keys_names_its_controls_and_survives_a_restart(
    page: Page, notebook7_url: str
) -> None:
    page.goto(notebook7_url + "notebooks/01-causes.ipynb")
    # Before Run All: the saved output, sanitized by the notebook (ids renamed), still names every control.
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_visible(timeout=LONG)
    assert wcag_violations(page, ".jp-OutputArea-output .coursekit-quiz") == []
    run_all(page)
    before = cells(page)

    first = question(page, "atherosclerosis-is")
    right = arrow_keys_stay_in_the_group(page, first)
    for key in ("a", "b", "m", "Shift+Enter", "d", "d"):
        page.keyboard.press(key)
    expect(right).to_be_focused()
    assert cells(page) == before
    first.get_by_role("button", name="Check").click()
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")

    # The lesson's slider: named, moved with the arrow keys, and its keys stay in it too.
    slider = page.get_by_role("slider", name=SLIDER)
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    for key in ("a", "m"):
        page.keyboard.press(key)
    expect(slider).to_have_value("10")
    expect(page.get_by_text("10% narrower: 65.6% of the normal flow gets through.")).to_be_visible()
    assert cells(page) == before

    # Escape leaves the quiz for its cell: the notebook's shortcuts work again (`b` adds a cell below).
    first.locator("input").first.focus()
    page.keyboard.press("Escape")
    assert page.evaluate(f"!document.activeElement.closest('{QUIZ}') && !!document.activeElement.closest('.jp-Cell')")
    page.keyboard.press("b")
    expect(page.locator(".jp-Notebook .jp-Cell")).to_have_count(len(before) + 1)

    # Notebook 7's dark theme: the quiz follows it, readable.
    page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
    expect(page.locator('body[data-jp-theme-light="false"]')).to_have_count(1, timeout=LONG)
    low = [c for c in dark_theme_contrasts(page, first) if c["ratio"] < c["needed"]]
    assert low == [], f"too little contrast in the dark theme: {low}"

    # A restarted kernel: Check still gives the page's verdict and says Python is not connected.
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    page.wait_for_function(KERNEL_IDLE, timeout=LONG)
    statement = question(page, "small-narrowing-big-effect")
    statement.get_by_label("False").check()
    statement.get_by_role("button", name="Check").click()
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Correct.", timeout=LONG)
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Python is not connected")
    # The next Run All reconnects: the answers are kept, and Python grades again.
    run_all(page)
    expect(statement.get_by_label("False")).to_be_checked()
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 2 of 12 (2 checked).")
    word = question(page, "ischaemia-word")
    word.get_by_label("Your answer").fill("ischemia")
    word.get_by_role("button", name="Check").click()
    expect(word.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(word.locator(".coursekit-feedback")).not_to_contain_text("not connected")

    # Saved, then reopened after its kernel is gone: the readable static quiz with its run-this-cell hint,
    # never a widget error (the saved outputs keep the static HTML, not the widget view).
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=LONG)
    saved = page.evaluate("async () => (await (await fetch('/api/contents/01-causes.ipynb')).json()).content")
    outputs = [output for cell in saved["cells"] for output in cell.get("outputs", [])]
    assert [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})] == []
    assert sum("coursekit-run-hint" in "".join(o.get("data", {}).get("text/html", "")) for o in outputs) >= 3
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    page.reload()
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_visible(timeout=LONG)
    page.wait_for_function(KERNEL_IDLE, timeout=LONG)
    expect(page.locator(".jp-OutputArea-output", has_text="Error displaying widget")).to_have_count(0)
    expect(page.locator(".coursekit-explorable caption")).to_be_visible()
    expect(question(page, "atherosclerosis-is").locator("legend")).to_contain_text("What is atherosclerosis?")
