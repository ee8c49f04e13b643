"""A lesson notebook travels: downloaded from the built book into an empty folder, it runs top to bottom
in a bare Python environment (only nbclient and ipykernel), installing the course from the book itself.

Also: the wheel the book serves holds the whole course, and every lesson installs from the book's address.
"""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest
from ruamel.yaml import YAML

from conftest import BUILD, ROOT, serve_folder

LESSON = "notebooks/01-causes.ipynb"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
WHEEL = f"coursekit-{VERSION}-py3-none-any.whl"
BOOK_URL = YAML(typ="safe").load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"]
LESSONS = sorted(ROOT.glob("notebooks/0*.ipynb"))

RUN_NOTEBOOK = """
import sys, nbformat
from nbclient import NotebookClient
notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(notebook, sys.argv[3])
"""


def _pin(name: str) -> str:
    """`name==version` as pinned in requirements.txt."""
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{name.lower()}=="):
            return line.strip()
    raise AssertionError(f"{name} is not pinned in requirements.txt")


def _first_code_cell(path: Path) -> str:
    return next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_each_lesson_installs_the_course_from_the_books_address_when_it_is_missing(path):
    first = _first_code_cell(path)
    assert first.startswith("try:\n    import coursekit\nexcept ModuleNotFoundError:"), first
    assert f'os.environ.get("COURSEKIT_BOOK_URL", "{BOOK_URL}")' in first, "html.baseurl and the notebook disagree"
    assert f'%pip install --quiet {{book.rstrip("/")}}/{WHEEL}' in first


def test_the_book_serves_a_wheel_with_the_engine_the_content_and_the_lesson_helpers():
    wheel = BUILD / WHEEL
    assert wheel.is_file(), f"the built book has no {WHEEL}: run `make book`"
    archive = zipfile.ZipFile(wheel)
    engine, content = ROOT / "src" / "coursekit", ROOT / "content"
    expected = {f"coursekit/{p.relative_to(engine).as_posix()}" for p in engine.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    expected |= {f"coursekit/content/{p.relative_to(content).as_posix()}" for p in content.rglob("*") if p.is_file()}
    expected |= {p.name for p in (ROOT / "notebooks").glob("*.py")}
    assert expected <= set(archive.namelist()), sorted(expected - set(archive.namelist()))
    metadata = archive.read(f"coursekit-{VERSION}.dist-info/METADATA").decode()
    requires = {line.split()[1].lower() for line in metadata.splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line}
    # What a lesson needs at run time: pure-Python packages and pydantic (browser wheels exist for all of them).
    assert requires == {"pydantic", "ruamel.yaml", "markdown-it-py", "ipywidgets", "anywidget"}


def test_downloaded_lesson_runs_in_a_bare_environment_and_shows_its_quiz(tmp_path):
    downloaded = BUILD / "_sources" / LESSON
    assert downloaded.is_file(), f"the book's download button has no {downloaded}"
    folder = tmp_path / "class"
    folder.mkdir()
    notebook = folder / Path(LESSON).name
    notebook.write_bytes(downloaded.read_bytes())

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "COURSEKIT_CONTENT", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR"}}
    env |= {"PYTHONNOUSERSITE": "1", "PATH": f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    _pin("nbclient"), _pin("ipykernel")], check=True, env=env, cwd=folder)
    server, url = serve_folder(BUILD)
    try:
        done = subprocess.run([python, "-c", RUN_NOTEBOOK, notebook, folder, folder / "ran.ipynb"],
                              env=env | {"COURSEKIT_BOOK_URL": url}, cwd=folder, capture_output=True, text=True)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0, done.stderr[-3000:]

    ran = nbformat.read(folder / "ran.ipynb", as_version=4)
    outputs = [output for cell in ran.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="coursekit-quiz ' in page for page in html), "the notebook showed no quiz"
    installed = subprocess.run([python, "-c", "import coursekit, json; print(json.dumps(coursekit.__file__))"],
                               env=env, cwd=folder, capture_output=True, text=True, check=True)
    assert str(env_dir) in json.loads(installed.stdout), "the course did not come from the book's wheel"
