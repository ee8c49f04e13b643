"""A quiz as live ipywidgets for JupyterLab; the same object carries the static HTML for the book.

Every response is graded by `coursekit.grade`, in bank order, whatever order the choices are shown in.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets
import nh3

from coursekit.bank import Bank, Matching, MultipleChoice, Numeric, Question, SingleChoice, TextAnswer, TrueFalse
from coursekit.faq import Faq
from coursekit.faq_html import entry_link
from coursekit.grade import Grade, grade
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.order import display_order

HIDDEN, SHOWN = "none", ""
WIDE = {"description_width": "initial"}


def fit() -> widgets.Layout:
    """A layout as wide as its text: the default fixed widget width clips long options."""
    return widgets.Layout(width="auto")


def plain(text: str) -> str:
    """Markdown as plain text, for widget labels (which show text, never HTML)."""
    return html.unescape(nh3.clean(to_inline_html(text), tags=set())).strip()


def _number(value: float) -> str:
    return f"{value:g}"


def _half_up(value: float) -> int:
    """Rounded as the browser's Math.round does (Python's round() goes to even)."""
    return math.floor(value + 0.5)


def _score(points: float) -> str:
    """Points as the static quiz shows them: at most two decimals."""
    return _number(_half_up(points * 100) / 100)


class ChoiceInput:
    """single and true_false: one radio group; the response is a bank index (or True/False)."""

    def __init__(self, question: SingleChoice | TrueFalse, seed: int | None):
        if isinstance(question, TrueFalse):
            options = [("True", True), ("False", False)]
        else:
            options = [(plain(question.options[i].text), i) for i in display_order(question, seed)]
        self.choice = widgets.RadioButtons(options=options, value=None, description="Answer", style=WIDE, layout=fit())
        self.widget = self.choice

    def response(self) -> int | bool | None:
        return self.choice.value

    def clear(self) -> None:
        self.choice.value = None

    def disable(self, disabled: bool) -> None:
        self.choice.disabled = disabled


class CheckboxesInput:
    """multiple: one checkbox per option; the response is the sorted bank indices ticked."""

    def __init__(self, question: MultipleChoice, seed: int | None):
        self.order = display_order(question, seed)
        self.boxes = [
            widgets.Checkbox(value=False, description=plain(question.options[i].text), indent=False, layout=fit())
            for i in self.order
        ]
        self.widget = widgets.VBox(self.boxes)

    def response(self) -> list[int]:
        return sorted(i for i, box in zip(self.order, self.boxes, strict=True) if box.value)

    def clear(self) -> None:
        for box in self.boxes:
            box.value = False

    def disable(self, disabled: bool) -> None:
        for box in self.boxes:
            box.disabled = disabled


class TypedInput:
    """numeric and text: a text field; the response is the text typed."""

    def __init__(self, question: Numeric | TextAnswer, seed: int | None):
        unit = getattr(question, "unit", None)
        self.answer = widgets.Text(value="", description="Your answer", placeholder=unit or "", style=WIDE)
        self.widget = widgets.HBox([self.answer, widgets.Label(unit)]) if unit else self.answer

    def response(self) -> str:
        return self.answer.value

    def clear(self) -> None:
        self.answer.value = ""

    def disable(self, disabled: bool) -> None:
        self.answer.disabled = disabled


class MatchingInput:
    """matching: one dropdown per left item; the response is, per left item, the bank index chosen."""

    def __init__(self, question: Matching, seed: int | None):
        rights = [("Choose…", None)] + [(plain(question.pairs[j].right), j) for j in display_order(question, seed)]
        self.dropdowns = [
            widgets.Dropdown(options=rights, value=None, description=plain(pair.left), style=WIDE, layout=fit())
            for pair in question.pairs
        ]
        self.widget = widgets.VBox(self.dropdowns)

    def response(self) -> list[int | None]:
        return [dropdown.value for dropdown in self.dropdowns]

    def clear(self) -> None:
        for dropdown in self.dropdowns:
            dropdown.value = None

    def disable(self, disabled: bool) -> None:
        for dropdown in self.dropdowns:
            dropdown.disabled = disabled


INPUTS = {
    "single": ChoiceInput,
    "true_false": ChoiceInput,
    "multiple": CheckboxesInput,
    "numeric": TypedInput,
    "text": TypedInput,
    "matching": MatchingInput,
}


def option_feedback(question: Question, response) -> str:
    """Feedback on each choice made (options ticked, pairs matched), as HTML list items."""
    items = []
    if isinstance(question, SingleChoice | MultipleChoice):
        chosen = [response] if isinstance(question, SingleChoice) else response
        for index in chosen:
            option = question.options[index]
            mark = "Right" if option.correct else "Not right"
            note = f" — {to_inline_html(option.feedback)}" if option.feedback else ""
            items.append(f"<li><strong>{mark}:</strong> {to_inline_html(option.text)}{note}</li>")
    elif isinstance(question, Matching):
        for index, choice in enumerate(response):
            if choice is not None:
                mark = "Right" if choice == index else "Not right"
                pair, picked = question.pairs[index], question.pairs[choice]
                items.append(
                    f"<li><strong>{mark}:</strong> {to_inline_html(pair.left)} → {to_inline_html(picked.right)}</li>"
                )
    return f"<ul>{''.join(items)}</ul>" if items else ""


def answer_text(question: Question) -> str:
    """The right answer, as HTML."""
    if isinstance(question, SingleChoice | MultipleChoice):
        right = [to_inline_html(option.text) for option in question.options if option.correct]
        return "The right answer: " + "; ".join(right) + "."
    if isinstance(question, TrueFalse):
        return f"The right answer: {'True' if question.answer else 'False'}."
    if isinstance(question, Numeric):
        low, high = question.bounds
        unit = f" {escape(question.unit)}" if question.unit else ""
        if low == high:
            return f"The right answer: {_number(low)}{unit}."
        return f"The right answer: from {_number(low)} to {_number(high)}{unit}."
    if isinstance(question, Matching):
        pairs = "; ".join(f"{to_inline_html(p.left)} → {to_inline_html(p.right)}" for p in question.pairs)
        return f"The right matches: {pairs}."
    accepted = "; ".join(f"“{escape(text)}”" for text in question.accept)
    return f"Accepted: {accepted}."


def faq_links(question: Question, faq: Faq | None) -> str:
    """Links to the FAQ entries a question assesses, named by their question when the FAQ is known."""
    known = {entry.id: entry for entry in faq.entries} if faq else {}
    links = []
    for faq_id in question.faq:
        text = escape(known[faq_id].question) if faq_id in known else f"FAQ entry {escape(faq_id)}"
        links.append(f'<li><a href="{escape(entry_link(faq_id))}">{text}</a></li>')
    return f"<p>Read more in the source FAQ:</p><ul>{''.join(links)}</ul>" if links else ""


class QuestionView(widgets.VBox):
    """One question: prompt, inputs, Check / Try again / Show answer, feedback and explanation."""

    def __init__(self, question: Question, number: int, total: int, quiz: Quiz):
        self.question, self.quiz = question, quiz
        self.input = INPUTS[question.type](question, quiz.seed)
        self.grade: Grade | None = None
        self.wrong_tries = 0
        self.revealed = False
        prompt = widgets.HTML(f"<p><strong>Question {number} of {total}.</strong></p>{to_html(question.prompt)}")
        self.check = widgets.Button(description="Check", tooltip=f"Check your answer to question {number}")
        self.try_again = widgets.Button(description="Try again", tooltip=f"Answer question {number} again")
        self.show_answer = widgets.Button(description="Show answer", tooltip=f"Show the answer to question {number}")
        self.feedback = widgets.HTML("")
        self.explanation = widgets.HTML("")
        self.check.on_click(lambda _: self.on_check())
        self.try_again.on_click(lambda _: self.on_try_again())
        self.show_answer.on_click(lambda _: self.reveal())
        buttons = widgets.HBox([self.check, self.try_again, self.show_answer])
        super().__init__([prompt, self.input.widget, buttons, self.feedback, self.explanation])
        self.reset()

    def on_check(self) -> None:
        response = self.input.response()
        result = grade(self.question, response)
        if not result.answered:
            self.feedback.value = "<p>Give an answer first, then press Check.</p>"
            return
        self.grade = result
        if result.correct:
            status = "<p><strong>Correct.</strong></p>"
        elif result.score > 0:
            status = f"<p><strong>Partly right</strong> ({_half_up(result.score * 100)}%).</p>"
        else:
            status = "<p><strong>Not right yet.</strong></p>"
        self.feedback.value = status + option_feedback(self.question, response)
        self.input.disable(True)
        self.check.disabled = True
        if result.correct:
            self._show_explanation()
        else:
            self.wrong_tries += 1
            limit = self.quiz.show_answer_after
            if limit is not None and self.wrong_tries >= limit:
                self.reveal()
            else:
                self.try_again.layout.display = SHOWN
                self.show_answer.layout.display = SHOWN if limit is None else HIDDEN
        self.quiz.update_score()

    def on_try_again(self) -> None:
        self.feedback.value = ""
        self.input.disable(False)
        self.check.disabled = False
        self.try_again.layout.display = HIDDEN
        self.show_answer.layout.display = HIDDEN

    def reveal(self) -> None:
        self.revealed = True
        self.input.disable(True)
        self.check.disabled = True
        self.try_again.layout.display = HIDDEN
        self.show_answer.layout.display = HIDDEN
        self._show_explanation(f"<p>{answer_text(self.question)}</p>")
        self.quiz.update_score()

    def _show_explanation(self, answer: str = "") -> None:
        explanation = to_html(self.question.explanation) if self.question.explanation else ""
        self.explanation.value = answer + explanation + faq_links(self.question, self.quiz.faq)

    def reset(self) -> None:
        self.input.clear()
        self.on_try_again()
        self.grade, self.wrong_tries, self.revealed = None, 0, False
        self.explanation.value = ""


class Quiz(widgets.VBox):
    """A bank as a live quiz: every question with Check, feedback, a running score, Reset and a summary."""

    def __init__(
        self,
        bank: Bank,
        course_id: str,
        *,
        faq: Faq | None = None,
        seed: int | None = None,
        show_answer_after: int | None = None,
    ):
        if show_answer_after is not None and show_answer_after < 1:
            raise ValueError("show_answer_after is a number of wrong tries, 1 or more")
        self.bank, self.course_id, self.faq = bank, course_id, faq
        self.seed, self.show_answer_after = seed, show_answer_after
        total = len(bank.questions)
        self.questions = [QuestionView(q, n, total, self) for n, q in enumerate(bank.questions, start=1)]
        self.score = widgets.HTML("")
        self.summary = widgets.HTML("")
        self.reset_button = widgets.Button(description="Reset", tooltip="Clear every answer and start again")
        self.reset_button.on_click(lambda _: self.reset())
        title = widgets.HTML(f"<h3>{escape(bank.title)}</h3>" + (to_html(bank.intro) if bank.intro else ""))
        super().__init__([title, *self.questions, self.score, self.summary, self.reset_button])
        self.update_score()

    def update_score(self) -> None:
        graded = [view for view in self.questions if view.grade is not None]
        points = sum(view.grade.score for view in graded)
        total = len(self.questions)
        self.score.value = f"<p>Score: {_score(points)} of {total} ({len(graded)} checked).</p>"
        if len(graded) == total:
            review = [str(n) for n, view in enumerate(self.questions, start=1) if not view.grade.correct]
            again = f" Worth another look: question {', '.join(review)}." if review else " Every answer is right."
            self.summary.value = f"<p><strong>Quiz done.</strong> You scored {_score(points)} of {total}.{again}</p>"
        else:
            self.summary.value = ""

    def reset(self) -> None:
        for view in self.questions:
            view.reset()
        self.update_score()

    def _repr_mimebundle_(self, **kwargs) -> dict:
        from coursekit.static_quiz import render_quiz

        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = render_quiz(
            self.bank, self.course_id, seed=self.seed, show_answer_after=self.show_answer_after, faq=self.faq
        )
        count = len(self.bank.questions)
        bundle["text/plain"] = f"Quiz {self.bank.id}: {self.bank.title} ({count} question{'s' * (count != 1)})"
        return bundle
