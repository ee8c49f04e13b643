"""The order in which a quiz shows a question's choices, matching's right-hand items or ordering's steps.

Always shuffled, seeded by the question's id, so the book, the notebook and the exports show one question
the same way, and never in bank order (where authors tend to write the right answer first). An extra
`seed` gives another stable order.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursekit.qtypes.base import Question


def display_order(question: Question, seed: int | None = None) -> list[int]:
    """Bank indices of the options (or matching's right-hand items, or ordering's steps) in display order."""
    indices = list(range(question.choice_count))
    shuffle = random.Random(question.id if seed is None else f"{seed}:{question.id}").shuffle
    shuffle(indices)
    while len(indices) > 1 and indices == sorted(indices):
        shuffle(indices)
    return indices
