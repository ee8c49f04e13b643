"""How long from opening lesson 1 to a usable live quiz, in JupyterLab and in Notebook 7, and where the seconds go.

Per front end: the page until the notebook shows (saved outputs drawn), the kernel until idle, Run All until
the lesson's quiz is live. In the kernel (nbclient, no browser): the start, and each code cell's run time,
slowest first. A measurement, not a test: run `.venv/bin/python bench/live_quiz.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, copy_lessons, jupyterlab  # noqa: E402 (the tests' helpers)

LESSON = "01-causes.ipynb"
QUIZ = ".jp-OutputArea-output .coursekit-quiz:not([data-pretest]):not([data-recap])"
PAGES = {"lab": f"lab/tree/{LESSON}?reset", "notebook7": f"notebooks/{LESSON}"}
KERNEL_IDLE = "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
LONG = 180_000


def front_end_times(front_end: str, browser) -> dict[str, float]:
    """Seconds from opening the lesson: notebook shown, kernel idle, quiz live after Run All."""
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as settings:
        copy_lessons(Path(folder))
        with jupyterlab(Path(folder), Path(settings), front_end=front_end) as url:
            page = browser.new_page()
            start = time.monotonic()
            page.goto(url + PAGES[front_end])
            page.locator(QUIZ).first.wait_for(state="attached", timeout=LONG)
            shown = time.monotonic() - start
            page.wait_for_function(KERNEL_IDLE, timeout=LONG)
            idle = time.monotonic() - start
            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
            page.locator(QUIZ + ".coursekit-live").wait_for(timeout=LONG)
            live = time.monotonic() - start
            page.close()
    return {"notebook shown": shown, "kernel idle": idle, "quiz live": live}


def kernel_times() -> tuple[float, list[tuple[float, str]]]:
    """The kernel's start, and each code cell's run time with its first line, slowest first."""
    with tempfile.TemporaryDirectory() as folder:
        copy_lessons(Path(folder))
        notebook = nbformat.read(Path(folder) / LESSON, as_version=4)
        client = NotebookClient(notebook, resources={"metadata": {"path": folder}}, record_timing=True)
        start = time.monotonic()
        with client.setup_kernel():
            started = time.monotonic() - start
            cells = []
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code":
                    continue
                before = time.monotonic()
                client.execute_cell(cell, index)
                cells.append((time.monotonic() - before, cell.source.splitlines()[0]))
    return started, sorted(cells, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per front end (default 1)")
    runs = parser.parse_args().runs
    started, cells = kernel_times()
    print(f"kernel start (nbclient): {started:.2f} s; lesson 1 cells: {sum(t for t, _ in cells):.2f} s in all")
    for seconds, line in cells[:6]:
        print(f"  {seconds:6.2f} s  {line}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for front_end in PAGES:
            for run in range(1, runs + 1):
                times = front_end_times(front_end, browser)
                print(f"{front_end} run {run}: " + ", ".join(f"{name} {t:.1f} s" for name, t in times.items()))
        browser.close()


if __name__ == "__main__":
    main()
