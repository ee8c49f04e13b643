"""Whether a command's input file, output file or output folder is usable, as one problem line.

No command writes over a file of the course's content (the course's `content/`, or any folder holding a
`faq.yml`), even with `--force`; only `import` may add a new bank there.
"""

from __future__ import annotations

from pathlib import Path

from coursekit.course import content_dir
from coursekit.source import Problem


def input_file_problem(path: Path) -> Problem | None:
    if path.is_dir():
        return Problem(path, None, "file", "is a folder; give a file")
    if not path.exists():
        return Problem(path, None, "file", "no such file")
    if not path.is_file():
        return Problem(path, None, "file", "is not a regular file (a FIFO, a device or a socket): give a file")
    return None


def _missing_folder(path: Path) -> Problem | None:
    """The first ancestor of `path` that exists as a file, if any."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return Problem(path, None, "--out", f"{parent} is a file, not a folder")
    return None


def in_content(path: Path) -> bool:
    """Whether `path` (followed through links) is a course content folder or lies inside one."""
    target = path.resolve()
    course = content_dir().resolve()
    if target == course or course in target.parents:
        return True
    return any((folder / "faq.yml").is_file() and (folder / "quizzes").is_dir() for folder in target.parents)


def output_file_problem(
    path: Path, *, reading: Path, overwrite: bool = False, new_bank: bool = False
) -> Problem | None:
    """A file to write: not a folder, in a folder that exists, never the file `reading` nor a content file, and
    new unless `overwrite`. Only a new bank (`new_bank`) may be written inside a content folder.
    """
    if path.resolve() == reading.resolve():
        return Problem(path, None, "--out", "is the file the command reads: give another name")
    if path.is_dir():
        return Problem(path, None, "--out", "is a folder; give a file name")
    if problem := _missing_folder(path):
        return problem
    if not path.parent.is_dir():
        return Problem(path, None, "--out", f"the folder {path.parent} does not exist")
    if in_content(path) and (path.exists() or path.is_symlink()):
        return Problem(path, None, "--out", "is a file of the course's content: it is never written over")
    if in_content(path) and not new_bank:
        return Problem(path, None, "--out", "is inside the course's content folder: write it somewhere else")
    if (path.exists() or path.is_symlink()) and not overwrite:
        return Problem(path, None, "--out", "already exists; add --force to replace it")
    return None


def output_folder_problem(path: Path) -> Problem | None:
    """A folder to write into (created if missing): not a file, not below one, not in the course's content."""
    if path.exists() and not path.is_dir():
        return Problem(path, None, "--out", "is a file; give a folder")
    if problem := _missing_folder(path):
        return problem
    if in_content(path):
        return Problem(path, None, "--out", "is inside the course's content folder: write the export somewhere else")
    return None
