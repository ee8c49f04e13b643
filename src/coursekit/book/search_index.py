"""Sphinx extension: keep quiz answers out of the book's search index.

A lesson page carries each question's answer (in `<details class="coursekit-answer">`, for readers
without JavaScript) and its grading key; Sphinx indexes the words of raw HTML, so a search would list
a lesson for words that only its answers contain. The page itself is unchanged; only what the search
index reads leaves the answers out.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

ANSWER = re.compile(r'<details class="coursekit-answer">.*?</details>', re.DOTALL)


def without_answers(doctree: nodes.document) -> nodes.document:
    """A copy of `doctree` whose raw HTML has no quiz answer in it."""
    copy = doctree.deepcopy()
    for node in list(copy.findall(nodes.raw)):
        if ANSWER.search(node.astext()):
            node.replace_self(nodes.raw("", ANSWER.sub("", node.astext()), format=node.get("format", "")))
    return copy


def index_pages_without_answers(app: Sphinx) -> None:
    index_page = getattr(app.builder, "index_page", None)
    if index_page is None:
        return
    app.builder.index_page = lambda pagename, doctree, title: index_page(pagename, without_answers(doctree), title)


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", index_pages_without_answers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
