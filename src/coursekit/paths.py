"""Whether a command's input file, output file or output folder is usable, as one problem line."""

from __future__ import annotations

from pathlib import Path

from coursekit.source import Problem


def input_file_problem(path: Path) -> Problem | None:
    if path.is_dir():
        return Problem(path, None, "file", "is a folder; give a file")
    if not path.is_file():
        return Problem(path, None, "file", "no such file")
    return None


def _missing_folder(path: Path) -> Problem | None:
    """The first ancestor of `path` that exists as a file, if any."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return Problem(path, None, "--out", f"{parent} is a file, not a folder")
    return None


def output_file_problem(path: Path, *, overwrite: bool = True) -> Problem | None:
    """A file to write: not a folder, in a folder that exists, and new unless `overwrite`."""
    if path.is_dir():
        return Problem(path, None, "--out", "is a folder; give a file name")
    if problem := _missing_folder(path):
        return problem
    if not path.parent.is_dir():
        return Problem(path, None, "--out", f"the folder {path.parent} does not exist")
    if path.exists() and not overwrite:
        return Problem(path, None, "--out", "already exists; add --force to replace it")
    return None


def output_folder_problem(path: Path) -> Problem | None:
    """A folder to write into (created if missing): not a file, and not below one."""
    if path.exists() and not path.is_dir():
        return Problem(path, None, "--out", "is a file; give a folder")
    return _missing_folder(path)
