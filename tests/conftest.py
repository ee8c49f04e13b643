"""Shared fixtures: the course's paths, the built book served on localhost, and Debian Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# COURSE_BUILD_HTML points the browser tests at another build (e.g. one made with --path-output).
BUILD = Path(os.environ.get("COURSE_BUILD_HTML", ROOT / "_build" / "html"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path):
    """Start a static file server for `folder` on 127.0.0.1; return (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def book_url() -> str:
    """The built book (from `make book`) served on localhost."""
    if not (BUILD / "index.html").is_file():
        pytest.fail("no built book in _build/html: run `make book` (make test does) first")
    server, url = serve_folder(BUILD)
    yield url
    server.shutdown()
    server.server_close()


def _require_browser() -> None:
    if Path(CHROMIUM).is_file() or shutil.which(CHROMIUM):
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


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


STALE_OUTPUTS = "saved outputs differ from a fresh run: run `make notebooks`, then commit it"


def pytest_terminal_summary(terminalreporter) -> None:
    """Name each notebook whose saved outputs no longer match a fresh run (nbval), with the one-line fix."""
    failed = terminalreporter.stats.get("failed", [])
    stale = sorted({report.location[0] for report in failed if report.location[0].endswith(".ipynb")})
    if stale:
        terminalreporter.section("notebooks whose saved outputs are out of date")
        for notebook in stale:
            terminalreporter.line(f"{notebook}: {STALE_OUTPUTS}")
