"""The book's glossary terms and their definitions (`book/glossary.md`), and content `{term}` roles that name a
term it lacks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coursekit.source import Problem, YamlDocument, read_text

GLOSSARY = re.compile(r"^```\{glossary\}[^\n]*\n(.*?)^```", re.M | re.S)
# {term}`text` or {term}`text <Target>`: Sphinx looks the target (or the text) up, ignoring case.
TERM_ROLE = re.compile(r"\{term\}`([^`]*?)(?:\s*<([^<>`]+)>)?`", re.S)
CITE_ROLE = re.compile(r"\{cite\}`([^`]+)`")


def glossary_terms(path: Path) -> set[str]:
    """The terms of every glossary directive in a MyST page, in lower case (how Sphinx matches them)."""
    terms = set()
    for block in GLOSSARY.findall(read_text(path)):
        terms.update(line.strip().lower() for line in block.splitlines() if line.strip() and not line[0].isspace())
    return terms


def glossary_definitions(path: Path) -> dict[str, tuple[str, str]]:
    """Each term of a MyST page's glossaries, in lower case, with the entry's first name and its definition (one
    line); a term's other names (`DVT` beside `Deep vein thrombosis`) give the same entry."""
    entries = {}
    for block in GLOSSARY.findall(read_text(path)):
        names: list[str] = []
        definition: list[str] = []
        for line in [*block.splitlines(), ""]:
            if line.strip() and not line[0].isspace():
                if definition:
                    names, definition = [], []
                names.append(line.strip())
            elif line.strip():
                definition.append(line.strip())
            elif names and definition:
                entries.update({name.lower(): (names[0], " ".join(definition)) for name in names})
                names, definition = [], []
    return entries


def book_glossary(content: Path) -> set[str] | None:
    """Terms of the book's glossary beside a content folder (None if the book has none)."""
    glossary = content.parent / "book" / "glossary.md"
    return glossary_terms(glossary) if glossary.is_file() else None


def _strings(node: Any, loc: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, [*loc, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, [*loc, index])


def term_problems(document: YamlDocument, terms: set[str]) -> list[Problem]:
    """Problems for `{term}` roles in a content file that name no term of the glossary."""
    problems = []
    for loc, text in _strings(document.data, []):
        for role in TERM_ROLE.finditer(text):
            target = " ".join((role.group(2) or role.group(1)).split())
            if target.lower() not in terms:
                message = f"{{term}} names {target!r}, which book/glossary.md does not define"
                problems.append(document.problem(loc, message))
    return problems
