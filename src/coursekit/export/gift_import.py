"""Moodle GIFT text to a course question bank (`python -m coursekit import gift FILE --out BANK.yml`).

Every question in the file either becomes a bank question (read by `coursekit.export.gift_question`) or
is reported with its line and the reason; whatever a question loses on the way is reported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import pydantic
from ruamel.yaml import YAML

from coursekit.course.bank import QUESTION_TYPES
from coursekit.export.gift import META
from coursekit.export.gift_question import Unmappable, parse_question, plain, protect
from coursekit.formats import unescape_start
from coursekit.source import ContentError, Problem


@dataclass
class Imported:
    """A bank as plain data (ready to write as YAML) and what did not map, as `file:line: ...` lines."""

    bank: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))

def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks of lines, each with the 1-based line it starts on."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.split("\n"), start=1):
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


def _validation_reason(error: pydantic.ValidationError) -> str:
    item = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in item["loc"])
    return f"{where}: {item['msg'].removeprefix('Value error, ')}"


@dataclass(frozen=True)
class Known:
    """The FAQ and objective ids imported links may name (None: any)."""

    faq: set[str] | None = None
    objectives: set[str] | None = None


def _links(question: dict[str, Any], meta: dict[str, str], known: Known, notes: list[str]) -> None:
    """FAQ links and the objective from `// coursekit:` comments, if the course has them."""
    faq = [faq_id for faq_id in meta.get("faq", "").split(",") if faq_id]
    for faq_id in faq:
        if known.faq is not None and faq_id not in known.faq:
            notes.append(f"link to FAQ entry {faq_id!r} (the course has no such entry)")
    if kept := [faq_id for faq_id in faq if known.faq is None or faq_id in known.faq]:
        question["faq"] = kept
    objective = meta.get("objective")
    if objective and known.objectives is not None and objective not in known.objectives:
        notes.append(f"objective {objective!r} (no lesson has it)")
    elif objective:
        question["objective"] = objective


def parse_gift(text: str, source: Path, bank_id: str, known: Known | None = None) -> Imported:
    """GIFT text into bank data; questions that cannot map, and what mapped ones lose, are in `problems`."""
    known = known or Known()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bank: dict[str, Any] = {"id": bank_id, "title": source.stem}
    imported = Imported(bank)
    questions: list[dict[str, Any]] = []
    used: set[str] = set()
    for start, lines in _blocks(text):
        meta: dict[str, str] = {}
        kept = []
        for number, line in enumerate(lines, start=start):
            stripped = line.strip()
            if stripped.startswith(META) and "intro=" in stripped:
                bank["intro"] = unescape_start(plain(protect(stripped[len(META) :].strip().removeprefix("intro="))))
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
        block = protect("\n".join(line for _, line in kept).strip())
        named = re.match(r"::(.*?)::", block)
        label = f"question {plain(named.group(1))}" if named else f"question on line {start}"
        try:
            name, fields = parse_question(block, notes)
            base = _slug(name or "") or f"q{len(questions) + 1}"
            ident, n = base, 2
            while ident in used:
                ident, n = f"{base}-{n}", n + 1
            question = {"id": ident, **fields}
            _links(question, meta, known, notes)
            QUESTION_TYPES[question["type"]].model_validate(question)
        except Unmappable as reason:
            imported.problems.append(f"{source}:{start}: {label}: not imported: {reason}")
            continue
        except pydantic.ValidationError as error:
            imported.problems.append(f"{source}:{start}: {label}: not imported: {_validation_reason(error)}")
            continue
        used.add(ident)
        questions.append(question)
        imported.problems += [f"{source}:{start}: question {ident}: not carried: {note}" for note in notes]
    bank["questions"] = questions
    return imported


def import_gift(path: Path, bank_id: str, known: Known | None = None) -> Imported:
    """Read and parse a GIFT file; a file that is not UTF-8 text raises ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError([Problem(path, None, "file", "is not UTF-8 text")]) from None
    except OSError as error:
        raise ContentError([Problem(path, None, "file", f"cannot read: {error.strerror}")]) from None
    return parse_gift(text, path, bank_id, known)


def bank_yaml(bank: dict[str, Any]) -> str:
    """Bank data as YAML text, long lines unwrapped and Unicode kept."""
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    stream = StringIO()
    yaml.dump(bank, stream)
    return stream.getvalue()
