"""The order in which a quiz shows a question's choices, matching's right-hand items or ordering's steps.

Always shuffled, seeded by the question's id, so the book, the notebook and the exports show one question
the same way, and never in bank order (where authors tend to write the right answer first). An extra
`seed` gives another stable order. `clustering_warning` tells an author when the shuffled orders still
show a bank's right answers mostly in one position.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursekit.course.bank import Bank
    from coursekit.qtypes.base import Question

# A bank warns when at least this many single-choice questions share their right answer's position...
CLUSTER_MIN = 3
# ...and they are more than this share of the bank's single-choice questions.
CLUSTER_SHARE = 0.5


def display_order(question: Question, seed: int | None = None) -> list[int]:
    """Bank indices of the options (or matching's right-hand items, or ordering's steps) in display order."""
    indices = list(range(question.choice_count))
    shuffle = random.Random(question.id if seed is None else f"{seed}:{question.id}").shuffle
    shuffle(indices)
    while len(indices) > 1 and indices == sorted(indices):
        shuffle(indices)
    return indices


def clustering_warning(bank: Bank) -> str | None:
    """One line when most of a bank's single-choice questions show their right answer in one position."""
    positions = [
        display_order(question).index(next(i for i, option in enumerate(question.options) if option.correct))
        for question in bank.questions if question.type == "single"
    ]
    if not positions:
        return None
    position, count = Counter(positions).most_common(1)[0]
    if count < CLUSTER_MIN or count <= CLUSTER_SHARE * len(positions):
        return None
    return (
        f"{bank.path or bank.id}: warning: {count} of {len(positions)} single-choice questions show the right "
        f"answer as choice {position + 1}: reword or reorder some options so the position gives nothing away"
    )
