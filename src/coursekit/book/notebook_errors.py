"""Sphinx extension: a notebook cell that fails stops the build with the notebook, the cell and the error.

myst-nb's own stop (`nb_execution_raise_on_error`) ends in Sphinx's crash report ("please report this"), so
it stays off: myst-nb then records the failed run and saves the executed notebook, and this extension
ends the build right after that page is read, with a short report as the build's last lines. The failed
page is not recorded as built, so the next build runs it again.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.application import Sphinx

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
SHOWN_LINES = 6


def _failed_cell(executed: Path) -> tuple[int, str, str] | None:
    """(1-based cell number, source, `Error: message`) of the first cell with an error output."""
    if not executed.is_file():
        return None
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                return number, source, ANSI.sub("", f"{output['ename']}: {output['evalue']}")
    return None


def failure_report(source: str, executed: Path, error: str, log: Path) -> str:
    """The lines that end a build whose notebook `source` failed."""
    found = _failed_cell(executed)
    if found is None:
        what = [f"{source}: the notebook failed to run: {error}"]
    else:
        number, code, message = found
        lines = code.splitlines()
        shown = [f"    {line}" for line in lines[:SHOWN_LINES]] + ["    ..."] * (len(lines) > SHOWN_LINES)
        what = [f"{source}: cell {number} failed:", *shown, message]
    return "\n".join(
        [
            "",
            *what,
            f"The full traceback is in {os.path.relpath(log)}.",
            "Fix the cell, or the content it reads, and run `make book` again.",
        ]
    )


def stop_on_failed_notebook(app: Sphinx, doctree) -> None:
    env = app.env
    run = NbMetadataCollector.get_exec_data(env, env.docname)
    if not run or run["succeeded"]:
        return
    outdir = Path(app.outdir)
    executed = outdir.parent / "jupyter_execute" / f"{env.docname}.ipynb"
    log = outdir / "reports" / f"{env.docname}.err.log"
    raise SystemExit(failure_report(env.doc2path(env.docname, False), executed, run["error"], log))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", stop_on_failed_notebook)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
