"""Ordering questions: put steps or stages in the right order (the bank lists them in that order)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from coursekit.formats import GiftQuestion, NotCarried, QtiWriter
from coursekit.markdown import to_inline_html
from coursekit.qtypes.base import Markdown, Question, at_least, distinct, key_line
from coursekit.qtypes.grade import Grade
from coursekit.qtypes.order import display_order
from coursekit.qtypes.quiz_html import key_list
from coursekit.qtypes.strings import say


class Ordering(Question):
    type_name = "ordering"
    label = "put in order"
    type: Literal["ordering"]
    items: list[Markdown]

    @field_validator("items")
    @classmethod
    def _enough_distinct(cls, items: list[str]) -> list[str]:
        at_least(items, 3, "items")
        distinct(items, "items")
        return items

    @property
    def choice_count(self) -> int:
        return len(self.items)

    def grade(self, response: list[int] | None) -> Grade:
        """Response: bank indices in the learner's order. Score: the share of items in their right place."""
        given = list(response or [])
        n = len(self.items)
        if not all(type(index) is int for index in given) or sorted(given) != list(range(n)):
            return Grade.unanswered()
        hits = sum(1 for position, index in enumerate(given) if position == index)
        return Grade(True, hits == n, hits / n)

    def answer_texts(self) -> list[str]:
        return [f"{position}. {item}" for position, item in enumerate(self.items, start=1)]

    def gift(self) -> GiftQuestion:
        raise NotCarried("GIFT has no ordering question (Moodle's ordering question is a plugin)")

    def qti(self, item: QtiWriter) -> list[str]:
        raise NotCarried("Canvas, which reads this QTI, has no ordering question")

    def anki_front(self) -> str:
        items = "".join(f"<li>{to_inline_html(self.items[i])}</li>" for i in display_order(self))
        return f"<p>Put in order:</p><ul>{items}</ul>"

    def worksheet_space(self) -> str:
        items = "".join(
            f'<li><span class="blank"></span> {to_inline_html(self.items[i])}</li>' for i in display_order(self)
        )
        how = f"<p>Number the items from 1 to {len(self.items)} in the right order.</p>"
        return f'{how}<ul class="letters">{items}</ul>'

    def worksheet_key(self) -> str:
        return key_line([to_inline_html(text) for text in self.answer_texts()], label="Order")

    def grading_data(self) -> dict[str, Any]:
        return {"items": len(self.items)}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        order = display_order(self, seed)
        items = "".join(
            f'<li data-item="{i}"><span class="coursekit-item">{to_inline_html(self.items[i])}</span></li>'
            for i in order
        )
        return f'<ol class="coursekit-order" data-start="{",".join(map(str, order))}">{items}</ol>'

    def quiz_answer(self, seed: int | None) -> str:
        return key_list(say("right_order"), self.answer_texts())
