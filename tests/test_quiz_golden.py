"""Golden snapshots of each question type's quiz HTML: the DOM contract the quiz's scripts rely on
(classes, ids, names, values, the grading key). A change shows as a diff to review; after reviewing it,
`COURSEKIT_UPDATE_GOLDEN=1 pytest tests/test_quiz_golden.py` rewrites the snapshots."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES
from coursekit.course.bank import Bank
from coursekit.qtypes import QUESTION_TYPES
from coursekit.quizzes.static_quiz import render_quiz
from samples import SAMPLES

GOLDEN = FIXTURES / "golden"


def snapshot(name: str) -> str:
    """The sample question of a type (its fieldset in a quiz), choices in a seeded order, indented per tag."""
    bank = Bank(id="golden", title="Golden", questions=(SAMPLES[name],))
    return BeautifulSoup(render_quiz(bank, "course", seed=1), "html.parser").fieldset.prettify()


@pytest.mark.parametrize("name", list(QUESTION_TYPES))
def test_each_types_quiz_html_is_its_reviewed_snapshot(name):
    path = GOLDEN / f"quiz-{name}.html"
    if os.environ.get("COURSEKIT_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(snapshot(name), encoding="utf-8")
    assert path.is_file(), f"no snapshot for {name}: run with COURSEKIT_UPDATE_GOLDEN=1, review it, commit it"
    assert snapshot(name) == path.read_text(encoding="utf-8")


def test_there_is_no_snapshot_of_a_type_that_is_gone():
    assert sorted(path.name for path in GOLDEN.glob("quiz-*.html")) == sorted(f"quiz-{n}.html" for n in QUESTION_TYPES)
