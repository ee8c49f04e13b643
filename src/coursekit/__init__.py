"""coursekit: the engine behind the course (content as data, quizzes, rendering, exports).

In a notebook: `import coursekit`, then `coursekit.faq_page()` or `coursekit.faq_quote("<entry id>")`.
"""

from __future__ import annotations

from coursekit import dependencies
from coursekit.course import current_course, faq_html
from coursekit.quizzes.quiz_widget import Quiz
from coursekit.quizzes.static_quiz import QUIZ_MODES

dependencies.note_modules_after_each_cell()


def faq_page() -> faq_html.Html:
    """Every FAQ entry of the course, grouped by topic, each with its verdict and a link to its correction."""
    course = current_course()
    return faq_html.faq_page(course.faq, course.lessons)


def faq_quote(entry_id: str) -> faq_html.Html:
    """One FAQ entry quoted as received, for a lesson's "What the FAQ says"."""
    return faq_html.faq_quote(current_course().faq, entry_id)


def quiz(quiz_id: str, *, mode: str = "learner", seed: int | None = None, show_answer_after: int | None = None):
    """The quiz `content/quizzes/<quiz_id>.yml`: a live widget in JupyterLab, static HTML in the book.

    `mode` is "learner", "class" (one question at a time, reveal, show-of-hands tally) or "instructor"
    (every answer shown, with the lesson objective each question assesses).
    """
    if mode not in QUIZ_MODES:
        raise ValueError(f"unknown quiz mode {mode!r} (known: {', '.join(QUIZ_MODES)})")
    course = current_course()
    objectives = None
    if mode == "instructor":
        objectives = {
            objective.id: f"Lesson {lesson.number}: {objective.text}"
            for lesson in course.lessons.lessons
            for objective in lesson.objectives
        }
    return Quiz(
        course.bank(quiz_id), course.info.id, faq=course.faq, seed=seed, show_answer_after=show_answer_after,
        mode=mode, objectives=objectives,
    )


def pretest(quiz_id: str):
    """The lesson's "What do you think?" questions (the bank's `pretest:`), asked before its teaching, not scored."""
    from coursekit.quizzes import progress_widgets

    return progress_widgets.pretest(current_course(), quiz_id)


def pretest_recap(quiz_id: str):
    """At the lesson's end: the learner's pretest answers beside what the lesson taught."""
    from coursekit.quizzes import progress_widgets

    return progress_widgets.pretest_recap(current_course(), quiz_id)


def progress():
    """"My progress": lessons, objectives, questions due for review and "Review now", progress files."""
    from coursekit.quizzes import progress_widgets

    return progress_widgets.progress(current_course())


def lesson_overview(lesson_id: str) -> faq_html.Html:
    """A lesson's overview questions, objectives, time and prerequisites (from content/lessons.yml)."""
    from coursekit.course import lessons

    return lessons.lesson_overview(current_course().lessons.lesson(lesson_id))


def key_points(lesson_id: str) -> faq_html.Html:
    """A lesson's key points (from content/lessons.yml)."""
    from coursekit.course import lessons

    return lessons.key_points(current_course().lessons.lesson(lesson_id))


def notebook_style() -> faq_html.Html:
    """The course's style sheet for lesson notebooks in JupyterLab and Notebook 7: a glossary term shows its
    definition on hover and on keyboard focus (Markdown cells cannot carry a style sheet: the sanitizer removes it)."""
    from importlib.resources import files

    return faq_html.Html(f"<style>{files('coursekit.book').joinpath('static/notebook.css').read_text('utf-8')}</style>")


def red_flags(lesson_id: str | None = None, *, tier: str | None = None):
    """Warning signs (content/red-flags.yml) as Markdown: those a lesson shows, by tier, or every sign of one tier."""
    from coursekit.course.seek_care import lesson_markdown, tier_markdown

    data = current_course().red_flags
    return tier_markdown(data, tier) if tier else lesson_markdown(data, lesson_id)


# For instructors: pages under book/instructor/ call these; `root` is the path from the page to the book's root.
def answer_key(root: str = "../../") -> faq_html.Html:
    """Every quiz's questions with correct answers, explanations, FAQ entries and objectives (instructors only)."""
    from coursekit.quizzes.answer_key_html import answer_key as course_answer_key

    return course_answer_key(current_course(), root=root)


def instructor_schedule(root: str = "../../") -> faq_html.Html:
    """The course schedule, generated from the lessons' minutes and objectives."""
    from coursekit.course.instructor import schedule_html

    return schedule_html(current_course().lessons, root=root)


def instructor_notes(root: str = "../../") -> faq_html.Html:
    """Per lesson: misconceptions to address, discussion prompts and tips (lessons.yml, instructor.yml)."""
    from coursekit.course.instructor import guide_html

    course = current_course()
    return guide_html(course.lessons, course.instructor, root=root)
