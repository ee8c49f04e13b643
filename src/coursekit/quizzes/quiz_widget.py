"""The live quiz in a notebook: an anywidget showing the book's quiz HTML with the book's script, graded by Python.

The view sends each response to Python; `coursekit.qtypes.grade` grades it and the verdict goes back to the
view, so a live grade is the same function's answer as everywhere else. Progress is kept in the
browser's storage, as in the book, so it survives a kernel restart and a page reload. The same object
gives the book its static HTML (`text/html` in `_repr_mimebundle_`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict

import anywidget
import traitlets

from coursekit.course.bank import Bank, Question
from coursekit.course.faq import Faq
from coursekit.qtypes.grade import Grade, grade
from coursekit.qtypes.strings import verdict
from coursekit.quizzes.fresh_install import for_this_page
from coursekit.quizzes.quiz_assets import es_module, stylesheet
from coursekit.quizzes.static_quiz import render_quiz

AnswerHook = Callable[[Question, object, Grade], None]


class Quiz(anywidget.AnyWidget):
    """A bank as a live quiz. `on_answer(question, response, grade)` hooks run after each Check.

    `mode` and `objectives` are `render_quiz`'s: "class" projects it for a room, "instructor" shows the answers.
    """

    _esm = es_module()
    _css = stylesheet()
    html = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        bank: Bank,
        course_id: str,
        *,
        faq: Faq | None = None,
        seed: int | None = None,
        show_answer_after: int | None = None,
        on_answer: AnswerHook | None = None,
        mode: str = "learner",
        objectives: Mapping[str, str] | None = None,
    ):
        if show_answer_after is not None and show_answer_after < 1:
            raise ValueError("show_answer_after is a number of wrong tries, 1 or more")
        self.bank = bank
        self.static_html = render_quiz(
            bank, course_id, seed=seed, show_answer_after=show_answer_after, faq=faq, mode=mode, objectives=objectives
        )
        super().__init__(html=self.static_html)
        self.grades: dict[str, Grade] = {}
        self._hooks: list[AnswerHook] = [on_answer] if on_answer else []
        self.on_msg(self._on_message)

    def on_answer(self, hook: AnswerHook) -> AnswerHook:
        """Run `hook(question, response, grade)` after each answered Check (usable as a decorator)."""
        self._hooks.append(hook)
        return hook

    def grade(self, question_id: str, response: object) -> Grade:
        """Grade a response from the view; a response that does not fit the question counts as no answer."""
        try:
            return grade(self.bank.question(question_id), response)
        except (LookupError, TypeError, ValueError, AttributeError):
            return Grade.unanswered()

    def _on_message(self, _widget, content: dict, _buffers) -> None:
        if not isinstance(content, dict) or content.get("event") != "check":
            return
        question_id, response = str(content.get("question")), content.get("response")
        result = self.grade(question_id, response)
        question = next((q for q in self.bank.questions if q.id == question_id), None)
        self.send({
            "event": "graded", "ask": content.get("ask"), "grade": asdict(result),
            "verdict": verdict(question, result, response),
        })
        if not result.answered:
            return
        self.grades[question_id] = result
        if not content.get("restored"):
            for hook in self._hooks:
                hook(question, response, result)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        bundle["text/html"] = self.static_html
        count = len(self.bank.questions)
        bundle["text/plain"] = f"Quiz {self.bank.id}: {self.bank.title} ({count} question{'s' * (count != 1)})"
        return for_this_page(bundle)
