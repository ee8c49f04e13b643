"""Quizzes cannot be gamed by position: every question's choices (and matching's right-hand items) are shown
shuffled by its id, never in bank order, the same in the book, the notebook and the exports, and `check`
warns when a bank's right answers still cluster in one position."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from bs4 import BeautifulSoup

from conftest import CONTENT, ROOT
from coursekit.course import load_course
from coursekit.course.check import clustering_warning
from coursekit.qtypes.choice import SingleChoice
from coursekit.qtypes.order import display_order
from coursekit.quizzes.static_quiz import render_quiz

COURSE = load_course(CONTENT)
SHUFFLED = ("single", "multiple", "matching", "ordering")


def test_no_question_of_the_course_is_shown_in_bank_order_and_the_order_is_stable():
    questions = [q for bank in COURSE.banks.values() for q in bank.questions if q.type in SHUFFLED]
    assert len(questions) > 30
    for question in questions:
        order = display_order(question)
        assert sorted(order) == list(range(question.choice_count)) and order != sorted(order), question.id
        assert display_order(question) == order


def test_the_book_the_notebook_and_the_exports_show_one_order():
    bank = COURSE.bank("causes")
    page = BeautifulSoup(render_quiz(bank, COURSE.info.id), "html.parser")
    for question in bank.questions:
        box = page.select_one(f'fieldset[data-question-id="{question.id}"]')
        if question.type in ("single", "multiple"):
            texts = [question.options[i].text for i in display_order(question)]
            assert [int(i["value"]) for i in box.select("input")] == display_order(question)
            front, sheet = question.anki_front(), question.worksheet_space()
            assert [front.index(t) for t in texts] == sorted(front.index(t) for t in texts), question.id
            assert [sheet.index(t) for t in texts] == sorted(sheet.index(t) for t in texts), question.id
        if question.type == "matching":
            shown = [int(o["value"]) for o in box.select("select")[0].select("option")[1:]]
            assert shown == display_order(question) == [index for _, index in question.letters()]


def test_right_answers_are_spread_over_positions_in_every_bank_of_the_course():
    positions = Counter()
    for bank in COURSE.banks.values():
        assert clustering_warning(bank) is None, clustering_warning(bank)
        for question in bank.questions:
            if question.type == "single":
                right = next(i for i, option in enumerate(question.options) if option.correct)
                positions[display_order(question).index(right)] += 1
    assert positions[0] < sum(positions.values()) / 2, positions


CLUSTERED = """\
id: clustered
title: Right answers in one place
questions:
{questions}
"""
QUESTION = """\
  - id: {id}
    type: single
    prompt: Question {id}?
    options:
      - {{text: "{a}", correct: {ra}}}
      - {{text: "{b}", correct: {rb}}}
      - {{text: "{c}", correct: {rc}}}
"""


def test_check_warns_in_one_line_when_a_banks_right_answers_cluster_in_one_position(tmp_path):
    # Each question's right option is put where its own shuffle shows it first.
    questions = []
    for n in range(5):
        probe = SingleChoice(id=f"q{n}", type="single", prompt="?", options=[
            {"text": "a", "correct": True}, {"text": "b"}, {"text": "c"}])
        first = display_order(probe)[0]
        right = {key: str(index == first).lower() for index, key in enumerate(("ra", "rb", "rc"))}
        questions.append(QUESTION.format(id=f"q{n}", a="one", b="two", c="three", **right))
    bank = tmp_path / "quizzes" / "clustered.yml"
    bank.parent.mkdir()
    bank.write_text(CLUSTERED.format(questions="".join(questions)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "coursekit", "check", bank], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stdout.splitlines() if "warning" in line]
    assert warnings == [f"{bank}: warning: 5 of 5 single-choice questions show the right answer as choice 1: "
                        "reword or reorder some options so the position gives nothing away"]
