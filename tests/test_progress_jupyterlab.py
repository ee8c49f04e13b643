"""`coursekit.progress()` in a real JupyterLab: the book's dashboard, fed by a live quiz, reviewing through Python."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from test_jupyterlab import lab_url  # noqa: F401 (the fixture: JupyterLab on a folder of its own)
from test_progress_browser import answer

NOTEBOOK = {
    "cells": [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": 'import coursekit\ncoursekit.quiz("causes")'},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": "coursekit.progress()"},
        # A second copy of the quiz on the page (as class and instructor modes may share a notebook).
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": 'coursekit.quiz("causes")'},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}

# Jupyter's contents API wants the page's XSRF token with a PUT.
SAVE_NOTEBOOK = """async (body) => {
    const token = document.cookie.match(/_xsrf=([^;]+)/)[1];
    const headers = {"Content-Type": "application/json", "X-XSRFToken": decodeURIComponent(token)};
    return (await fetch("/api/contents/progress.ipynb", {method: "PUT", headers, body})).status;
}"""


@pytest.mark.browser
def test_my_progress_in_jupyterlab_is_the_books_dashboard(page: Page, lab_url: str) -> None:  # noqa: F811
    page.goto(lab_url + "lab?reset")
    status = page.evaluate(SAVE_NOTEBOOK, json.dumps({"type": "notebook", "content": NOTEBOOK}))
    assert status == 201, f"saving the notebook through JupyterLab's contents API answered {status}"
    page.goto(lab_url + "lab/tree/progress.ipynb?reset")
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    copies = page.locator('section[data-quiz-id="causes"] fieldset[data-question-id="atherosclerosis-is"]')
    expect(copies).to_have_count(2, timeout=60_000)
    missed, copy = copies.first, copies.last
    expect(copy).to_be_visible(timeout=60_000)
    # Each copy has ids and radio groups of its own: a label ticks its own copy's input only.
    assert page.evaluate("(() => { const ids = [...document.querySelectorAll('.coursekit-quiz [id]')].map(n => n.id);"
                         " return ids.length - new Set(ids).size; })()") == 0
    copy.get_by_label("A blood clot in a deep vein of the leg.").check()
    expect(missed.get_by_label("A blood clot in a deep vein of the leg.")).not_to_be_checked()
    answer(missed, right=False, sure=True)
    expect(missed.locator(".coursekit-feedback")).to_contain_text("Not right yet.", timeout=30_000)

    dashboard = page.locator(".coursekit-progress")
    expect(dashboard.locator(".coursekit-card")).to_have_count(5, timeout=30_000)
    expect(dashboard.locator('.coursekit-card[data-lesson="causes"]')).to_contain_text("1 of 12 answered")
    expect(dashboard.locator(".coursekit-due li")).to_have_count(1)
    expect(dashboard.locator(".coursekit-wrong-sure-count")).to_have_text("Answers you were sure of but got wrong: 1.")
    dashboard.get_by_role("button", name="Review now").click()
    again = dashboard.locator('section[data-quiz-id="spaced-review"] fieldset[data-question-id="atherosclerosis-is"]')
    answer(again, right=True)
    expect(again.locator(".coursekit-feedback")).to_contain_text("Correct.", timeout=30_000)
    expect(dashboard.locator(".coursekit-due-summary")).to_contain_text("Nothing is due for review now.")
