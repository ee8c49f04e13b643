"""GIFT import: the constructs of Moodle's GIFT documentation, written into a fixture."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from coursekit.__main__ import main
from coursekit.bank import load_bank
from coursekit.export.gift_import import import_gift

EXAMPLES = FIXTURES / "gift" / "moodle_examples.gift"


@pytest.fixture(scope="module")
def imported():
    return import_gift(EXAMPLES, "moodle-examples")


@pytest.fixture(scope="module")
def questions(imported):
    return {q["id"]: q for q in imported.bank["questions"]}


def line_of(text: str) -> int:
    return next(n for n, line in enumerate(EXAMPLES.read_text().splitlines(), 1) if text in line)


def test_category_names_the_bank(imported):
    assert imported.bank["id"] == "moodle-examples"
    assert imported.bank["title"] == "Moodle examples"


def test_multiple_choice(questions):
    sky = questions["colour-of-sky"]
    assert sky["type"] == "single"
    assert sky["prompt"] == "What colour is a clear midday sky?"
    assert [(o["text"], o.get("correct", False)) for o in sky["options"]] == [
        ("green", False), ("blue", True), ("purple", False),
    ]


def test_feedback_and_general_feedback(questions):
    banana = questions["banana"]
    assert banana["options"][0] == {"text": "yellow", "correct": True, "feedback": "Right: ripe bananas are yellow."}
    assert banana["options"][1]["feedback"] == "No, that is a tomato."
    assert banana["explanation"] == "Bananas turn yellow as they ripen."


def test_missing_word_keeps_a_blank_in_the_prompt(questions):
    water = questions["q3"]
    assert water["prompt"] == r"Water boils at \_\_\_\_\_ degrees Celsius at sea level."
    assert [o["text"] for o in water["options"] if o.get("correct")] == ["100"]


def test_true_false(imported, questions):
    assert questions["sun-east"] == {"id": "sun-east", "type": "true_false", "prompt": "The sun rises in the east.",
                                     "answer": True}
    assert questions["moon-cheese"]["answer"] is False
    line = line_of("::moon-cheese::")
    assert f"{EXAMPLES}:{line}: question moon-cheese: not carried: true/false answer feedback" in "\n".join(
        imported.problems
    )


def test_short_answer_and_matching(questions):
    assert questions["two-plus-two"]["type"] == "text"
    assert questions["two-plus-two"]["accept"] == ["four", "4"]
    assert questions["capitals"]["pairs"] == [
        {"left": "Canada", "right": "Ottawa"}, {"left": "Italy", "right": "Rome"}, {"left": "Japan", "right": "Tokyo"},
    ]


def test_numeric_forms(imported, questions):
    assert questions["year"] == {"id": "year", "type": "numeric", "prompt": questions["year"]["prompt"], "answer": 1912}
    assert questions["small-number"]["range"] == [1, 5]
    assert questions["partial-numeric"]["answer"] == 1822
    assert "tolerance" not in questions["partial-numeric"]
    assert any("partial-numeric: not carried: numeric answer '%50%1822:2'" in p for p in imported.problems)


def test_multiple_answers_with_weights(questions):
    primes = questions["primes"]
    assert primes["type"] == "multiple"
    assert [o["text"] for o in primes["options"] if o.get("correct")] == ["2", "3"]


def test_escaped_characters_come_back_literal(questions):
    assert questions["escapes"]["prompt"] == "Which is written 1=1 in GIFT: {braces} and # and ~?"
    assert questions["escapes"]["options"][0]["text"] == "yes, escaped"


def test_format_markers(imported, questions):
    assert questions["markdown-q"]["prompt"] == "Which word is **bold** here?"
    assert questions["html-q"]["prompt"] == "Which word is <b>bold</b> here?"
    assert any("html-q: not carried: HTML in the question text, kept as written" in p for p in imported.problems)


def test_essay_and_description_are_reported_with_their_lines(imported, questions):
    assert "essay" not in questions and "description" not in questions
    problems = "\n".join(imported.problems)
    assert f"{EXAMPLES}:{line_of('::essay::')}: question essay: not imported: an essay question" in problems
    description = f"{EXAMPLES}:{line_of('::description::')}: question description: not imported: no answers in braces"
    assert description in problems


def test_every_question_is_imported_or_reported(imported):
    blocks = [b for b in EXAMPLES.read_text().split("\n\n") if any(
        line.strip() and not line.strip().startswith(("//", "$CATEGORY")) for line in b.splitlines()
    )]
    not_imported = [p for p in imported.problems if "not imported" in p]
    assert len(imported.bank["questions"]) + len(not_imported) == len(blocks)


def test_import_command_writes_a_bank_that_loads(tmp_path, capsys):
    out = tmp_path / "moodle-examples.yml"
    assert main(["import", "gift", str(EXAMPLES), "--out", str(out)]) == 0
    bank = load_bank(out)
    captured = capsys.readouterr()
    assert f"{out}: {len(bank.questions)} questions" in captured.out
    assert "not imported: an essay question" in captured.err
    assert bank.question("primes").type == "multiple"
