"""The quiz's front end, assembled from `static/quiz/`: classic scripts for the book and one ES module for the
notebook widget, from the same files.

Every script joins, in one scope, the interface strings, `grading.js` (the type registry and grading helpers),
`page.js` (DOM helpers), `saved.js` (browser storage), one file per question type in `types/`, `quiz.js` (the
page side) and `review.js` (spaced review, confidence, pretest recap): the core every quiz page loads. Optional
parts follow: `progress.js` and `progress_file.js` (lesson cards, "My progress", progress files) where a page
shows progress, `class.js` (class mode) in the instructor edition, `scorm.js` (reporting to an LMS) only in the
SCORM package. `book.js` or `widget.js` starts them (the widget's module also has `notebook.js`, what every
lesson widget does in a notebook). A page loads one script, made of the parts it uses (`script_name`). A
classic script runs from `file://` too, where Chromium blocks module scripts.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

QUIZ = files("coursekit.quizzes").joinpath("static", "quiz")
# The optional parts, in the order they join the core, and their files.
PART_FILES = {"progress": ("progress.js", "progress_file.js"), "class": ("class.js",), "scorm": ("scorm.js",)}
PARTS = tuple(PART_FILES)


def _read(name: str) -> str:
    return QUIZ.joinpath(name).read_text(encoding="utf-8")


def _body(parts: tuple[str, ...] | list[str]) -> str:
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"no quiz script part {sorted(unknown)}: the parts are {', '.join(PARTS)}")
    types = sorted(entry.name for entry in QUIZ.joinpath("types").iterdir() if entry.name.endswith(".js"))
    names = ["grading.js", "page.js", "saved.js", *(f"types/{name}" for name in types), "quiz.js", "review.js"]
    names += [name for part in PARTS if part in parts for name in PART_FILES[part]]
    return "\n".join([f"var STRINGS = {_read('strings.json').strip()};", *map(_read, names)])


def script_name(parts: tuple[str, ...] | list[str] | set[str]) -> str:
    """The book's file name for the script with these optional parts: `quiz.js`, `quiz-progress.js`, ..."""
    return "-".join(["quiz", *(part for part in PARTS if part in parts)]) + ".js"


def classic_script(*parts: str) -> str:
    """A book script (the core and `parts`): runs in a page (set up on DOMContentLoaded) and in Node (exports the
    grading and the parts' functions)."""
    return (
        "/* coursekit quiz (generated from coursekit/quizzes/static/quiz/) */\n(function (root) {\n\"use strict\";\n"
        f"{_body(parts)}\n{_read('book.js')}}})(typeof window !== \"undefined\" ? window : null);\n"
    )


def es_module() -> str:
    """The widget's `_esm`: the core with progress and class mode, exporting anywidget's `render`."""
    header = "/* coursekit quiz (generated from coursekit/quizzes/static/quiz/) */\nconst root = window;"
    return f'{header}\n{_body(("progress", "class"))}\n{_read("notebook.js")}\n{_read("widget.js")}'


def notebook_script() -> str:
    """For any lesson widget's `_esm`: `keepKeys(el)` (keys typed in `el` never reach the notebook's
    shortcuts) and `saveStatic(model.widget_manager)` (a saved notebook keeps the static HTML)."""
    return f"const root = window;\n{_read('notebook.js')}"


def stylesheet() -> str:
    """The quiz's stylesheet, then the progress page's and lesson cards' (`progress.css`)."""
    static = files("coursekit.quizzes").joinpath("static")
    return "\n".join(static.joinpath(name).read_text(encoding="utf-8") for name in ("quiz.css", "progress.css"))


def book_scripts(instructor: bool, scorm: bool = False) -> dict[str, str]:
    """Every script a page of the book may load, by file name: class mode only in the instructor edition. With
    `scorm`, each also reports to an LMS (the SCORM package's copy of the learner edition, same file names)."""
    combinations = [(), ("progress",)]
    if instructor:
        combinations += [("class",), ("progress", "class")]
    extra = ("scorm",) if scorm else ()
    return {script_name(parts): classic_script(*parts, *extra) for parts in combinations}


def write_assets(folder: Path, instructor: bool = False) -> Path:
    """Write the book's quiz scripts and `quiz.css` into `folder` (made if missing), rewriting only what changed
    and removing scripts this edition does not use."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {**book_scripts(instructor), "quiz.css": stylesheet()}
    for old in folder.glob("quiz*.js"):
        if old.name not in wanted:
            old.unlink()
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return folder
