"""The quiz's front end, assembled from `static/quiz/`: one classic script for the book and one ES module
for the notebook widget, from the same files.

`grading.js` (the type registry and grading helpers), `page.js` (DOM helpers), `saved.js` (browser
storage), one file per question type in `types/`, `quiz.js` (the page side), `class.js`
(class mode) and `progress.js` (spaced review, confidence, pretest recap, progress page) are joined
into one scope with the interface strings; `book.js` or `widget.js` starts them (the book's script also
has `scorm.js`, which reports to an LMS when one launched the page; the widget's also has `notebook.js`,
what every lesson widget does in a notebook). A classic script runs from
`file://` too, where Chromium blocks module scripts.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

QUIZ = files("coursekit").joinpath("static", "quiz")


def _read(name: str) -> str:
    return QUIZ.joinpath(name).read_text(encoding="utf-8")


def _body() -> str:
    types = sorted(entry.name for entry in QUIZ.joinpath("types").iterdir() if entry.name.endswith(".js"))
    parts = [f"var STRINGS = {_read('strings.json').strip()};", *map(_read, ("grading.js", "page.js", "saved.js"))]
    parts += [_read(f"types/{name}") for name in types]
    parts += [_read("quiz.js"), _read("class.js"), _read("progress.js")]
    return "\n".join(parts)


def classic_script() -> str:
    """The book's `quiz.js`: runs in a page (set up on DOMContentLoaded) and in Node (exports the grading)."""
    return (
        "/* coursekit quiz (generated from coursekit/static/quiz/) */\n(function (root) {\n\"use strict\";\n"
        f"{_body()}\n{_read('scorm.js')}\n{_read('book.js')}}})(typeof window !== \"undefined\" ? window : null);\n"
    )


def es_module() -> str:
    """The widget's `_esm`: the same code, exporting anywidget's `render`."""
    header = "/* coursekit quiz (generated from coursekit/static/quiz/) */\nconst root = window;"
    return f'{header}\n{_body()}\n{_read("notebook.js")}\n{_read("widget.js")}'


def notebook_script() -> str:
    """For any lesson widget's `_esm`: `keepKeys(el)` (keys typed in `el` never reach the notebook's
    shortcuts) and `saveStatic(model.widget_manager)` (a saved notebook keeps the static HTML)."""
    return f"const root = window;\n{_read('notebook.js')}"


def stylesheet() -> str:
    """The quiz's stylesheet, then the progress page's and lesson cards' (`progress.css`)."""
    static = files("coursekit").joinpath("static")
    return "\n".join(static.joinpath(name).read_text(encoding="utf-8") for name in ("quiz.css", "progress.css"))


def write_assets(folder: Path) -> Path:
    """Write `quiz.js` and `quiz.css` into `folder` (made if missing), rewriting only what changed."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("quiz.js", classic_script()), ("quiz.css", stylesheet())):
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return folder
