"""A question's correct answer in words, for answer keys, worksheets, flashcards and class mode.

Each function returns Markdown-free plain text pieces; callers escape or render them.
"""

from __future__ import annotations

from coursekit.bank import Matching, MultipleChoice, Numeric, Question, SingleChoice, TextAnswer, TrueFalse
from coursekit.order import display_order


def number(value: float) -> str:
    """A bound or answer as written by a person: 5 rather than 5.0, full precision otherwise."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def numeric_answer(question: Numeric) -> str:
    unit = f" {question.unit}" if question.unit else ""
    if question.range is not None:
        low, high = question.range
        return f"from {number(low)} to {number(high)}{unit}"
    if question.tolerance:
        return f"{number(question.answer)}{unit} (± {number(question.tolerance)})"
    return f"{number(question.answer)}{unit}"


def correct_answers(question: Question) -> list[str]:
    """The correct answer(s) of a question, one Markdown string per item.

    Option and pair texts are Markdown from the bank; numbers and True/False are plain words.
    """
    if isinstance(question, SingleChoice | MultipleChoice):
        return [option.text for option in question.options if option.correct]
    if isinstance(question, TrueFalse):
        return ["True" if question.answer else "False"]
    if isinstance(question, Numeric):
        return [numeric_answer(question)]
    if isinstance(question, Matching):
        return [f"{pair.left} → {pair.right}" for pair in question.pairs]
    if isinstance(question, TextAnswer):
        return list(question.accept)
    raise TypeError(f"no answer description for question type {question.type!r}")


TYPE_LABELS = {
    "single": "one answer",
    "multiple": "all that apply",
    "true_false": "true or false",
    "numeric": "a number",
    "matching": "match the pairs",
    "text": "a word or phrase",
}


def printed_right_order(question: Matching) -> list[int]:
    """Right-hand items of a matching question in a fixed order that never lines up with the left side."""
    order = display_order(question, seed=1)
    if all(position == index for position, index in enumerate(order)):
        order = order[1:] + order[:1]
    return order
