"""The course in the browser: a learner answers a question in the book, opens lesson 1 from its "Run in your
browser" link and finds that answer there; runs the lesson in the book's own JupyterLite copy (Python in the browser,
every request outside the local server refused), answers a quiz question graded by Python, reloads and finds the
answer kept, and finds it on the book's "My progress" page. Also: what the build ships (every wheel in the kernel's
lock, with its bytecode, the course preloaded with its content parsed, no PyPI fallback)."""

from __future__ import annotations

import json
import zipfile

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from conftest import BUILD

LITE = BUILD / "lite"
LESSON = "notebooks/01-causes.html"
PROGRESS = "book/progress.html"
# Python in the browser: a cold start on 2 busy cores took over a minute.
KERNEL_MS = 240_000
# The kernel is ready: the notebook names it and shows it idle. (JupyterLab first shows "No Kernel" as idle; Run All
# clicked then throws "Session has no kernel" and runs nothing.)
KERNEL_READY = """() => /Pyodide/.test(document.querySelector('.jp-Toolbar-kernelName')?.textContent ?? '')
  && document.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'"""
# The quiz as the live widget draws it (the notebook's saved output is the static quiz, without these marks).
LIVE = 'section.coursekit-quiz.coursekit-live[data-quiz-id="causes"][data-coursekit-ready]'
QUESTION = f'{LIVE} fieldset[data-question-id="atherosclerosis-is"]'
# Answered in the book first: the in-browser notebook shows it too.
IN_BOOK = 'fieldset[data-question-id="small-narrowing-big-effect"]'

pytestmark = pytest.mark.browser


def _site() -> None:
    if not (LITE / "lab" / "index.html").is_file():
        pytest.fail(f"no in-browser copy in {LITE}: run `make book` first")


def test_the_site_ships_its_python_and_loads_nothing_from_elsewhere():
    _site()
    settings = json.loads((LITE / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = settings["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    lock = json.loads((LITE / "static/pyodide/pyodide-lock.json").read_text())["packages"]
    for name, package in lock.items():
        assert (LITE / "static/pyodide" / package["file_name"]).is_file(), name
        assert set(package["depends"]) <= set(lock), (name, package["depends"])
    assert "coursekit" in kernel["loadPyodideOptions"]["packages"]
    assert {"coursekit", "figures", "explorables"} <= set(lock["coursekit"]["imports"])
    assert {"nh3", "genanki"}.isdisjoint(lock)
    # Every module of every wheel (but jedi's and parso's, read only to complete code) has bytecode for the browser's
    # Python 3.14, hash-based and unchecked: imported without compiling, or even reading, its source.
    for name, package in lock.items():
        with zipfile.ZipFile(LITE / "static/pyodide" / package["file_name"]) as wheel:
            names = set(wheel.namelist())
            flags = {wheel.read(n)[4:8] for n in names if n.endswith(".cpython-314.pyc")}
        if name not in ("jedi", "parso"):
            assert {n for n in names if n.endswith(".py") and pyc(n) not in names} == set(), name
            assert flags == {(1).to_bytes(4, "little")}, name
    with zipfile.ZipFile(LITE / "static/pyodide" / lock["coursekit"]["file_name"]) as wheel:
        assert "coursekit/content/parsed.json" in wheel.namelist()
    shipped = sorted(path.name for path in (LITE / "files").glob("*.ipynb"))
    assert shipped == sorted(path.name for path in (BUILD.parent.parent / "notebooks").glob("*.ipynb"))


def pyc(module: str) -> str:
    """Where Python 3.14 looks for a module's bytecode (`a/b.py` -> `a/__pycache__/b.cpython-314.pyc`)."""
    folder, _, file = module.rpartition("/")
    return f"{folder}/__pycache__/{file[:-3]}.cpython-314.pyc".lstrip("/")


@pytest.fixture
def offline(context: BrowserContext, book_url: str) -> list[str]:
    """Every request that is not to the local server is aborted and listed."""
    refused: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith((book_url, "data:", "blob:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", route)
    return refused


def run_all(lab: Page):
    """Run every cell of the open notebook; return the live quiz once Python has drawn it."""
    lab.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=KERNEL_MS)
    lab.wait_for_function(KERNEL_READY, timeout=KERNEL_MS)
    lab.get_by_role("menuitem", name="Run").click()
    lab.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()
    live = lab.locator(f".jp-OutputArea-output {LIVE}")
    live.wait_for(state="attached", timeout=KERNEL_MS)
    live.scroll_into_view_if_needed()
    return live


def test_a_lesson_runs_in_the_browser_and_its_answer_joins_the_books_progress(
    context: BrowserContext, page: Page, book_url: str, offline: list[str]
):
    _site()
    page.goto(book_url + LESSON)
    answered = page.locator(f'section.coursekit-quiz[data-quiz-id="causes"] {IN_BOOK}')
    answered.get_by_label("False", exact=True).check()
    answered.get_by_role("button", name="Check").click()
    expect(answered.locator(".coursekit-feedback")).to_contain_text("two thirds")
    launch = page.get_by_role("link", name="Run in your browser")
    assert launch.get_attribute("href") == "../lite/lab/index.html?path=01-causes.ipynb"
    with context.expect_page() as opened:
        launch.click()
    lab = opened.value
    errors: list[str] = []
    lab.on("pageerror", lambda error: errors.append(str(error)))

    quiz = run_all(lab)
    question = lab.locator(f".jp-OutputArea-output {QUESTION}")
    expect(quiz).to_be_visible()
    expect(quiz.locator(IN_BOOK).get_by_label("False", exact=True)).to_be_checked()
    question.get_by_label("Fatty plaque building up inside artery walls and narrowing them.").check()
    question.get_by_role("button", name="Check").click()
    # The verdict comes from Python: the live quiz sends the answer to the kernel and shows what it returns.
    expect(question.locator(".coursekit-feedback")).to_contain_text("Plaque narrows the artery", timeout=60_000)
    assert [cell for cell in lab.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
            if "Error" in cell] == []

    lab.reload()
    run_all(lab)
    kept = lab.locator(f".jp-OutputArea-output {QUESTION}")
    expect(kept.get_by_label("Fatty plaque building up inside artery walls and narrowing them.")).to_be_checked()
    expect(kept.locator(".coursekit-feedback")).to_contain_text("Plaque narrows the artery")

    page.goto(book_url + PROGRESS)
    # Both answers: the one given in the book and the one given in the browser notebook.
    expect(page.locator('.coursekit-card[data-lesson="causes"]')).to_contain_text("2 of ")
    assert offline == [] and errors == []
