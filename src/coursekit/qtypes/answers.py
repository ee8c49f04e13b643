"""A question's correct answer in words, for answer keys, worksheets, flashcards and class mode.

Every surface takes its answer text from here (each type writes its own in `Question.answer_texts`)
and every number shown to a person goes through `number`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursekit.qtypes.base import Question

ENDS_SENTENCE = (".", "!", "?", ":", ";", "…")


def number(value: float) -> str:
    """A number as a person writes it and exactly: 5 rather than 5.0, otherwise the shortest exact form."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else repr(float(value))


def correct_answers(question: Question) -> list[str]:
    """The correct answer(s) of a question, one Markdown string per item."""
    return question.answer_texts()


def labelled(label: str, text: str) -> str:
    """`label: text`, without a colon after a label that already ends in punctuation ("Yes.: ...")."""
    return f"{label} {text}" if label.rstrip(" *_`").endswith(ENDS_SENTENCE) else f"{label}: {text}"
