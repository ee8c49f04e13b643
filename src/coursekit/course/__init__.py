"""The course as typed data: one module here per content file (its loader, its checks, its HTML), the table of
content files (`content_files`) and `check`. This module: where the content lives, and the whole course loaded
and cross-checked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coursekit.course.bank import Bank
from coursekit.course.content_files import FILES, load_parts
from coursekit.course.course_info import CourseInfo, load_course_info
from coursekit.course.faq import Faq
from coursekit.course.instructor import InstructorNotes
from coursekit.course.lessons import Lessons
from coursekit.course.seek_care import RedFlags
from coursekit.dependencies import note
from coursekit.source import ContentError


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
    installed = Path(__file__).resolve().parents[1] / "content"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[3] / "content"


# The file (or folder) of the content folder each part of a Course is loaded from.
SOURCES = {entry.part: entry.name for entry in FILES}


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
    """Load and cross-check a content folder (file by file, as `coursekit.course.content_files` lists them);
    raise ContentError listing every problem."""
    parts, problems = load_parts(content)
    if problems:
        raise ContentError(problems)
    return Course(content, **parts)


@cache
def current_course() -> Course:
    """The course the working directory belongs to, loaded once per process."""
    return load_course(content_dir())


__all__ = ["SOURCES", "Course", "CourseInfo", "content_dir", "current_course", "load_course", "load_course_info"]
