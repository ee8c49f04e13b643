"""Worksheet export: a printable page per quiz with every question, and an answer key with every answer."""

from __future__ import annotations

import html
import re

import pytest

from conftest import FIXTURES
from coursekit.course import load_course
from coursekit.course.bank import Bank
from coursekit.export import export
from coursekit.export.worksheet import answer_key_html, worksheet_html
from coursekit.markdown import to_inline_html
from coursekit.qtypes.answers import correct_answers
from coursekit.qtypes.matching import Matching

CONTENT = FIXTURES / "export" / "content"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    course = load_course(CONTENT)
    result = export(course, "worksheet", tmp_path_factory.mktemp("worksheet"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in result.files}
    return course.bank("every-type"), texts


def test_one_worksheet_and_one_key_per_quiz(pages):
    _, texts = pages
    assert sorted(texts) == ["every-type-answer-key.html", "every-type-worksheet.html"]
    for text in texts.values():
        assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text and "@media print" in text


def test_worksheet_has_every_question_and_space_but_no_answers(pages):
    bank, texts = pages
    sheet = texts["every-type-worksheet.html"]
    for question in bank.questions:
        assert to_inline_html(question.prompt) in sheet
    assert sheet.count('<div class="line">') == 1  # the text question
    assert sheet.count('class="blank"') >= 2 + 3  # name line, numeric answers, matching items
    assert "For instructors" not in sheet
    assert "0.90 or lower" not in sheet  # an explanation


def test_key_has_every_answer(pages):
    bank, texts = pages
    key = texts["every-type-answer-key.html"]
    assert "For instructors" in key
    for question in bank.questions:
        if question.type == "matching":
            continue
        for answer in correct_answers(question):
            assert to_inline_html(answer) in key, (question.id, answer)
    # Matching uses the letters printed on the worksheet.
    sheet = texts["every-type-worksheet.html"]
    for pair in bank.question("matching-awkward").pairs:
        right = html.escape(pair.right, quote=False)
        letter = sheet.split(f". {right}</li>")[0][-1]
        assert f"{html.escape(pair.left, quote=False)} → {letter} ({right})" in key


def test_a_matching_question_with_more_pairs_than_letters_is_lettered_on(tmp_path):
    pairs = [{"left": f"Item {i}", "right": f"Match {i}"} for i in range(30)]
    question = Matching.model_validate({"id": "many", "type": "matching", "prompt": "Match.", "pairs": pairs})
    course = load_course(CONTENT)
    bank = Bank(id="many-pairs", title="Many pairs", questions=(question,))
    sheet = worksheet_html(course, bank)
    key = answer_key_html(course, bank)
    letters = re.findall(r"<li>([A-Z]+)\. Match \d+</li>", sheet)
    assert sorted(letters) == sorted([*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD"])
    for i in range(30):
        letter = next(letter for letter, right in re.findall(r"<li>([A-Z]+)\. (Match \d+)</li>", sheet)
                      if right == f"Match {i}")
        assert f"Item {i} → {letter} (Match {i})" in key
