"""The source FAQ as typed data: load and validate `faq.yml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator

from coursekit.models import Model, Slug, Text
from coursekit.source import ContentError, read_yaml, validate_document

Topic = Literal["causes", "symptoms", "prevention", "treatment"]
TOPICS: tuple[str, ...] = ("causes", "symptoms", "prevention", "treatment")


class NumberedItem(Model):
    n: int
    text: Text


class Block(Model):
    """One block of an answer as received: a paragraph, a heading, or a list."""

    text: Text | None = None
    heading: Text | None = None
    bullets: list[Text] | None = Field(default=None, min_length=1)
    numbered: list[NumberedItem] | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _paragraph_from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> Block:
        kinds = [k for k in ("text", "heading", "bullets", "numbered") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("a block is a paragraph (a string) or a mapping with one of heading, bullets, numbered")
        return self


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("is one line: no line breaks")
    return value


class Verdict(Model):
    """The course's judgement of an entry, shown with it on the source-FAQ page: not part of the quote."""

    rating: Literal["right", "partly-right", "wrong"]
    text: Annotated[Text, AfterValidator(_one_line)]


class FaqEntry(Model):
    id: Slug
    topic: Topic
    question: Text
    answer: list[Block] = Field(min_length=1)
    verdict: Verdict | None = None


class Faq(Model):
    source: Text
    entries: list[FaqEntry] = Field(min_length=1)

    def entry(self, entry_id: str) -> FaqEntry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(f"no FAQ entry with id {entry_id!r}")

    def by_topic(self, topic: str) -> list[FaqEntry]:
        return [entry for entry in self.entries if entry.topic == topic]


def load_faq(path: Path) -> Faq:
    """Load and validate a `faq.yml`; raise ContentError listing every problem."""
    faq, problems = validate_document(read_yaml(path), Faq, items="entries")
    if problems:
        raise ContentError(problems)
    return faq


@cache
def cached_faq(path: Path) -> Faq:
    return load_faq(path)
