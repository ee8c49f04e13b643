"""The registry of question types: each type's model, grader, answer text and export hooks live in
one module here, and everything else looks a type up by its `type` name instead of branching on it.

A type registers itself by subclassing `Question` (`coursekit.qtypes.base`); importing this package
imports every module in it, so a new type is one new module and nothing else in Python. Beside the types
stands what they share: grading (`grade`), answers in words (`answers`), the order choices are shown in
(`order`) and the interface strings (`strings`).
"""

from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules

from coursekit.qtypes.base import HOOKS, REGISTERED, Question

for _module in iter_modules(__path__):
    import_module(f"{__name__}.{_module.name}")

QUESTION_TYPES: dict[str, type[Question]] = dict(REGISTERED)

__all__ = ["HOOKS", "QUESTION_TYPES", "Question"]
