"""The book's Sphinx extension: notebook links become page links; bad content stops the build."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

from conftest import CONTENT
from coursekit.book.sphinx import check_course_content, notebook_links_to_pages


def test_links_to_notebooks_become_links_to_book_pages():
    html = '<a href="source-faq.ipynb#faq-x">a</a> <a href="https://example.org/n.ipynb">b</a> <a href="01-c.ipynb">'
    assert notebook_links_to_pages(html) == (
        '<a href="source-faq.html#faq-x">a</a> <a href="https://example.org/n.ipynb">b</a> <a href="01-c.html">'
    )


def test_the_build_stops_with_the_content_problems(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    faq = tmp_path / "content" / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    line = text[: text.index("topic: causes")].count("\n") + 1
    faq.write_text(text.replace("topic: causes", "topic: cause", 1), encoding="utf-8")
    with pytest.raises(ExtensionError) as raised:
        check_course_content(SimpleNamespace(srcdir=str(tmp_path), doctreedir=str(tmp_path / "doctrees")))
    assert f"{faq}:{line}: entry poor-circulation-in-back-causes: topic: Input should be" in str(raised.value)


def test_the_build_goes_on_when_the_content_is_valid(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    check_course_content(SimpleNamespace(srcdir=str(tmp_path), doctreedir=str(tmp_path / "doctrees")))
