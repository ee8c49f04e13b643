"""Anki export: an .apkg (a zip with the collection inside) holding the FAQ and every question, with stable ids."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from conftest import FIXTURES
from coursekit.course import load_course
from coursekit.export import export
from coursekit.markdown import escape

CONTENT = FIXTURES / "export" / "content"


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


def collection(apkg, tmp_path):
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    database = sqlite3.connect(tmp_path / "collection.anki2")
    notes = database.execute("select guid, mid, flds, tags from notes order by guid").fetchall()
    decks = database.execute("select did from cards").fetchall()
    database.close()
    return notes, {deck for (deck,) in decks}


def test_deck_holds_the_faq_and_every_question(course, tmp_path):
    result = export(course, "anki", tmp_path / "out")
    notes, _ = collection(result.files[0], tmp_path)
    bank = course.bank("every-type")
    assert result.faq_cards == len(course.faq.entries) == 2
    assert result.questions == len(bank.questions)
    assert len(notes) == len(course.faq.entries) + len(bank.questions)
    fields = "\n".join(flds for _, _, flds, _ in notes)
    for entry in course.faq.entries:
        assert escape(entry.question) in fields
    assert "Which are minerals? (Choose all: K &amp; Na)" in fields
    # The back of a card names the right answer.
    assert "<li>Shoes &amp; socks &lt;new&gt;</li>" in fields


def test_two_exports_have_the_same_ids(course, tmp_path):
    first = export(course, "anki", tmp_path / "one").files[0]
    second = export(course, "anki", tmp_path / "two").files[0]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    notes_one, decks_one = collection(first, tmp_path / "a")
    notes_two, decks_two = collection(second, tmp_path / "b")
    assert [(guid, model) for guid, model, _, _ in notes_one] == [(guid, model) for guid, model, _, _ in notes_two]
    assert decks_one == decks_two


def test_losses_name_self_grading(course, tmp_path):
    result = export(course, "anki", tmp_path)
    assert "every-type: grading: a card shows the answer and the learner rates their own recall" in map(
        str, result.losses
    )
