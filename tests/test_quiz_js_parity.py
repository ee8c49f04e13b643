"""Python (coursekit.qtypes.grade, coursekit.qtypes.strings) and the quiz script (coursekit.quizzes.quiz_assets) agree.

For every question of every bank (the course's and the test fixtures'), a generated set of responses
(right, wrong, partial, empty and odd input) is graded by both, and the verdict each shows is the same
text; score lines round the same way. The JavaScript runs in one Node process, with the grading key
read from the rendered quiz HTML, as the book's page holds it.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, FIXTURES
from coursekit.course.bank import QUESTION_TYPES, Bank, Question, load_bank
from coursekit.course.check import faq_ids_for_bank
from coursekit.qtypes.grade import grade
from coursekit.qtypes.strings import score_line, verdict
from coursekit.quizzes.quiz_assets import classic_script
from coursekit.quizzes.static_quiz import render_quiz
from coursekit.source import ContentError
from samples import RESPONSES


@functools.cache
def banks() -> list[tuple[Path, Bank]]:
    """Every course bank, and every fixture bank that loads (the others are invalid on purpose); loaded once."""
    found = [(path, load_bank(path, faq_ids_for_bank(path))) for path in sorted((CONTENT / "quizzes").glob("*.yml"))]
    for path in sorted((FIXTURES / "banks").glob("*.yml")):
        try:
            found.append((path, load_bank(path, faq_ids_for_bank(path))))
        except ContentError:
            continue
    return found


def responses(question: Question) -> list:
    return RESPONSES[question.type](question)


def cases() -> list[dict]:
    found = []
    for path, bank in banks():
        page = BeautifulSoup(render_quiz(bank, "parity"), "html.parser")
        for question in bank.questions:
            key = json.loads(page.select_one(f'fieldset[data-question-id="{question.id}"]')["data-key"])
            for response in responses(question):
                python = grade(question, response)
                found.append({
                    "verdict": verdict(question, python, response),
                    "where": f"{path.name}:{question.id}:{response!r}",
                    "key": key,
                    "response": response,
                    "python": {"answered": python.answered, "correct": python.correct, "score": python.score},
                })
    return found


RUNNER = """
const quiz = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const given = JSON.parse(input);
  const grades = given.cases.map((c) => quiz.grade(c.key, c.response));
  const verdicts = given.cases.map((c, i) => quiz.verdict(c.key, grades[i], c.response));
  const scores = given.scores.map((s) => quiz.scoreLine(s[0], s[1], s[2]));
  process.stdout.write(JSON.stringify({grades, verdicts, scores}));
});
"""


def run_javascript(node: str, tmp_path: Path, cases: list[dict], scores: list[tuple]) -> dict:
    script = tmp_path / "quiz.js"
    script.write_text(classic_script(), encoding="utf-8")
    payload = json.dumps({"cases": [{"key": c["key"], "response": c["response"]} for c in cases], "scores": scores})
    done = subprocess.run(
        [node, "-e", RUNNER, str(script)], input=payload, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node") or "/usr/bin/node"
    if not Path(found).is_file():
        pytest.fail("Node.js is needed to run quiz.js: install Debian's `nodejs` package")
    return found


def test_banks_cover_every_question_type() -> None:
    names = {path.name for path, _ in banks()}
    assert {"every_type.yml", "xss_payloads.yml"} <= names
    types = {question.type for _, bank in banks() for question in bank.questions}
    assert types == set(QUESTION_TYPES) == set(RESPONSES)


def test_javascript_grades_every_response_as_python_does_and_says_the_same(node: str, tmp_path: Path) -> None:
    all_cases = cases()
    assert len(all_cases) > 500
    javascript = run_javascript(node, tmp_path, all_cases, [])
    mismatches = [
        f"{c['where']}: python {c['python']} {c['verdict']!r} javascript {js} {said!r}"
        for c, js, said in zip(all_cases, javascript["grades"], javascript["verdicts"], strict=True)
        if js != c["python"] or said != c["verdict"]
    ]
    assert mismatches == []
    # The generated set really exercises right, wrong, partial and unanswered results, and every verdict.
    outcomes = {(c["python"]["answered"], c["python"]["correct"], 0 < c["python"]["score"] < 1) for c in all_cases}
    assert outcomes == {(False, False, False), (True, True, False), (True, False, False), (True, False, True)}
    said = {c["verdict"].split(" (")[0].split(":")[0] for c in all_cases}
    assert said == {"Correct.", "Partly right", "Not right yet.", "Give an answer first, then press Check.",
                    "That is not a number"}


def test_score_lines_round_the_same_way(node: str, tmp_path: Path) -> None:
    points = [0, 1, 2 / 3, 1 / 3 + 1 / 3, 2.335, 2.345, 0.005, 0.015, 1.005, 7 / 3, 1e-17, 499.995, 123456.785]
    points += [n / 7 for n in range(50)] + [n / 200 for n in range(200)]
    scores = [(p, 500, 3) for p in points]
    javascript = run_javascript(node, tmp_path, [], scores)
    assert javascript["scores"] == [score_line(*s) for s in scores]
    assert score_line(2 / 3, 7, 1) == "Score: 0.67 of 7 (1 checked)."
