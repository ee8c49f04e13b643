"""`python -m coursekit check`: validate content folders, FAQ files and quiz banks."""

from __future__ import annotations

from pathlib import Path

from coursekit.bank import load_bank
from coursekit.course import content_dir, load_course, references_keys
from coursekit.faq import load_faq
from coursekit.lessons import load_lessons
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
    return f"{path}: {len(red_flags.signs)} red flags"


def faq_ids_for_bank(bank: Path) -> set[str]:
    """FAQ ids a bank may cite: its own content folder's, else the current course's."""
    own = bank.resolve().parent.parent / "faq.yml"
    faq_file = own if own.is_file() else content_dir() / "faq.yml"
    return {entry.id for entry in load_faq(faq_file).entries}


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
        if is_faq_file(path):
            return f"{path}: {len(load_faq(path).entries)} FAQ entries", []
        if is_red_flags_file(path):
            return red_flags_summary(path), []
        faq_ids = faq_ids_for_bank(path)
        return f"{path}: {len(load_bank(path, faq_ids).questions)} questions", []
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
