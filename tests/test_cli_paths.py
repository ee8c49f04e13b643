"""Every command answers an unusable path with one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import CONTENT, FIXTURES

GIFT = FIXTURES / "gift" / "moodle_examples.gift"
BANK = CONTENT / "quizzes" / "causes.yml"


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "coursekit", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def places(tmp_path):
    (tmp_path / "a-folder.yml").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "latin1.yml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    (tmp_path / "existing.yml").write_text("keep me\n", encoding="utf-8")
    return tmp_path


# The command (BANK and GIFT stand for a valid bank and GIFT file) and the one line it prints.
CASES = [
    ("check latin1.yml", "latin1.yml: file: is not UTF-8 text"),
    ("preview BANK --out a-folder.yml", "a-folder.yml: --out: is a folder; give a file name"),
    ("preview BANK --out missing/page.html", "missing/page.html: --out: the folder missing does not exist"),
    ("preview a-folder.yml --out page.html", "a-folder.yml: file: is a folder; give a file"),
    ("preview latin1.yml --out page.html", "latin1.yml: file: is not UTF-8 text"),
    ("export --format gift --out a-file", "a-file: --out: is a file; give a folder"),
    ("export --format gift --out a-file/gift", "a-file/gift: --out: a-file is a file, not a folder"),
    ("import gift latin1.yml --out new.yml", "latin1.yml: file: is not UTF-8 text"),
    ("import gift nothing.gift --out new.yml", "nothing.gift: file: no such file"),
    ("import gift GIFT --out a-folder.yml", "a-folder.yml: --out: is a folder; give a file name"),
    ("import gift GIFT --out missing/new.yml", "missing/new.yml: --out: the folder missing does not exist"),
    ("import gift GIFT --out existing.yml", "existing.yml: --out: already exists; add --force to replace it"),
]


@pytest.mark.parametrize(("command", "message"), CASES, ids=[command for command, _ in CASES])
def test_an_unusable_path_is_one_line_and_exit_2(places, command, message):
    args = [{"BANK": BANK, "GIFT": GIFT}.get(word, word) for word in command.split()]
    result = run(*args, cwd=places)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert "Traceback" not in result.stderr
    assert (places / "existing.yml").read_text(encoding="utf-8") == "keep me\n"
    assert not (places / "page.html").exists() and not (places / "new.yml").exists()

