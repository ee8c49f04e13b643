"""Parsed content files at hand, so a lesson's kernel does not parse the same YAML again (about 1 s of pure
Python each time a lesson opens on a slow machine; several in the browser).

The learner wheel carries its content parsed ahead of time (`SNAPSHOT`, each file's data by the SHA-256 of its
text), so a lesson in the browser neither parses nor imports ruamel.yaml. Other files are kept on disk: an entry is
the file's data as JSON, named by a hash of the file's text and of this format, in the user's cache folder
(`COURSEKIT_YAML_CACHE` overrides it; `off` turns it off). Only plain data is kept (text, numbers, true/false,
null, mappings with text keys, lists): a file whose data is anything else is parsed every time. A cache that cannot
be read or written is no cache, never an error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import tempfile
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

SNAPSHOT = "parsed.json"  # in the installed content package (coursekit.content), when the wheel carries one


@functools.cache
def cache_format() -> str:
    """What an entry depends on besides the text: this format and the parser's version."""
    return f"1 ruamel.yaml {version('ruamel.yaml')}"


class NotPlain(Exception):
    """Data that JSON would not give back as it was."""


def folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    chosen = os.environ.get("COURSEKIT_YAML_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coursekit" / "yaml"


def _entry(text: str) -> Path | None:
    where = folder()
    digest = hashlib.sha256(f"{cache_format()}\n{text}".encode()).hexdigest()
    return where / f"{digest}.json" if where else None


def plain(node: Any) -> Any:
    """ruamel's data as plain Python values (its scalars are subclasses of them); NotPlain for anything else."""
    from ruamel.yaml.scalarbool import ScalarBoolean  # parsed data only: ruamel.yaml is loaded already

    if node is None:
        return None
    if isinstance(node, bool | ScalarBoolean):
        return bool(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float) and math.isfinite(node):
        return float(node)
    if isinstance(node, dict) and all(isinstance(key, str) for key in node):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    raise NotPlain


@functools.cache
def snapshot() -> dict[str, Any]:
    """The content parsed ahead of time, by the SHA-256 of its text (empty when the course has none)."""
    try:
        return json.loads((files("coursekit.content") / SNAPSHOT).read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(text: str) -> Any | None:
    """The data parsed from this text: the snapshot's, else the kept entry's; or None (neither has it, the entry is
    unreadable, or the cache is off)."""
    if (parsed := snapshot().get(text_digest(text))) is not None:
        return parsed
    entry = _entry(text)
    if entry is None:
        return None
    with contextlib.suppress(OSError, ValueError):
        return json.loads(entry.read_text(encoding="utf-8"))["data"]
    return None


def store(text: str, data: Any) -> None:
    """Keep the data parsed from this text, when it is plain and the cache can be written."""
    entry = _entry(text)
    if entry is None:
        return
    try:
        document = json.dumps({"data": plain(data)}, ensure_ascii=False, allow_nan=False)
    except NotPlain:
        return
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent, delete=False) as part:
            part.write(document)
        os.replace(part.name, entry)
