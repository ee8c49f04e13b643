"""HTML pieces the question types share in the quiz (`coursekit.quizzes.static_quiz`): controls and answer keys."""

from __future__ import annotations

from collections.abc import Iterable

from coursekit.markdown import escape, to_inline_html
from coursekit.qtypes.strings import say


def option_inputs(kind: str, base: str, options: Iterable[tuple[str, str, str]]) -> str:
    """Radio buttons or checkboxes (`kind`) named `base`, from (id, value, label HTML) triples.

    Each input sits inside its label: a saved notebook output keeps its names although JupyterLab's
    sanitizer renames every `id` (so `<label for>` would point nowhere)."""
    rows = [
        f'<div class="coursekit-option"><label><input type="{kind}" id="{option_id}" name="{base}" value="{value}">'
        f' <span class="coursekit-option-text">{label}</span></label></div>'
        for option_id, value, label in options
    ]
    return f'<div class="coursekit-options">{"".join(rows)}</div>'


def typed_input(base: str, unit: str | None, numeric: bool) -> str:
    """A text box for a typed answer inside its label, with the unit after it when there is one."""
    mode = ' inputmode="decimal"' if numeric else ""
    after = f' <span class="coursekit-unit">{escape(unit)}</span>' if unit else ""
    return (
        f'<div class="coursekit-typed"><label>{say("your_answer")}'
        f' <input type="text" id="{base}--input" name="{base}" autocomplete="off" spellcheck="false"{mode}>'
        f"</label>{after}</div>"
    )


def key_list(heading: str, answers: list[str]) -> str:
    """An answer key as a heading and a list, from Markdown answers."""
    items = "".join(f"<li>{to_inline_html(answer)}</li>" for answer in answers)
    return f'<p>{heading}</p><ul class="coursekit-key">{items}</ul>'


def key_sentence(answers: list[str]) -> str:
    """An answer key as one sentence naming the right answer, from Markdown answers."""
    text = say("right_answer", answer="; ".join(to_inline_html(answer) for answer in answers))
    text = text if text.rstrip().endswith((".", "!", "?", "…")) else f"{text}."
    return f'<p class="coursekit-key">{text}</p>'
