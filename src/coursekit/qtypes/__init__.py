"""The registry of question types: each type's model, grader, answer text and export hooks live in
one module here, and everything else looks a type up by its `type` name instead of branching on it.
"""

from __future__ import annotations

from coursekit.qtypes.base import HOOKS, Question
from coursekit.qtypes.choice import MultipleChoice, Option, SingleChoice
from coursekit.qtypes.matching import Matching, Pair
from coursekit.qtypes.numeric import Numeric
from coursekit.qtypes.ordering import Ordering
from coursekit.qtypes.text import TextAnswer
from coursekit.qtypes.true_false import TrueFalse

QUESTION_TYPES: dict[str, type[Question]] = {
    cls.type_name: cls for cls in (SingleChoice, MultipleChoice, TrueFalse, Numeric, Matching, TextAnswer, Ordering)
}

__all__ = [
    "HOOKS", "QUESTION_TYPES", "Matching", "MultipleChoice", "Numeric", "Option", "Ordering", "Pair",
    "Question", "SingleChoice", "TextAnswer", "TrueFalse",
]
