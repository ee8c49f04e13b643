"""Sphinx extension: the ```{lesson-cards}``` and ```{my-progress}``` directives
(see `coursekit.quizzes.progress_page`).

Links are relative to the page; the page is rebuilt when the course's lessons, quizzes or settings change,
or the engine code and strings that write its HTML.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from coursekit.course import Course, content_dir, load_course
from coursekit.course.lessons import Lesson
from coursekit.dependencies import engine_files
from coursekit.quizzes.progress_page import dashboard, home


class _ProgressDirective(SphinxDirective):
    def course(self) -> Course:
        content = content_dir(Path(self.env.srcdir))
        banks = sorted((content / "quizzes").glob("*.yml"))
        for path in [content / "course.yml", content / "lessons.yml", *banks, *engine_files()]:
            self.env.note_dependency(str(path))
        return load_course(content)

    def relative(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.env.docname) or ".")

    def lesson_link(self, lesson: Lesson) -> str:
        return self.relative(posixpath.splitext(lesson.notebook)[0] + ".html")

    def html(self, course: Course) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", self.html(self.course()), format="html")]


class LessonCards(_ProgressDirective):
    def html(self, course: Course) -> str:
        return home(course, self.lesson_link)


class MyProgress(_ProgressDirective):
    def html(self, course: Course) -> str:
        faq_folder = self.relative(posixpath.dirname(course.lessons.lessons[0].notebook)) + "/"
        return dashboard(course, self.lesson_link, faq_folder)


def setup(app: Sphinx) -> dict:
    app.add_directive("lesson-cards", LessonCards)
    app.add_directive("my-progress", MyProgress)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
