"""Moodle GIFT text: one `<quiz>.gift.txt` per quiz.

Question text, answers and feedback are Markdown, marked `[markdown]` so Moodle renders them.
GIFT's special characters (~ = # { } :) and backslashes are escaped, `->` is written `-\\>` (Markdown
shows `->`; Moodle no longer reads a matching pair), and line breaks become `\\n`. A text that would
start with a `%weight%` or a `[html]`-style format marker starts with an HTML entity instead
(`&#37;`, `&#91;`), which Markdown shows as the same character.
The course's FAQ links and objectives travel in `// coursekit:` comments, which Moodle ignores
and `coursekit import gift` reads back. Each question type writes its answer lines in its `gift` hook.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from coursekit.export import Loss, NotCarried, Result

if TYPE_CHECKING:
    from coursekit.bank import Bank, Question
    from coursekit.course import Course

SPECIAL = "~=#{}:"
META = "// coursekit:"
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
    """Markdown that Moodle shows as the course does. The course renders no raw HTML, while Moodle's Markdown
    passes it through (then cleans it): outside code, a `<` that is not an autolink is written `&lt;`, and an
    `&&` that Moodle's GIFT reader would take for its placeholders (`&&058;`, a `:`) is written `&#38;&`."""
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


def question_gift(question: Question) -> tuple[str, list[str]]:
    """One question as GIFT text, and what could not be carried; `NotCarried` if GIFT cannot hold it."""
    lines, lost = question.gift()
    if question.explanation:
        lines = [*lines, f"####{escape(question.explanation)}"]
    meta = []
    if question.faq:
        meta.append(f"faq={','.join(question.faq)}")
    if question.objective:
        meta.append(f"objective={question.objective}")
    head = [f"{META} {' '.join(meta)}"] if meta else []
    body = "\n".join(f"\t{line}" for line in lines)
    text = f"::{escape(question.id)}::[markdown]{escape(question.prompt)}{{\n{body}\n}}"
    return "\n".join([*head, text]), lost


def bank_gift(course_title: str, bank: Bank) -> tuple[str, list[Loss]]:
    """A whole quiz as a GIFT file (a category named after the course and quiz), and its losses."""
    parts = [f"// {_category(bank.title)}", f"$CATEGORY: $course$/{_category(course_title)}/{_category(bank.title)}"]
    losses = []
    if bank.intro:
        parts.append(f"{META} intro={gift_text(bank.intro)}")
        losses.append(Loss(bank.id, "the quiz introduction (kept as a comment; Moodle ignores it)"))
    if any(q.faq or q.objective for q in bank.questions):
        losses.append(Loss(bank.id, "FAQ links and objectives (kept as comments; Moodle ignores them)"))
    for question in bank.questions:
        try:
            text, lost = question_gift(question)
        except NotCarried as reason:
            losses.append(Loss.question(bank, question.id, reason))
            continue
        parts.append(text)
        losses += [Loss(f"{bank.id}/{question.id}", what) for what in lost]
    return "\n\n".join(parts) + "\n", losses


def _category(title: str) -> str:
    """A category path segment: GIFT category lines end at the line, and `/` separates levels."""
    return title.replace("/", "-").replace("\n", " ")


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    result = Result()
    for bank in banks:
        text, losses = bank_gift(course.info.title, bank)
        path = out / f"{bank.id}.gift.txt"
        path.write_text(text, encoding="utf-8")
        result.files.append(path)
        result.add(bank, losses)
    return result
