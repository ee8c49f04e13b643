"""Read course YAML with line numbers and report content problems as `file:line: where: message`.

Content is plain YAML (see `plain_yaml`: no tags, anchors or aliases, limited nesting) of at most `MAX_BYTES`
bytes, so a file never means more than it shows.

A file is parsed (and ruamel.yaml imported) only when `yaml_cache` does not have its data at hand.
"""

from __future__ import annotations

import functools
import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pydantic

from coursekit import yaml_cache

ModelT = TypeVar("ModelT", bound=pydantic.BaseModel)
ITEM_KINDS = {"entries": "entry", "questions": "question", "lessons": "lesson", "signs": "sign", "tiers": "tier"}
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, in the form authors read and editors jump to."""

    file: Path
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        """One line: characters that would break it or reorder it on a terminal are written as escapes."""
        line = "" if self.line is None else f"{self.line}:"
        text = f"{self.file}:{line} {self.where}: {self.message}"
        return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)


class ContentError(Exception):
    """Raised when content files have problems; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML and its file: ruamel round-trip nodes, which remember their lines, or plain data from the cache
    (`coursekit.yaml_cache`) with the text it was parsed from, parsed again only to find a line."""

    path: Path
    data: Any
    text: str | None = field(default=None, compare=False, repr=False)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the deepest node along `loc` that exists."""
        data = _lined(self.path, self.text) if self.text is not None else self.data
        node, line = data, None
        for part in loc:
            position = _position(node, part)
            if position is None:
                break
            line = position + 1
            node = node[part]
        if line is None:
            return 1 if data is not None else None
        return line

    def problem(self, loc: Sequence[str | int], message: str, field: str | None = None) -> Problem:
        """A problem at `loc`, named by the item (entry, question) it belongs to and its field."""
        where, rest = _describe(self.data, loc)
        field = field if field is not None else _field_name(rest)
        if field:
            where = f"{where}: {field}" if where else field
        return Problem(self.path, self.line(loc), where or "file", message)


def _position(node: Any, part: str | int) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
        return lc.item(part)[0]
    if isinstance(part, str) and isinstance(node, dict) and part in node:
        return lc.key(part)[0]
    return None


def _describe(data: Any, loc: Sequence[str | int]) -> tuple[str, list[str | int]]:
    """Split `loc` into the innermost item it names (`question potassium`) and the rest."""
    where, rest, node = "", list(loc), data
    for i, part in enumerate(loc):
        container_key = loc[i - 1] if i else None
        try:
            child = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and container_key in ITEM_KINDS:
            kind = ITEM_KINDS[container_key]
            ident = child.get("id") if isinstance(child, dict) else None
            ident = ident.strip() if isinstance(ident, str) else None
            where = f"{kind} {ident}" if ident else f"{kind} #{part + 1}"
            rest = list(loc[i + 1 :])
        node = child
    return where, rest


def _field_name(parts: Sequence[str | int]) -> str:
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """A regular file's UTF-8 text, read without waiting (a FIFO or a device is refused, not read) and at most
    `limit` bytes; every problem is a ContentError of one line."""
    try:
        _regular(path, os.stat(path).st_mode)
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ContentError([Problem(path, None, "file", f"cannot read: {error.strerror}")]) from None
    try:
        _regular(path, os.fstat(handle).st_mode)  # the same file still
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise ContentError([Problem(path, None, "file", f"cannot read: {error.strerror}")]) from None
    finally:
        os.close(handle)
    if len(data) > limit:
        size = max(path.stat().st_size, len(data))
        raise ContentError([Problem(path, None, "file", f"is {size:,} bytes; a content file has at most {limit:,}")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError([Problem(path, None, "file", "is not UTF-8 text")]) from None


def _regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ContentError([Problem(path, None, "file", "is a folder, not a YAML file")])
    if not stat.S_ISREG(mode):
        raise ContentError([Problem(path, None, "file", f"is {_kind(mode)}, not a regular file: give a file")])


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a file"


def read_yaml(path: Path) -> YamlDocument:
    """Parse a plain YAML file (or take its data from `yaml_cache`); every problem (unreadable, not UTF-8, syntax,
    tags) is a ContentError."""
    text = read_text(path)
    known = yaml_cache.load(text)
    if known is not None:
        return YamlDocument(path, known, text)
    data = _parse(path, text)
    yaml_cache.store(text, data)
    return YamlDocument(path, data)


def _parse(path: Path, text: str) -> Any:
    from coursekit.plain_yaml import MarkedYAMLError, NotPlain, ReaderError, load

    try:
        return load(text)
    except NotPlain as error:
        raise ContentError([Problem(path, error.line, "YAML", error.message)]) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(str(error.problem or error.context or "invalid YAML").split())
        raise ContentError([Problem(path, line, "YAML", message)]) from None
    except ReaderError as error:
        line = text.count("\n", 0, max(error.position, 0)) + 1
        message = f"the character U+{error.character:04X} is not allowed in YAML: remove it"
        raise ContentError([Problem(path, line, "YAML", message)]) from None


# A cached document's lines: its text parsed again once, only when a problem needs a line.
_lined = functools.lru_cache(maxsize=4)(_parse)


def problem_message(item: Any) -> str:
    """Pydantic's message for one error, in the words of a content file."""
    kind, value = item["type"], item.get("input")
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {value!r}"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing") and isinstance(value, str):
        return f"must be a number, not the text {value!r}"
    if kind == "string_type" and isinstance(value, bool | int | float):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        return f"must be text, not {shown} (put it in quotes)"
    if kind == "finite_number":
        return f"must be a finite number, not {value!r}"
    return item["msg"].removeprefix("Value error, ")


def validation_problems(
    document: YamlDocument, error: pydantic.ValidationError, prefix: Sequence[str | int] = ()
) -> list[Problem]:
    """Turn pydantic's errors (for the node at `prefix`) into problems located in the document."""
    problems = []
    for item in error.errors(include_url=False):
        problems.append(document.problem([*prefix, *item["loc"]], problem_message(item)))
    return problems


def duplicate_id_problems(document: YamlDocument, key: str) -> list[Problem]:
    """Problems for items under `key` whose `id` repeats an earlier one."""
    seen: dict[str, int] = {}
    problems = []
    items = document.data.get(key) if isinstance(document.data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        ident = unicodedata.normalize("NFC", ident.strip())  # as the model reads it
        if ident in seen:
            first = document.line([key, seen[ident], "id"])
            problems.append(document.problem([key, index, "id"], f"duplicate id (first used on line {first})"))
        else:
            seen[ident] = index
    return problems


def validate_document(
    document: YamlDocument, model: type[ModelT], items: str | None = None
) -> tuple[ModelT | None, list[Problem]]:
    """The document as `model` (None if invalid) and its problems, with repeated ids under `items`."""
    try:
        instance, problems = model.model_validate(document.data), []
    except pydantic.ValidationError as error:
        instance, problems = None, validation_problems(document, error)
    if items:
        problems += duplicate_id_problems(document, items)
    return instance, problems
