"""Fill in the blank: a sentence with one gap (`___`), right when the word typed is an accepted spelling.

It grades and shows its answer as a text question does; what differs is where the answer goes: in the
gap. GIFT writes it in its missing-word form (the braces inside the sentence); QTI writes it as a text
question, Canvas's "Fill In the Blank" (`short_answer_question`), with the gap in the question text.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator

from coursekit.formats import ANSWER, GiftQuestion, escape, escape_short_answer
from coursekit.qtypes.text import TextAnswer

# The gap: three or more underscores not escaped (Markdown shows `___` between words as it is).
GAP = re.compile(r"(?<!\\)_{3,}")


class FillBlank(TextAnswer):
    type_name = "fill_blank"
    label = "fill in the blank"
    type: Literal["fill_blank"]

    @field_validator("prompt")
    @classmethod
    def _one_gap(cls, prompt: str) -> str:
        gaps = len(GAP.findall(prompt))
        if gaps != 1:
            raise ValueError(f"needs exactly one gap written ___ (found {gaps})")
        if not GAP.split(prompt)[1].strip():
            raise ValueError("the sentence goes on after the gap: end it with a full stop at least")
        return prompt

    def gift(self) -> GiftQuestion:
        """GIFT's missing-word form: the braces where the gap is, and Moodle shows a blank there (braces
        that end the text would show none: hence the full stop the prompt needs after the gap)."""
        # Escaped as one text (a start such as `%` is escaped only at the start), with a control character
        # (never in bank text, untouched by `escape`) holding the gap's place.
        held = escape(GAP.sub("\x00", self.prompt, count=1))
        answers = [f"={escape_short_answer(accepted)}" for accepted in self.accept]
        return GiftQuestion(held.replace("\x00", ANSWER), answers)
