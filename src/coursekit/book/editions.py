"""Sphinx extension: one source, two editions of the book.

The learner edition (the default) leaves out every page under `book/instructor/`: they are not
built, so they are in no sidebar, search index or link. The instructor edition (built with the Sphinx
tag `instructor`, see `coursekit.publish.build`) has every page and says on each one which edition it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

INSTRUCTOR_TAG = "instructor"
INSTRUCTOR_PAGES = "book/instructor/"
BANNER = "Instructor edition: this book includes the answer keys. Do not share it with learners."


def is_instructor_edition(app: Sphinx) -> bool:
    return app.tags.has(INSTRUCTOR_TAG)


def drop_instructor_pages(app: Sphinx, config: Config) -> None:
    """Learner edition: remove the instructor pages from the table of contents and the build."""
    if is_instructor_edition(app):
        config.html_theme_options = {**config.html_theme_options, "announcement": BANNER}
        return
    site_map = config.external_site_map
    for document in list(site_map):
        doc = site_map[document]
        doc.subtrees = [tree for tree in doc.subtrees if not _only_instructor(tree)]
        for tree in doc.subtrees:
            tree.items = [item for item in tree.items if not str(item).startswith(INSTRUCTOR_PAGES)]
    for docname in [name for name in site_map if name.startswith(INSTRUCTOR_PAGES)]:
        del site_map[docname]
    config.exclude_patterns = [*config.exclude_patterns, f"{INSTRUCTOR_PAGES}**"]


def remove_stale_instructor_pages(app: Sphinx) -> None:
    """Learner edition: delete instructor pages an earlier build may have left in the output folder."""
    if not is_instructor_edition(app):
        shutil.rmtree(Path(app.outdir) / INSTRUCTOR_PAGES, ignore_errors=True)
        shutil.rmtree(Path(app.outdir) / "_sources" / INSTRUCTOR_PAGES, ignore_errors=True)


def _only_instructor(tree) -> bool:
    files = tree.files()
    return bool(files) and all(name.startswith(INSTRUCTOR_PAGES) for name in files)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", drop_instructor_pages, priority=950)
    app.connect("builder-inited", remove_stale_instructor_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
