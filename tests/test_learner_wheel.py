"""The learner edition holds nothing private: no instructor note or misconception to address is in its pages,
search index, page sources, or the course wheel it serves; the wheel's files are listed and its RECORD matches."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import zipfile

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
        assert content == every - {"coursekit/content/instructor.yml"}
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
