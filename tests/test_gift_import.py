"""GIFT import with Moodle's meaning: the constructs of Moodle's GIFT documentation (written into a
fixture), GIFT files written by others (tests/fixtures/gift/third_party), and the import command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, FIXTURES
from coursekit.__main__ import main
from coursekit.course.bank import load_bank
from coursekit.course.check import check_path
from coursekit.export.gift_import import import_gift, parse_gift

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
    # A short answer in GIFT's missing-word form is a fill-in-the-blank question, its gap where the braces were.
    assert questions["two-plus-two"] == {"id": "two-plus-two", "type": "fill_blank",
                                         "prompt": "Two plus two equals ___.", "accept": ["four", "4"]}
    assert questions["capitals"]["pairs"] == [
        {"left": "Canada", "right": "Ottawa"}, {"left": "Italy", "right": "Rome"}, {"left": "Japan", "right": "Tokyo"},
    ]


def test_numeric_forms(imported, questions):
    assert questions["year"] == {"id": "year", "type": "numeric", "prompt": questions["year"]["prompt"], "answer": 1912}
    assert questions["small-number"]["range"] == [1, 5]
    assert questions["partial-numeric"]["answer"] == 1822
    assert "tolerance" not in questions["partial-numeric"]
    assert any("partial-numeric: not carried: numeric answer '1822:2' worth 50%" in p for p in imported.problems)


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


THIRD_PARTY = FIXTURES / "gift" / "third_party"


def parse(text: str) -> tuple[dict, list[str]]:
    imported = parse_gift(text, Path("quiz.gift"), "quiz")
    return {q["id"]: q for q in imported.bank["questions"]}, imported.problems


def right(question: dict) -> list[str]:
    return [o["text"] for o in question["options"] if o.get("correct")]


def test_moodles_own_examples_keep_their_keys():
    path = THIRD_PARTY / "gift_pegjs_format_php_examples.gift"
    imported = import_gift(path, "php-examples")
    questions = {q["id"]: q for q in imported.bank["questions"]}
    assert len(questions) == 10 and not [p for p in imported.problems if "not imported" in p]
    assert right(questions["q1"]) == ["no one"]
    assert right(questions["grant-s-tomb"]) == ["entombed"]
    assert questions["q3"]["answer"] is False
    assert questions["q4"]["accept"] == ["no one", "nobody"]
    assert (questions["q5"]["answer"], questions["q5"]["tolerance"]) == (1822, 5)
    assert [pair["right"] for pair in questions["q6"]["pairs"]] == ["Ottawa", "Rome", "Tokyo"]
    # `=` makes it single-choice: the %50% answer is partial credit the course does not carry.
    assert questions["q8"]["type"] == "single" and right(questions["q8"]) == ["full credit answer"]
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "Difficult multiple choice" in text)
    assert f"{path}:{line}: question q8: not carried: partial credit of 50% on answer 'half credit answer'" in (
        "\n".join(imported.problems)
    )
    hometown = questions["jesus-hometown-short-answer-ex"]
    assert (hometown["type"], hometown["prompt"], hometown["accept"]) == (
        "fill_blank", "Jesus Christ was from ___.", ["Nazareth"]
    )
    assert questions["numerical-example"]["answer"] == 1822 and "tolerance" not in questions["numerical-example"]


def test_a_matching_distractor_is_noted_and_format_markers_leave_the_items():
    path = THIRD_PARTY / "gift_pegjs_totara_match.gift"
    imported = import_gift(path, "activities")
    [question] = imported.bank["questions"]
    assert question["pairs"] == [
        {"left": "An activity supporting asynchronous discussions.", "right": "Forum"},
        {"left": "A teacher asks a question and specifies a choice of multiple responses.", "right": "Choice"},
        {"left": "A bank of record entries which participants can add to.", "right": "Database"},
        {"left": "A collection of web pages that anyone can add to or edit.", "right": "Wiki"},
    ]
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("::Moodle activities"))
    assert f"{path}:{line}: question moodle-activities: not carried: extra wrong answer 'Chat'" in (
        "\n".join(imported.problems)
    )


def test_answers_and_feedback_take_the_questions_format():
    imported = import_gift(THIRD_PARTY / "gift_pegjs_format_examples.gift", "sun")
    [question] = imported.bank["questions"]
    assert question["options"][0] == {"text": "<p>The east.</p>", "correct": True, "feedback": "<b>Awesome!</b>"}
    notes = [p.split("not carried: ")[1] for p in imported.problems]
    assert "HTML in an answer, kept as written (the course shows tags as text)" in notes
    assert "HTML in feedback on an answer, kept as written (the course shows tags as text)" in notes


def test_pygiftparser_examples():
    imported = import_gift(THIRD_PARTY / "pygiftparser_single.gift", "single")
    questions = {q["id"]: q for q in imported.bank["questions"]}
    assert right(questions["question-title-7"]) == ["A correct answer"]
    assert right(questions["jesus-hometown"]) == ["Nazareth"]
    assert questions["jesus-hometown-2"]["accept"] == ["Nazareth"]


def test_an_equals_answer_makes_a_single_choice_and_other_weights_are_dropped_with_a_note():
    questions, problems = parse("\n\n::pick::Pick one.{=right ~%50%half ~%-25%wrong}")
    assert questions["pick"]["type"] == "single" and right(questions["pick"]) == ["right"]
    assert problems == [
        f"quiz.gift:3: question pick: not carried: {lost} (in the course it is simply wrong)"
        for lost in ("partial credit of 50% on answer 'half'", "a penalty of -25% on answer 'wrong'")
    ]


def test_without_an_equals_answer_it_is_multiple_answer_even_with_one_right():
    questions, _ = parse("::all::Choose.{~%100%right ~%-100%wrong}\n\n::two::Choose.{~%50%a ~%50%b ~%-50%c}")
    assert questions["all"]["type"] == "multiple" and right(questions["all"]) == ["right"]
    assert questions["two"]["type"] == "multiple" and right(questions["two"]) == ["a", "b"]


def test_markers_in_answers_and_feedback():
    questions, problems = parse("::m::Which?{=[markdown]**bold**#[html]<b>yes</b> ~[plain]2*3 <x>#[markdown]*no*}")
    assert questions["m"]["options"] == [
        {"text": "**bold**", "correct": True, "feedback": "<b>yes</b>"},
        {"text": r"2\*3 \<x\>", "feedback": "*no*"},
    ]
    assert problems == ["quiz.gift:1: question m: not carried: HTML in feedback on an answer, kept as written "
                        "(the course shows tags as text)"]


def test_numeric_ranges_come_out_ordered():
    questions, problems = parse("::r::A number from 1 to 5?{#5..1}")
    assert questions["r"]["range"] == [1, 5] and problems == []


def test_questions_the_course_cannot_hold_are_reported_not_bent():
    questions, problems = parse(
        "::two-right::Seasons?{=spring =summer ~easter}\n\n::wild::Which?{=*ship}\n\n::short::One?{One}\n\n"
        "::numeric-other::Number?{#=3:2 ~#Completely wrong}"
    )
    assert set(questions) == {"short", "numeric-other"}
    assert questions["short"]["accept"] == ["One"]
    assert problems == [
        "quiz.gift:1: question two-right: not imported: 2 answers are fully right (=); "
        "a course single-choice question has one",
        "quiz.gift:3: question wild: not imported: no full-credit short answer without Moodle's * wildcard",
        "quiz.gift:7: question numeric-other: not carried: feedback for any other number "
        "(the course shows one explanation)",
    ]


def import_into(tmp_path, text: str, out_name: str, *extra: str) -> int:
    source = tmp_path / "in.gift"
    source.write_text(text, encoding="utf-8")
    return main(["import", "gift", str(source), "--out", str(tmp_path / out_name), *extra])


def test_import_never_replaces_a_file_without_force(tmp_path, capsys):
    out = tmp_path / "quiz.yml"
    out.write_text("my work\n", encoding="utf-8")
    assert import_into(tmp_path, "::a::Walking helps.{T}", "quiz.yml") == 2
    assert out.read_text(encoding="utf-8") == "my work\n"
    assert f"{out}: --out: already exists; add --force to replace it" in capsys.readouterr().err
    assert import_into(tmp_path, "::a::Walking helps.{T}", "quiz.yml", "--force") == 0
    assert load_bank(out).question("a").answer is True


def test_import_with_nothing_valid_writes_nothing(tmp_path, capsys):
    assert import_into(tmp_path, "::essay::Write.{}\n\n::info::Read this.", "quiz.yml") == 2
    assert not (tmp_path / "quiz.yml").exists()
    err = capsys.readouterr().err
    assert "in.gift:1: question essay: not imported: an essay question" in err
    assert f"no question could become a course question; {tmp_path / 'quiz.yml'} not written" in err


def test_the_bank_file_is_named_by_a_valid_quiz_id(tmp_path, capsys):
    assert import_into(tmp_path, "::a::Walking helps.{T}", "My Quiz (2).yml") == 2
    err = capsys.readouterr().err
    assert f"try --out {tmp_path / 'my-quiz-2.yml'}" in err
    assert list(tmp_path.glob("*.yml")) == []


def test_links_the_course_does_not_have_are_dropped_with_a_note(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    gift = (
        "// coursekit: faq=poor-circulation-in-back-causes,no-such-entry objective=no-such-objective\n"
        "::linked::Walking helps.{T}"
    )
    source = tmp_path / "in.gift"
    source.write_text(gift, encoding="utf-8")
    out = content / "quizzes" / "imported.yml"
    assert main(["import", "gift", str(source), "--out", str(out)]) == 0
    question = load_bank(out).question("linked")
    assert (question.faq, question.objective) == (("poor-circulation-in-back-causes",), None)
    err = capsys.readouterr().err
    assert f"{source}:2: question linked: not carried: link to FAQ entry 'no-such-entry'" in err
    assert f"{source}:2: question linked: not carried: objective 'no-such-objective' (no lesson has it)" in err
    assert check_path(content)[1] == []


def test_a_bank_that_would_fail_check_is_not_written(tmp_path, capsys):
    assert import_into(tmp_path, "$CATEGORY: $course$/Bad\x0btitle\n\n::a::Walking helps.{T}", "quiz.yml") == 2
    assert not (tmp_path / "quiz.yml").exists()
    err = capsys.readouterr().err
    assert f"{tmp_path / 'quiz.yml'}:2: title: contains the control character U+000B: remove it" in err
    assert f"{tmp_path / 'quiz.yml'} not written: the imported bank does not pass check" in err
