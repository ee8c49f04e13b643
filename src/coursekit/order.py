"""The order in which a quiz shows a question's choices: bank order, or shuffled by a seed.

Both renderers use this, so the live widget and the static page show the same order for one seed.
"""

from __future__ import annotations

import random

from coursekit.bank import Matching, MultipleChoice, Question, SingleChoice


def choice_count(question: Question) -> int:
    if isinstance(question, SingleChoice | MultipleChoice):
        return len(question.options)
    if isinstance(question, Matching):
        return len(question.pairs)
    return 0


def display_order(question: Question, seed: int | None = None) -> list[int]:
    """Bank indices of the options (or of matching's right-hand items) in display order."""
    indices = list(range(choice_count(question)))
    if seed is not None:
        random.Random(f"{seed}:{question.id}").shuffle(indices)
    return indices
