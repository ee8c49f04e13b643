"""The files a page's notebook outputs are made from, listed for the book build.

While the book builds, `COURSEKIT_DEPENDENCY_FILE` names a file for the page being read (see
`coursekit.book.rebuild`). The engine appends to it, one path a line, every content file or folder an output
uses and, after each cell, every module loaded from the engine or from the notebook's own folder.
Without that variable (JupyterLab, nbval, `make notebooks`) nothing is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV = "COURSEKIT_DEPENDENCY_FILE"
ENGINE = Path(__file__).resolve().parent
STRINGS = ENGINE / "quizzes" / "static" / "quiz" / "strings.json"
_noted: set[Path] = set()


def note(*paths: Path) -> None:
    """List `paths` as files (or folders) the current page's outputs depend on."""
    target = os.environ.get(ENV)
    new = {Path(path).resolve() for path in paths} - _noted if target else set()
    if not new:
        return
    _noted.update(new)
    with open(target, "a", encoding="utf-8") as out:
        out.writelines(f"{path}\n" for path in sorted(new))


def engine_files() -> list[Path]:
    """The files of every engine module loaded in this process, and the interface strings they render
    (`quizzes/static/quiz/strings.json`, read as data, not imported) once `coursekit.qtypes.strings` is loaded."""
    files = (getattr(module, "__file__", None) or "" for module in list(sys.modules.values()))
    engine = {Path(file) for file in files if file.startswith(f"{ENGINE}{os.sep}")}
    return sorted(engine | ({STRINGS} if "coursekit.qtypes.strings" in sys.modules else set()))


def note_modules(*_) -> None:
    """List the engine files in use (`engine_files`) and the loaded modules that sit beside the notebook."""
    here = os.getcwd()
    files = (getattr(module, "__file__", None) or "" for module in list(sys.modules.values()))
    note(*engine_files(), *(file for file in files if file and os.path.dirname(file) == here))


def note_modules_after_each_cell() -> None:
    """In a kernel started by the book build, list the modules again after every cell."""
    if not os.environ.get(ENV) or "IPython" not in sys.modules:
        return
    shell = sys.modules["IPython"].get_ipython()
    if shell is not None:
        shell.events.register("post_run_cell", note_modules)
