"""Printable worksheets: per quiz, `<quiz>-worksheet.html` (space to answer) and `<quiz>-answer-key.html`.

Both are single self-contained HTML files with a print stylesheet: open in a browser and print.
Each question type lays out its space to answer and its key line through its worksheet hooks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coursekit.export import Loss, NotCarried, Result
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.qtypes.answers import labelled

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank, Question

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


def _header(course: Course, bank: Bank, kind: str) -> str:
    return (
        f"<h1>{escape(bank.title)}: {kind}</h1>"
        f'<div class="meta"><p>{escape(course.info.title)}</p>'
        + ('<p>Name: <span class="blank" style="min-width: 16em"></span></p>' if kind == "worksheet" else "")
        + "</div>"
    )


def _carried(bank: Bank, hook: str) -> tuple[list[tuple[Question, str]], list[Loss]]:
    """Each question with what its worksheet `hook` gives, and the questions the hook cannot lay out."""
    laid_out, losses = [], []
    for question in bank.questions:
        try:
            laid_out.append((question, getattr(question, hook)()))
        except NotCarried as reason:
            losses.append(Loss.question(bank, question.id, reason))
    return laid_out, losses


def worksheet_html(course: Course, bank: Bank) -> str:
    intro = to_html(bank.intro) if bank.intro else ""
    items = "".join(
        f'<li><div class="prompt">{to_html(q.prompt)}</div><p class="how">({q.label})</p>{space}</li>'
        for q, space in _carried(bank, "worksheet_space")[0]
    )
    return _page(
        f"{bank.title}: worksheet", f'{_header(course, bank, "worksheet")}{intro}<ol class="questions">{items}</ol>'
    )


def answer_key_html(course: Course, bank: Bank) -> str:
    items = []
    for question, key in _carried(bank, "worksheet_key")[0]:
        explanation = f'<div class="explanation">{to_html(question.explanation)}</div>' if question.explanation else ""
        notes = [f"<li>{to_inline_html(labelled(text, note))}</li>" for text, note in question.feedback_notes()]
        feedback = f'<ul class="explanation">{"".join(notes)}</ul>' if notes else ""
        prompt = f'<div class="prompt">{to_html(question.prompt)}</div>'
        items.append(f'<li>{prompt}<p class="key-answer">{key}</p>{explanation}{feedback}</li>')
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
        result.add(bank, _carried(bank, "worksheet_space")[1])
        result.losses.append(Loss(bank.id, "automatic marking: paper is marked by hand with the answer key"))
    return result
