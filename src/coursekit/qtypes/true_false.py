"""True/false questions: a statement and whether it is true."""

from __future__ import annotations

from typing import Any, Literal

from coursekit.formats import GiftQuestion, QtiWriter
from coursekit.qtypes.base import Question, key_line
from coursekit.qtypes.grade import Grade
from coursekit.qtypes.quiz_html import key_sentence, option_inputs
from coursekit.qtypes.strings import say


def word(value: bool) -> str:
    return "True" if value else "False"


class TrueFalse(Question):
    type_name = "true_false"
    label = "true or false"
    type: Literal["true_false"]
    answer: bool

    def grade(self, response: bool | None) -> Grade:
        """Response: True, False, or None."""
        if response is None:
            return Grade.unanswered()
        return Grade.right_or_wrong(response == self.answer)

    def answer_texts(self) -> list[str]:
        return [word(self.answer)]

    def gift(self) -> GiftQuestion:
        return GiftQuestion.after(self.prompt, ["TRUE" if self.answer else "FALSE"])

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("true_false_question")
        item.choices([word(True), word(False)], {0 if self.answer else 1}, multiple=False, idents=["true", "false"])
        return []

    def anki_front(self) -> str:
        return ""

    def worksheet_space(self) -> str:
        return f'<ul class="choices"><li>{word(True)}</li><li>{word(False)}</li></ul>'

    def worksheet_key(self) -> str:
        return key_line(self.answer_texts())

    def grading_data(self) -> dict[str, Any]:
        return {"answer": self.answer}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        values = ("true", "false")
        return option_inputs("radio", base, ((f"{base}--{value}", value, say(value)) for value in values))

    def quiz_answer(self, seed: int | None) -> str:
        return key_sentence(self.answer_texts())
