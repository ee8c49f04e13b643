"""Pretests in banks, the review schedule in course.yml, the progress HTML, and progress.js's schedule and
save-file rules (run in Node from the book's quiz script)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, FIXTURES
from coursekit.course import load_course, load_course_info
from coursekit.course.check import check_path
from coursekit.quizzes import progress_widgets
from coursekit.quizzes.progress_page import course_data, dashboard, home, pretest_bank, recap_bank
from coursekit.quizzes.quiz_assets import classic_script
from coursekit.source import ContentError

BANKS = FIXTURES / "banks"
COURSE = load_course(CONTENT)
DAY = 24 * 60 * 60 * 1000

PRETEST_PROBLEMS = {
    "pretest_unknown_question.yml": "3: pretest[1]: no question in this bank has id 'fifth'",
    "pretest_twice.yml": "3: pretest[1]: 'first' is listed twice",
    "pretest_too_many.yml": "3: pretest: a pretest asks at most 3 questions (found 4)",
}


@pytest.mark.parametrize("name", sorted(PRETEST_PROBLEMS))
def test_check_reports_a_bad_pretest_at_its_line(name):
    path = BANKS / name
    _, problems = check_path(path)
    assert [str(problem) for problem in problems] == [f"{path}:{PRETEST_PROBLEMS[name]}"]


def test_lessons_one_to_four_open_with_two_or_three_of_their_own_questions():
    for lesson in COURSE.lessons.lessons[:4]:
        bank = COURSE.bank(lesson.id)
        assert 2 <= len(bank.pretest) <= 3, lesson.id
        pretest = pretest_bank(bank)
        assert pretest.id == f"pretest-{bank.id}"
        assert [q.id for q in pretest.questions] == list(bank.pretest)
        assert recap_bank(bank).questions == pretest.questions


def test_a_bank_without_pretest_questions_has_no_pretest():
    with pytest.raises(KeyError, match="no pretest questions"):
        pretest_bank(COURSE.bank("review"))


def test_the_review_schedule_is_course_data_and_must_grow(tmp_path):
    assert COURSE.info.review_days == (1, 3, 7, 21, 60)
    bad = tmp_path / "course.yml"
    bad.write_text("id: c\ntitle: C\nreview_days: [1, 7, 3]\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"course.yml:3: review_days: each box waits longer"):
        load_course_info(bad)


def test_course_data_lists_every_lessons_questions_with_hash_and_objective():
    data = course_data(COURSE)
    assert data["course"] == COURSE.info.id and data["days"] == [1, 3, 7, 21, 60]
    assert [lesson["quiz"] for lesson in data["lessons"]] == [lesson.id for lesson in COURSE.lessons.lessons]
    first = data["lessons"][0]["questions"][0]
    question = COURSE.bank("causes").questions[0]
    assert first[0] == question.id and len(first[1]) == 16 and first[2] == question.objective


def test_home_has_a_card_per_lesson_with_a_progress_bar():
    soup = BeautifulSoup(home(COURSE, lambda lesson: f"{lesson.id}.html"), "html.parser")
    cards = soup.select("li.coursekit-card")
    assert [card["data-lesson"] for card in cards] == [lesson.id for lesson in COURSE.lessons.lessons]
    first = cards[0]
    assert first.a["href"] == "causes.html"
    assert "40 minutes · 4 learning objectives · 12 questions" in first.get_text()
    assert first.progress["max"] == "12" and first.progress["aria-label"] == "Lesson 1: questions answered"


def test_my_progress_holds_objectives_review_and_file_controls_and_every_question_to_review():
    soup = BeautifulSoup(dashboard(COURSE, lambda lesson: "x.html", "../notebooks/"), "html.parser")
    objectives = soup.select("[data-objective]")
    assert len(objectives) == sum(len(lesson.objectives) for lesson in COURSE.lessons.lessons)
    assert soup.select_one("button.coursekit-review-now").get_text() == "Review now"
    assert soup.select_one("button.coursekit-save").get_text() == "Save my progress"
    assert "Load progress" in soup.select_one("label.coursekit-load-label").get_text()
    pool = soup.select_one("template.coursekit-pool")
    assert len(pool.select("fieldset.coursekit-question")) == sum(len(b.questions) for b in COURSE.banks.values())
    assert pool.select_one(".coursekit-faq-links a")["href"].startswith("../notebooks/source-faq.ipynb#")
    assert soup.select(".coursekit-quiz") == [], "the pool is questions to copy, not a quiz of its own"


@pytest.fixture(scope="module")
def run_js(tmp_path_factory):
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).is_file():
        pytest.fail("Node.js is needed to run quiz.js: install Debian's `nodejs` package")
    script = tmp_path_factory.mktemp("js") / "quiz-progress.js"
    script.write_text(classic_script("progress"), encoding="utf-8")

    def run(code: str):
        program = f"const api = require({json.dumps(str(script))}); console.log(JSON.stringify(({code})));"
        done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60, check=True)
        return json.loads(done.stdout)

    return run


def test_right_answers_move_a_question_one_box_on_and_a_wrong_one_back_to_the_start(run_js):
    days = [1, 3, 7, 21, 60]
    got = run_js(f"""(() => {{
        const days = {days}, out = [];
        let entry = null, now = 0;
        for (const right of [true, true, true, false, true, true, true, true, true, true]) {{
            entry = api.reviewed(entry, "h", right, null, now);
            out.push([entry.box, (api.dueAt(entry, days) - now) / {DAY}]);
            now = api.dueAt(entry, days);
        }}
        return out;
    }})()""")
    assert got == [[1, 1], [2, 3], [3, 7], [0, 0], [1, 1], [2, 3], [3, 7], [4, 21], [5, 60], [6, 60]]


def test_a_changed_question_starts_again_at_the_first_box(run_js):
    entry = run_js('api.reviewed(api.reviewed(null, "old", true, true, 0), "new", true, false, 5)')
    assert entry == {"hash": "new", "box": 1, "at": 5, "correct": True, "sure": False}


GOOD_FILE = {
    "format": "coursekit-progress", "version": 1, "course": "c", "saved": "2026-01-01T00:00:00.000Z",
    "answers": {"coursekit:c:causes:q1": {"hash": "abc", "response": 0, "tries": 1, "wrong": 0, "checked": True}},
    "review": {"causes/q1": {"hash": "abc", "box": 1, "at": 0, "correct": True, "sure": None}},
}


def _bad(**changes) -> dict:
    return {**GOOD_FILE, **changes}


@pytest.mark.parametrize(
    "text",
    [
        "not json at all",
        json.dumps([1, 2]),
        json.dumps(_bad(format="something-else")),
        json.dumps(_bad(version=2)),
        json.dumps(_bad(course="another-course")),
        json.dumps(_bad(answers={"someone-else:key": {"hash": "abc"}})),
        json.dumps(_bad(answers={"coursekit:c:causes:q1": "junk"})),
        json.dumps(_bad(review={"causes/q1": {"hash": "abc", "box": -1, "at": 0, "correct": True, "sure": None}})),
        json.dumps(_bad(review=None)),
        json.dumps(_bad(answers={"coursekit:c:causes:q9": GOOD_FILE["answers"]["coursekit:c:causes:q1"]})),
        json.dumps(_bad(review={"causes/q9": GOOD_FILE["review"]["causes/q1"]})),
        json.dumps(_bad(review={"causes/q1": {**GOOD_FILE["review"]["causes/q1"], "at": -86400000}})),
        json.dumps(_bad(review={"causes/q1": {**GOOD_FILE["review"]["causes/q1"], "at": 1e300}})),
        json.dumps(_bad(saved="the day before yesterday")),
        json.dumps(_bad(answers={"coursekit:c:causes:q1": {**GOOD_FILE["answers"]["coursekit:c:causes:q1"],
                                                           "response": "x" * 30_000}})),
    ],
    ids=["not-json", "a-list", "other-format", "newer-version", "other-course", "foreign-key", "junk-answer",
         "bad-box", "no-review", "unknown-question", "unknown-review", "negative-date", "far-future-date",
         "saved-not-a-date", "huge-record"],
)
def test_a_bad_or_foreign_progress_file_is_refused(run_js, text):
    assert run_js(f"api.progressRecords({json.dumps(text)}, {json.dumps(COURSE_DATA)})") == "file_bad"


COURSE_DATA = {"course": "c", "questions": [{"quiz": "causes", "id": "q1"}]}


def test_a_progress_file_of_this_course_is_read_as_the_records_to_store(run_js):
    found = run_js(f"api.progressRecords({json.dumps(json.dumps(GOOD_FILE))}, {json.dumps(COURSE_DATA)})")
    assert found == {"answers": 1, "records": {
        "coursekit:c:causes:q1": GOOD_FILE["answers"]["coursekit:c:causes:q1"],
        "coursekit-review:c:causes/q1": GOOD_FILE["review"]["causes/q1"],
    }}



def test_in_a_notebook_progress_is_the_same_dashboard_and_grades_every_lessons_questions():
    widget = progress_widgets.progress(COURSE)
    soup = BeautifulSoup(widget.html, "html.parser")
    assert soup.select_one(".coursekit-progress button.coursekit-review-now")
    assert soup.select_one(".coursekit-card a")["href"] == "01-causes.ipynb"
    question = COURSE.bank("treatment").question("who-first")
    right = next(i for i, option in enumerate(question.options) if option.correct)
    assert widget.grade("who-first", right).correct
    assert not widget.grade("who-first", (right + 1) % len(question.options)).correct


def test_in_a_notebook_the_pretest_and_its_recap_are_marked_for_the_script():
    pretest = BeautifulSoup(progress_widgets.pretest(COURSE, "causes").html, "html.parser").section
    recap = BeautifulSoup(progress_widgets.pretest_recap(COURSE, "causes").html, "html.parser").section
    assert pretest.has_attr("data-pretest") and pretest["data-quiz-id"] == "pretest-causes"
    assert recap["data-recap"] == "pretest-causes" and recap["data-quiz-id"] == "pretest-causes-recap"
