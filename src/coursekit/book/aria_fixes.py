"""Sphinx extension: repair the ARIA that docutils writes and axe-core rejects.

docutils marks each citation `<div role="doc-biblioentry">` inside a `role="list"` container; that role is
deprecated (DPUB-ARIA 1.1) and not allowed on a div, and a list's children must be list items.
"""

from __future__ import annotations

from sphinx.application import Sphinx

REPLACEMENTS = {'role="doc-biblioentry"': 'role="listitem"'}


def fix_roles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    if body:
        for old, new in REPLACEMENTS.items():
            body = body.replace(old, new)
        context["body"] = body


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", fix_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
