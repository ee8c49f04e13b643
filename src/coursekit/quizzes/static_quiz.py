"""A quiz as self-contained semantic HTML: the book's page, the preview page and the notebook widget all
show it, and the quiz script (`coursekit.quizzes.quiz_assets`) makes it interactive.

The fragment has no script and no button: questions, answers and explanations are readable with
JavaScript off (the answers sit in a "Show answer" disclosure), and the script adds the buttons.
What the script needs to grade, the same data that `coursekit.qtypes.grade` uses, travels as JSON in each
question's `data-key` attribute. Where no script runs (a notebook's saved output) a line says to run
the cell; the quiz's stylesheet hides it everywhere else.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

from coursekit.course.bank import Bank, Question
from coursekit.course.faq import Faq
from coursekit.course.faq_html import entry_link
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.qtypes.strings import say

QUIZ_MODES = ("learner", "class", "instructor")
# Marks every view that shows answers (instructor and class modes, the answer key): instructor pages only.
ANSWER_KEY_CLASS = "coursekit-answer-key"
_ONE_PARAGRAPH = re.compile(r"^<p>((?:(?!</?p>).)*)</p>$", re.DOTALL)


def question_hash(question: Question) -> str:
    """Short digest of the question's content: saved progress is kept only while it is unchanged."""
    canonical = json.dumps(question.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def grading_key(question: Question) -> dict:
    """What `quiz.js` needs to grade a response exactly as `coursekit.qtypes.grade` does."""
    return {"type": question.type, **question.grading_data()}


def _attr_json(data: dict) -> str:
    return escape(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _faq_links(question: Question, faq: Faq | None) -> str:
    if not question.faq:
        return ""
    links = []
    for faq_id in question.faq:
        entry = next((e for e in faq.entries if e.id == faq_id), None) if faq else None
        text = escape(entry.question) if entry else escape(say("faq_entry", id=faq_id))
        links.append(f'<li><a href="{escape(entry_link(faq_id))}">{text}</a></li>')
    return f'<div class="coursekit-faq-links"><p>{say("read_more")}</p><ul>{"".join(links)}</ul></div>'


def _objective(question: Question, objectives: Mapping[str, str] | None) -> str:
    if objectives is None or not question.objective:
        return ""
    text = objectives.get(question.objective, question.objective)
    return f'<p class="coursekit-objective"><strong>{say("objective")}</strong> {to_inline_html(text)}</p>'


def _question(
    question: Question, number: int, total: int, base: str, seed: int | None, faq: Faq | None,
    objectives: Mapping[str, str] | None,
) -> str:
    prompt = to_html(question.prompt)
    single = _ONE_PARAGRAPH.match(prompt)
    counter = f'<span class="coursekit-number">{say("question_number", number=number, total=total)} </span>'
    if single:
        legend, body = f"<legend>{counter}{single.group(1)}</legend>", ""
    else:
        legend, body = f"<legend>{counter}</legend>", f'<div class="coursekit-prompt">{prompt}</div>'
    explanation = to_html(question.explanation) if question.explanation else ""
    more = explanation + _faq_links(question, faq)
    more = f'<div class="coursekit-explanation">{more}</div>' if more else ""
    return (
        f'<fieldset class="coursekit-question" id="{base}" data-question-id="{escape(question.id)}"'
        f' data-type="{escape(question.type)}" data-hash="{question_hash(question)}"'
        f' data-key="{_attr_json(grading_key(question))}">'
        f"{legend}{body}{question.quiz_controls(base, seed)}"
        f'<div class="coursekit-actions" hidden></div>'
        f'<div class="coursekit-feedback" id="{base}--feedback" aria-live="polite"></div>'
        f'<details class="coursekit-answer"{" open" if objectives is not None else ""}>'
        f'<summary>{say("show_answer")}</summary>{question.quiz_answer(seed)}{_objective(question, objectives)}'
        f"{more}</details></fieldset>"
    )


def render_quiz(
    bank: Bank,
    course_id: str,
    *,
    seed: int | None = None,
    show_answer_after: int | None = None,
    faq: Faq | None = None,
    mode: str = "learner",
    objectives: Mapping[str, str] | None = None,
    data: dict[str, str] | None = None,
) -> str:
    """The quiz as one HTML fragment (no script): ids come from the course, quiz and question ids.

    `seed` shuffles choices as `coursekit.qtypes.order` does; `show_answer_after=N` keeps the answer hidden
    (when JavaScript runs) until N wrong tries; `faq`, when given, names the linked FAQ entries.
    `mode` "class" projects one question at a time with a show-of-hands tally; "instructor" shows every
    answer open, with the objective each question assesses (`objectives`: objective id to text). Both
    carry the answer-key marker: they belong on instructor pages only.
    `data` adds `data-<name>` attributes to the quiz (`pretest`, `recap`: see `coursekit.quizzes.progress_page`).
    """
    if mode not in QUIZ_MODES:
        raise ValueError(f"unknown quiz mode {mode!r} (known: {', '.join(QUIZ_MODES)})")
    if mode == "instructor" and objectives is None:
        objectives = {}
    root = f"ck--{escape(course_id)}--{escape(bank.id)}"
    total = len(bank.questions)
    questions = "".join(
        _question(question, number, total, f"{root}--{escape(question.id)}", seed, faq, objectives)
        for number, question in enumerate(bank.questions, start=1)
    )
    intro = f'<div class="coursekit-intro">{to_html(bank.intro)}</div>' if bank.intro else ""
    reveal = "" if show_answer_after is None else f' data-show-answer-after="{int(show_answer_after)}"'
    marked = "" if mode == "learner" else f" {ANSWER_KEY_CLASS}"
    reveal += "" if mode == "learner" else f' data-mode="{mode}"'
    reveal += "".join(f' data-{escape(name)}="{escape(value)}"' for name, value in (data or {}).items())
    return (
        f'<section class="coursekit-quiz tex2jax_ignore mathjax_ignore{marked}" id="{root}"'
        f' data-quiz-id="{escape(bank.id)}" data-course="{escape(course_id)}"{reveal}'
        f' aria-labelledby="{root}--title">'
        f'<p class="coursekit-title" id="{root}--title"><strong>{escape(bank.title)}</strong></p>{intro}'
        f'<p class="coursekit-run-hint">{escape(say("run_the_cell"))}</p>'
        f'<p class="coursekit-score" aria-live="polite" hidden></p>'
        f"{questions}"
        f'<div class="coursekit-summary" aria-live="polite" hidden></div>'
        f'<p class="coursekit-quiz-actions" hidden></p>'
        f"</section>"
    )
