"""The floor under the exports: what a question type needs to write itself in a format, without
importing the export layer. Types receive a writer (`QtiWriter`) or return a record (`GiftQuestion`);
`coursekit.export` takes it from there.

GIFT text: special characters (~ = # { } :) and backslashes are escaped, `->` is written `-\\>`
(Markdown shows `->`; Moodle no longer reads a matching pair), and line breaks become `\\n`. A text that
would start with a `%weight%` or a `[html]`-style format marker starts with an HTML entity instead
(`&#37;`, `&#91;`), which Markdown shows as the same character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol
from xml.etree.ElementTree import Element


class NotCarried(Exception):
    """A format has no way to hold a question at all; the message says why. Raised by a type's export hook."""


SPECIAL = "~=#{}:"
FORMAT_MARKER = re.compile(r"\[(markdown|html|plain|moodle)\]")
# What GIFT reads at the start of an answer or feedback, and the entity that keeps it text.
_START_ENTITIES = {"%": "&#37;", "[": "&#91;", "&": "&#38;"}
_LEADING_ENTITY = re.compile(r"&#(?:37|38|91);")


# A fenced code block (``` or ~~~ on a line of its own, to the same fence or the end), or a code span (a run of
# backticks, to the next run of the same length).
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)|(?<![`\\])(`+)(?!`).+?(?<!`)\2(?!`)",
                   re.M | re.S)
# `<` that Markdown would start raw HTML with: not an autolink (`<https://...>`, `<name@example.org>`).
_TAG_START = re.compile(r"<(?![A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)")
# Moodle's GIFT reader turns `&&058;` and the like into the characters they stand for (`:`), wherever they are.
_PLACEHOLDER = re.compile(r"&&(?=058;|035;|061;|123;|125;|126;|010|092;)")
_WRITTEN_PLACEHOLDER = re.compile(r"&#38;&(?=058;|035;|061;|123;|125;|126;|010|092;)")


def escape(text: str) -> str:
    """Course Markdown as GIFT `[markdown]` text: `gift_text`, with raw HTML shown as text (`markdown_text`)."""
    return _specials(markdown_text(_protected_start(text)))


def gift_text(text: str) -> str:
    """Text safe inside a GIFT question: specials and backslashes escaped, `->` broken, newlines as `\\n`.

    A start GIFT would read (a `%` weight, a format marker such as `[html]`) becomes an HTML entity
    (`&#37;`, `&#91;`); a leading `&#37;`, `&#38;` or `&#91;` written by the author has its `&` as
    `&#38;`, so import gives back exactly the text.
    """
    return _specials(_protected_start(text))


def _protected_start(text: str) -> str:
    if text.startswith("%") or FORMAT_MARKER.match(text) or _LEADING_ENTITY.match(text):
        return _START_ENTITIES[text[0]] + text[1:]
    return text


def _specials(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("->", "-\\>").replace("\r\n", "\n").replace("\n", "\\n")


def markdown_text(text: str) -> str:
    """Markdown that Moodle shows as the course does. The course renders no raw HTML; Moodle's Markdown
    (qformat_gift stores `[markdown]` text as FORMAT_MARKDOWN) passes it through, then cleans it. So outside
    code a `<` that is not an autolink is written `&lt;`, and an `&&` that Moodle's GIFT reader would take for
    one of its placeholders is written `&#38;&`."""
    return "".join(
        part if code else _PLACEHOLDER.sub("&#38;&", _TAG_START.sub("&lt;", part)) for part, code in code_split(text)
    )


def markdown_from_gift(text: str) -> str:
    """The reverse of `markdown_text`, for Markdown read back from GIFT."""
    return "".join(
        part if code else _WRITTEN_PLACEHOLDER.sub("&&", part.replace("&lt;", "<")) for part, code in code_split(text)
    )


def code_split(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, is code) pieces: code spans (CommonMark backtick runs) and fenced code blocks."""
    pieces, start = [], 0
    for code in _CODE.finditer(text):
        pieces += [(text[start : code.start()], False), (code.group(), True)]
        start = code.end()
    return [*pieces, (text[start:], False)]


def escape_short_answer(text: str) -> str:
    """`gift_text` for an accepted short answer, which Moodle compares as typed (no Markdown, no HTML), and where
    `*` is Moodle's wildcard: a literal one is `\\*`."""
    return gift_text(text.replace("*", "\\*"))


def short_answer_text(text: str) -> str | None:
    """An imported (unescaped) short answer as course text; None if it uses Moodle's `*` wildcard."""
    if re.search(r"(?<!\\)\*", text):
        return None
    return text.replace("\\*", "*")


def unescape_start(text: str) -> str:
    """The reverse of `escape`'s entity at the start of a text (already unescaped)."""
    entity = _LEADING_ENTITY.match(text)
    if entity is None:
        return text
    char = next(c for c, e in _START_ENTITIES.items() if e == entity.group())
    return char + text[entity.end() :]


def weight(percent: float) -> str:
    """A GIFT percentage with at most five decimals (Moodle's own precision)."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def feedback(text: str | None) -> str:
    """An answer's ` #feedback`, or nothing."""
    return f" #{escape(text)}" if text else ""


# Where the answer braces go in a GIFT question's text. `escape` never writes `{}`: every brace it
# leaves is `\{` or `\}`.
ANSWER = "{}"


@dataclass(frozen=True)
class GiftQuestion:
    """A question in GIFT, as its type writes it: the question text (escaped) with `ANSWER` where the
    braces go, the lines inside the braces, and what GIFT loses of the question.

    The braces go after the text (`GiftQuestion.after`) or, in GIFT's missing-word form, inside it.
    """

    text: str
    answers: list[str]
    lost: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.text.count(ANSWER) != 1:
            raise ValueError(f"a GIFT question's text holds the answer's place once: {self.text!r}")

    @classmethod
    def after(cls, prompt: str, answers: list[str], lost: list[str] | None = None) -> GiftQuestion:
        """The usual form: the prompt (Markdown), then the braces."""
        return cls(escape(prompt) + ANSWER, answers, lost or [])

    def split(self) -> tuple[str, str]:
        """The GIFT text before and after the braces."""
        before, after = self.text.split(ANSWER)
        return before, after


class QtiWriter(Protocol):
    """What a type's `qti` hook builds its QTI 1.2 item with: `coursekit.export.qti.QtiItem` documents each."""

    presentation: Element
    processing: Element

    def canvas_type(self, name: str) -> None: ...
    def material(self, parent: Element, markdown: str) -> None: ...
    def sub(self, parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element: ...
    def option_feedback(self, index: int, markdown: str) -> None: ...
    def scoring(self, stop: bool = True) -> Element: ...
    def typed_answer(self, fibtype: str | None = None) -> None: ...
    def numbers(self, low: str, high: str, exact: str | None = None) -> None: ...
    def choices(
        self, texts: list[str], correct: set[int], multiple: bool, idents: list[str] | None = None,
        order: list[int] | None = None,
    ) -> None: ...
