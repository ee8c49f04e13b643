"""Sphinx extension for the course book.

Notebook outputs link to other notebooks as `name.ipynb#anchor` (what JupyterLab opens); in the
built book those pages are `name.html`, so raw HTML outputs are rewritten at build time.
Lesson notebooks hold their glossary terms and citations as links JupyterLab can show (`coursekit.book.notebook_terms`);
the book reads them as the `{term}` and `{cite}` roles they were written from.
Pages with a quiz (static HTML from `coursekit.quizzes.static_quiz`) or progress (`coursekit.quizzes.progress_page`) get
`quiz.css` and the one quiz script made of the parts they use (`coursekit.quizzes.quiz_assets`); others get neither.
The build stops, before any notebook runs, when the course content has problems.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform

from coursekit.book.notebook_terms import book_source

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


def notebook_roles(app: Sphinx, docname: str, source: list[str]) -> None:
    """A notebook's terms and citations as roles, as the book reads them."""
    if str(app.env.doc2path(docname)).endswith(".ipynb"):
        source[0] = book_source(source[0])


def check_course_content(app: Sphinx) -> None:
    """Stop the build if the content has problems; skipped when neither the content nor the engine changed since
    the last build found none."""
    from coursekit.course import content_dir, load_course
    from coursekit.source import ContentError

    content = content_dir(Path(app.srcdir))
    files = sorted([*content.rglob("*.yml"), *content.rglob("*.txt"), *Path(__file__).parents[1].rglob("*.py")])
    key = hashlib.sha256(b"".join(path.as_posix().encode() + path.read_bytes() for path in files)).hexdigest()
    stamp = Path(app.doctreedir) / "content-checked"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return
    try:
        load_course(content)
    except ContentError as error:
        raise ExtensionError(f"the course content has problems (see `python -m coursekit check`):\n{error}") from None
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key, encoding="utf-8")


def add_quiz_static_path(app: Sphinx, config) -> None:
    from coursekit.book.editions import is_instructor_edition
    from coursekit.quizzes.quiz_assets import write_assets

    folder = write_assets(Path(app.doctreedir).parent / "coursekit-static", instructor=is_instructor_edition(app))
    config.html_static_path = [*config.html_static_path, str(folder)]


def add_quiz_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    from coursekit.quizzes.quiz_assets import script_name

    body = context.get("body", "")
    progress = 'class="coursekit-progress"' in body
    if 'class="coursekit-quiz ' in body or progress:
        parts = {"progress"} if progress else set()
        if 'data-mode="class"' in body:
            parts.add("class")
        app.add_css_file("quiz.css")
        app.add_js_file(script_name(parts), loading_method="defer")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", check_course_content)
    app.add_post_transform(RewriteNotebookLinks)
    app.connect("source-read", notebook_roles)
    app.connect("config-inited", add_quiz_static_path)
    app.connect("html-page-context", add_quiz_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
