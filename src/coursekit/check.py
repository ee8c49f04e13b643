"""`python -m coursekit check`: validate content folders, or single content files (faq.yml, red-flags.yml,
lessons.yml, instructor.yml, course.yml, quiz banks), through the same loaders the book uses."""

from __future__ import annotations

from pathlib import Path

from coursekit.bank import load_bank
from coursekit.course import content_dir, glossary_problems, load_course, load_course_info, references_keys
from coursekit.faq import load_faq
from coursekit.instructor import load_notes
from coursekit.lessons import load_lessons, objective_problems
from coursekit.quotation import faq_quotation_problems
from coursekit.seek_care import load_red_flags
from coursekit.source import ContentError, Problem, read_yaml


def is_faq_file(path: Path) -> bool:
    """`faq.yml`, or any YAML file whose top level has `entries` (a bank has `questions`)."""
    if path.name == "faq.yml":
        return True
    data = read_yaml(path).data
    return isinstance(data, dict) and "entries" in data and "questions" not in data


def is_red_flags_file(path: Path) -> bool:
    """`red-flags.yml`, or any YAML file whose top level has `signs`."""
    data = read_yaml(path).data
    return path.name == "red-flags.yml" or (isinstance(data, dict) and "signs" in data)


def red_flags_summary(path: Path) -> str:
    """Check a red-flags file against the course's references and lessons."""
    content = content_dir()
    lessons = content / "lessons.yml"
    lesson_ids = {lesson.id for lesson in load_lessons(lessons).lessons} if lessons.is_file() else None
    red_flags = load_red_flags(path, references_keys(content), lesson_ids)
    if problems := glossary_problems(path, content):
        raise ContentError(problems)
    return f"{path}: {len(red_flags.signs)} red flags"


def _beside_bank(bank: Path, name: str) -> Path:
    """A content file of the bank's own content folder (one with a faq.yml), else of the current course."""
    own = bank.resolve().parent.parent
    return (own if (own / "faq.yml").is_file() else content_dir()) / name


def faq_ids_for_bank(bank: Path) -> set[str]:
    """FAQ ids a bank may cite: its own content folder's, else the current course's."""
    return {entry.id for entry in load_faq(_beside_bank(bank, "faq.yml")).entries}


def bank_summary(path: Path) -> str:
    """Check one bank file on its own, against its course's FAQ and lesson objectives."""
    if path.suffix != ".yml":
        raise ContentError([Problem(path, None, "file", "is not read by the course: a bank's file name ends in .yml")])
    bank = load_bank(path, faq_ids_for_bank(path))
    lessons = _beside_bank(path, "lessons.yml")
    if lessons.is_file() and (problems := objective_problems({bank.id: bank}, load_lessons(lessons).objective_ids())):
        raise ContentError(problems)
    return f"{path}: {len(bank.questions)} questions"


def _check_file(path: Path) -> str:
    """Validate one content file, chosen by its name (any other YAML file is a quiz bank); its summary."""
    if is_faq_file(path):
        faq = load_faq(path)
        if problems := faq_quotation_problems(path, faq):
            raise ContentError(problems)
        return f"{path}: {len(faq.entries)} FAQ entries"
    if is_red_flags_file(path):
        return red_flags_summary(path)
    if path.name == "lessons.yml":
        return f"{path}: {len(load_lessons(path).lessons)} lessons"
    if path.name == "instructor.yml":
        lessons = path.parent / "lessons.yml"
        lesson_ids = {lesson.id for lesson in load_lessons(lessons).lessons} if lessons.is_file() else None
        return f"{path}: notes for {len(load_notes(path, lesson_ids).lessons)} lessons"
    if path.name == "course.yml":
        return f"{path}: course {load_course_info(path).id}"
    return bank_summary(path)


def check_path(path: Path) -> tuple[str, list[Problem]]:
    """Validate one path; return a one-line summary and the problems found."""
    try:
        if path.is_dir():
            course = load_course(path)
            questions = sum(len(bank.questions) for bank in course.banks.values())
            counts = f"{len(course.faq.entries)} FAQ entries, {len(course.banks)} quizzes, {questions} questions"
            return f"{path}: {counts}", []
        if not path.exists():
            return "", [Problem(path, None, "file", "no such file or folder")]
        return _check_file(path), []
    except ContentError as error:
        return "", error.problems


def check(paths: list[Path]) -> tuple[list[str], list[Problem]]:
    summaries, problems = [], []
    for path in paths or [content_dir()]:
        summary, found = check_path(path)
        if summary:
            summaries.append(summary)
        problems += found
    return summaries, problems
