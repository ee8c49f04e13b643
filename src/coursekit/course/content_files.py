"""The content folder's files, in one table: each file's name, the part of the course it gives, how it
is recognised under another name, how it is loaded and checked, and which other parts it is checked
against. `load_course` loads a whole folder by this table, `coursekit check FILE` one file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coursekit.course.bank import Bank, load_bank
from coursekit.course.course_info import load_course_info
from coursekit.course.faq import load_faq
from coursekit.course.glossary import book_glossary, term_problems
from coursekit.course.instructor import load_notes
from coursekit.course.lessons import Lessons, load_lessons, objective_problems
from coursekit.course.quotation import faq_quotation_problems
from coursekit.course.seek_care import bib_keys, load_red_flags
from coursekit.source import ContentError, Problem, read_yaml

# The parts loaded so far, by part name; a part that failed to load, or whose file is absent, is missing.
Parts = dict[str, Any]
Loader = Callable[[Path, Parts, Path], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class ContentFile:
    name: str  # in the content folder
    part: str  # the Course attribute it gives
    load: Loader  # (path, parts loaded so far, content folder) -> (the part, problems beside the loader's own)
    summary: Callable[[Any], str]  # what `coursekit check` says of it
    needs: tuple[str, ...] = ()  # parts it is checked against, when the course has them
    optional: bool = False  # a course may go without it
    key: str | None = None  # a top-level key that marks the file under another name (a bank has `questions`)


def _faq(path: Path, parts: Parts, content: Path) -> tuple[Any, list[Problem]]:
    faq = load_faq(path)
    return faq, faq_quotation_problems(path, faq)


def _banks(folder: Path, parts: Parts, content: Path) -> tuple[dict[str, Bank], list[Problem]]:
    """Every bank of `quizzes/`, checked against the FAQ (the lessons check their objectives); `coursekit
    check` gives one bank's path instead, checked against the FAQ and the lessons' objectives."""
    faq_ids = {entry.id for entry in parts["faq"].entries} if parts.get("faq") else None
    if folder.is_file():
        if folder.suffix != ".yml":
            message = "is not read by the course: a bank's file name ends in .yml"
            raise ContentError([Problem(folder, None, "file", message)])
        bank = load_bank(folder, faq_ids)
        return {bank.id: bank}, _objectives({bank.id: bank}, parts)
    banks, problems = {}, skipped_problems(folder)
    for path in sorted(folder.glob("*.yml")):
        try:
            bank = load_bank(path, faq_ids)
        except ContentError as error:
            problems += error.problems
            continue
        if bank.id != path.stem:
            problems.append(read_yaml(path).problem(["id"], f"must match the file name ({path.stem!r})"))
        banks[bank.id] = bank
    return banks, problems


def _objectives(banks: dict[str, Bank], parts: Parts) -> list[Problem]:
    lessons = parts.get("lessons")
    return objective_problems(banks, lessons.objective_ids()) if lessons else []


def _lessons(path: Path, parts: Parts, content: Path) -> tuple[Lessons, list[Problem]]:
    lessons = load_lessons(path)
    if "banks" not in parts:  # checked on its own
        return lessons, []
    return lessons, _objectives(parts["banks"], {"lessons": lessons}) + lessons_without_bank(content, lessons)


def _lesson_ids(parts: Parts) -> set[str] | None:
    return {lesson.id for lesson in parts["lessons"].lessons} if parts.get("lessons") else None


def _instructor(path: Path, parts: Parts, content: Path) -> tuple[Any, list[Problem]]:
    return load_notes(path, _lesson_ids(parts)), []


def _red_flags(path: Path, parts: Parts, content: Path) -> tuple[Any, list[Problem]]:
    red_flags = load_red_flags(path, references_keys(content), _lesson_ids(parts))
    return red_flags, glossary_problems(path, content)


FILES = (
    ContentFile("course.yml", "info", lambda path, parts, content: (load_course_info(path), []),
                lambda info: f"course {info.id}"),
    ContentFile("faq.yml", "faq", _faq, lambda faq: f"{len(faq.entries)} FAQ entries", key="entries"),
    ContentFile("quizzes", "banks", _banks, lambda banks: f"{sum(len(b.questions) for b in banks.values())} questions",
                needs=("faq", "lessons"), key="questions"),
    ContentFile("lessons.yml", "lessons", _lessons, lambda lessons: f"{len(lessons.lessons)} lessons", optional=True),
    ContentFile("instructor.yml", "instructor", _instructor,
                lambda notes: f"notes for {len(notes.lessons)} lessons", needs=("lessons",), optional=True),
    ContentFile("red-flags.yml", "red_flags", _red_flags, lambda flags: f"{len(flags.signs)} red flags",
                needs=("lessons",), optional=True, key="signs"),
)
BY_PART = {entry.part: entry for entry in FILES}


def load_parts(content: Path) -> tuple[Parts, list[Problem]]:
    """Every part of a content folder, in the table's order (each after the parts it is checked against)."""
    parts: Parts = {}
    problems: list[Problem] = []
    for entry in FILES:
        path = content / entry.name
        if entry.optional and not path.exists():
            continue
        try:
            parts[entry.part], found = entry.load(path, parts, content)
        except ContentError as error:
            problems += error.problems
        else:
            problems += found
    return parts, problems


def entry_for(path: Path) -> ContentFile:
    """The table's entry for one file: by its name, else by a top-level key only it has (else a bank)."""
    named = {entry.name: entry for entry in FILES}
    if path.name in named and path.name != "quizzes":
        return named[path.name]
    data = read_yaml(path).data
    keys = set(data) if isinstance(data, dict) else set()
    for entry in FILES:
        if entry.key and entry.key in keys and not (keys & {other.key for other in FILES if other is not entry}):
            return entry
    return BY_PART["banks"]


def check_file(path: Path, content: Path) -> str:
    """Load and check one content file against the parts it needs from `content`; its summary."""
    entry = entry_for(path)
    parts: Parts = {}
    for need in entry.needs:
        needed = BY_PART[need]
        if (content / needed.name).is_file():
            parts[need] = needed.load(content / needed.name, {}, content)[0]
    value, problems = entry.load(path, parts, content)
    if problems:
        raise ContentError(problems)
    return f"{path}: {entry.summary(value)}"


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
