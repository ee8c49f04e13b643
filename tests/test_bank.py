"""Question banks: loading, the type registry, and the exact message for each malformed bank."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT
from coursekit.course.bank import QUESTION_TYPES, load_bank
from coursekit.course.check import check_path
from coursekit.source import ContentError

BANKS = FIXTURES / "banks"
TYPE_LIST = ", ".join(QUESTION_TYPES)

# Each malformed fixture and every line `python -m coursekit check FILE` prints for it (without the path).
EXPECTED = {
    "bank_unknown_type.yml": [f"5: question essay: type: unknown question type 'essay' (one of: {TYPE_LIST})"],
    "bank_missing_type.yml": [f"4: question no-type: type: missing (one of: {TYPE_LIST})"],
    "bank_single_two_correct.yml": [
        "7: question two-right: options: 2 options are marked correct; a single-choice question needs exactly one"
    ],
    "bank_no_correct_option.yml": ["7: question nothing-right: options: no option is marked correct: true"],
    "bank_single_one_option.yml": ["7: question no-choice: options: needs at least 2 options (found 1)"],
    "bank_duplicate_option_text.yml": ["7: question twins: options: two options have the same text (numbers 1 and 2)"],
    "bank_option_missing_text.yml": ["9: question silent-option: options[1].text: Field required"],
    "bank_unknown_key.yml": [
        "8: question misspelt: explaination: unknown key "
        "(a true_false question has: id, type, prompt, explanation, faq, objective, answer)"
    ],
    "bank_duplicate_question_id.yml": ["8: question same: id: duplicate id (first used on line 4)"],
    "bank_unknown_faq_id.yml": ["8: question cites-nothing: faq: no FAQ entry has id 'drinking-coffee'"],
    "bank_empty_prompt.yml": ["6: question blank: prompt: must not be empty"],
    "bank_bad_range.yml": ["7: question backwards: range: the low end 10 is above the high end 2"],
    "bank_numeric_answer_and_range.yml": ["8: question both: range: give answer or range, not both"],
    "bank_numeric_no_answer.yml": [
        "4: question neither: range: missing: give answer (with an optional tolerance) or range"
    ],
    "bank_tolerance_with_range.yml": [
        "8: question range-and-tolerance: tolerance: a tolerance goes with answer, not with range"
    ],
    "bank_negative_tolerance.yml": ["8: question minus: tolerance: must be 0 or more, not -1"],
    "bank_true_false_not_boolean.yml": ["7: question maybe: answer: must be true or false, not 'maybe'"],
    "bank_matching_one_pair.yml": ["7: question lonely: pairs: needs at least 2 pairs (found 1)"],
    "bank_matching_duplicate_right.yml": [
        "7: question repeats: pairs: two pairs' right sides have the same text (numbers 1 and 2)"
    ],
    "bank_text_no_accept.yml": ["7: question nothing-accepted: accept: needs at least 1 accepted answer (found 0)"],
    "bank_bad_id_slug.yml": [
        "4: question Pick One!: id: 'Pick One!' is not an id: "
        "use lowercase letters, digits and single hyphens (like 'walking-helps')"
    ],
    "bank_question_not_mapping.yml": ["4: question #1: a question is a mapping of fields"],
    "bank_missing_questions.yml": ["1: questions: Field required"],
    "bank_yaml_syntax.yml": ["9: YAML: expected ',' or '}', but got '{'"],
    "bank_correct_yes_string.yml": ["8: question quoted-yes: options[0].correct: must be true or false, not 'yes'"],
    "bank_correct_one.yml": ["9: question one-for-true: options[0].correct: must be true or false, not 1"],
    "bank_true_false_yes.yml": ["7: question yes-in-quotes: answer: must be true or false, not 'yes'"],
    "bank_binary_tag.yml": ["6: YAML: tags such as !!binary are not allowed: write a plain value"],
    "bank_alias.yml": ["6: YAML: anchors (&same) are not allowed: write the value out"],
    "bank_nan_answer.yml": ["7: question not-a-number: answer: must be a finite number, not nan"],
    "bank_infinite_range.yml": ["7: question endless: range[1]: must be a finite number, not inf"],
    "bank_number_as_text.yml": ["7: question quoted-number: answer: must be a number, not the text '60'"],
    "bank_id_too_long.yml": [
        "4: question this-question-id-goes-on-and-on-far-longer-than-anyone-could-type-or-read: id: "
        "is 73 characters long; an id has at most 64"
    ],
    "bank_control_character.yml": ["6: question bell: prompt: contains the control character U+0007: remove it"],
}


def run_check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coursekit", "check", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_every_malformed_fixture_has_an_expected_message():
    valid = {"bank_valid_every_type.yml", "bank_xss_payloads.yml"}
    malformed = {path.name for path in BANKS.glob("bank_*.yml")} - valid
    assert malformed == set(EXPECTED) | {"bank_empty_file.yml"}
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_malformed_bank_gives_its_exact_message(name):
    path = BANKS / name
    summary, problems = check_path(path)
    assert summary == ""
    assert [str(problem) for problem in problems] == [f"{path}:{line}" for line in EXPECTED[name]]


def test_an_empty_file_is_reported_without_a_line():
    path = BANKS / "bank_empty_file.yml"
    _, problems = check_path(path)
    assert [str(problem) for problem in problems] == [f"{path}: file: a bank is a mapping with id, title and questions"]


@pytest.mark.parametrize("name", ["bank_unknown_key.yml", "bank_yaml_syntax.yml", "bank_numeric_answer_and_range.yml"])
def test_check_command_exits_2_with_the_message_and_no_traceback(name):
    relative = f"tests/fixtures/banks/{name}"
    result = run_check(relative)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.splitlines() == [f"{relative}:{line}" for line in EXPECTED[name]] + ["1 problem(s) found"]


def test_a_bank_outside_content_resolves_faq_ids_against_the_course_faq(tmp_path):
    # Run from elsewhere: only the bank's path ties it to the course. `drinking-water` is in
    # content/faq.yml, `drinking-coffee` is not: exactly one problem, for the second.
    path = BANKS / "bank_unknown_faq_id.yml"
    result = run_check(str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{path}:{EXPECTED[path.name][0]}", "1 problem(s) found"]


def test_a_valid_bank_outside_content_passes_check():
    result = run_check("tests/fixtures/banks/bank_valid_every_type.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: tests/fixtures/banks/bank_valid_every_type.yml: 7 questions\n"


def test_every_problem_in_a_bank_is_reported_at_once(tmp_path):
    bank = tmp_path / "two-problems.yml"
    bank.write_text(
        "id: two-problems\ntitle: Two problems\nquestions:\n"
        "  - {id: a, type: true_false, prompt: '', answer: true}\n"
        "  - {id: b, type: essay, prompt: Write.}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_bank(bank)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{bank}:4: question a: prompt: must not be empty",
        f"{bank}:5: question b: type: unknown question type 'essay' (one of: {TYPE_LIST})",
    ]


def test_the_registry_has_one_model_per_type():
    assert all(model.type_name == name for name, model in QUESTION_TYPES.items())


def test_a_valid_bank_loads_as_typed_questions_in_bank_order():
    bank = load_bank(BANKS / "bank_valid_every_type.yml", {"vitamins-for-circulation", "walking-and-circulation",
                                                          "drinking-water"})
    assert bank.id == "every-type"
    assert [q.type for q in bank.questions] == ["single", "multiple", "true_false", "numeric", "numeric",
                                                 "matching", "text"]
    first = bank.question("pick-one")
    assert type(first) is QUESTION_TYPES["single"]
    assert first.options[0].feedback == "Yes, potassium is a mineral."
    assert first.faq == ("vitamins-for-circulation",)
    assert bank.question("how-many").bounds == (115, 125)
    assert type(bank.question("in-range")) is QUESTION_TYPES["numeric"]
    assert bank.question("in-range").bounds == (1, 3)
    assert type(bank.question("match-them")) is QUESTION_TYPES["matching"]
    with pytest.raises(KeyError, match="no question 'nope'"):
        bank.question("nope")


def test_faq_ids_are_not_checked_when_none_are_given():
    bank = load_bank(BANKS / "bank_unknown_faq_id.yml")
    assert bank.questions[0].faq == ("drinking-water", "drinking-coffee")


def test_an_ordering_question_needs_three_distinct_items(tmp_path):
    bank = tmp_path / "orderings.yml"
    bank.write_text(
        "id: orderings\ntitle: Orderings\nquestions:\n"
        "  - {id: too-few, type: ordering, prompt: Order them., items: [First, Second]}\n"
        "  - {id: twice, type: ordering, prompt: Order them., items: [First, Second, First]}\n"
        "  - {id: blank, type: ordering, prompt: Order them., items: [First, Second, '']}\n"
        "  - {id: fine, type: ordering, prompt: Order them., items: [First, Second, Third]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_bank(bank)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{bank}:4: question too-few: items: needs at least 3 items (found 2)",
        f"{bank}:5: question twice: items: two items have the same text (numbers 1 and 3)",
        f"{bank}:6: question blank: items[2]: must not be empty",
    ]
