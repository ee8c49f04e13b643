"""Text questions: a word or phrase, compared ignoring case, spacing and Unicode width."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from coursekit.characters import untypable
from coursekit.formats import GiftQuestion, QtiWriter, escape_short_answer
from coursekit.markdown import escape, to_inline_html
from coursekit.models import Text
from coursekit.qtypes.base import Question, at_least, key_line
from coursekit.qtypes.grade import Grade, normalize_text
from coursekit.qtypes.quiz_html import typed_input
from coursekit.qtypes.strings import say


class TextAnswer(Question):
    type_name = "text"
    label = "a word or phrase"
    type: Literal["text"]
    accept: list[Text]

    @field_validator("accept")
    @classmethod
    def _some_accepted(cls, accept: list[str]) -> list[str]:
        """At least one accepted answer, and each one a learner can type."""
        for position, accepted in enumerate(accept, start=1):
            if odd := next((char for char in accepted if untypable(char)), None):
                raise ValueError(f"accepted answer {position} holds U+{ord(odd):04X}, which no one can type: remove it")
        return at_least(accept, 1, "accepted answer")

    def grade(self, response: str) -> Grade:
        """Response: the text typed."""
        given = normalize_text(response)
        if not given:
            return Grade.unanswered()
        return Grade.right_or_wrong(given in {normalize_text(accepted) for accepted in self.accept})

    def answer_texts(self) -> list[str]:
        return list(self.accept)

    def gift(self) -> GiftQuestion:
        return GiftQuestion.after(self.prompt, [f"={escape_short_answer(accepted)}" for accepted in self.accept])

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("short_answer_question")
        item.typed_answer()
        test = item.scoring()
        for accepted in self.accept:
            item.sub(test, "varequal", accepted, respident="response1")
        return ["answers are matched ignoring case only (the course also ignores extra spaces)"]

    def anki_front(self) -> str:
        return ""

    def worksheet_space(self) -> str:
        return '<div class="line"></div>'

    def worksheet_key(self) -> str:
        return key_line([to_inline_html(text) for text in self.answer_texts()], label="Accepted answers")

    def grading_data(self) -> dict[str, Any]:
        return {"accept": list(self.accept)}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        return typed_input(base, None, numeric=False)

    def quiz_answer(self, seed: int | None) -> str:
        accepted = "; ".join(f"“{escape(text)}”" for text in self.accept)
        return f'<p class="coursekit-key">{say("accepted", answers=accepted)}.</p>'
