"""A lesson notebook travels: downloaded from the built book into an empty folder, it runs the first time in a
student's own JupyterLab (a fresh environment with JupyterLab and ipywidgets, but not the course), installing
the course from the book's address, which `_config.yml` sets once and the build writes into the served copy.

Also: the wheel the book serves holds the whole course, and a build with a real address writes that address.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from playwright.sync_api import Page, expect
from ruamel.yaml import YAML
from uv import find_uv_bin

from conftest import BUILD, ROOT, jupyterlab, serve_folder, write_one_lesson_book
from coursekit.book.book_address import ADDRESS_SLOT, HINT, warn_about_a_placeholder
from coursekit.quizzes.fresh_install import NOTE

LESSON = "notebooks/01-causes.ipynb"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
WHEEL = f"coursekit-{VERSION}-py3-none-any.whl"
BOOK_URL = YAML(typ="safe").load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"]
LESSONS = sorted(ROOT.glob("notebooks/0*.ipynb"))
QUIZ = ".jp-OutputArea-output .coursekit-quiz:not([data-pretest]):not([data-recap])"  # the lesson's quiz
LONG = 300_000  # ms: the first run pip-installs the course and its dependencies


def _pin(name: str) -> str:
    """`name==version` as pinned in requirements.txt."""
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{name.lower()}=="):
            return line.strip()
    raise AssertionError(f"{name} is not pinned in requirements.txt")


def _first_code_cell(path: Path) -> str:
    return next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def _install_code(source: str) -> str:
    return source[: source.index("    if new_widgets:")]


def test_every_lesson_installs_the_course_the_same_way_from_the_address_the_build_writes():
    firsts = [_first_code_cell(path) for path in LESSONS]
    assert all(first.startswith("try:\n    import coursekit\nexcept ModuleNotFoundError:") for first in firsts)
    assert len({_install_code(first) for first in firsts}) == 1, "the lessons' install cells differ"
    assert f'"{ADDRESS_SLOT}"' in firsts[0] and f"/{WHEEL}" in firsts[0]
    assert BOOK_URL not in firsts[0], "the address belongs in _config.yml only"
    for path in LESSONS:
        served = _first_code_cell(BUILD / "_sources" / "notebooks" / path.name)
        assert f'os.environ.get("COURSEKIT_BOOK_URL") or "{BOOK_URL}"' in served, path.name


def test_a_placeholder_address_is_named_in_one_line(capsys):
    placeholder = "https://example.org/poor-circulation-and-back-pain/"
    warn_about_a_placeholder(None, SimpleNamespace(html_baseurl=placeholder))
    out = capsys.readouterr().out
    assert out == HINT.format(address=f"still the placeholder {placeholder}") + "\n"
    assert "https://<owner>.github.io/<repo>/" in out
    warn_about_a_placeholder(None, SimpleNamespace(html_baseurl="https://a-teacher.github.io/circulation/"))
    assert capsys.readouterr().out == ""


BOOK_CONFIG = """\
title: A fork
only_build_toc_files: true
execute:
  execute_notebooks: "off"
html:
  baseurl: {address}
sphinx:
  extra_extensions: [coursekit.book.book_address]
"""


def test_a_fork_with_its_github_pages_address_serves_lessons_that_install_from_it(tmp_path):
    address = "https://a-teacher.github.io/circulation-course/"
    write_one_lesson_book(tmp_path, BOOK_CONFIG.format(address=address))
    lesson = tmp_path / "notebooks" / "lesson.ipynb"
    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells[1].source = _first_code_cell(ROOT / LESSON)
    nbformat.write(notebook, lesson)
    done = subprocess.run([sys.executable, "-m", "coursekit.publish.build"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert "html.baseurl" not in done.stdout, done.stdout
    served = _first_code_cell(tmp_path / "_build" / "html" / "_sources" / "notebooks" / "lesson.ipynb")
    assert f'os.environ.get("COURSEKIT_BOOK_URL") or "{address}"' in served
    assert ADDRESS_SLOT in lesson.read_text(encoding="utf-8"), "the build changed the repository's notebook"


def test_the_book_serves_a_wheel_with_the_engine_the_content_and_the_lesson_helpers():
    wheel = BUILD / WHEEL
    assert wheel.is_file(), f"the built book has no {WHEEL}: run `make book`"
    archive = zipfile.ZipFile(wheel)
    engine, content = ROOT / "src" / "coursekit", ROOT / "content"
    expected = {f"coursekit/{p.relative_to(engine).as_posix()}" for p in engine.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.name != "README.md"}  # notes for maintainers
    # Not the instructors' notes (coursekit.publish.learner_wheel leaves them out).
    expected |= {f"coursekit/content/{p.relative_to(content).as_posix()}" for p in content.rglob("*")
                 if p.is_file() and p.name != "instructor.yml"}
    expected |= {p.name for p in (ROOT / "notebooks").glob("*.py")}
    assert expected <= set(archive.namelist()), sorted(expected - set(archive.namelist()))
    metadata = archive.read(f"coursekit-{VERSION}.dist-info/METADATA").decode()
    requires = {line.split()[1].lower() for line in metadata.splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line}
    # What a lesson needs at run time: pure-Python packages and pydantic (browser wheels exist for all of them).
    assert requires == {"pydantic", "ruamel.yaml", "markdown-it-py", "ipywidgets", "anywidget"}


def _students_jupyterlab(tmp_path: Path) -> tuple[Path, dict]:
    """A fresh environment (Python's own, with its pip) with JupyterLab and ipywidgets only (no anywidget, no
    course); its python and env."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "COURSEKIT_CONTENT", "COURSEKIT_BOOK_URL"}
           and not key.startswith("JUPYTER")}
    env |= {"PYTHONNOUSERSITE": "1", "HOME": str(tmp_path / "home"),
            "PATH": f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
    python = env_dir / "bin" / "python"
    pins = [_pin(name) for name in ("jupyterlab", "ipykernel", "ipywidgets", "jupyterlab_widgets")]
    # The student's JupyterLab comes from the registry through uv (seconds with its cache); the course then
    # installs itself with the environment's own pip, as on a student's machine.
    subprocess.run([find_uv_bin(), "pip", "install", "--quiet", "--python", python, *pins], check=True, env=env)
    return python, env


def _run_all(page: Page) -> None:
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")


def _outputs(page: Page, cell: int):
    return page.locator(".jp-Notebook .jp-CodeCell").nth(cell).locator(".jp-OutputArea-output")


@pytest.mark.browser
def test_a_downloaded_lesson_runs_the_first_time_in_a_students_jupyterlab(page: Page, tmp_path: Path) -> None:
    downloaded = BUILD / "_sources" / LESSON
    assert downloaded.is_file(), f"the book's download button has no {downloaded}"
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / Path(LESSON).name).write_bytes(downloaded.read_bytes())
    python, env = _students_jupyterlab(tmp_path)
    book, book_url = serve_folder(BUILD)
    unreachable = "http://127.0.0.1:9/"  # the discard port: nothing listens
    try:
        (tmp_path / "settings").mkdir()
        lab_env = env | {"COURSEKIT_BOOK_URL": unreachable}
        with jupyterlab(folder, tmp_path / "settings", python=python, env=lab_env) as lab:
            page.goto(lab + "lab/tree/01-causes.ipynb")
            # 1. No book reachable: one line naming the address and how to set COURSEKIT_BOOK_URL; nothing else ran.
            _run_all(page)
            failed = _outputs(page, 0)
            expect(failed).to_have_count(1, timeout=LONG)
            expect(failed).to_contain_text(f"Could not download the course from {unreachable}{WHEEL}")
            expect(failed).to_contain_text("%env COURSEKIT_BOOK_URL=")
            assert failed.inner_text().strip().count("\n") == 0, failed.inner_text()
            outputs = page.locator(".jp-OutputArea-output")
            noise = re.compile("Traceback|restart the kernel|ModuleNotFoundError")
            expect(outputs.filter(has_text=noise)).to_have_count(0)
            # The error is the only stderr output (JupyterLab shows an error as stderr): no other cell ran.
            expect(page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(1)

            # 2. The student does what it says, in a new cell above, then runs all again: the course installs,
            # the cell says in one line to reload, and every quiz shows as readable text, never a JS error.
            page.locator(".jp-Notebook .jp-CodeCell").first.click()
            page.keyboard.press("Escape")
            page.keyboard.press("a")
            page.keyboard.press("Enter")
            page.keyboard.type(f"%env COURSEKIT_BOOK_URL={book_url}")
            page.keyboard.press("Escape")
            _run_all(page)
            # (The cell's other output is the course's style sheet for the notebook: a <style>, nothing to read.)
            said = _outputs(page, 1).and_(page.locator("[data-mime-type='application/vnd.jupyter.stdout']"))
            expect(said).to_have_text(NOTE, timeout=LONG)
            quizzes = page.locator(".jp-OutputArea-output .coursekit-quiz")
            expect(page.locator(".jp-InputArea-prompt", has_text="*")).to_have_count(0, timeout=LONG)
            expect(quizzes.first).to_be_visible()
            quiz = page.locator(QUIZ)
            expect(quiz).to_contain_text("What is atherosclerosis?")
            expect(page.locator(".coursekit-live")).to_have_count(0)
            expect(page.get_by_text(re.compile("javascript error|Failed to load model", re.I))).to_have_count(0)
            expect(outputs.filter(has_text=re.compile(r"Traceback|\w+Error:"))).to_have_count(0)

            # 3. Reloaded, Run All again (the same kernel): the quizzes are live and Python grades an answer.
            page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
            page.reload()
            _run_all(page)
            live = page.locator(f"{QUIZ}.coursekit-live")
            expect(live).to_be_visible(timeout=LONG)
            first = live.locator('fieldset[data-question-id="atherosclerosis-is"]')
            first.locator('input[value="0"]').check()
            first.get_by_role("button", name="Check").click()
            expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
            expect(page.get_by_text(re.compile("javascript error|Failed to load model", re.I))).to_have_count(0)
    finally:
        book.shutdown()
        book.server_close()
    installed = subprocess.run([python, "-c", "import coursekit, json; print(json.dumps(coursekit.__file__))"],
                               env=env, capture_output=True, text=True, check=True)
    assert str(tmp_path / "venv") in json.loads(installed.stdout), "the course did not come from the book's wheel"
