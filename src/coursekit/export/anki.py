"""An Anki deck (`<course>.apkg`): the FAQ as flashcards, and every quiz question as a card.

Model, deck and note ids are hashes of the course, quiz and question ids, never random, so
importing a newer export updates the cards a learner already has instead of adding copies.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from coursekit.course.faq_html import answer_html
from coursekit.export import Loss, NotCarried, Result
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.qtypes.answers import correct_answers, labelled

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank, Question

CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: #111; background: #fff; }"
FAQ_NOTICE = "Quoted from the source FAQ as received. Parts of it are wrong or incomplete: the course corrects them."


def stable_id(*parts: str) -> int:
    """A 31-bit id (Anki's range for models and decks) that depends only on `parts`."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def faq_model(course_id: str) -> genanki.Model:
    return genanki.Model(
        stable_id(course_id, "model", "faq"),
        "Course FAQ entry",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Notice"}],
        templates=[
            {
                "name": "FAQ card",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<p><em>{{Notice}}</em></p>',
            }
        ],
        css=CSS,
    )


def quiz_model(course_id: str) -> genanki.Model:
    return genanki.Model(
        stable_id(course_id, "model", "quiz"),
        "Course quiz question",
        fields=[{"name": "Prompt"}, {"name": "Choices"}, {"name": "Answer"}, {"name": "Explanation"}],
        templates=[
            {
                "name": "Quiz card",
                "qfmt": "{{Prompt}}{{Choices}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}{{Explanation}}',
            }
        ],
        css=CSS,
    )


def _answer_html(question: Question) -> str:
    answers = "".join(f"<li>{to_inline_html(text)}</li>" for text in correct_answers(question))
    notes = "".join(f"<li>{to_inline_html(labelled(text, note))}</li>" for text, note in question.feedback_notes())
    return f"<p><strong>Answer</strong></p><ul>{answers}</ul>" + (f"<ul>{notes}</ul>" if notes else "")


def quiz_note(course_id: str, model: genanki.Model, bank: Bank, question: Question) -> genanki.Note:
    return genanki.Note(
        model=model,
        fields=[
            to_html(question.prompt),
            question.anki_front(),
            _answer_html(question),
            to_html(question.explanation) if question.explanation else "",
        ],
        guid=genanki.guid_for(course_id, bank.id, question.id),
        tags=[bank.id, question.type],
    )


def build_package(course: Course, banks: list[Bank]) -> tuple[genanki.Package, int, int, list[Loss]]:
    """The decks (FAQ first, then one per quiz), with the FAQ card and question counts, and losses."""
    course_id = course.info.id
    faq_deck = genanki.Deck(stable_id(course_id, "deck", "faq"), f"{course.info.title}::Source FAQ")
    model = faq_model(course_id)
    for entry in course.faq.entries:
        fields = [escape(entry.question), answer_html(entry), FAQ_NOTICE]
        faq_deck.add_note(
            genanki.Note(
                model=model, fields=fields, guid=genanki.guid_for(course_id, "faq", entry.id), tags=["faq", entry.topic]
            )
        )
    decks, questions, losses = [faq_deck], 0, []
    model = quiz_model(course_id)
    for bank in banks:
        deck = genanki.Deck(stable_id(course_id, "deck", bank.id), f"{course.info.title}::{bank.title}")
        for question in bank.questions:
            try:
                deck.add_note(quiz_note(course_id, model, bank, question))
            except NotCarried as reason:
                losses.append(Loss.question(bank, question.id, reason))
                continue
            questions += 1
        decks.append(deck)
        losses.append(Loss(bank.id, "grading: a card shows the answer and the learner rates their own recall"))
        if bank.intro:
            losses.append(Loss(bank.id, "the quiz introduction (a deck has no place for it)"))
    return genanki.Package(decks), len(course.faq.entries), questions, losses


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    package, faq_cards, questions, losses = build_package(course, banks)
    path = out / f"{course.info.id}.apkg"
    package.write_to_file(str(path))
    return Result(files=[path], questions=questions, faq_cards=faq_cards, losses=losses)
