"""Sphinx extension for the course book.

Notebook outputs link to other notebooks as `name.ipynb#anchor` (what JupyterLab opens); in the
built book those pages are `name.html`, so raw HTML outputs are rewritten at build time.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

NOTEBOOK_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/)([^"#]*?)\.ipynb(#[^"]*)?"')


def notebook_links_to_pages(html: str) -> str:
    """Point relative links to `.ipynb` files at the built `.html` pages."""
    return NOTEBOOK_HREF.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


class RewriteNotebookLinks(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for node in self.document.findall(nodes.raw):
            if "html" in node.get("format", "").split() and ".ipynb" in node.astext():
                node.replace_self(nodes.raw("", notebook_links_to_pages(node.astext()), format="html"))


def setup(app: Sphinx) -> dict:
    app.add_post_transform(RewriteNotebookLinks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
