"""What every question type shares: the common fields, and the hooks each type module fills in.

A type module subclasses `Question` with a `type_name` and a `type` literal, and implements every hook
below; the class registers itself in `REGISTERED`. An export hook raises `coursekit.formats.NotCarried`
when its format has no way to hold the question.
"""

from __future__ import annotations

from typing import Any, ClassVar

from coursekit.characters import looks
from coursekit.formats import GiftQuestion, QtiWriter
from coursekit.models import Items, Model, Slug, Text
from coursekit.qtypes.grade import Grade

Markdown = Text

# Every question type, by its `type` name, in the order the type modules define them.
REGISTERED: dict[str, type[Question]] = {}


class Question(Model):
    """Fields every question type has, and the hooks every type implements."""

    type_name: ClassVar[str]
    label: ClassVar[str]  # how to answer, in a few words ("one answer")

    id: Slug
    type: str
    prompt: Markdown
    explanation: Markdown | None = None
    faq: Items[Slug] = ()
    objective: Slug | None = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "type_name" in vars(cls):
            REGISTERED[cls.type_name] = cls

    @property
    def choice_count(self) -> int:
        """How many items a quiz shows in an order of its own (options, right-hand items, steps)."""
        return 0

    def grade(self, response: Any) -> Grade:
        """Grade one learner's response, in the shape `coursekit.qtypes.grade` documents for the type."""
        raise NotImplementedError

    def answer_texts(self) -> list[str]:
        """The correct answer, one Markdown string per item."""
        raise NotImplementedError

    def unanswered_verdict(self, response: Any) -> str:
        """The name of the interface string saying why `response` counts as no answer."""
        return "verdict_empty"

    def feedback_notes(self) -> list[tuple[str, str]]:
        """(choice, feedback) pairs shown with the answer; none unless the type has them."""
        return []

    def gift(self) -> GiftQuestion:
        """The question in GIFT: its text with the answer's place, the lines inside the braces, what is lost."""
        raise NotImplementedError

    def qti(self, item: QtiWriter) -> list[str]:
        """Fill in a QTI item's presentation and scoring; return what QTI loses of the question."""
        raise NotImplementedError

    def anki_front(self) -> str:
        """HTML below the prompt on the front of an Anki card (what to choose from)."""
        raise NotImplementedError

    def worksheet_space(self) -> str:
        """HTML below the prompt on a printed worksheet: the space to answer in."""
        raise NotImplementedError

    def worksheet_key(self) -> str:
        """The printed answer key's line, as HTML."""
        raise NotImplementedError

    def grading_data(self) -> dict[str, Any]:
        """What the quiz script needs, besides the type, to grade a response exactly as `grade` does."""
        raise NotImplementedError

    def quiz_controls(self, base: str, seed: int | None) -> str:
        """The quiz's answer controls as HTML: ids start with `base`, `seed` orders choices as `display_order`."""
        raise NotImplementedError

    def quiz_answer(self, seed: int | None) -> str:
        """The right answer inside the quiz's "Show answer", as HTML, choices in the order `seed` shows them."""
        raise NotImplementedError


HOOKS = (
    "grade", "answer_texts", "gift", "qti", "anki_front", "worksheet_space", "worksheet_key",
    "grading_data", "quiz_controls", "quiz_answer",
)


def at_least(items: list, count: int, what: str) -> list:
    if len(items) < count:
        raise ValueError(f"needs at least {count} {what} (found {len(items)})")
    return items


def distinct(texts: list[str], what: str) -> None:
    """Refuse two texts a reader cannot tell apart (the same once composed, without invisible characters)."""
    seen: dict[str, int] = {}
    for position, text in enumerate(texts, start=1):
        if (first := seen.setdefault(looks(text), position)) != position:
            same = "the same text" if texts[first - 1] == text else "texts that look the same"
            raise ValueError(f"two {what} have {same} (numbers {first} and {position})")


def key_line(items: list[str], label: str = "Answer") -> str:
    """A printed answer key's line: `Answer: a; b`, from HTML items."""
    return f"{label}: {'; '.join(items)}"
