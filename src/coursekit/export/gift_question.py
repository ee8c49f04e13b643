"""One GIFT question into a course question's fields, read with Moodle's meaning (`coursekit.export.gift_import`
reads the file around it).

A choice question with an `=` answer is single-choice, one without is multiple-answer; `[html]`,
`[moodle]`, `[plain]` and `[markdown]` markers apply to question text, answers and feedback. A short
answer in GIFT's missing-word form (text after the braces) is a fill-in-the-blank question, its gap `___`
where the braces were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coursekit.formats import FORMAT_MARKER, markdown_from_gift, short_answer_text, unescape_start

# Escaped characters are swapped for private placeholders while parsing, then restored.
_ESCAPES = {
    "\\\\": "\x00", "\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05", "\\:": "\x06",
    "-\\>": "\x08",
}
_RESTORE = {"\x00": "\\", "\x01": "~", "\x02": "=", "\x03": "#", "\x04": "{", "\x05": "}", "\x06": ":", "\x08": "->"}
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\.\.({_NUMBER})$")
_TOLERANCE = re.compile(rf"^({_NUMBER})(?::({_NUMBER}))?$")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# Characters CommonMark may read as markup anywhere, and markup that only counts at a line's start.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|&])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


class Unmappable(Exception):
    """A GIFT question with no equivalent course question, or one the course would reject."""


@dataclass
class _Question:
    """What parsing one question gathers: its text format and the notes on what it loses."""

    fmt: str = "moodle"
    notes: list[str] = field(default_factory=list)

    def text(self, raw: str, what: str, marker_allowed: bool = True) -> str:
        """Protected GIFT text as course Markdown, honouring a leading format marker if allowed."""
        raw = raw.strip()
        fmt = self.fmt
        if marker_allowed and (marker := FORMAT_MARKER.match(raw)):
            fmt, raw = marker.group(1), raw[marker.end() :]
        if fmt == "markdown":
            return unescape_start(markdown_from_gift(plain(raw)))
        text = unescape_start(plain(raw))
        if fmt == "plain":
            return _MARKDOWN_LINE_START.sub(r"\1\\\2", _MARKDOWN_INLINE.sub(r"\\\1", text))
        if fmt in ("html", "moodle") and _HTML_TAG.search(text):
            self.notes.append(f"HTML in {what}, kept as written (the course shows tags as text)")
        return text


def protect(text: str) -> str:
    """GIFT text with its escaped characters and `\\n` line breaks swapped for private placeholders."""
    text = text.replace("\\\\", _ESCAPES["\\\\"]).replace("\\n", "\x07")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text


def plain(text: str) -> str:
    """Restore escaped characters and `\\n` line breaks; trim."""
    for placeholder, char in _RESTORE.items():
        text = text.replace(placeholder, char)
    return text.replace("\x07", "\n").strip()

def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


def _weight(answer: str) -> tuple[float | None, str]:
    """A leading `%weight%` (None if absent) and the rest of the answer."""
    match = _WEIGHT.match(answer.strip())
    return (float(match.group(1)), answer.strip()[match.end() :]) if match else (None, answer)


def _split_feedback(question: _Question, text: str, what: str) -> tuple[str, str | None]:
    answer, _, feedback = text.partition("#")
    feedback_text = question.text(feedback, f"feedback on {what}") if plain(feedback) else None
    return question.text(answer, what), feedback_text


def _choices(body: str) -> list[tuple[str, str]]:
    """`=`/`~` marked answers as (mark, rest); text before the first mark is an error."""
    start = re.search(r"[=~]", body)
    if start is None or body[: start.start()].strip():
        raise Unmappable("answers must start with = or ~")
    return re.findall(r"([=~])([^=~]*)", body[start.start() :])


def _full_credit_split(body: str) -> list[str]:
    """Moodle's split of short and numeric answers: at every `=`, an empty first piece dropped."""
    parts = body.split("=")
    return parts[1:] if not parts[0].strip() else parts


def _graded(question: _Question, answers: list[str], kind: str) -> list[str]:
    """The full-credit answers (weight and all); the others are noted as lost."""
    kept = []
    for answer in answers:
        weight, rest = _weight(answer)
        if weight is None or weight == 100:
            kept.append(rest)
        else:
            shown = plain(rest.partition("#")[0])
            question.notes.append(f"{kind} {shown!r} worth {weight:g}% (the course gives full credit or none)")
    return kept


def _numeric(question: _Question, body: str) -> dict[str, Any]:
    body, tilde, wrong = body.partition("~")
    if tilde and plain(wrong.partition("#")[2]):
        question.notes.append("feedback for any other number (the course shows one explanation)")
    answers = _graded(question, _full_credit_split(body), "numeric answer")
    if not answers:
        raise Unmappable("no numeric answer with full credit")
    for extra in answers[1:]:
        shown = plain(extra.partition("#")[0])
        question.notes.append(f"second full-credit numeric answer {shown!r} (the course has one answer or range)")
    value, _, feedback = answers[0].partition("#")
    value = plain(value)
    if plain(feedback):
        question.notes.append("numeric answer feedback (the course shows one explanation)")
    if match := _RANGE.match(value):
        low, high = sorted((_number(match.group(1)), _number(match.group(2))))
        return {"type": "numeric", "range": [low, high]}
    if match := _TOLERANCE.match(value):
        fields: dict[str, Any] = {"type": "numeric", "answer": _number(match.group(1))}
        if match.group(2) and float(match.group(2)):
            fields["tolerance"] = _number(match.group(2))
        return fields
    raise Unmappable(f"not a number, range or number:tolerance: {value!r}")


def _true_false(question: _Question, word: str, body: str) -> dict[str, Any]:
    if any(plain(text) for text in body.split("#")[1:]):
        question.notes.append("true/false answer feedback (the course shows one explanation)")
    return {"type": "true_false", "answer": _TRUE_FALSE[word]}


def _matching(question: _Question, choices: list[tuple[str, str]]) -> dict[str, Any]:
    pairs = []
    for _, rest in choices:
        if "->" not in rest:
            raise Unmappable(f"matching answer {plain(rest)!r} has no ->")
        left, _, right = rest.partition("->")
        right_text = question.text(right, "a matching item")
        if not plain(left):
            question.notes.append(f"extra wrong answer {right_text!r} (the course matches pairs only)")
            continue
        pairs.append({"left": question.text(left, "a matching item"), "right": right_text})
    return {"type": "matching", "pairs": pairs}


def _short_answer(question: _Question, body: str) -> dict[str, Any]:
    accept = []
    for answer in _graded(question, _full_credit_split(body), "short answer"):
        written, feedback = _split_feedback(question, answer, "a short answer")
        text = short_answer_text(written)
        if text is None:
            question.notes.append(f"short answer {written!r}: Moodle's * wildcard (the course compares whole answers)")
            continue
        if feedback:
            question.notes.append(f"feedback on short answer {text!r} (the course shows one explanation)")
        accept.append(text)
    if not accept:
        wildcard = any("wildcard" in note for note in question.notes)
        raise Unmappable("no full-credit short answer" + (" without Moodle's * wildcard" if wildcard else ""))
    return {"type": "text", "accept": accept}


def _single_choice(question: _Question, choices: list[tuple[str, str]]) -> dict[str, Any]:
    """Moodle's single-answer question: the `=` answer is right, every other answer is wrong."""
    right = sum(mark == "=" for mark, _ in choices)
    if right > 1:
        raise Unmappable(f"{right} answers are fully right (=); a course single-choice question has one")
    options = []
    for mark, rest in choices:
        weight, rest = (None, rest) if mark == "=" else _weight(rest)
        text, feedback = _split_feedback(question, rest, "an answer")
        if weight:
            credit = "partial credit" if weight > 0 else "a penalty"
            question.notes.append(f"{credit} of {weight:g}% on answer {text!r} (in the course it is simply wrong)")
        options.append({"text": text, **({"correct": True} if mark == "=" else {}), **_with(feedback)})
    return {"type": "single", "options": options}


def _multiple_choice(question: _Question, choices: list[tuple[str, str]]) -> dict[str, Any]:
    """Moodle's multiple-answer question: answers with a positive weight are right."""
    options, weights = [], []
    for _, rest in choices:
        weight, rest = _weight(rest)
        text, feedback = _split_feedback(question, rest, "an answer")
        weights.append(weight or 0.0)
        options.append({"text": text, **({"correct": True} if weights[-1] > 0 else {}), **_with(feedback)})
    right = [w for w in weights if w > 0]
    if not right:
        raise Unmappable("no answer has a positive %weight% (a multiple-answer question needs one)")
    if len(set(right)) > 1 or any(w != -right[0] for w in weights if w <= 0):
        question.notes.append("answer weights (the course scores equal shares for right picks, less wrong picks)")
    return {"type": "multiple", "options": options}


def _with(feedback: str | None) -> dict[str, str]:
    return {"feedback": feedback} if feedback else {}


def _answers(question: _Question, body: str) -> dict[str, Any]:
    """The answers in braces, typed as Moodle types them."""
    stripped = body.strip()
    if not stripped:
        raise Unmappable("an essay question (empty braces) has no answer to grade")
    if stripped.startswith("#"):
        return _numeric(question, stripped[1:])
    if "~" in stripped:
        choices = _choices(stripped)
        return (_single_choice if "=" in stripped else _multiple_choice)(question, choices)
    if "=" in stripped and "->" in stripped:
        return _matching(question, _choices(stripped))
    word = stripped.split("#")[0].strip()
    if word in _TRUE_FALSE:
        return _true_false(question, word, stripped)
    return _short_answer(question, stripped)


def parse_question(block: str, notes: list[str]) -> tuple[str | None, dict[str, Any]]:
    """One protected GIFT question: its name (or None) and its fields as bank data."""
    name = None
    if block.startswith("::"):
        end = block.find("::", 2)
        if end < 0:
            raise Unmappable("a question name opened with :: is never closed")
        name, block = plain(block[2:end]), block[end + 2 :].lstrip()
    question = _Question(notes=notes)
    if marker := FORMAT_MARKER.match(block):
        question.fmt, block = marker.group(1), block[marker.end() :]
    opening = block.find("{")
    closing = block.rfind("}")
    if opening < 0 or closing < opening:
        raise Unmappable("no answers in braces: a description, not a question")
    before, body, after = block[:opening], block[opening + 1 : closing], block[closing + 1 :]
    body, _, general = body.partition("####")
    prompt = question.text(before, "the question text", marker_allowed=False)
    if plain(after):
        rest = question.text(after, "the question text", marker_allowed=False)
        prompt += r" \_\_\_\_\_" + ("" if rest[0] in ".,;:!?" else " ") + rest
    answers = _answers(question, body)
    if answers["type"] == "text" and plain(after):
        # GIFT's missing-word form of a short answer: the gap is where the braces were.
        answers["type"] = "fill_blank"
        prompt = _Question(question.fmt).text(before + "___" + after, "the question text", marker_allowed=False)
    fields = {"type": answers.pop("type"), "prompt": prompt.strip(), **answers}
    if plain(general):
        fields["explanation"] = question.text(general, "the general feedback")
    if not fields["prompt"]:
        raise Unmappable("no question text")
    return name, fields
