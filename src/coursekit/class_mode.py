"""Class mode: a quiz projected for a room, and the instructor's view with answers inline.

`ClassQuiz` shows one question at a time in large type, with Previous / Reveal answer / Next
buttons and a show-of-hands tally (a number box per choice) drawn as a labelled bar chart.
`InstructorView` shows every question with its answer and explanation. In the static book both
render as HTML carrying the answer-key marker, so they belong on instructor pages only.
"""

from __future__ import annotations

from string import ascii_uppercase

import ipywidgets as widgets

from coursekit.answer_key import ANSWER_KEY_CLASS, bank_key_html
from coursekit.answers import correct_answers, printed_right_order
from coursekit.bank import Bank, Matching, MultipleChoice, Question, SingleChoice, TrueFalse
from coursekit.faq import Faq
from coursekit.lessons import Lessons
from coursekit.markdown import escape, to_html, to_inline_html
from coursekit.order import display_order

BIG = "font-size: 1.75rem; line-height: 1.4;"
BUTTON_STYLE = {"font_size": "1.25rem"}
BUTTON_LAYOUT = {"height": "3rem", "width": "auto", "padding": "0 1.5rem", "margin": "0 1rem 0.5rem 0"}


def tally_labels(question: Question, seed: int | None = None) -> list[tuple[str, bool]]:
    """What the room votes on, in display order, with whether each is a right answer.

    Choice questions vote per option (lettered A, B, ...); others count who got it right.
    """
    if isinstance(question, SingleChoice | MultipleChoice):
        order = display_order(question, seed)
        return [
            (f"{ascii_uppercase[n]}. {question.options[i].text}", question.options[i].correct)
            for n, i in enumerate(order)
        ]
    if isinstance(question, TrueFalse):
        return [("True", question.answer), ("False", not question.answer)]
    return [("Got it right", True), ("Not yet", False)]


def slide_html(question: Question, number: int, total: int, seed: int | None = None) -> str:
    """The projected question: its number, prompt and choices, in large type."""
    choices = ""
    if isinstance(question, SingleChoice | MultipleChoice | TrueFalse):
        items = "".join(f"<li>{to_inline_html(label)}</li>" for label, _ in tally_labels(question, seed))
        choices = f'<ul style="list-style: none; padding-left: 0">{items}</ul>'
    elif isinstance(question, Matching):
        lefts = "".join(f"<li>{to_inline_html(p.left)}</li>" for p in question.pairs)
        rights = "".join(
            f"<li>{ascii_uppercase[n]}. {to_inline_html(question.pairs[i].right)}</li>"
            for n, i in enumerate(printed_right_order(question))
        )
        choices = f"<ol>{lefts}</ol><ul style='list-style: none; padding-left: 0'>{rights}</ul>"
    return (
        f'<div class="class-slide" style="{BIG}"><p><strong>Question {number} of {total}</strong> '
        f"({question.label})</p>{to_html(question.prompt)}{choices}</div>"
    )


def reveal_html(question: Question) -> str:
    answers = "".join(f"<li>{to_inline_html(text)}</li>" for text in correct_answers(question))
    explanation = to_html(question.explanation) if question.explanation else ""
    return (
        f'<div class="class-answer" style="{BIG}"><p><strong>Answer</strong></p><ul>{answers}</ul>{explanation}</div>'
    )


def tally_chart_html(labels: list[tuple[str, bool]], counts: list[int], revealed: bool) -> str:
    """A bar chart as HTML: each bar has its label and count in text (the bar itself is decoration)."""
    total = sum(counts)
    rows = []
    for (label, right), count in zip(labels, counts, strict=True):
        share = round(100 * count / total) if total else 0
        mark = " (right answer)" if revealed and right else ""
        rows.append(
            f'<li style="margin: .25rem 0"><span>{to_inline_html(label)}{mark}: <strong>{count}</strong> ({share}%)'
            f'</span><span aria-hidden="true" style="display: block; height: 1.25rem; width: {share}%; '
            f'background: {"#1a7f37" if revealed and right else "#1f4e99"}"></span></li>'
        )
    return (
        f'<figure class="class-tally" style="font-size: 1.25rem; margin: 0"><figcaption>Show of hands: {total} '
        f'answer{"s" * (total != 1)}</figcaption><ul style="list-style: none; padding-left: 0">{"".join(rows)}</ul>'
        "</figure>"
    )


class ClassQuiz(widgets.VBox):
    """One question at a time for a projector, with reveal, navigation and a show-of-hands tally."""

    def __init__(
        self,
        bank: Bank,
        course_id: str = "",
        *,
        faq: Faq | None = None,
        seed: int | None = None,
        show_answer_after: int | None = None,
    ):
        # `faq` and `show_answer_after` are accepted so `coursekit.quiz(..., mode="class")` takes the
        # learner quiz's arguments; in class the instructor decides when answers are shown.
        self.bank, self.course_id, self.seed = bank, course_id, seed
        self.index = 0
        self.revealed = False
        self.tallies = {i: [0] * len(tally_labels(q, seed)) for i, q in enumerate(bank.questions)}
        self.slide = widgets.HTML()
        self.answer = widgets.HTML()
        self.chart = widgets.HTML()
        self.tally_box = widgets.HBox(layout={"flex_flow": "row wrap"})
        self.tally_inputs: list[widgets.BoundedIntText] = []
        self.previous_button = self._button("Previous", "arrow-left", self._previous)
        self.reveal_button = self._button("Reveal answer", "eye", self._toggle_reveal)
        self.next_button = self._button("Next", "arrow-right", self._next)
        controls = widgets.HBox([self.previous_button, self.reveal_button, self.next_button])
        tally_title = widgets.HTML("<strong>Show of hands</strong>: type how many people chose each answer.")
        super().__init__([self.slide, controls, self.answer, tally_title, self.tally_box, self.chart])
        self._show()

    def _button(self, label: str, icon: str, action) -> widgets.Button:
        button = widgets.Button(description=label, icon=icon, style=BUTTON_STYLE, layout=BUTTON_LAYOUT)
        button.on_click(lambda _: action())
        return button

    @property
    def question(self) -> Question:
        return self.bank.questions[self.index]

    def _show(self) -> None:
        total = len(self.bank.questions)
        self.slide.value = slide_html(self.question, self.index + 1, total, self.seed)
        self.revealed = False
        self.answer.value = ""
        self.reveal_button.description = "Reveal answer"
        self.previous_button.disabled = self.index == 0
        self.next_button.disabled = self.index == total - 1
        labels = tally_labels(self.question, self.seed)
        self.tally_inputs = []
        for position, (label, _) in enumerate(labels):
            name = label.split(".")[0] if isinstance(self.question, SingleChoice | MultipleChoice) else label
            box = widgets.BoundedIntText(
                value=self.tallies[self.index][position],
                min=0,
                max=100000,
                description=name,
                style={"description_width": "initial"},
                layout={"width": "12rem", "margin": "0 0.5rem 0.5rem 0"},
            )
            box.observe(lambda change, p=position: self._count(p, change["new"]), names="value")
            self.tally_inputs.append(box)
        self.tally_box.children = self.tally_inputs
        self._draw()

    def _count(self, position: int, value: int) -> None:
        self.tallies[self.index][position] = value
        self._draw()

    def _draw(self) -> None:
        labels = tally_labels(self.question, self.seed)
        self.chart.value = tally_chart_html(labels, self.tallies[self.index], self.revealed)

    def _toggle_reveal(self) -> None:
        self.revealed = not self.revealed
        self.answer.value = reveal_html(self.question) if self.revealed else ""
        self.reveal_button.description = "Hide answer" if self.revealed else "Reveal answer"
        self._draw()

    def _next(self) -> None:
        if self.index < len(self.bank.questions) - 1:
            self.index += 1
            self._show()

    def _previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def static_html(self) -> str:
        """Every question as a slide with its answer behind a "Reveal answer" disclosure (no script needed)."""
        total = len(self.bank.questions)
        slides = "".join(
            f'<section class="class-slide-static">{slide_html(q, n, total, self.seed)}'
            f"<details><summary>Reveal answer</summary>{reveal_html(q)}</details></section>"
            for n, q in enumerate(self.bank.questions, start=1)
        )
        return f'<div class="{ANSWER_KEY_CLASS} class-quiz" data-quiz="{escape(self.bank.id)}">{slides}</div>'

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.static_html()
        count = len(self.bank.questions)
        bundle["text/plain"] = f"Class quiz {self.bank.id}: {self.bank.title} ({count} question{'s' * (count != 1)})"
        return bundle


class InstructorView(widgets.VBox):
    """Every question of a quiz with its answer, explanation and feedback inline (the quiz's answer key)."""

    def __init__(self, bank: Bank, *, faq: Faq | None = None, lessons: Lessons | None = None, root: str = ""):
        self.bank = bank
        self.key = widgets.HTML(bank_key_html(bank, faq, lessons, root))
        super().__init__([self.key])

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.key.value
        count = len(self.bank.questions)
        bundle["text/plain"] = f"Answer key {self.bank.id}: {self.bank.title} ({count} question{'s' * (count != 1)})"
        return bundle
