"""`faq.yml` quotes its source text (`source:`, e.g. `source/faq.txt`) exactly: every question,
paragraph, heading and list item, in order, nothing added and nothing left out.

Lines are compared with runs of whitespace collapsed, so layout (indentation, blank lines) may
differ but no word or character may.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from coursekit.course.faq import Faq
from coursekit.source import Problem, YamlDocument, read_yaml

Loc = Sequence[str | int]


def _same_spacing(text: str) -> str:
    return " ".join(text.split())


def quoted_lines(faq: Faq) -> list[tuple[Loc, str]]:
    """Each line faq.yml quotes, as the source writes it (`• item`, `4. item`), with where it is."""
    lines: list[tuple[Loc, str]] = []
    for i, entry in enumerate(faq.entries):
        lines.append((["entries", i, "question"], entry.question))
        for j, block in enumerate(entry.answer):
            at = ["entries", i, "answer", j]
            if block.text is not None:
                lines.append((at, block.text))
            elif block.heading is not None:
                lines.append(([*at, "heading"], block.heading))
            elif block.bullets is not None:
                lines += [([*at, "bullets", k], f"• {item}") for k, item in enumerate(block.bullets)]
            else:
                numbered = enumerate(block.numbered)
                lines += [([*at, "numbered", k, "text"], f"{item.n}. {item.text}") for k, item in numbered]
    return [(loc, _same_spacing(text)) for loc, text in lines]


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def quotation_problems(document: YamlDocument, faq: Faq) -> list[Problem]:
    """Where faq.yml differs from its source text, each at the faq.yml line concerned."""
    source = document.path.parent / faq.source
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else "cannot be read"
        return [document.problem(["source"], f"{source} {reason}")]
    expected = [(n, _same_spacing(line)) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    quoted = quoted_lines(faq)
    matcher = difflib.SequenceMatcher(None, [t for _, t in quoted], [t for _, t in expected], autojunk=False)
    problems = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(i1, i2):
            loc, _ = quoted[k]
            if j1 + k - i1 < j2:
                n, line = expected[j1 + k - i1]
                message = f"differs from {faq.source} line {n}, which reads {_shown(line)}"
            else:
                message = f"is not in {faq.source}"
            problems.append(document.problem(loc, message))
        anchor = quoted[min(i1, len(quoted) - 1)][0] if quoted else ["entries"]
        for n, line in expected[j1 + i2 - i1 : j2]:
            problems.append(document.problem(anchor, f"{faq.source} line {n} is not quoted: {_shown(line)}"))
    return problems


def faq_quotation_problems(path: Path, faq: Faq) -> list[Problem]:
    """`quotation_problems` for the (already loaded and valid) faq.yml at `path`."""
    return quotation_problems(read_yaml(path), faq)
