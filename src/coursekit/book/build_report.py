"""Sphinx extension: at the end of a successful build, say in a few lines what an author needs.

How many pages were written, which notebooks ran (not those taken from the execution cache), and where
to open the book. The lines are printed even when Sphinx runs quietly (`coursekit.publish.build`).
"""

from __future__ import annotations

import time
from pathlib import Path

from sphinx.application import Sphinx

from coursekit.book.editions import is_instructor_edition


def record_start(app: Sphinx) -> None:
    app.coursekit_build_start = time.time()
    app.coursekit_pages = 0


def count_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    app.coursekit_pages += 1


def notebooks_run(app: Sphinx) -> list[str]:
    """Documents whose notebook was executed in this build (myst-nb's execution data)."""
    data = getattr(app.env, "nb_metadata", {}) or {}
    return sorted(
        docname for docname, meta in data.items()
        if (meta.get("exec_data") or {}).get("mtime", 0) >= app.coursekit_build_start
    )


def summary(app: Sphinx) -> list[str]:
    edition = "instructor" if is_instructor_edition(app) else "learner"
    ran = notebooks_run(app)
    index = Path(app.outdir) / "index.html"
    return [
        f"{edition} edition: {len(app.env.found_docs)} pages, {app.coursekit_pages} HTML files written",
        f"notebooks run: {len(ran)} ({', '.join(ran)})" if ran else "notebooks run: none (unchanged or cached)",
        f"open {index.relative_to(Path.cwd()) if index.is_relative_to(Path.cwd()) else index}",
    ]


def report(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        print("\n".join(summary(app)), flush=True)


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", record_start)
    app.connect("html-page-context", count_page)
    app.connect("build-finished", report)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
