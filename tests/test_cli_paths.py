"""Every command answers an unusable path with one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import os
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
    os.mkfifo(tmp_path / "a-fifo")
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
    ("import gift a-fifo --out new.yml",
     "a-fifo: file: is not a regular file (a FIFO, a device or a socket): give a file"),
    ("check a-fifo", "a-fifo: file: is a FIFO (named pipe), not a regular file: give a file"),
    ("preview BANK --out existing.yml", "existing.yml: --out: already exists; add --force to replace it"),
    ("preview BANK --out BANK --force", "BANK: --out: is the file the command reads: give another name"),
    ("preview BANK --out CONTENT/faq.yml --force", "CONTENT/faq.yml: --out: is a file of the course's content: it is "
     "never written over"),
    ("preview BANK --out CONTENT/quizzes/page.html", "CONTENT/quizzes/page.html: --out: is inside the course's "
     "content folder: write it somewhere else"),
    ("import gift GIFT --out CONTENT/quizzes/causes.yml --force", "CONTENT/quizzes/causes.yml: --out: is a file of "
     "the course's content: it is never written over"),
    ("export --format gift --out CONTENT", "CONTENT: --out: is inside the course's content folder: write the export "
     "somewhere else"),
    ("export --format worksheet --out CONTENT/../content/x", "CONTENT/../content/x: --out: is inside the course's "
     "content folder: write the export somewhere else"),
]


@pytest.mark.parametrize(("command", "message"), CASES, ids=[command for command, _ in CASES])
def test_an_unusable_path_is_one_line_and_exit_2(places, command, message):
    def real(text: str) -> str:
        return text.replace("BANK", str(BANK)).replace("GIFT", str(GIFT)).replace("CONTENT", str(CONTENT))

    before = {path: path.read_bytes() for path in CONTENT.rglob("*") if path.is_file()}
    result = run(*map(real, command.split()), cwd=places)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == real(message)
    assert {path: path.read_bytes() for path in CONTENT.rglob("*") if path.is_file()} == before
    assert "Traceback" not in result.stderr
    assert (places / "existing.yml").read_text(encoding="utf-8") == "keep me\n"
    assert not (places / "page.html").exists() and not (places / "new.yml").exists()



def test_an_export_never_writes_over_an_earlier_one_without_force(tmp_path):
    out = tmp_path / "gift"
    assert run("export", "--format", "gift", "--out", out, cwd=tmp_path).returncode == 0
    (out / "causes.gift.txt").write_text("edited by hand\n", encoding="utf-8")
    again = run("export", "--format", "gift", "--out", out, cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr.splitlines() == [f"{out}/causes.gift.txt: --out: already exists; add --force to replace it"]
    assert (out / "causes.gift.txt").read_text(encoding="utf-8") == "edited by hand\n"
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{q.stem}.gift.txt" for q in
                                                                  (CONTENT / "quizzes").glob("*.yml"))
    forced = run("export", "--format", "gift", "--force", "--out", out, cwd=tmp_path)
    assert forced.returncode == 0
    assert (out / "causes.gift.txt").read_text(encoding="utf-8").startswith("// ")
    refused = run("export", "--format", "gift", "--quiz", "no-such-quiz", "--out", tmp_path / "new", cwd=tmp_path)
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
    assert not (tmp_path / "new").exists()
