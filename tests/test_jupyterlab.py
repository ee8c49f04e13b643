"""A lesson's quiz live in a real JupyterLab: run the notebook, answer with the keyboard, see the grading."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from conftest import CONTENT, ROOT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """JupyterLab serving a copy of the review notebook (autosave never touches the repository)."""
    folder, settings = tmp_path_factory.mktemp("lab"), tmp_path_factory.mktemp("lab-settings")
    shutil.copy(ROOT / "notebooks" / "05-review.ipynb", folder)
    port = _free_port()
    env = {**os.environ, "COURSEKIT_CONTENT": str(CONTENT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={folder}",
         # A fresh workspace and settings: nothing restored from earlier sessions on this machine.
         f"--LabApp.workspaces_dir={settings}", f"--LabApp.user_settings_dir={settings}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url + "api", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start within 90 s")
            time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.browser
def test_the_review_quiz_runs_live_and_grades_keyboard_answers(page: Page, lab_url: str) -> None:
    page.goto(lab_url + "lab/tree/05-review.ipynb?reset")
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=60_000)
    # Run All is ignored while the kernel is still starting: wait until it reports idle.
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    question = page.locator(".widget-vbox:has(> .widget-html:has-text('Pain in the legs on walking'))").last
    expect(question.locator(".widget-radio-box")).to_be_visible(timeout=60_000)
    question.locator(".widget-radio-box input").first.focus()
    page.keyboard.press("Space")
    question.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")

    expect(question).to_contain_text("Correct.")
    expect(question).to_contain_text("Right: Neurogenic claudication from spinal stenosis")
    expect(page.locator(".widget-html", has_text="Score:")).to_have_text("Score: 1 of 16 (1 checked).")
