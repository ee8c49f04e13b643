"""`make lab PORT=...` starts JupyterLab on that port, as root if it must, and opens the first lesson
in a file browser that shows the lessons, not the editable install's coursekit.egg-info beside them."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, stop_server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> dict:
    """The JSON answer to GET `url` (an error if it fails), retried while the server is still starting."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_make_lab_serves_the_first_lesson_on_the_given_port():
    port = _free_port()
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"PORT={port}"], cwd=ROOT, env={**os.environ, "BROWSER": "true"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in lab.stdout], daemon=True)
    reader.start()
    output, token, opener = [], None, None
    try:
        deadline = time.monotonic() + 120
        while opener is None and time.monotonic() < deadline and lab.poll() is None:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            output.append(line)
            if found := re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=(\w+)", line):
                token = found.group(1)
            if found := re.search(r"file://(\S+)/jpserver-(\d+)-open\.html", line):
                # What the browser is sent to when the server starts with a file to open.
                opener = Path(found.group(1)) / f"jpserver-file-to-run-{found.group(2)}-open.html"
        log = "".join(output)
        assert token and opener, f"JupyterLab did not start on port {port}:\n{log}"
        assert ("Running as root: JupyterLab starts with --allow-root." in log) == (os.geteuid() == 0)
        assert "lab/tree/01-causes.ipynb" in opener.read_text(encoding="utf-8")
        listing = _get(f"http://127.0.0.1:{port}/api/contents?content=1&token={token}")
        shown = {item["name"] for item in listing["content"]}
        assert "01-causes.ipynb" in shown and "figures.py" in shown, shown
        assert (ROOT / "notebooks" / "coursekit.egg-info").is_dir(), "the editable install left no egg-info to hide"
        assert not [name for name in shown if name.endswith(".egg-info")], shown
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            pytest.fail("make lab did not stop on SIGTERM")
        reader.join(timeout=30)
        lab.stdout.close()


def test_a_server_that_ignores_the_stop_signal_is_killed_with_its_children():
    script = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, start_new_session=True)
    child = int(server.stdout.readline())
    started = time.monotonic()
    stop_server(server, grace=1)
    assert server.returncode == -signal.SIGKILL and time.monotonic() - started < 10
    deadline = time.monotonic() + 10
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(child), "the server's child is still running"
    server.stdout.close()


def _running(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except FileNotFoundError:
        return False
