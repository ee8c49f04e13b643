"""Lesson notebooks hold their glossary terms and citations as links JupyterLab shows (coursekit.book.notebook_terms),
written from the book's glossary and bibliography; the book reads them back as the roles."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import ROOT
from coursekit.book.notebook_terms import BOOK_REFERENCES, Sources, main, to_book, to_notebook

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOURCES = Sources.of_book(ROOT / "book")


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.stem)
def test_each_lesson_holds_links_written_from_the_current_glossary_and_sources(path) -> None:
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert not re.search(r"\{(term|cite)\}`", markdown), f"{path.name}: run python -m coursekit.book.notebook_terms"
    # Written again from the book's glossary and references.bib, nothing changes: no definition or source is stale.
    assert to_notebook(notebook, SOURCES) == notebook, f"{path.name}: run python -m coursekit.book.notebook_terms"


def test_the_book_reads_roles_and_its_own_references_paragraph_back() -> None:
    lesson = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Narrow {term}`arteries <Artery>`, {term}`DVT`.{cite}`r4,s37` Again.{cite}`r4`"),
        nbformat.v4.new_markdown_cell(BOOK_REFERENCES),
        nbformat.v4.new_markdown_cell("## Looking back"),
    ])
    written = to_notebook(lesson, SOURCES)
    first, glossary, references, last = (cell.source for cell in written.cells)
    assert 'title="Artery: A blood vessel that carries blood away from the heart, out to the body.">arteries<' in first
    assert 'title="Deep vein thrombosis: A blood clot in one of the deep veins' in first
    cites = r'\.\[<a [^>]*data-cite="r4"[^>]*>1</a>, <a [^>]*data-cite="s37"[^>]*>2</a>\] Again\.\[<a [^>]*>1</a>\]'
    assert re.search(cites, first)
    assert glossary.startswith("## Glossary") and "\nArtery\n: A blood vessel" in glossary
    assert "\nDeep vein thrombosis\n: A blood clot" in glossary
    assert "\n1. Mayo Clinic. Peripheral artery disease: Diagnosis and treatment." in references
    assert "\n2. Aditya Sharma" in references
    assert last == "## Looking back"
    assert to_book(written) == lesson


def test_a_term_or_source_the_book_lacks_is_one_line_naming_the_notebook(tmp_path, capsys) -> None:
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("A {term}`wobble`.")]), path)
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: {{term}} names 'wobble', which book/glossary.md does not define\n"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("A claim.{cite}`nobody2020`")]), path)
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: {{cite}} names 'nobody2020', which book/references.bib does not have\n"


def test_no_book_folder_or_a_broken_notebook_is_one_line_and_status_2(tmp_path, monkeypatch, capsys) -> None:
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert main([str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"{broken}: not a notebook this can read (")
    monkeypatch.chdir(tmp_path)
    assert main([str(broken)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("book/references.bib or book/glossary.md: ") and error.count("\n") == 1
