"""The report that ends a build whose notebook failed."""

from __future__ import annotations

import json
from pathlib import Path

from coursekit.book.notebook_errors import failure_report


def _notebook(path: Path, cells: list[dict]) -> Path:
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


def test_the_report_names_the_cell_shows_its_code_and_ends_with_the_error_and_the_fix(tmp_path: Path) -> None:
    executed = _notebook(tmp_path / "lesson.ipynb", [
        {"cell_type": "markdown", "source": "# Lesson"},
        {"cell_type": "code", "source": "x = 1", "outputs": []},
        {"cell_type": "code", "source": ["import coursekit\n", "coursekit.quiz('nope')"], "outputs": [
            {"output_type": "error", "ename": "KeyError", "evalue": "\x1b[0;31m'no quiz'\x1b[0m", "traceback": []},
        ]},
    ])

    lines = failure_report("notebooks/lesson.ipynb", executed, "CellExecutionError", tmp_path / "log").splitlines()

    assert lines[1:5] == [
        "notebooks/lesson.ipynb: cell 3 failed:",
        "    import coursekit",
        "    coursekit.quiz('nope')",
        "KeyError: 'no quiz'",
    ]
    assert lines[-1] == "Fix the cell, or the content it reads, and run `make book` again."


def test_a_failure_without_an_error_output_names_the_error_kind(tmp_path: Path) -> None:
    executed = _notebook(tmp_path / "lesson.ipynb", [{"cell_type": "code", "source": "sleep()", "outputs": []}])
    report = failure_report("notebooks/lesson.ipynb", executed, "CellTimeoutError", tmp_path / "log")
    assert "notebooks/lesson.ipynb: the notebook failed to run: CellTimeoutError" in report
