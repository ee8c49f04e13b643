"""One answer text and one number format on every surface, and no doubled punctuation (".:")."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT
from coursekit.course import load_course
from coursekit.export import anki, worksheet
from coursekit.markdown import to_inline_html
from coursekit.qtypes.answers import correct_answers, labelled, number
from coursekit.qtypes.numeric import Numeric
from coursekit.quizzes.answer_key_html import bank_key_html
from coursekit.quizzes.static_quiz import render_quiz

DOUBLED = re.compile(r"[.!?;:,]\s*:")


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


def numeric(**fields) -> Numeric:
    return Numeric(id="n", type="numeric", prompt="?", **fields)


@pytest.mark.parametrize(
    ("value", "text"),
    [(5.0, "5"), (6.25, "6.25"), (120, "120"), (-0.75, "-0.75"), (1e-05, "1e-05"), (0.1 + 0.2, "0.30000000000000004")],
)
def test_numbers_are_written_as_a_person_writes_them(value, text):
    assert number(value) == text


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"answer": 6.25, "tolerance": 0.5, "unit": "%"}, "6.25 % (from 5.75 to 6.75)"),
        ({"answer": 2.5, "tolerance": 0.1}, "2.5 (from 2.4 to 2.6)"),
        ({"answer": 0.3, "tolerance": 0.1}, "0.3 (from 0.2 to 0.4)"),
        ({"answer": 0.8, "tolerance": 0.01, "unit": "ratio"}, "0.8 ratio (from 0.79 to 0.81)"),
        ({"range": [30, 45], "unit": "minutes"}, "from 30 to 45 minutes"),
        ({"answer": 120}, "120"),
    ],
)
def test_a_numeric_answer_has_one_wording(fields, text):
    assert correct_answers(numeric(**fields)) == [text]


@pytest.mark.parametrize(
    ("label", "text", "joined"),
    [
        ("Smoking", "Yes.", "Smoking: Yes."),
        ("Fatty plaque narrowing them.", "Right.", "Fatty plaque narrowing them. Right."),
        ("Is it *PAD?*", "No.", "Is it *PAD?* No."),
    ],
)
def test_a_choice_and_its_feedback_are_joined_without_doubled_punctuation(label, text, joined):
    assert labelled(label, text) == joined


def surfaces(course, bank, tmp_path) -> dict[str, str]:
    """Every place that prints a quiz's answers, as HTML."""
    deck, _, _, _ = anki.build_package(course, [bank])
    return {
        "answer key": bank_key_html(bank, course.faq, course.lessons),
        "worksheet key": worksheet.answer_key_html(course, bank),
        "anki": "\n".join(field for d in deck.decks[1:] for note in d.notes for field in note.fields),
        "quiz (book, notebook, class and instructor modes)": render_quiz(bank, course.info.id),
    }


def test_every_surface_shows_the_same_answer_text(course, tmp_path):
    for bank in course.banks.values():
        shown = surfaces(course, bank, tmp_path)
        for question in bank.questions:
            if question.type == "matching":
                continue  # the printed key letters the right-hand items; its pairs are checked in test_export_worksheet
            for text in correct_answers(question):
                for surface, html in shown.items():
                    assert to_inline_html(text) in html, (surface, bank.id, question.id, text)


def test_no_surface_doubles_punctuation(course, tmp_path):
    found = []
    for bank in course.banks.values():
        for surface, html in surfaces(course, bank, tmp_path).items():
            text = BeautifulSoup(html, "html.parser").get_text(" ")
            found += [f"{surface} {bank.id}: {match.group()!r}" for match in DOUBLED.finditer(text)]
        sheet = BeautifulSoup(worksheet.worksheet_html(course, bank), "html.parser").get_text(" ")
        found += [f"worksheet {bank.id}: {match.group()!r}" for match in DOUBLED.finditer(sheet)]
    assert found == []
