"""The built learner edition (`_build/html`) as the LMS packages take it: its files, its quiz pages in
table-of-contents order, the red-flags page and the disclaimer every page carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from coursekit.source import read_yaml

RED_FLAGS_PAGE = "book/when-to-seek-care.html"
DISCLAIMER_PAGE = "disclaimer.html"
# Not for learners in an LMS: the wheel a notebook installs the course from, Sphinx's build record, and
# the theme's source maps (for debugging its scripts).
LEFT_OUT = (".buildinfo", ".whl", ".map")
# The book's JupyterLite copy (`make lite`) stays out of the packages, and so does each lesson page's
# "Run in your browser" link to it, which would lead nowhere.
LITE = "lite/"
LITE_LINK = re.compile(rb'<a href="[^"]*lite/lab/index\.html[^"]*".*?</a>', re.S)


class MissingBook(Exception):
    """The learner edition has not been built; the message says how to build it."""


@dataclass(frozen=True)
class Page:
    href: str  # relative to the book's root, with "/" separators
    title: str
    quiz_ids: tuple[str, ...]


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.quiz_ids: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._in_title = tag == "title" and not self.title
        if "coursekit-quiz" in (found.get("class") or "").split() and found.get("data-quiz-id"):
            self.quiz_ids.append(found["data-quiz-id"])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False


@dataclass(frozen=True)
class LearnerBook:
    root: Path  # the repository: `_toc.yml`, `_config.yml`
    html: Path  # the built learner edition

    @classmethod
    def of(cls, content: Path) -> LearnerBook:
        """The learner book built from the repository that holds `content`; MissingBook if it is not built."""
        root = content.parent
        html = root / "_build" / "html"
        if not (html / "index.html").is_file():
            raise MissingBook(
                f"{html}: no built learner book (index.html missing). The LMS packages are made from it: "
                "run `make book` first."
            )
        return cls(root, html)

    def files(self) -> list[str]:
        """Every file of the book that goes into a package, relative to its root, sorted."""
        names = (path.relative_to(self.html).as_posix() for path in self.html.rglob("*") if path.is_file())
        return sorted(name for name in names if not name.endswith(LEFT_OUT) and not name.startswith(LITE))

    def read(self, name: str) -> bytes:
        """A file of the book as the packages carry it: pages without the link to the JupyterLite copy."""
        data = (self.html / name).read_bytes()
        return LITE_LINK.sub(b"", data) if name.endswith(".html") else data

    def page(self, href: str) -> Page:
        reader = _PageReader()
        reader.feed((self.html / href).read_text(encoding="utf-8"))
        # The theme's title is "<page> — <book>".
        return Page(href, reader.title.split(" \u2014 ")[0].strip(), tuple(reader.quiz_ids))

    def page_order(self) -> list[str]:
        """The built pages in table-of-contents order."""
        toc = read_yaml(self.root / "_toc.yml").data
        names = [toc["root"]]

        def walk(entries: list) -> None:
            for entry in entries:
                if "file" in entry:
                    names.append(entry["file"])
                walk(entry.get("chapters", []) + entry.get("sections", []))

        walk(toc.get("parts", []) + toc.get("chapters", []))
        return [f"{name}.html" for name in names if (self.html / f"{name}.html").is_file()]

    def quiz_pages(self) -> list[Page]:
        """The pages that hold a quiz (the lessons), in course order."""
        pages = [self.page(href) for href in self.page_order()]
        return [page for page in pages if page.quiz_ids]

    def disclaimer_html(self, title: str) -> bytes:
        """A page with the disclaimer that the book's footer carries, and a link to the red-flags page."""
        footer = read_yaml(self.root / "_config.yml").data["html"]["extra_footer"]
        red_flags = self.page(RED_FLAGS_PAGE)
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><main><h1>{escape(title)}</h1>{footer}'
            f'<p><a href="{RED_FLAGS_PAGE}">{escape(red_flags.title)}</a></p></main></body></html>\n'
        ).encode()
