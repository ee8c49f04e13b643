"""Shared fixtures: the course's paths, the two built editions served on localhost, and Debian Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# COURSE_BUILD_HTML points the browser tests at another build (e.g. one made with --path-output).
BUILD = Path(os.environ.get("COURSE_BUILD_HTML", ROOT / "_build" / "html"))
INSTRUCTOR_BUILD = Path(os.environ.get("COURSE_BUILD_INSTRUCTOR_HTML", ROOT / "_build" / "instructor" / "html"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Parsed content files (coursekit.yaml_cache) are kept for this test run only, not in the user's cache folder.
os.environ.setdefault("COURSEKIT_YAML_CACHE", tempfile.mkdtemp(prefix="coursekit-yaml-"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path):
    """Start a static file server for `folder` on 127.0.0.1; return (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def write_one_lesson_book(folder: Path, config: str, home: str = "# Home\n") -> None:
    """A Jupyter Book in `folder`: `config` as _config.yml, a home page and one lesson notebook (not run)."""
    (folder / "_config.yml").write_text(config, encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: notebooks/lesson\n")
    (folder / "index.md").write_text(home, encoding="utf-8")
    (folder / "notebooks").mkdir()
    lesson = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# A lesson"), nbformat.v4.new_code_cell("1 + 1")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(lesson, folder / "notebooks" / "lesson.ipynb")


def copy_lessons(folder: Path, notebooks: tuple[str, ...] = ()) -> None:
    """Copy the lesson notebooks (only `notebooks` when given), their helper modules and their figures'
    folder into `folder`, as a learner's copy of the course has them."""
    for path in (ROOT / "notebooks").iterdir():
        if path.suffix == ".py" or (path.suffix == ".ipynb" and (not notebooks or path.name in notebooks)):
            shutil.copy(path, folder)
    if (ROOT / "notebooks" / "images").is_dir():
        shutil.copytree(ROOT / "notebooks" / "images", folder / "images")


def _served(folder: Path, command: str):
    if not (folder / "index.html").is_file():
        pytest.fail(f"no built book in {folder}: run `{command}` (make test does) first")
    server, url = serve_folder(folder)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def book_url() -> str:
    """The learner edition (from `make book`) served on localhost."""
    yield from _served(BUILD, "make book")


@pytest.fixture(scope="session")
def instructor_url() -> str:
    """The instructor edition (from `make instructor`) served on localhost."""
    yield from _served(INSTRUCTOR_BUILD, "make instructor")


def _require_browser() -> None:
    if Path(CHROMIUM).is_file() or shutil.which(CHROMIUM):
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# The front ends a notebook is tested in: the module that starts each, and its application class.
FRONT_ENDS = {"lab": ("jupyterlab", "LabApp"), "notebook7": ("notebook", "JupyterNotebookApp")}


@contextlib.contextmanager
def jupyterlab(folder: Path, settings: Path, front_end: str = "lab", python: Path | str = sys.executable,
               env: dict | None = None):
    """A JupyterLab (or Notebook 7: `front_end="notebook7"`) serving `folder` on a free local port, with
    fresh settings in `settings`; yields its URL. The page exposes the app as `window.jupyterapp`.

    `python` is the environment it runs in (this one by default), `env` its environment variables. On the
    way out it is stopped, and killed with its kernels if it has not stopped within 30 s.
    """
    module, app = FRONT_ENDS[front_end]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [python, "-m", module, "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={folder}",
         f"--{app}.expose_app_in_browser=True",
         # A fresh workspace and settings: nothing restored from earlier sessions on this machine.
         f"--{app}.workspaces_dir={settings}", f"--{app}.user_settings_dir={settings}"],
        env=env if env is not None else {**os.environ, "COURSEKIT_CONTENT": str(CONTENT)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url + "api", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                stop_server(server)
                pytest.fail(f"{module} did not start within 90 s")
            time.sleep(0.5)
    try:
        yield url
    finally:
        stop_server(server)


def stop_server(server: subprocess.Popen, grace: float = 30) -> None:
    """Stop a server started in its own process group; kill the group if it is still running after `grace` s."""
    server.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.wait(timeout=grace)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)  # its kernels too, whether or not it stopped by itself
    server.wait()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    _require_browser()
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


# The files whose scenarios take minutes, longest first. They start first in a parallel run (with
# --no-loadscope-reorder, `make test`), so the longest is not the last one still running on one core.
STARTED_FIRST = ("test_rebuild.py", "test_standalone_notebook.py", "test_lite.py", "test_jupyterlab_myst.py",
                 "test_jupyterlab.py", "test_notebook7.py")


def pytest_collection_modifyitems(items) -> None:
    """Put the tests of STARTED_FIRST's files first, in its order; the rest keep theirs."""
    rank = {name: index for index, name in enumerate(STARTED_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


STALE_OUTPUTS = "saved outputs differ from a fresh run: run `make notebooks`, then commit it"


def pytest_terminal_summary(terminalreporter) -> None:
    """Name each notebook whose saved outputs no longer match a fresh run (nbval), with the one-line fix."""
    failed = terminalreporter.stats.get("failed", [])
    stale = sorted({report.location[0] for report in failed if report.location[0].endswith(".ipynb")})
    if stale:
        terminalreporter.section("notebooks whose saved outputs are out of date")
        for notebook in stale:
            terminalreporter.line(f"{notebook}: {STALE_OUTPUTS}")
