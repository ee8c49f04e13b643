"""Where the course content lives, and the whole course loaded and cross-checked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator

from coursekit.bank import Bank, load_bank
from coursekit.dependencies import note
from coursekit.faq import Faq, Items, Model, Slug, Text, load_faq
from coursekit.glossary import book_glossary, term_problems
from coursekit.instructor import InstructorNotes, load_notes
from coursekit.lessons import Lessons, load_lessons, objective_problems
from coursekit.quotation import faq_quotation_problems
from coursekit.seek_care import RedFlags, bib_keys, load_red_flags
from coursekit.source import ContentError, Problem, read_yaml, validate_document


def content_dir(start: Path | None = None) -> Path:
    """The course's `content/` folder.

    `COURSEKIT_CONTENT` wins; otherwise the nearest `content/faq.yml` above `start` (default: the
    working directory, so notebooks find it); otherwise the content installed with this package (a
    wheel), or the checkout it was installed from (editable).
    """
    if os.environ.get("COURSEKIT_CONTENT"):
        return Path(os.environ["COURSEKIT_CONTENT"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "content" / "faq.yml").is_file():
            return folder / "content"
    installed = Path(__file__).resolve().parent / "content"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "content"


REVIEW_DAYS_MOST = 3650  # ten years: every review date stays a date a browser can show


class CourseInfo(Model):
    id: Slug
    title: Text
    # Spaced review (Leitner boxes): days until a question comes back after 1, 2, 3... right answers in a row.
    review_days: Items[Annotated[int, Field(gt=0, le=REVIEW_DAYS_MOST)]] = Field(
        default=(1, 3, 7, 21, 60), min_length=1
    )
    # The percent score at which a lesson counts as passed in an LMS (the SCORM package's mastery score).
    mastery_score: int = Field(default=80, ge=0, le=100)

    @field_validator("review_days")
    @classmethod
    def _growing(cls, days: tuple[int, ...]) -> tuple[int, ...]:
        if list(days) != sorted(set(days)):
            raise ValueError("each box waits longer than the one before it (e.g. [1, 3, 7, 21, 60])")
        return days


def load_course_info(path: Path) -> CourseInfo:
    info, problems = validate_document(read_yaml(path), CourseInfo)
    if problems:
        raise ContentError(problems)
    return info


# The file (or folder) of the content folder each part of a Course is loaded from.
SOURCES = {
    "info": "course.yml", "faq": "faq.yml", "banks": "quizzes", "lessons": "lessons.yml",
    "instructor": "instructor.yml", "red_flags": "red-flags.yml",
}


@dataclass(frozen=True)
class Course:
    """All content of one course: its id and title, the FAQ, and the quiz banks by id.

    Reading a part notes its file as used (`coursekit.dependencies`), so the book rebuilds the pages that
    show it; `bank(quiz_id)` notes that bank's file only.
    """

    content: Path
    info: CourseInfo
    faq: Faq
    banks: dict[str, Bank]
    lessons: Lessons | None = None  # from lessons.yml, when the folder has one
    instructor: InstructorNotes | None = None  # from instructor.yml, when the folder has one
    red_flags: RedFlags | None = None  # from red-flags.yml, when the folder has one

    def __getattribute__(self, name: str):
        if name in SOURCES:
            note(object.__getattribute__(self, "content") / SOURCES[name])
        return object.__getattribute__(self, name)

    def bank(self, quiz_id: str) -> Bank:
        banks = object.__getattribute__(self, "banks")
        if quiz_id not in banks:
            known = ", ".join(sorted(banks)) or "none"
            raise KeyError(f"no quiz with id {quiz_id!r} in {self.content / 'quizzes'} (known: {known})")
        note(banks[quiz_id].path or self.content / "quizzes" / f"{quiz_id}.yml")
        return banks[quiz_id]


def load_course(content: Path) -> Course:
    """Load and cross-check a content folder; raise ContentError listing every problem."""
    problems: list[Problem] = []
    faq = info = None
    try:
        info = load_course_info(content / "course.yml")
    except ContentError as error:
        problems += error.problems
    try:
        faq = load_faq(content / "faq.yml")
    except ContentError as error:
        problems += error.problems
    else:
        problems += faq_quotation_problems(content / "faq.yml", faq)
    faq_ids = {entry.id for entry in faq.entries} if faq else None
    banks: dict[str, Bank] = {}
    problems += skipped_problems(content / "quizzes")
    for path in sorted((content / "quizzes").glob("*.yml")):
        try:
            bank = load_bank(path, faq_ids)
        except ContentError as error:
            problems += error.problems
            continue
        if bank.id != path.stem:
            problems.append(read_yaml(path).problem(["id"], f"must match the file name ({path.stem!r})"))
        banks[bank.id] = bank
    lessons = None
    if (content / "lessons.yml").is_file():
        try:
            lessons = load_lessons(content / "lessons.yml")
        except ContentError as error:
            problems += error.problems
        else:
            problems += objective_problems(banks, lessons.objective_ids())
            problems += lessons_without_bank(content, lessons)
    lesson_ids = {lesson.id for lesson in lessons.lessons} if lessons else None
    instructor = None
    if (content / "instructor.yml").is_file():
        try:
            instructor = load_notes(content / "instructor.yml", lesson_ids)
        except ContentError as error:
            problems += error.problems
    red_flags = None
    if (content / "red-flags.yml").is_file():
        try:
            red_flags = load_red_flags(content / "red-flags.yml", references_keys(content), lesson_ids)
        except ContentError as error:
            problems += error.problems
        else:
            problems += glossary_problems(content / "red-flags.yml", content)
    if problems:
        raise ContentError(problems)
    return Course(content, info, faq, banks, lessons, instructor=instructor, red_flags=red_flags)


def skipped_problems(quizzes: Path) -> list[Problem]:
    """Files and folders in `quizzes/` that the course would not read (hidden files aside)."""
    problems = []
    for path in sorted(quizzes.iterdir()) if quizzes.is_dir() else []:
        if path.name.startswith(".") or (path.suffix == ".yml" and not path.is_dir()):
            continue
        if path.is_dir():
            message = "is a folder: banks in it are not read (a bank is quizzes/<quiz id>.yml)"
        elif path.suffix.lower() in (".yaml", ".yml"):
            message = f"is not read: a bank's file name ends in .yml (rename it {path.stem}.yml)"
        else:
            message = "is not read: only quiz banks (<quiz id>.yml) belong in quizzes/"
        problems.append(Problem(path, None, "file", message))
    return problems


def lessons_without_bank(content: Path, lessons: Lessons) -> list[Problem]:
    """Problems for lessons whose quiz bank (`quizzes/<lesson id>.yml`) does not exist."""
    problems, document = [], None
    for index, lesson in enumerate(lessons.lessons):
        if not (content / "quizzes" / f"{lesson.id}.yml").exists():
            document = document or read_yaml(content / "lessons.yml")
            message = f"has no quiz bank (quizzes/{lesson.id}.yml): every lesson ends with its quiz"
            problems.append(document.problem(["lessons", index, "id"], message))
    return problems


def glossary_problems(path: Path, content: Path) -> list[Problem]:
    """`{term}` roles in a content file that name no term of the glossary of the book beside `content`."""
    terms = book_glossary(content)
    return [] if terms is None else term_problems(read_yaml(path), terms)


def references_keys(content: Path) -> set[str] | None:
    """Keys of the book's `references.bib` beside a content folder (None if the book has none)."""
    bib = content.parent / "book" / "references.bib"
    return bib_keys(bib) if bib.is_file() else None


@cache
def current_course() -> Course:
    """The course the working directory belongs to, loaded once per process."""
    return load_course(content_dir())
