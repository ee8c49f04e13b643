"""Choice questions: `single` (exactly one right option) and `multiple` (choose all that apply)."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import field_validator

from coursekit.formats import GiftQuestion, QtiWriter, escape, feedback, weight
from coursekit.markdown import to_inline_html
from coursekit.models import Model
from coursekit.qtypes.base import Markdown, Question, at_least, distinct, key_line
from coursekit.qtypes.grade import Grade
from coursekit.qtypes.order import display_order
from coursekit.qtypes.quiz_html import option_inputs
from coursekit.qtypes.strings import say


class Option(Model):
    text: Markdown
    correct: bool = False
    feedback: Markdown | None = None


def _check_options(options: list[Option], need_exactly_one: bool) -> list[Option]:
    at_least(options, 2, "options")
    correct = sum(option.correct for option in options)
    if correct == 0:
        raise ValueError("no option is marked correct: true")
    if need_exactly_one and correct > 1:
        raise ValueError(f"{correct} options are marked correct; a single-choice question needs exactly one")
    distinct([option.text for option in options], "options")
    return options


class ChoiceQuestion(Question):
    """What single and multiple choice share: options, some marked correct, with optional feedback."""

    input_kind: ClassVar[str]  # the quiz's control for one option: "radio" or "checkbox"
    options: list[Option]

    @property
    def choice_count(self) -> int:
        return len(self.options)

    def answer_texts(self) -> list[str]:
        return [option.text for option in self.options if option.correct]

    def feedback_notes(self) -> list[tuple[str, str]]:
        return [(option.text, option.feedback) for option in self.options if option.feedback]

    def _qti_choices(self, item: QtiWriter, multiple: bool) -> None:
        for index, option in enumerate(self.options):
            if option.feedback:
                item.option_feedback(index, option.feedback)
        correct = {i for i, option in enumerate(self.options) if option.correct}
        item.choices([option.text for option in self.options], correct, multiple, order=display_order(self))

    def anki_front(self) -> str:
        items = [self.options[i].text for i in display_order(self)]
        return "<ul>" + "".join(f"<li>{to_inline_html(text)}</li>" for text in items) + "</ul>"

    def worksheet_space(self) -> str:
        items = "".join(f"<li>{to_inline_html(self.options[i].text)}</li>" for i in display_order(self))
        return f'<ul class="choices">{items}</ul>'

    def worksheet_key(self) -> str:
        return key_line([to_inline_html(text) for text in self.answer_texts()])

    def grading_data(self) -> dict[str, Any]:
        return {"correct": [option.correct for option in self.options]}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        options = (
            (f"{base}--o{index}", str(index), to_inline_html(self.options[index].text))
            for index in display_order(self, seed)
        )
        return option_inputs(self.input_kind, base, options)

    def quiz_answer(self, seed: int | None) -> str:
        items = []
        for index in display_order(self, seed):
            option = self.options[index]
            mark = say("mark_right" if option.correct else "mark_wrong")
            note = ""
            if option.feedback:
                note = f' <span class="coursekit-option-note">{to_inline_html(option.feedback)}</span>'
            items.append(
                f'<li data-option="{index}" data-correct="{str(option.correct).lower()}">'
                f'<span class="coursekit-mark">{mark}</span> {to_inline_html(option.text)}{note}</li>'
            )
        return f'<ul class="coursekit-key">{"".join(items)}</ul>'


class SingleChoice(ChoiceQuestion):
    type_name = "single"
    label = "one answer"
    input_kind = "radio"
    type: Literal["single"]

    @field_validator("options")
    @classmethod
    def _one_correct(cls, options: list[Option]) -> list[Option]:
        return _check_options(options, need_exactly_one=True)

    def grade(self, response: int | None) -> Grade:
        """Response: the chosen option's index, or None."""
        if response is None:
            return Grade.unanswered()
        return Grade.right_or_wrong(self.options[response].correct)

    def gift(self) -> GiftQuestion:
        lines = [f"{'=' if o.correct else '~'}{escape(o.text)}{feedback(o.feedback)}" for o in self.options]
        return GiftQuestion.after(self.prompt, lines)

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("multiple_choice_question")
        self._qti_choices(item, multiple=False)
        return []


class MultipleChoice(ChoiceQuestion):
    type_name = "multiple"
    label = "all that apply"
    input_kind = "checkbox"
    type: Literal["multiple"]

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options: list[Option]) -> list[Option]:
        return _check_options(options, need_exactly_one=False)

    def grade(self, response: list[int]) -> Grade:
        """Response: the chosen options' indices. Score: right picks less wrong picks, never below 0."""
        chosen = set(response or [])
        if not chosen:
            return Grade.unanswered()
        correct = {i for i, option in enumerate(self.options) if option.correct}
        hits, false_picks = len(chosen & correct), len(chosen - correct)
        return Grade(True, chosen == correct, max(0, hits - false_picks) / len(correct))

    def gift(self) -> GiftQuestion:
        # Equal weights for the right options and the same weight off for each wrong pick:
        # the course's grading rule (hits minus false picks, never below zero), in Moodle's terms.
        share = weight(100 / sum(o.correct for o in self.options))
        lines = [f"~%{'' if o.correct else '-'}{share}%{escape(o.text)}{feedback(o.feedback)}" for o in self.options]
        return GiftQuestion.after(self.prompt, lines)

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("multiple_answers_question")
        self._qti_choices(item, multiple=True)
        return ["partial credit: Canvas scores multiple answers by its own rule"]
