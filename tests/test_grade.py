"""Grading: every question type with right, wrong, partial, empty and odd answers."""

from __future__ import annotations

import pytest

from coursekit.qtypes.choice import MultipleChoice, SingleChoice
from coursekit.qtypes.grade import Grade, grade, normalize_text, parse_number
from coursekit.qtypes.matching import Matching
from coursekit.qtypes.numeric import Numeric
from coursekit.qtypes.ordering import Ordering
from coursekit.qtypes.text import TextAnswer
from coursekit.qtypes.true_false import TrueFalse

RIGHT, WRONG, EMPTY = Grade(True, True, 1.0), Grade(True, False, 0.0), Grade(False, False, 0.0)


def options(*correct: bool) -> list[dict]:
    return [{"text": f"Option {i}", "correct": right} for i, right in enumerate(correct)]


SINGLE = SingleChoice(id="s", type="single", prompt="?", options=options(False, True, False))
MULTIPLE = MultipleChoice(id="m", type="multiple", prompt="?", options=options(True, False, True, False))
TRUE = TrueFalse(id="t", type="true_false", prompt="?", answer=True)
FALSE = TrueFalse(id="f", type="true_false", prompt="?", answer=False)
EXACT = Numeric(id="n", type="numeric", prompt="?", answer=120)
TOLERANT = Numeric(id="n", type="numeric", prompt="?", answer=2.5, tolerance=0.1)
RANGE = Numeric(id="n", type="numeric", prompt="?", range=[-1, 3])
MATCHING = Matching(
    id="x", type="matching", prompt="?",
    pairs=[{"left": left, "right": right} for left, right in zip("ABCD", "1234", strict=True)],
)
TEXT = TextAnswer(id="w", type="text", prompt="?", accept=["Vascular surgeon", "angiologist"])
ORDERING = Ordering(id="o", type="ordering", prompt="?", items=["First", "Second", "Third", "Fourth"])


@pytest.mark.parametrize(
    ("question", "response", "expected"),
    [
        (SINGLE, 1, RIGHT),
        (SINGLE, 0, WRONG),
        (SINGLE, 2, WRONG),
        (SINGLE, None, EMPTY),
        (MULTIPLE, [0, 2], RIGHT),
        (MULTIPLE, [2, 0], RIGHT),
        (MULTIPLE, [0], Grade(True, False, 0.5)),
        (MULTIPLE, [0, 2, 1], Grade(True, False, 0.5)),
        (MULTIPLE, [0, 1], Grade(True, False, 0.0)),
        (MULTIPLE, [1, 3], WRONG),
        (MULTIPLE, [0, 1, 2, 3], Grade(True, False, 0.0)),
        (MULTIPLE, [], EMPTY),
        (MULTIPLE, None, EMPTY),
        (TRUE, True, RIGHT),
        (TRUE, False, WRONG),
        (FALSE, False, RIGHT),
        (FALSE, True, WRONG),
        (TRUE, None, EMPTY),
        (EXACT, "120", RIGHT),
        (EXACT, " 1 20 ", RIGHT),
        (EXACT, "120.0", RIGHT),
        (EXACT, "1.2e2", RIGHT),
        (EXACT, "121", WRONG),
        (EXACT, "", EMPTY),
        (EXACT, "about 120", EMPTY),
        (EXACT, "1,2,0", EMPTY),
        (TOLERANT, "2.6", RIGHT),
        (TOLERANT, "2,4", RIGHT),
        (TOLERANT, "2.61", WRONG),
        (TOLERANT, "-2.5", WRONG),
        (RANGE, "-1", RIGHT),
        (RANGE, "3", RIGHT),
        (RANGE, "+0.5", RIGHT),
        (RANGE, "3.01", WRONG),
        (RANGE, "-1.5", WRONG),
        (RANGE, "nan", EMPTY),
        (MATCHING, [0, 1, 2, 3], RIGHT),
        (MATCHING, [1, 0, 2, 3], Grade(True, False, 0.5)),
        (MATCHING, [0, None, None, None], Grade(True, False, 0.25)),
        (MATCHING, [3, 2, 1, 0], WRONG),
        (MATCHING, [None, None, None, None], EMPTY),
        (MATCHING, [], EMPTY),
        (MATCHING, [0, 1, 2, 3, 4], RIGHT),
        (TEXT, "vascular surgeon", RIGHT),
        (TEXT, "  VASCULAR   Surgeon ", RIGHT),
        (TEXT, "Angiologist", RIGHT),
        (TEXT, "\uff41ngiologist", RIGHT),
        (TEXT, "vascular", WRONG),
        (TEXT, "surgeon vascular", WRONG),
        (TEXT, "   ", EMPTY),
        (TEXT, "", EMPTY),
        (ORDERING, [0, 1, 2, 3], RIGHT),
        (ORDERING, [1, 0, 2, 3], Grade(True, False, 0.5)),
        (ORDERING, [0, 2, 3, 1], Grade(True, False, 0.25)),
        (ORDERING, [3, 2, 1, 0], WRONG),
        (ORDERING, [1, 2, 3, 0], WRONG),
        (ORDERING, [0, 1, 2], EMPTY),
        (ORDERING, [0, 1, 2, 3, 0], EMPTY),
        (ORDERING, [0, 1, 2, 2], EMPTY),
        (ORDERING, [0, 1, 2, 4], EMPTY),
        (ORDERING, [0, 1, 2, None], EMPTY),
        (ORDERING, [True, False, 2, 3], EMPTY),
        (ORDERING, ["0", "1", "2", "3"], EMPTY),
        (ORDERING, [], EMPTY),
        (ORDERING, None, EMPTY),
    ],
)
def test_grade(question, response, expected):
    assert grade(question, response) == expected


def test_an_unanswered_question_scores_nothing_and_is_not_wrong():
    result = grade(SINGLE, None)
    assert (result.answered, result.correct, result.score) == (False, False, 0.0)


@pytest.mark.parametrize(("text", "number"), [("3", 3.0), ("-0.5", -0.5), (".5", 0.5), ("1 000", 1000.0),
                                             ("3,5", 3.5), ("1e3", 1000.0)])
def test_numbers_are_read_as_a_learner_types_them(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "three", "1.2.3", "1,000.5,2", "0x10", "inf", "--1", None])
def test_what_is_not_a_number_is_not_read_as_one(text):
    assert parse_number(text) is None


def test_text_comparison_ignores_case_spacing_and_width():
    assert normalize_text("  Vitamin\tB12 ") == normalize_text("vitamin \uff4212") == "vitamin b12"
