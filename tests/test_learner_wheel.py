"""The learner edition holds nothing private: no instructor note or misconception to address is in its pages,
search index, page sources, or the course wheel it serves; the wheel's files are listed and its RECORD matches.
A lesson installed from the wheel reads its content parsed ahead of time, and still reads an edited file."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import BUILD, CONTENT
from coursekit.publish.learner_wheel import learner_wheel


def private_texts() -> list[str]:
    """Every discussion prompt, tip and misconception: text only instructors see."""
    yaml = YAML(typ="safe")
    notes = yaml.load(CONTENT / "instructor.yml")
    lessons = yaml.load(CONTENT / "lessons.yml")
    texts = [text for lesson in notes["lessons"] for key in ("prompts", "tips") for text in lesson.get(key, [])]
    texts += [text for lesson in lessons["lessons"] for text in lesson.get("misconceptions", [])]
    assert len(texts) > 20
    return [" ".join(text.split()) for text in texts]


def plain(text: str) -> str:
    """Words as a reader or a search would see them: no tags, entities read, Markdown quotes as written."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace('\\"', '"').split())


@pytest.fixture(scope="module")
def wheel():
    found = sorted(BUILD.glob("coursekit-*.whl"))
    if not found:
        pytest.fail(f"no course wheel in {BUILD}: run `make book` first")
    return found[-1]


def test_the_wheel_holds_the_engine_the_helpers_and_the_content_but_no_instructor_notes(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        content = {name for name in names if name.startswith("coursekit/content/")}
        every = {f"coursekit/content/{path.relative_to(CONTENT).as_posix()}" for path in CONTENT.rglob("*")
                 if path.is_file() and not path.name.startswith(".")}
        assert "coursekit/content/instructor.yml" in every
        assert content == every - {"coursekit/content/instructor.yml"} | {"coursekit/content/parsed.json"}
        strings = "coursekit/quizzes/static/quiz/strings.json"
        assert {"figures.py", "explorables.py", "coursekit/__init__.py", strings} <= names
        lessons = YAML(typ="safe").load(archive.read("coursekit/content/lessons.yml"))
        assert [lesson["id"] for lesson in lessons["lessons"]] == [
            lesson["id"] for lesson in YAML(typ="safe").load(CONTENT / "lessons.yml")["lessons"]]
        assert not any("misconceptions" in lesson for lesson in lessons["lessons"])
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        for line in archive.read(record).decode().splitlines():
            name, digest, size = line.rsplit(",", 2)
            if name == record:
                continue
            data = archive.read(name)
            assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert int(size) == len(data)
        text = plain(" ".join(archive.read(name).decode("utf-8", "ignore") for name in names))
    assert [private for private in private_texts() if private in text] == []


def test_no_page_search_index_or_page_source_of_the_learner_edition_holds_instructor_text():
    readable = [p for p in BUILD.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".txt", ".md", ".ipynb")]
    assert BUILD / "searchindex.js" in readable and any("_sources" in p.parts for p in readable)
    privates = private_texts()
    leaks = []
    for path in readable:
        text = plain(path.read_text(encoding="utf-8", errors="ignore"))
        leaks += [(path.relative_to(BUILD).as_posix(), private[:50]) for private in privates if private in text]
    assert leaks == []


def test_rewriting_a_wheel_is_idempotent(wheel, tmp_path):
    copy = tmp_path / wheel.name
    copy.write_bytes(wheel.read_bytes())
    learner_wheel(copy)
    with zipfile.ZipFile(copy) as again, zipfile.ZipFile(wheel) as served:
        assert again.namelist() == served.namelist()
        assert all(again.read(name) == served.read(name) for name in served.namelist())


# Run from the wheel alone: the course's content, whether the YAML parser was needed, or the problems found.
LOAD = """
import json, sys
import coursekit
from coursekit.course import content_dir, load_course
from coursekit.source import ContentError
try:
    course = load_course(content_dir())
    found = {"banks": {bank: [q.id for q in b.questions] for bank, b in course.banks.items()}}
except ContentError as error:
    found = {"problems": [str(problem) for problem in error.problems]}
print(json.dumps({**found, "engine": coursekit.__file__, "yaml_parser": "ruamel.yaml" in sys.modules}))
"""


def load_from(site: Path, content: Path | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("COURSEKIT_CONTENT", None)
    if content:
        env["COURSEKIT_CONTENT"] = str(content)
    done = subprocess.run([sys.executable, "-c", LOAD], cwd=site, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found.pop("engine").startswith(str(site))
    return found


def test_a_lesson_from_the_wheel_reads_its_content_parsed_ahead_and_an_edited_file_as_written(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    installed = load_from(site)
    banks = {path.stem: [question["id"] for question in YAML(typ="safe").load(path)["questions"]]
             for path in sorted((CONTENT / "quizzes").glob("*.yml"))}
    assert installed == {"banks": banks, "yaml_parser": False}

    # An author's copy whose FAQ lost an entry a bank cites: the bank (unchanged, so read from the snapshot) is
    # reported at the line that cites it, as when it is parsed.
    edited = shutil.copytree(site / "coursekit/content", tmp_path / "content")
    faq = (edited / "faq.yml").read_text(encoding="utf-8")
    (edited / "faq.yml").write_text(faq.replace("- id: clogged-arteries", "- id: clogged-arteries-renamed"))
    cited = next(number for number, line in enumerate((edited / "quizzes/causes.yml").read_text().splitlines(), 1)
                 if "faq: [clogged-arteries]" in line)
    problems = load_from(site, edited)["problems"]
    where = f"{edited / 'quizzes/causes.yml'}:{cited}: question atherosclerosis-is: faq"
    assert [problem for problem in problems if problem.startswith(where)]
