"""`python -m coursekit check`: validate content folders, or single content files (faq.yml, red-flags.yml,
lessons.yml, instructor.yml, course.yml, quiz banks), through the same loaders the book uses, and warn when most
of a bank's single-choice questions show their right answer in one position."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coursekit.course import content_dir, load_course
from coursekit.course.bank import Bank, load_bank
from coursekit.course.content_files import check_file
from coursekit.course.faq import load_faq
from coursekit.qtypes.order import display_order
from coursekit.source import ContentError, Problem

# A bank warns when at least this many single-choice questions share their right answer's position...
CLUSTER_MIN = 3
# ...and they are more than this share of the bank's single-choice questions.
CLUSTER_SHARE = 0.5


def clustering_warning(bank: Bank) -> str | None:
    """One line when most of a bank's single-choice questions show their right answer in one position."""
    positions = [
        display_order(question).index(next(i for i, option in enumerate(question.options) if option.correct))
        for question in bank.questions if question.type == "single"
    ]
    if not positions:
        return None
    position, count = Counter(positions).most_common(1)[0]
    if count < CLUSTER_MIN or count <= CLUSTER_SHARE * len(positions):
        return None
    return (
        f"{bank.path or bank.id}: warning: {count} of {len(positions)} single-choice questions show the right "
        f"answer as choice {position + 1}: reword or reorder some options so the position gives nothing away"
    )


def content_of(path: Path) -> Path:
    """The content folder a file belongs to: its own (a bank's is two folders up) if it has a faq.yml,
    else the current course's."""
    own = path.resolve().parent.parent if path.resolve().parent.name == "quizzes" else path.resolve().parent
    return own if (own / "faq.yml").is_file() else content_dir()


def faq_ids_for_bank(bank: Path) -> set[str]:
    """FAQ ids a bank may cite: its own content folder's, else the current course's."""
    return {entry.id for entry in load_faq(content_of(bank) / "faq.yml").entries}


def check_path(path: Path) -> tuple[str, list[Problem]]:
    """Validate one path; return a one-line summary and the problems found."""
    try:
        if path.is_dir():
            course = load_course(path)
            questions = sum(len(bank.questions) for bank in course.banks.values())
            counts = f"{len(course.faq.entries)} FAQ entries, {len(course.banks)} quizzes, {questions} questions"
            warnings = [clustering_warning(bank) for bank in course.banks.values()]
            return "\n".join(filter(None, [f"{path}: {counts}", *warnings])), []
        if not path.exists():
            return "", [Problem(path, None, "file", "no such file or folder")]
        summary = check_file(path, content_of(path))
        if summary.endswith(" questions"):  # a quiz bank
            summary = "\n".join(filter(None, [summary, clustering_warning(load_bank(path, faq_ids_for_bank(path)))]))
        return summary, []
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
