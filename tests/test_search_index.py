"""The learner book's search index holds no quiz answer: no lesson is found by words only its answers contain."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from sphinx.search.en import SearchEnglish

from conftest import BUILD
from coursekit.book.search_index import ANSWER

LESSONS = sorted(p.stem for p in BUILD.glob("notebooks/0*.html"))


def _indexed(language: SearchEnglish, word: str) -> str | None:
    """The term Sphinx's index would file `word` under (sphinx.search.IndexBuilder.feed), or None."""
    stemmed = language.stem(word).lower()
    if language.word_filter(stemmed):
        return stemmed
    return word if language.word_filter(word) else None


def _stems(language: SearchEnglish, html: str) -> set[str]:
    text = unescape(re.sub(r"<[^<]+?>", " ", re.sub(r"<(script|style).*?</\1>", "", html, flags=re.DOTALL)))
    return {_indexed(language, word) for word in language.split(text)} - {None}


@pytest.mark.parametrize("lesson", LESSONS or ["none"])
def test_no_lesson_is_found_by_words_only_its_quiz_answers_contain(lesson):
    page = BUILD / "notebooks" / f"{lesson}.html"
    if not page.is_file():
        pytest.fail(f"no built lesson {page}: run `make book` first")
    html = page.read_text(encoding="utf-8")
    language = SearchEnglish({})
    only_in_answers = _stems(language, " ".join(ANSWER.findall(html))) - _stems(language, ANSWER.sub("", html))
    assert only_in_answers, f"{lesson} has no answer words of its own to look for"
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)", (BUILD / "searchindex.js").read_text("utf-8")).group(1))
    doc = index["docnames"].index(f"notebooks/{lesson}")
    found = set()
    for stem in only_in_answers:
        docs = index["terms"].get(stem, [])
        if doc in (docs if isinstance(docs, list) else [docs]):
            found.add(stem)
    assert found == set()
