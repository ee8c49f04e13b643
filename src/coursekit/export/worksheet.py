"""Printable worksheets: per quiz, `<quiz>-worksheet.html` (space to answer) and `<quiz>-answer-key.html`.

Both are single self-contained HTML files with a print stylesheet: open in a browser and print.
Matching questions letter their right-hand items in a fixed shuffled order; the key uses the letters.
"""

from __future__ import annotations

from pathlib import Path
from string import ascii_uppercase

from coursekit.answers import TYPE_LABELS, correct_answers, printed_right_order
from coursekit.bank import Bank, Matching, MultipleChoice, Numeric, Question, SingleChoice, TextAnswer, TrueFalse
from coursekit.course import Course
from coursekit.export import Loss, Result
from coursekit.markdown import escape, to_html, to_inline_html

CSS = """
body { font-family: Georgia, serif; font-size: 12pt; line-height: 1.5; max-width: 46rem; margin: 2rem auto; }
body { color: #000; }
h1 { font-size: 1.5rem; } .meta { border-bottom: 1px solid #000; padding-bottom: .5rem; }
ol.questions > li { margin: 0 0 1.5rem; break-inside: avoid; }
.how { font-style: italic; font-size: .9em; }
ul.choices { list-style: none; padding-left: 0; } ul.choices li::before { content: "\\2610\\00a0\\00a0"; }
.line { border-bottom: 1px solid #000; height: 2em; margin: .25rem 0; }
.blank { display: inline-block; min-width: 3em; border-bottom: 1px solid #000; }
ul.letters { list-style: none; padding-left: 1.5rem; }
.key-answer { font-weight: bold; } .explanation { margin-left: 1rem; }
@media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } }
@page { margin: 2cm; }
"""


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _letters(question: Matching) -> list[tuple[str, int]]:
    """(letter, pair index) of each right-hand item as printed."""
    return list(zip(ascii_uppercase, printed_right_order(question), strict=False))


def _question_space(question: Question) -> str:
    if isinstance(question, SingleChoice | MultipleChoice):
        return (
            '<ul class="choices">' + "".join(f"<li>{to_inline_html(o.text)}</li>" for o in question.options) + "</ul>"
        )
    if isinstance(question, TrueFalse):
        return '<ul class="choices"><li>True</li><li>False</li></ul>'
    if isinstance(question, Numeric):
        unit = f" {escape(question.unit)}" if question.unit else ""
        return f'<p>Answer: <span class="blank" style="min-width: 8em"></span>{unit}</p>'
    if isinstance(question, Matching):
        lefts = "".join(f'<li>{to_inline_html(p.left)} <span class="blank"></span></li>' for p in question.pairs)
        rights = "".join(
            f"<li>{letter}. {to_inline_html(question.pairs[i].right)}</li>" for letter, i in _letters(question)
        )
        return f'<p>Write a letter beside each item.</p><ol>{lefts}</ol><ul class="letters">{rights}</ul>'
    if isinstance(question, TextAnswer):
        return '<div class="line"></div>'
    raise TypeError(f"worksheet has no layout for question type {question.type!r}")


def _key_answer(question: Question) -> str:
    if isinstance(question, Matching):
        letter_of = {index: letter for letter, index in _letters(question)}
        items = [
            f"{to_inline_html(p.left)} → {letter_of[i]} ({to_inline_html(p.right)})"
            for i, p in enumerate(question.pairs)
        ]
    else:
        items = [to_inline_html(text) for text in correct_answers(question)]
    label = "Accepted answers" if isinstance(question, TextAnswer) else "Answer"
    return f'<p class="key-answer">{label}: {"; ".join(items)}</p>'


def _header(course: Course, bank: Bank, kind: str) -> str:
    return (
        f"<h1>{escape(bank.title)}: {kind}</h1>"
        f'<div class="meta"><p>{escape(course.info.title)}</p>'
        + ('<p>Name: <span class="blank" style="min-width: 16em"></span></p>' if kind == "worksheet" else "")
        + "</div>"
    )


def worksheet_html(course: Course, bank: Bank) -> str:
    intro = to_html(bank.intro) if bank.intro else ""
    items = "".join(
        f'<li><div class="prompt">{to_html(q.prompt)}</div><p class="how">({TYPE_LABELS[q.type]})</p>'
        f"{_question_space(q)}</li>"
        for q in bank.questions
    )
    return _page(
        f"{bank.title}: worksheet", f'{_header(course, bank, "worksheet")}{intro}<ol class="questions">{items}</ol>'
    )


def answer_key_html(course: Course, bank: Bank) -> str:
    items = []
    for question in bank.questions:
        explanation = f'<div class="explanation">{to_html(question.explanation)}</div>' if question.explanation else ""
        feedback = ""
        if isinstance(question, SingleChoice | MultipleChoice):
            notes = [
                f"<li>{to_inline_html(o.text)}: {to_inline_html(o.feedback)}</li>"
                for o in question.options
                if o.feedback
            ]
            feedback = f'<ul class="explanation">{"".join(notes)}</ul>' if notes else ""
        prompt = f'<div class="prompt">{to_html(question.prompt)}</div>'
        items.append(f"<li>{prompt}{_key_answer(question)}{explanation}{feedback}</li>")
    marker = '<p class="answer-key-marker"><strong>For instructors.</strong></p>'
    body = f'{_header(course, bank, "answer key")}{marker}<ol class="questions">{"".join(items)}</ol>'
    return _page(f"{bank.title}: answer key", body)


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    result = Result()
    for bank in banks:
        for suffix, html in (
            ("worksheet", worksheet_html(course, bank)),
            ("answer-key", answer_key_html(course, bank)),
        ):
            path = out / f"{bank.id}-{suffix}.html"
            path.write_text(html, encoding="utf-8")
            result.files.append(path)
        result.questions += len(bank.questions)
        result.losses.append(Loss(bank.id, "automatic marking: paper is marked by hand with the answer key"))
    return result
