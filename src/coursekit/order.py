"""The order in which a quiz shows a question's choices: bank order, or shuffled by a seed.

Both renderers use this, so the live widget and the static page show the same order for one seed.
An ordering question is always shown shuffled, and never already in the right order.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursekit.qtypes.base import Question


def display_order(question: Question, seed: int | None = None) -> list[int]:
    """Bank indices of the options (or matching's right-hand items, or ordering's steps) in display order."""
    indices = list(range(question.choice_count))
    always = question.always_shuffled
    if seed is not None or always:
        random.Random(f"{seed}:{question.id}").shuffle(indices)
    if always and indices == sorted(indices):
        indices = indices[1:] + indices[:1]
    return indices
