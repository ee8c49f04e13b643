"""`python -m coursekit check`: exit 0 on valid content, exit 2 with one clean line per problem."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest

from conftest import CONTENT, FIXTURES, ROOT
from coursekit.__main__ import main
from test_faq import MALFORMED


def run_check(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "coursekit", "check", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


def test_the_course_content_is_valid():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ok: {CONTENT}: 25 FAQ entries, ")


def test_a_faq_file_can_be_checked_on_its_own():
    result = run_check(CONTENT / "faq.yml")
    assert result.returncode == 0
    assert result.stdout == f"ok: {CONTENT / 'faq.yml'}: 25 FAQ entries\n"


@pytest.mark.parametrize("name", ["faq_misspelt_key.yml", "faq_yaml_syntax.yml", "faq_duplicate_id.yml"])
def test_a_malformed_file_exits_2_with_its_problems_and_no_traceback(name):
    path = FIXTURES / "faq" / name
    result = run_check(path)
    assert result.returncode == 2
    expected = [f"{path}:{line}" for line in MALFORMED[name]]
    assert result.stderr.splitlines() == [*expected, f"{len(expected)} problem(s) found"]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""


def test_problems_of_several_paths_are_all_reported():
    paths = [FIXTURES / "faq" / "faq_missing_answer.yml", FIXTURES / "faq" / "faq_empty_question.yml"]
    result = run_check(*paths)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        f"{paths[0]}:3: entry walking: answer: Field required",
        f"{paths[1]}:5: entry walking: question: must not be empty",
    ]


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path):
    result = run_check(tmp_path / "nowhere.yml")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'nowhere.yml'}: file: no such file or folder"


def test_a_broken_content_folder_fails_the_check(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    faq = content / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("topic: causes", "topic: cause", 1), encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 2
    assert "entry poor-circulation-in-back-causes: topic: Input should be 'causes'" in result.stderr


def test_check_without_paths_finds_the_course_from_a_subfolder():
    result = run_check(cwd=ROOT / "notebooks")
    assert result.returncode == 0
    assert f"ok: {CONTENT}: " in result.stdout


def deeply_nested_flow() -> str:
    return "id: deep\ntitle: Deep\nquestions: " + "[" * 100_000 + "]" * 100_000 + "\n"


def deeply_nested_block() -> str:
    return "id: deep\ntitle: Deep\nquestions:\n" + "".join("  " * depth + "- \n" for depth in range(1, 300))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (deeply_nested_flow, "3: YAML: nested more than 32 levels deep"),
        (deeply_nested_block, "35: YAML: nested more than 32 levels deep"),
        (lambda: "title: " + "x" * 1_000_001, " file: is 1,000,008 bytes; a content file has at most 1,000,000"),
        (lambda: "title: caf\xe9\n".encode("latin-1"), " file: is not UTF-8 text"),
        (lambda: "id: x\ntitle: a\x00b\n", "2: YAML: the character U+0000 is not allowed in YAML: remove it"),
    ],
    ids=["deep-flow", "deep-block", "huge", "latin-1", "nul"],
)
def test_unusable_yaml_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "quiz.yml"
    data = content()
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = run_check(path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{path}:{message}", "1 problem(s) found"]


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_faq_answer_that_differs_from_the_source_fails_the_check(content):
    faq = content / "faq.yml"
    edit(faq, '"Numbness."', '"Numbness or tingling."')
    result = run_check(content)
    assert result.returncode == 2
    source_line = line_of(content / "source" / "faq.txt", "Numbness.")
    assert result.stderr.splitlines() == [
        f"{faq}:{line_of(faq, 'Numbness or tingling.')}: entry first-signs-of-poor-circulation: answer[2].bullets[4]: "
        f"differs from source/faq.txt line {source_line}, which reads '• Numbness.'",
        "1 problem(s) found",
    ]


def test_a_faq_line_the_source_does_not_have_fails_the_check(content):
    faq = content / "faq.yml"
    edit(faq, '          - "Chest pain."\n', '          - "Chest pain."\n          - "Back pain."\n')
    result = run_check(faq)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{faq}:{line_of(faq, 'Back pain.')}: entry first-signs-of-poor-circulation: answer[2].bullets[6]: "
        "is not in source/faq.txt",
        "1 problem(s) found",
    ]


def test_a_faq_line_missing_from_faq_yml_is_named_with_its_source_line(content):
    faq, source = content / "faq.yml", content / "source" / "faq.txt"
    edit(faq, '          - "Chest pain."\n', "")
    result = run_check(faq)
    assert result.returncode == 2
    expected = f"source/faq.txt line {line_of(source, 'Chest pain.')} is not quoted: '• Chest pain.'"
    assert expected in result.stderr


def test_instructor_notes_are_checked_with_the_rest_of_the_course(content):
    notes = content / "instructor.yml"
    edit(notes, "  - id: causes\n", "  - id: causez\n")
    result = run_check(content)
    assert result.returncode == 2
    assert f"{notes}:{line_of(notes, 'id: causez')}: lesson causez: id: no lesson in lessons.yml has id 'causez'" \
        in result.stderr.splitlines()
    alone = run_check(notes)
    assert alone.returncode == 2
    assert "no lesson in lessons.yml has id 'causez'" in alone.stderr


@pytest.mark.parametrize(
    ("name", "summary"),
    [("lessons.yml", "5 lessons"), ("instructor.yml", "notes for 5 lessons"),
     ("course.yml", "course circulation-and-back-pain")],
)
def test_each_content_file_can_be_checked_on_its_own(name, summary):
    result = run_check(CONTENT / name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"ok: {CONTENT / name}: {summary}\n"


# Hostile content: each case appends to (or edits) a copy of the course and names the one line `check` prints.
APPENDED = {
    "infinite-tolerance": ("numeric", "answer: 1.7e308\n    tolerance: 1.7e308",
                           "tolerance: 1.7e+308 ± 1.7e+308 goes beyond the largest number a quiz can hold"),
    "infinite-range": ("numeric", "range: [1, 1e400]", "range[1]: must be a finite number, not inf"),
    "nfc-nfd-twins": ("single", 'options:\n      - {text: "caf\\u00e9", correct: true}\n      - {text: "cafe\\u0301"}',
                      "options: two options have texts that look the same (numbers 1 and 2)"),
    "invisible-twin": ("ordering", 'items: [Sit, "Sit\\u200b", Walk]',
                       "items: two items have texts that look the same (numbers 1 and 2)"),
    "pair-twin": ("matching", 'pairs:\n      - {left: "A\\u00a0 b", right: X}\n      - {left: "A b", right: Y}',
                  "pairs: two pairs' left sides have texts that look the same (numbers 1 and 2)"),
    "bidi-control": ("true_false", 'answer: true\n    explanation: "Safe \\u202e efas"',
                     "explanation: contains the bidirectional control U+202E: remove it"),
    "noncharacter": ("true_false", 'answer: true\n    explanation: "x\\ufffe"',
                     "explanation: contains the noncharacter U+FFFE: remove it"),
    "noncharacter-unit": ("numeric", 'answer: 1\n    unit: "kg\\U0010FFFF"',
                          "unit: contains the noncharacter U+10FFFF"),
    "untypable-answer": ("text", 'accept: [ABI, "A\\u200dBI"]',
                         "accept: accepted answer 2 holds U+200D, which no one can type: remove it"),
    "private-use-answer": ("text", 'accept: ["\\ue000"]',
                           "accept: accepted answer 1 holds U+E000, which no one can type"),
}


@pytest.mark.parametrize("case", APPENDED)
def test_hostile_questions_are_one_line_each_with_file_line_id_and_field(content, capsys, case):
    kind, fields, message = APPENDED[case]
    bank = content / "quizzes" / "causes.yml"
    lines = len(bank.read_text(encoding="utf-8").splitlines())
    with bank.open("a", encoding="utf-8") as out:
        out.write(f"  - id: hostile\n    type: {kind}\n    prompt: Hostile?\n    {fields}\n")
    for path in (content, bank):
        assert main(["check", str(path)]) == 2
        problems = capsys.readouterr().err.splitlines()
        assert len(problems) == 2 and problems[1] == "1 problem(s) found"
        where, _, said = problems[0].partition(" question hostile: ")
        assert where.startswith(f"{bank}:") and lines < int(where.split(":")[-2]) <= lines + 7
        assert said.startswith(message.split(": ")[0]) and message in said


def test_ids_the_same_after_the_model_strips_them_are_duplicates(content, capsys):
    bank = content / "quizzes" / "causes.yml"
    edit(bank, "  - id: half-width-flow\n", "  - id: ' atherosclerosis-is '\n")
    assert main(["check", str(bank)]) == 2
    assert f"{bank}:{line_of(bank, ' atherosclerosis-is ')}: question atherosclerosis-is: id: duplicate id (first " \
        f"used on line {line_of(bank, 'id: atherosclerosis-is')})" in capsys.readouterr().err


def test_files_the_course_would_skip_and_lessons_without_a_bank_are_problems(content, capsys):
    quizzes = content / "quizzes"
    (quizzes / "symptoms.yml").rename(quizzes / "symptoms.yaml")
    (quizzes / "notes.txt").write_text("ideas\n", encoding="utf-8")
    (quizzes / "drafts").mkdir()
    (quizzes / ".symptoms.yml.swp").write_text("", encoding="utf-8")
    lessons = content / "lessons.yml"
    assert main(["check", str(content)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{quizzes / 'drafts'}: file: is a folder: banks in it are not read (a bank is quizzes/<quiz id>.yml)",
        f"{quizzes / 'notes.txt'}: file: is not read: only quiz banks (<quiz id>.yml) belong in quizzes/",
        f"{quizzes / 'symptoms.yaml'}: file: is not read: a bank's file name ends in .yml (rename it symptoms.yml)",
        f"{lessons}:{line_of(lessons, 'id: symptoms')}: lesson symptoms: id: has no quiz bank (quizzes/symptoms.yml): "
        "every lesson ends with its quiz",
        "4 problem(s) found",
    ]
    assert main(["check", str(quizzes / "symptoms.yaml")]) == 2
    assert "is not read by the course: a bank's file name ends in .yml" in capsys.readouterr().err


def test_a_term_the_glossary_lacks_and_an_unknown_objective_in_a_bank_checked_alone(content, capsys):
    for name in ("glossary.md", "references.bib"):
        (content.parent / "book").mkdir(exist_ok=True)
        shutil.copy(ROOT / "book" / name, content.parent / "book" / name)
    flags = content / "red-flags.yml"
    edit(flags, "{term}`aneurysm`", "{term}`aneurism`")
    bank = content / "quizzes" / "causes.yml"
    edit(bank, "objective: causes-explain-atherosclerosis", "objective: causes-explain-everything")
    expected_flag = "text: {term} names 'aneurism', which book/glossary.md does not define"
    expected_objective = (f"{bank}:11: question atherosclerosis-is: objective: no lesson objective has id "
                          "'causes-explain-everything'")
    assert main(["check", str(content)]) == 2
    err = capsys.readouterr().err
    assert expected_flag in err and expected_objective in err
    assert main(["check", str(flags)]) == 2
    assert expected_flag in capsys.readouterr().err
    assert main(["check", str(bank)]) == 2
    assert capsys.readouterr().err.splitlines() == [expected_objective, "1 problem(s) found"]


@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "device", "socket"])
def test_a_file_that_is_not_a_regular_file_is_refused_without_waiting(tmp_path, kind):
    path = tmp_path / "quiz.yml"
    if kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(str(path))
    else:
        fifo = tmp_path / "pipe.yml"
        os.mkfifo(fifo)
        if kind == "fifo":
            path = fifo
        else:
            path.symlink_to(fifo)
    result = subprocess.run([sys.executable, "-m", "coursekit", "check", str(path)], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 2
    expected = {"device": "a device", "socket": "a socket"}.get(kind, "a FIFO (named pipe)")
    assert result.stderr.splitlines() == [f"{path}: file: is {expected}, not a regular file: give a file",
                                          "1 problem(s) found"]


def test_a_problem_is_one_line_even_when_the_content_holds_line_breaks(content, capsys):
    bank = content / "quizzes" / "causes.yml"
    edit(bank, "  - id: half-width-flow\n", '  - id: "two\\nlines\\u202e"\n')
    assert main(["check", str(bank)]) == 2
    problems = capsys.readouterr().err.splitlines()
    assert len(problems) == 2
    assert "question two\\u000alines\\u202e: id:" in problems[0]


def test_review_days_past_what_a_browser_can_date_are_refused(content, capsys):
    course = content / "course.yml"
    edit(course, "review_days: [1, 3, 7, 21, 60]", "review_days: [1, 3, 7, 21, 100000000000]")
    assert main(["check", str(course)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{course}:{line_of(course, 'review_days')}: review_days[4]: Input should be less than or equal to 3650",
        "1 problem(s) found",
    ]
