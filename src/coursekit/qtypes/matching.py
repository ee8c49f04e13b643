"""Matching questions: pair each left-hand item with its right-hand item."""

from __future__ import annotations

from string import ascii_uppercase
from typing import Any, Literal

from pydantic import field_validator

from coursekit.formats import GiftQuestion, QtiWriter, escape
from coursekit.markdown import to_inline_html, to_plain_text
from coursekit.models import Model
from coursekit.qtypes.base import Markdown, Question, at_least, distinct, key_line
from coursekit.qtypes.grade import Grade
from coursekit.qtypes.order import display_order
from coursekit.qtypes.quiz_html import key_list
from coursekit.qtypes.strings import say


def letter_label(position: int) -> str:
    """A, B, ... Z, then AA, AB, ...: as many labels as there are items."""
    label = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        label = ascii_uppercase[rest] + label
    return label


class Pair(Model):
    left: Markdown
    right: Markdown


class Matching(Question):
    type_name = "matching"
    label = "match the pairs"
    type: Literal["matching"]
    pairs: list[Pair]

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        at_least(pairs, 2, "pairs")
        for side in ("left", "right"):
            distinct([getattr(pair, side) for pair in pairs], f"pairs' {side} sides")
        return pairs

    @property
    def choice_count(self) -> int:
        return len(self.pairs)

    def grade(self, response: list[int | None]) -> Grade:
        """Response: for each left item, the index of the chosen right item, or None."""
        chosen = list(response or [])
        if not any(choice is not None for choice in chosen):
            return Grade.unanswered()
        hits = sum(1 for i, choice in enumerate(chosen[: len(self.pairs)]) if choice == i)
        return Grade(True, hits == len(self.pairs), hits / len(self.pairs))

    def answer_texts(self) -> list[str]:
        return [f"{pair.left} → {pair.right}" for pair in self.pairs]

    def letters(self) -> list[tuple[str, int]]:
        """(letter, pair index) of each right-hand item, in the order the quiz shows them."""
        return [(letter_label(position), index) for position, index in enumerate(display_order(self))]

    def gift(self) -> GiftQuestion:
        lines = [f"={escape(pair.left)} -> {escape(pair.right)}" for pair in self.pairs]
        lost = ["Moodle needs at least three pairs to import a matching question"] if len(self.pairs) < 3 else []
        return GiftQuestion.after(self.prompt, lines, lost)

    def qti(self, item: QtiWriter) -> list[str]:
        item.canvas_type("matching_question")
        # Canvas's two-decimal share per pair, the last taking the rest, so a full match scores 100.
        share = round(100 / len(self.pairs), 2)
        points = [share] * (len(self.pairs) - 1) + [100 - share * (len(self.pairs) - 1)]
        for index, pair in enumerate(self.pairs):
            lid = item.sub(item.presentation, "response_lid", ident=f"response{index}")
            item.material(lid, pair.left)
            render = item.sub(lid, "render_choice")
            for right in display_order(self):
                item.material(item.sub(render, "response_label", ident=f"match{right}"), self.pairs[right].right)
            condition = item.sub(item.processing, "respcondition")
            item.sub(item.sub(condition, "conditionvar"), "varequal", f"match{index}", respident=f"response{index}")
            item.sub(condition, "setvar", f"{points[index]:.2f}", action="Add", varname="SCORE")
        return []

    def anki_front(self) -> str:
        lefts = "".join(f"<li>{to_inline_html(pair.left)}</li>" for pair in self.pairs)
        # The right-hand items in a fixed shuffled order, so the card does not give the pairs away.
        rights = "".join(f"<li>{to_inline_html(self.pairs[i].right)}</li>" for i in display_order(self))
        return f"<p>Match:</p><ol>{lefts}</ol><p>with:</p><ul>{rights}</ul>"

    def worksheet_space(self) -> str:
        lefts = "".join(f'<li>{to_inline_html(p.left)} <span class="blank"></span></li>' for p in self.pairs)
        rights = "".join(f"<li>{letter}. {to_inline_html(self.pairs[i].right)}</li>" for letter, i in self.letters())
        return f'<p>Write a letter beside each item.</p><ol>{lefts}</ol><ul class="letters">{rights}</ul>'

    def worksheet_key(self) -> str:
        letter_of = {index: letter for letter, index in self.letters()}
        return key_line([
            f"{to_inline_html(p.left)} → {letter_of[i]} ({to_inline_html(p.right)})" for i, p in enumerate(self.pairs)
        ])

    def grading_data(self) -> dict[str, Any]:
        return {"pairs": len(self.pairs)}

    def quiz_controls(self, base: str, seed: int | None) -> str:
        order = display_order(self, seed)
        rows = []
        for left_index, pair in enumerate(self.pairs):
            select_id = f"{base}--m{left_index}"
            options = "".join(f'<option value="{j}">{to_plain_text(self.pairs[j].right)}</option>' for j in order)
            name = to_plain_text(pair.left).replace('"', "&quot;")  # named without an id (see option_inputs)
            rows.append(
                f'<label class="coursekit-pair"><span class="coursekit-left">{to_inline_html(pair.left)}</span>'
                f' <select id="{select_id}" name="{select_id}" aria-label="{name}">'
                f'<option value="">{say("choose")}</option>{options}</select></label>'
            )
        return f'<div class="coursekit-pairs">{"".join(rows)}</div>'

    def quiz_answer(self, seed: int | None) -> str:
        return key_list(say("right_matches"), self.answer_texts())
