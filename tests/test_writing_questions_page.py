"""The "Writing questions" page: every YAML example on it is a bank that loads, except the broken
one, which gives exactly the message the page shows after it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from coursekit.course.bank import QUESTION_TYPES
from coursekit.course.check import check_path

PAGE = ROOT / "book" / "writing-questions.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
BLOCKS = [(lang, body) for lang, body in FENCE.findall(PAGE.read_text(encoding="utf-8"))]
YAML = [body for lang, body in BLOCKS if lang == "yaml"]
BROKEN = [body for body in YAML if body.startswith("id: example-broken\n")]


def message_after(example: str) -> str:
    """The `text` block that follows a YAML example on the page."""
    index = BLOCKS.index(("yaml", example))
    lang, body = BLOCKS[index + 1]
    assert lang == "text"
    return body


def test_the_page_has_examples_of_every_type():
    assert len(YAML) >= len(QUESTION_TYPES)
    types = set(re.findall(r"^    type: (\w+)$", "".join(YAML), re.MULTILINE))
    assert types == set(QUESTION_TYPES)


@pytest.mark.parametrize("example", [body for body in YAML if body not in BROKEN], ids=lambda body: body.split()[1])
def test_each_example_is_a_valid_bank(example, tmp_path):
    path = tmp_path / f"{example.split()[1]}.yml"
    path.write_text(example, encoding="utf-8")
    summary, problems = check_path(path)
    assert problems == []
    assert summary.endswith(f"{example.count('  - id: ')} questions")


def test_the_broken_example_gives_the_message_the_page_shows(tmp_path):
    assert len(BROKEN) == 1
    (tmp_path / "example-broken.yml").write_text(BROKEN[0], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", "example-broken.yml"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[:-1] == message_after(BROKEN[0]).splitlines()
