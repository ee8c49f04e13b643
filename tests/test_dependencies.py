"""The engine lists the files a page's outputs use only while the book builds."""

from __future__ import annotations

from pathlib import Path

import pytest

import coursekit
from conftest import CONTENT
from coursekit import dependencies
from coursekit.course import load_course


@pytest.fixture
def record(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(dependencies, "_noted", set())
    monkeypatch.setenv("COURSEKIT_CONTENT", str(CONTENT))
    path = tmp_path / "record.txt"
    monkeypatch.setenv(dependencies.ENV, str(path))
    return path


def test_a_quiz_lists_its_bank_the_faq_and_the_course_file_once(record: Path) -> None:
    coursekit.quiz("causes")
    coursekit.quiz("causes")
    listed = record.read_text(encoding="utf-8").splitlines()
    assert sorted(listed) == sorted(
        str(CONTENT / name) for name in ("course.yml", "faq.yml", "quizzes/causes.yml")
    )


def test_every_bank_at_once_lists_the_quizzes_folder_and_one_bank_only_its_file(record: Path) -> None:
    course = load_course(CONTENT)
    course.bank("symptoms")
    assert record.read_text(encoding="utf-8").splitlines() == [str(CONTENT / "quizzes" / "symptoms.yml")]
    assert len(course.banks) > 1
    assert str(CONTENT / "quizzes") in record.read_text(encoding="utf-8").splitlines()


def test_modules_from_the_engine_are_listed_and_others_are_not(record: Path) -> None:
    dependencies.note_modules()
    listed = record.read_text(encoding="utf-8").splitlines()
    assert str(dependencies.ENGINE / "dependencies.py") in listed
    assert not [path for path in listed if "site-packages" in path]


def test_outside_a_book_build_nothing_is_written(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(dependencies.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    dependencies.note(CONTENT / "faq.yml")
    dependencies.note_modules()
    assert list(tmp_path.iterdir()) == []
