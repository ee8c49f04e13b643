"""The course's own settings (`course.yml`): its id and title, the review schedule, the LMS pass mark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator

from coursekit.models import Items, Model, Slug, Text
from coursekit.source import ContentError, read_yaml, validate_document

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
