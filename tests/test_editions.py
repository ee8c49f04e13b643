"""Two editions from one source: what each built book holds, and what `make book` says while building it."""

from __future__ import annotations

import re
import subprocess
import sys
import zlib

import pytest

from conftest import BUILD, INSTRUCTOR_BUILD, ROOT, write_one_lesson_book
from coursekit.book.editions import BANNER, INSTRUCTOR_PAGES
from coursekit.book.launch_buttons import HINT


def _pages(build) -> dict[str, str]:
    if not (build / "index.html").is_file():
        pytest.fail(f"no built book in {build}: run `make book` and `make instructor` (make test does) first")
    redirect = build / "index.html"
    # The book's pages: not its static files, nor the learner edition's JupyterLite app (tests/test_lite.py).
    return {
        p.relative_to(build).as_posix(): p.read_text(encoding="utf-8")
        for p in build.rglob("*.html") if p.relative_to(build).parts[0] not in ("_static", "lite") and p != redirect
    }


def test_learner_edition_has_no_instructor_page_link_source_or_search_entry():
    pages = _pages(BUILD)
    assert [p for p in pages if p.startswith(INSTRUCTOR_PAGES)] == []
    assert not (BUILD / "_sources" / INSTRUCTOR_PAGES).exists()
    assert [p for p, html in pages.items() if INSTRUCTOR_PAGES in html or "For instructors</span>" in html] == []
    search = (BUILD / "searchindex.js").read_text(encoding="utf-8")
    docnames = re.search(r'"docnames":\s*\[([^\]]*)\]', search).group(1)
    assert "notebooks/01-causes" in docnames and "instructor" not in docnames
    assert "Answer key" not in search and "Schedule and teaching notes" not in search
    inventory = (BUILD / "objects.inv").read_bytes()
    names = zlib.decompress(inventory[inventory.index(b"zlib.\n") + 6 :]).decode()
    assert "instructor" not in names


def test_instructor_edition_has_every_learner_page_plus_its_part_and_says_which_edition_it_is():
    learner, instructor = _pages(BUILD), _pages(INSTRUCTOR_BUILD)
    assert set(learner) < set(instructor)
    assert {p for p in instructor if p.startswith(INSTRUCTOR_PAGES)} == {
        f"{INSTRUCTOR_PAGES}{name}.html" for name in ("index", "schedule", "answer-key", "lms")
    }
    assert [p for p, html in instructor.items() if BANNER not in html] == []
    assert [p for p, html in learner.items() if BANNER in html] == []


def test_learner_build_is_quiet_and_says_where_to_open_the_book():
    done = subprocess.run([sys.executable, "-m", "coursekit.publish.build", "learner"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count(HINT) == 1
    assert re.search(r"^learner edition: \d+ pages, \d+ HTML files written$", out, re.M), out
    assert re.search(r"^notebooks run: ", out, re.M), out
    assert out.rstrip().endswith("open _build/html/index.html"), out
    for noise in ("MdParserConfig", "NbParserConfig", "reading sources", "Running Sphinx", "====="):
        assert noise not in out + done.stderr


def test_a_warning_still_fails_the_quiet_build_and_is_shown(tmp_path):
    config = 'title: Broken\nexecute:\n  execute_notebooks: "off"\n'
    write_one_lesson_book(tmp_path, config, home="# Home\n\nSee {doc}`no-such-page`.\n")
    done = subprocess.run([sys.executable, "-m", "coursekit.publish.build"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode != 0
    assert "no-such-page" in done.stderr and "WARNING" in done.stderr
    assert "open _build/html/index.html" not in done.stdout


def test_the_kernel_tcp_warning_is_not_shown_and_everything_else_on_stderr_passes():
    script = (
        "import os\n"
        "from coursekit.publish.build import without_kernel_tcp_warning\n"
        "with without_kernel_tcp_warning():\n"
        "    for _ in range(3):\n"
        "        os.system('echo \"[IPKernelApp] WARNING | Kernel is running over TCP without encryption.\" >&2')\n"
        "        os.system('echo \"WARNING: a real problem\" >&2')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "Kernel is running over TCP" not in done.stderr
    assert done.stderr.count("WARNING: a real problem") == 3
