"""Glossary terms and citations in the lesson notebooks, readable in JupyterLab and Notebook 7 without the book.

The book marks them with Sphinx roles (`{term}` and `{cite}`), which JupyterLab cannot resolve: it shows dead
links and bare keys. A lesson notebook holds instead HTML that JupyterLab's sanitizer keeps:
- a term is a link to the notebook's Glossary cell, titled with its definition from `book/glossary.md`
  (`coursekit.notebook_style()` shows that title under its line on hover and on keyboard focus);
- a citation is bracketed numbers, each a link to the notebook's References cell titled with its source from
  `book/references.bib`, numbered in order of first use in the lesson;
- a Glossary cell and a References cell list what the lesson uses.
`to_notebook` writes that form (from the roles, or again from itself when the glossary or the sources changed);
`to_book` gives the book the roles and its own References paragraph back, so the book's pages do not change.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.validator import ValidationError as NBFormatError
from pybtex.database import parse_file
from pybtex.exceptions import PybtexError
from pybtex.plugin import find_plugin

from coursekit.course.glossary import CITE_ROLE, TERM_ROLE, glossary_definitions
from coursekit.source import ContentError

TERM_LINK = re.compile(r'<a class="coursekit-term" data-term="([^"]*)" href="#glossary" title="[^"]*">(.*?)</a>', re.S)
CITE_LINKS = re.compile(r'\[((?:<a class="coursekit-cite" data-cite="[^"]*" href="#references" title="[^"]*">\d+</a>'
                        r'(?:, )?)+)\]')
CITE_KEY = re.compile(r'data-cite="([^"]*)"')
# The cells this module writes are marked in their metadata; the book leaves them out.
MARK = "coursekit"
BOOK_REFERENCES = ("## References\n\nEach citation in this lesson links to its entry on the "
                   "[References](../book/references.md) page, which lists every source of the course.")
GLOSSARY_HEADING = ("## Glossary\n\nThe words this lesson explains, as the course's "
                    "[Glossary](../book/glossary.md) defines them.")
REFERENCES_HEADING = ("## References\n\nThe sources this lesson cites, numbered in order of first use. The course's "
                      "[References](../book/references.md) page lists every source.")


@dataclass(frozen=True)
class Sources:
    """What the notebooks' terms and citations are written from: the book's glossary and its bibliography."""

    glossary: dict[str, tuple[str, str]]
    references: dict[str, str]

    @classmethod
    def of_book(cls, book: Path) -> Sources:
        """A book folder's glossary, and its sources as one line of Markdown each (as its unsrt style formats them)."""
        bibliography = parse_file(str(book / "references.bib"))
        style = find_plugin("pybtex.style.formatting", "unsrt")()
        references = {entry.key: _plain(" ".join(entry.text.render_as("markdown").split()))
                      for entry in style.format_entries(bibliography.entries.values())}
        return cls(glossary_definitions(book / "glossary.md"), references)

    def definition(self, target: str) -> tuple[str, str]:
        """A term's entry name and definition; KeyError names a term the glossary lacks."""
        try:
            return self.glossary[" ".join(target.split()).lower()]
        except KeyError:
            raise KeyError(f"{{term}} names {target!r}, which book/glossary.md does not define") from None

    def reference(self, key: str) -> str:
        """A source as one line of Markdown; KeyError names a key the bibliography lacks."""
        try:
            return self.references[key]
        except KeyError:
            raise KeyError(f"{{cite}} names {key!r}, which book/references.bib does not have") from None


def _plain(markdown: str) -> str:
    """pybtex's Markdown without the escapes that only matter at the start of a line (`\\.`, `\\-`, `\\(`...)."""
    return re.sub(r"\\([.\-()!+#])", r"\1", markdown)


def _attribute(markdown: str) -> str:
    """Markdown as the plain text of an HTML attribute: links as their text, escapes and emphasis dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\\(.)", r"\1", text).replace("*", "")
    return html.escape(text, quote=True)


def _term_link(text: str, target: str | None, sources: Sources) -> str:
    """A term as a link; `data-term` keeps the role's own target (empty when it has none) for the book."""
    name, definition = sources.definition(" ".join((target or text).split()))
    return (f'<a class="coursekit-term" data-term="{html.escape(target or "")}" href="#glossary" '
            f'title="{_attribute(f"{name}: {definition}")}">{text}</a>')


def _cite_links(keys: list[str], numbers: dict[str, int], sources: Sources) -> str:
    links = [f'<a class="coursekit-cite" data-cite="{html.escape(key)}" href="#references" '
             f'title="{_attribute(sources.reference(key))}">{numbers.setdefault(key, len(numbers) + 1)}</a>'
             for key in keys]
    return f"[{', '.join(links)}]"


def _roles(markdown: str) -> str:
    """Markdown with this module's links turned back into `{term}` and `{cite}` roles."""
    def term(match: re.Match) -> str:
        target, text = html.unescape(match.group(1)), match.group(2)
        return f"{{term}}`{text} <{target}>`" if target else f"{{term}}`{text}`"

    markdown = TERM_LINK.sub(term, markdown)
    return CITE_LINKS.sub(lambda m: f"{{cite}}`{','.join(map(html.unescape, CITE_KEY.findall(m.group(1))))}`",
                          markdown)


def _mark(cell) -> str | None:
    return cell.metadata.get(MARK) if cell.cell_type == "markdown" else None


def to_notebook(notebook: nbformat.NotebookNode, sources: Sources) -> nbformat.NotebookNode:
    """A copy of a lesson notebook with its terms and citations as links, and its Glossary and References cells."""
    book = to_book(notebook)
    terms: dict[str, tuple[str, str]] = {}
    numbers: dict[str, int] = {}

    def term(match: re.Match) -> str:
        entry = sources.definition(" ".join((match.group(2) or match.group(1)).split()))
        terms.setdefault(entry[0], entry)
        return _term_link(match.group(1), match.group(2), sources)

    cells, place, references_id = [], None, "references"
    for cell in book.cells:
        if cell.cell_type == "markdown" and cell.source == BOOK_REFERENCES:
            place, references_id = len(cells), cell.get("id", references_id)
            continue
        if cell.cell_type == "markdown":
            source = TERM_ROLE.sub(term, cell.source)
            source = CITE_ROLE.sub(lambda m: _cite_links([k.strip() for k in m.group(1).split(",")], numbers, sources),
                                   source)
            cell = nbformat.from_dict({**cell, "source": source})
        cells.append(cell)
    generated = []
    if terms:
        definitions = "\n\n".join(f"{name}\n: {definition}" for name, definition in sorted(terms.values()))
        generated.append(_generated("glossary", "glossary", f"{GLOSSARY_HEADING}\n\n{definitions}"))
    if numbers:
        listed = "\n".join(f"{number}. {sources.reference(key)}" for key, number in numbers.items())
        generated.append(_generated("references", references_id, f"{REFERENCES_HEADING}\n\n{listed}"))
    place = len(cells) if place is None else place
    return nbformat.from_dict({**book, "cells": cells[:place] + generated + cells[place:]})


def _generated(kind: str, cell_id: str, source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source, metadata={MARK: kind})
    cell["id"] = cell_id
    return cell


def to_book(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of a lesson notebook as the book reads it: roles for links, the book's References paragraph in place
    of the References cell, no Glossary cell."""
    cells = []
    for cell in notebook.cells:
        if _mark(cell) == "references":
            cell = nbformat.from_dict({**cell, "source": BOOK_REFERENCES, "metadata": {}})
        elif _mark(cell):
            continue
        elif cell.cell_type == "markdown":
            cell = nbformat.from_dict({**cell, "source": _roles(cell.source)})
        cells.append(cell)
    return nbformat.from_dict({**notebook, "cells": cells})


def book_source(source: str) -> str:
    """A notebook file's text as the book reads it (`to_book`); other text unchanged."""
    if "coursekit-term" not in source and "coursekit-cite" not in source:
        return source
    return json.dumps(to_book(nbformat.reads(source, as_version=4)), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    """Rewrite lesson notebooks in place with their terms and citations as links (`to_notebook`), from the book
    folder of the current directory; a problem is one line and exit status 2."""
    try:
        sources = Sources.of_book(Path("book"))
    except (OSError, PybtexError, ContentError) as error:
        print(f"book/references.bib or book/glossary.md: {error} (run this in the course's folder)", file=sys.stderr)
        return 2
    for name in argv:
        path = Path(name)
        try:
            notebook = nbformat.read(path, as_version=4)
            written = to_notebook(notebook, sources)
        except KeyError as error:
            print(f"{path}: {error.args[0]}", file=sys.stderr)
            return 2
        except (OSError, ValueError, NBFormatError) as error:
            print(f"{path}: not a notebook this can read ({error})", file=sys.stderr)
            return 2
        if written != notebook:
            nbformat.write(written, path)
            print(f"{path}: terms and citations written as links")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
