"""Moodle GIFT text to a course question bank (`python -m coursekit import gift FILE --out BANK.yml`).

Every question in the file either becomes a bank question or is reported with its line and the
reason it could not map (an essay has nothing to grade, for example); none is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from coursekit.export.gift import META

# Escaped characters are swapped for private placeholders while parsing, then restored.
_ESCAPES = {"\\\\": "\x00", "\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05", "\\:": "\x06"}
_RESTORE = {"\x00": "\\", "\x01": "~", "\x02": "=", "\x03": "#", "\x04": "{", "\x05": "}", "\x06": ":"}
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\.\.({_NUMBER})$")
_TOLERANCE = re.compile(rf"^({_NUMBER})(?::({_NUMBER}))?$")
_FORMAT = re.compile(r"^\[(markdown|html|plain|moodle)\]")


@dataclass
class Imported:
    """A bank as plain data (ready to write as YAML) and what could not map, as `file:line: ...` lines."""

    bank: dict[str, Any]
    problems: list[str] = field(default_factory=list)


class Unmappable(Exception):
    """A GIFT question with no equivalent course question type."""


def _protect(text: str) -> str:
    text = text.replace("\\\\", _ESCAPES["\\\\"]).replace("\\n", "\x07")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text


def _plain(text: str) -> str:
    """Restore escaped characters and `\\n` line breaks; trim."""
    for placeholder, char in _RESTORE.items():
        text = text.replace(placeholder, char)
    return text.replace("\x07", "\n").strip()


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


def _split_feedback(text: str) -> tuple[str, str | None]:
    answer, _, feedback = text.partition("#")
    return _plain(answer), (_plain(feedback) or None)


def _choices(body: str) -> list[tuple[str, str]]:
    """`=`/`~` marked answers as (mark, rest); text before the first mark is an error."""
    start = re.search(r"[=~]", body)
    if start is None or body[: start.start()].strip():
        raise Unmappable("answers must start with = or ~")
    return re.findall(r"([=~])([^=~]*)", body[start.start() :])


def _numeric(body: str, notes: list[str]) -> dict[str, Any]:
    answers = [rest for _, rest in _choices(body)] if re.match(r"\s*=", body) else [body]
    chosen = None
    for answer in answers:
        weight = _WEIGHT.match(answer.strip())
        if weight and float(weight.group(1)) != 100:
            notes.append(f"numeric answer {_plain(answer)!r} with {weight.group(1)}% credit (no partial credit)")
            continue
        if chosen is None:
            chosen = answer.strip()[weight.end() :] if weight else answer.strip()
        else:
            notes.append(f"second full-credit numeric answer {_plain(answer)!r} (one answer or range only)")
    if chosen is None:
        raise Unmappable("no numeric answer with full credit")
    value, feedback = _split_feedback(chosen)
    if feedback:
        notes.append("numeric answer feedback (the course shows one explanation)")
    if match := _RANGE.match(value):
        return {"type": "numeric", "range": [_number(match.group(1)), _number(match.group(2))]}
    if match := _TOLERANCE.match(value):
        fields: dict[str, Any] = {"type": "numeric", "answer": _number(match.group(1))}
        if match.group(2) and float(match.group(2)):
            fields["tolerance"] = _number(match.group(2))
        return fields
    raise Unmappable(f"not a number, range or number:tolerance: {value!r}")


def _true_false(body: str, notes: list[str]) -> dict[str, Any]:
    word, *feedback = body.split("#")
    if any(_plain(text) for text in feedback):
        notes.append("true/false answer feedback (the course shows one explanation)")
    return {"type": "true_false", "answer": word.strip().upper() in ("T", "TRUE")}


def _all_equal_marks(choices: list[tuple[str, str]], notes: list[str]) -> dict[str, Any]:
    pairs = [rest for _, rest in choices]
    if all("->" in rest for rest in pairs):
        matched = []
        for rest in pairs:
            left, _, right = rest.partition("->")
            matched.append({"left": _plain(left), "right": _plain(right)})
        if not all(pair["left"] for pair in matched):
            raise Unmappable("a matching pair with no left side (an extra distractor) has no course equivalent")
        return {"type": "matching", "pairs": matched}
    accept = []
    for rest in pairs:
        weight = _WEIGHT.match(rest.strip())
        if weight and float(weight.group(1)) != 100:
            notes.append(f"short answer {_plain(rest)!r} with {weight.group(1)}% credit (no partial credit)")
            continue
        text, feedback = _split_feedback(rest.strip()[weight.end() :] if weight else rest)
        if feedback:
            notes.append(f"feedback on short answer {text!r} (the course shows one explanation)")
        accept.append(text)
    if not accept:
        raise Unmappable("no short answer with full credit")
    return {"type": "text", "accept": accept}


def _choice_question(choices: list[tuple[str, str]], notes: list[str]) -> dict[str, Any]:
    options, weights = [], []
    for mark, rest in choices:
        weight = _WEIGHT.match(rest.strip())
        value = 100.0 if mark == "=" else (float(weight.group(1)) if weight else 0.0)
        text, feedback = _split_feedback(rest.strip()[weight.end() :] if weight else rest)
        option: dict[str, Any] = {"text": text}
        if value > 0:
            option["correct"] = True
        if feedback:
            option["feedback"] = feedback
        options.append(option)
        weights.append(value)
    right = [w for w in weights if w > 0]
    if not right:
        raise Unmappable("no answer is marked right (= or a positive %weight%)")
    if len(right) == 1 and right[0] < 100:
        notes.append(f"the only right answer is worth {right[0]:g}% (the course gives full credit)")
    if len(right) == 1 and any(w < 0 for w in weights):
        notes.append("negative weights on wrong answers (one right answer: a wrong pick scores zero)")
    if len(right) > 1 and (len(set(right)) > 1 or any(0 > w != -right[0] for w in weights) or 0 in weights):
        notes.append("answer weights (the course scores right picks minus wrong picks, equal weights)")
    return {"type": "single" if len(right) == 1 else "multiple", "options": options}


def _answers(body: str, notes: list[str]) -> dict[str, Any]:
    stripped = body.strip()
    if not stripped:
        raise Unmappable("an essay question (empty braces) has no answer to grade")
    if stripped.startswith("#"):
        return _numeric(stripped[1:], notes)
    if stripped.split("#")[0].strip().upper() in ("T", "TRUE", "F", "FALSE"):
        return _true_false(stripped, notes)
    choices = _choices(stripped)
    if all(mark == "=" for mark, _ in choices):
        return _all_equal_marks(choices, notes)
    return _choice_question(choices, notes)


def parse_question(block: str, notes: list[str]) -> tuple[str | None, dict[str, Any]]:
    """One protected GIFT question: its name (or None) and its fields as bank data."""
    name = None
    if block.startswith("::"):
        end = block.find("::", 2)
        if end < 0:
            raise Unmappable("a question name opened with :: is never closed")
        name, block = _plain(block[2:end]), block[end + 2 :].lstrip()
    if match := _FORMAT.match(block):
        if match.group(1) == "html":
            notes.append("HTML text kept as written (the course shows Markdown; tags will show as text)")
        block = block[match.end() :]
    opening = block.find("{")
    closing = block.rfind("}")
    if opening < 0 or closing < opening:
        raise Unmappable("no answers in braces: a description, not a question")
    before, body, after = block[:opening], block[opening + 1 : closing], block[closing + 1 :]
    body, _, general = body.partition("####")
    prompt = _plain(before) + (r" \_\_\_\_\_ " + _plain(after) if _plain(after) else "")
    answers = _answers(body, notes)
    fields = {"type": answers.pop("type"), "prompt": prompt.strip(), **answers}
    if _plain(general):
        fields["explanation"] = _plain(general)
    if not fields["prompt"]:
        raise Unmappable("no question text")
    return name, fields


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks of lines, each with the 1-based line it starts on."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _meta(line: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in line[len(META) :].split() if "=" in item)


def import_gift(path: Path, bank_id: str) -> Imported:
    """Parse a GIFT file into bank data; questions that cannot map are listed in `problems`."""
    text = path.read_text(encoding="utf-8-sig")
    bank: dict[str, Any] = {"id": bank_id, "title": path.stem}
    imported = Imported(bank)
    questions: list[dict[str, Any]] = []
    used: set[str] = set()
    for start, lines in _blocks(text):
        meta: dict[str, str] = {}
        kept = []
        for number, line in enumerate(lines, start=start):
            stripped = line.strip()
            if stripped.startswith(META) and "intro=" in stripped:
                bank["intro"] = _plain(_protect(stripped[len(META) :].strip().removeprefix("intro=")))
            elif stripped.startswith(META):
                meta.update(_meta(stripped))
            elif stripped.startswith("$CATEGORY:"):
                bank["title"] = stripped.split(":", 1)[1].strip().rstrip("/").split("/")[-1] or bank["title"]
            elif not stripped.startswith("//"):
                kept.append((number, line))
        if not kept:
            continue
        start = kept[0][0]
        notes: list[str] = []
        block = _protect("\n".join(line for _, line in kept).strip())
        try:
            name, fields = parse_question(block, notes)
        except Unmappable as reason:
            named = re.match(r"::(.*?)::", block)
            label = f"question {_plain(named.group(1))}" if named else "question"
            imported.problems.append(f"{path}:{start}: {label}: not imported: {reason}")
            continue
        base = _slug(name or "") or f"q{len(questions) + 1}"
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        question = {"id": ident, **fields}
        if meta.get("faq"):
            question["faq"] = meta["faq"].split(",")
        if meta.get("objective"):
            question["objective"] = meta["objective"]
        questions.append(question)
        imported.problems += [f"{path}:{start}: question {ident}: not carried: {note}" for note in notes]
    bank["questions"] = questions
    return imported


def write_bank(bank: dict[str, Any], out: Path) -> None:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        yaml.dump(bank, stream)
