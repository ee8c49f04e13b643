"""Every edit reaches the next build of the book, and only the pages that show it are built again.

One copy of the book (sources, content and the engine) is built once in a temporary folder; each test
edits some of its files, builds again, and reads the built HTML. The tests run in file order: each
starts from the book the previous one left built.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

BOOK_SOURCES = ("_config.yml", "_toc.yml", "book", "notebooks", "content")
EXECUTED = re.compile(r"^notebooks run: \d+ \((.*)\)$", re.M)
IMAGES = re.compile(r'<img [^>]*src="([^"]+)"')
LESSONS = ("01-causes", "02-symptoms", "03-prevention", "04-treatment", "05-review", "source-faq")


@dataclass
class Build:
    returncode: int
    output: str
    executed: set[str]  # docnames whose notebook ran
    rewritten: set[str]  # HTML pages written again (relative to _build/html)


class Book:
    """A copy of the book whose engine is `src/coursekit` inside the copy (first on PYTHONPATH)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.html = root / "_build" / "instructor" / "html"  # every page: the instructor edition

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key != "COURSEKIT_CONTENT"}
        env["PYTHONPATH"] = str(self.root / "src")
        return env

    def build(self) -> Build:
        before = self._page_times()
        done = subprocess.run(
            [sys.executable, "-m", "coursekit.publish.build", "instructor"],
            capture_output=True, text=True, env=self.env(), check=False, timeout=900, cwd=self.root,
        )
        output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
        ran = EXECUTED.search(output)
        executed = set(ran.group(1).split(", ")) if ran else set()
        rewritten = {page for page, time in self._page_times().items() if before.get(page) != time}
        return Build(done.returncode, output, executed, rewritten)

    def _page_times(self) -> dict[str, int]:
        return {p.relative_to(self.html).as_posix(): p.stat().st_mtime_ns for p in self.html.rglob("*.html")}

    def page(self, name: str) -> str:
        return (self.html / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the first `old` in the book's file `name` with `new`."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def yaml(self, name: str):
        return YAML(typ="safe").load(self.root / name)


def _ok(build: Build) -> Build:
    assert build.returncode == 0, build.output[-3000:]
    return build


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Book:
    root = tmp_path_factory.mktemp("book")
    for name in BOOK_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        else:
            shutil.copy(source, root / name)
    engine = root / "src" / "coursekit"
    shutil.copytree(ROOT / "src" / "coursekit", engine, ignore=shutil.ignore_patterns("__pycache__"))
    copy = Book(root)
    _ok(copy.build())
    return copy


def test_a_rebuild_with_nothing_changed_runs_no_notebook_and_writes_no_lesson(book: Book) -> None:
    build = _ok(book.build())
    assert build.executed == set()
    assert not {f"notebooks/{lesson}.html" for lesson in LESSONS} & build.rewritten


def test_a_bank_edit_reruns_only_the_pages_that_use_that_bank(book: Book, tmp_path: Path) -> None:
    prompt = book.yaml("content/quizzes/causes.yml")["questions"][0]["prompt"]
    book.edit("content/quizzes/causes.yml", prompt, f"{prompt} Zqxbank")

    build = _ok(book.build())

    assert build.executed == {"notebooks/01-causes", "book/instructor/answer-key"}
    assert "Zqxbank" in book.page("notebooks/01-causes.html")
    assert "Zqxbank" in book.page("book/instructor/answer-key.html")
    assert not {"notebooks/03-prevention.html", "notebooks/05-review.html"} & build.rewritten
    # The exports are made from the content on every run.
    env = {**os.environ, "COURSEKIT_CONTENT": str(book.root / "content"), "PYTHONPATH": str(book.root / "src")}
    subprocess.run([sys.executable, "-m", "coursekit", "export", "--format", "gift", "--out", tmp_path],
                   check=True, env=env, capture_output=True)
    assert "Zqxbank" in (tmp_path / "causes.gift.txt").read_text(encoding="utf-8")


def test_content_strings_references_glossary_type_scripts_and_engine_edits_reach_every_page_that_shows_them(
    book: Book,
) -> None:
    entry = book.yaml("content/faq.yml")["entries"][0]
    paragraph = next(block for block in entry["answer"] if isinstance(block, str))
    for name in ("content/faq.yml", "content/source/faq.txt"):
        book.edit(name, paragraph, f"{paragraph} Zqxfaq")
    call = f'faq_quote(\\"{entry["id"]}\\")'
    lesson = next(p.stem for p in (book.root / "notebooks").glob("*.ipynb") if call in p.read_text(encoding="utf-8"))
    objective = book.yaml("content/lessons.yml")["lessons"][2]["objectives"][0]["text"]
    book.edit("content/lessons.yml", objective, f"{objective} Zqxobjective")
    tip = book.yaml("content/instructor.yml")["lessons"][0]["tips"][0]
    book.edit("content/instructor.yml", tip, f"{tip} Zqxtip")
    sign = book.yaml("content/red-flags.yml")["signs"][0]
    book.edit("content/red-flags.yml", sign["text"][:30], f"Zqxflag {sign['text'][:30]}")
    lessons = {lesson["id"]: lesson["notebook"] for lesson in book.yaml("content/lessons.yml")["lessons"]}
    sign_page = Path(lessons[sign["shown_in"][0]]).with_suffix(".html").as_posix()
    course_id = book.yaml("content/course.yml")["id"]
    book.edit("content/course.yml", f"id: {course_id}", f"id: {course_id}-zqxcourse")
    questions = (book.root / "content/quizzes/causes.yml").read_text(encoding="utf-8").partition("\nquestions:\n")[2]
    (book.root / "content/quizzes/zqxextra.yml").write_text(
        f"id: zqxextra\ntitle: Zqxextra quiz\nquestions:\n{questions}", encoding="utf-8"
    )

    book.edit("src/coursekit/quizzes/static/quiz/strings.json", '"your_answer": "Your answer"',
              '"your_answer": "Zqxstring answer"')
    book.edit("book/references.bib", "title = {{About P.A.D.", "title = {{Zqxbib About P.A.D.")
    book.edit("book/glossary.md", "A weak part of an artery wall", "Zqxglossary a weak part of an artery wall")
    with (book.root / "src/coursekit/quizzes/static/quiz/types/single.js").open("a", encoding="utf-8") as script:
        script.write("/* Zqxtype */\n")
    # The progress page's question pool is made by the question types' modules, as the lessons' quizzes are.
    book.edit("src/coursekit/qtypes/quiz_html.py", '<div class="coursekit-option">',
              '<div class="coursekit-option" data-zqx="engine">')

    _ok(book.build())

    assert "Zqxfaq" in book.page(f"notebooks/{lesson}.html")
    assert "Zqxfaq" in book.page("notebooks/source-faq.html")
    assert "Zqxobjective" in book.page("notebooks/03-prevention.html")
    assert "Zqxobjective" in book.page("book/instructor/schedule.html")
    assert "Zqxtip" in book.page("book/instructor/schedule.html")
    assert "Zqxflag" in book.page("book/when-to-seek-care.html")
    assert "Zqxflag" in book.page(sign_page)
    assert f"{course_id}-zqxcourse" in book.page("notebooks/02-symptoms.html")
    assert "Zqxextra" in book.page("book/instructor/answer-key.html")
    for page in ("notebooks/01-causes.html", "book/progress.html"):
        assert "Zqxstring answer" in book.page(page), page
        assert 'data-zqx="engine"' in book.page(page), page
    assert "Zqxstring answer" in (book.html / "_static/quiz.js").read_text(encoding="utf-8")
    assert "Zqxtype" in (book.html / "_static/quiz.js").read_text(encoding="utf-8")
    assert "Zqxbib About P.A.D." in book.page("book/references.html")
    assert "Zqxglossary" in book.page("book/glossary.html")


def test_engine_notebook_module_and_lesson_edits_rerun_only_the_pages_that_use_them(book: Book) -> None:
    # Of the engine's modules, only the answer key's page loads answer_key_html.py.
    book.edit("src/coursekit/quizzes/answer_key_html.py", "For instructors.</strong>",
              "For instructors Zqxengine.</strong>")
    old_figures = IMAGES.findall(book.page("notebooks/01-causes.html"))
    book.edit("notebooks/figures.py", '"Flow falls with', '"Zqx flow falls with')
    book.edit("notebooks/04-treatment.ipynb", '"# ', '"# Zqxlesson ')

    build = _ok(book.build())

    assert build.executed == {
        "book/instructor/answer-key", "notebooks/01-causes", "notebooks/02-symptoms", "notebooks/04-treatment",
    }
    assert "For instructors Zqxengine." in book.page("book/instructor/answer-key.html")
    assert IMAGES.findall(book.page("notebooks/01-causes.html")) != old_figures
    # A new lesson title is in every page's navigation.
    assert all("Zqxlesson" in book.page(f"notebooks/{lesson}.html") for lesson in LESSONS)
    assert "notebooks/03-prevention.html" in build.rewritten


def test_templates_static_files_config_and_toc_reach_every_page_without_running_notebooks(book: Book) -> None:
    book.edit("book/_templates/layout.html", "{%- block extrahead %}", "{%- block extrahead %}<!-- Zqxtemplate -->")
    with (book.root / "book/_static/course.css").open("a", encoding="utf-8") as css:
        css.write("/* Zqxstatic */\n")
    book.edit("_config.yml", "For education only:", "Zqxconfig. For education only:")
    book.edit("_toc.yml", "caption: Reference", "caption: Zqxtoc reference")

    build = _ok(book.build())

    assert build.executed == set()
    assert "Zqxstatic" in (book.html / "_static/course.css").read_text(encoding="utf-8")
    for lesson in LESSONS:
        page = book.page(f"notebooks/{lesson}.html")
        for marker in ("Zqxtemplate", "Zqxconfig", "Zqxtoc"):
            assert marker in page, f"{marker} missing from {lesson}"


def test_a_failing_cell_ends_the_build_with_the_notebook_the_cell_and_the_error(book: Book) -> None:
    notebook = "notebooks/03-prevention.ipynb"
    saved = (book.root / notebook).read_text(encoding="utf-8")
    book.edit(notebook, 'lesson_overview(\\"prevention\\")', 'lesson_overview(\\"zqx-missing\\")')
    try:
        build = book.build()
    finally:
        (book.root / notebook).write_text(saved, encoding="utf-8")

    assert build.returncode != 0
    last = build.output.rstrip().splitlines()[-5:]
    assert re.fullmatch(r"notebooks/03-prevention\.ipynb: cell \d+ failed:", last[0])
    assert last[1].strip() == 'coursekit.lesson_overview("zqx-missing")'
    assert last[2].startswith("KeyError:") and "zqx-missing" in last[2]
    assert "make book" in last[-1]
    assert "please report" not in build.output.lower()


# Imported by every Python the build starts: when ZQX_PAUSE names a file, Sphinx's writing phase (after the
# environment is saved) creates it and waits, for the test to kill the build there.
PAUSE_BEFORE_WRITING = """
import os, time
if os.environ.get("ZQX_PAUSE"):
    from sphinx.builders import Builder

    def write(self, *args, **kwargs):
        open(os.environ["ZQX_PAUSE"], "w").close()
        time.sleep(600)

    Builder.write = write
"""


def test_a_build_killed_before_it_wrote_its_pages_is_finished_by_the_next_one(book: Book, tmp_path: Path) -> None:
    prompt = book.yaml("content/quizzes/symptoms.yml")["questions"][0]["prompt"]
    book.edit("content/quizzes/symptoms.yml", prompt, f"{prompt} Zqxkilled")
    book.edit("notebooks/03-prevention.ipynb", '"# ', '"# Zqxkilled title ')
    (tmp_path / "sitecustomize.py").write_text(PAUSE_BEFORE_WRITING, encoding="utf-8")
    paused = tmp_path / "paused"
    env = {**book.env(), "ZQX_PAUSE": str(paused)}
    env["PYTHONPATH"] = f"{tmp_path}{os.pathsep}{env['PYTHONPATH']}"
    killed = subprocess.Popen([sys.executable, "-m", "coursekit.publish.build", "instructor"], cwd=book.root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 900
        while not paused.exists() and killed.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert paused.exists(), "the build never reached its writing phase"
    finally:
        killed.kill()
        killed.wait()
    assert "Zqxkilled" not in book.page("notebooks/02-symptoms.html")

    build = _ok(book.build())

    assert build.executed == set()
    assert "Zqxkilled" in book.page("notebooks/02-symptoms.html")
    assert all("Zqxkilled title" in book.page(f"notebooks/{lesson}.html") for lesson in LESSONS)
