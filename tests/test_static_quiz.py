"""The static quiz HTML (coursekit.quizzes.static_quiz) and the author preview page (`python -m coursekit preview`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES
from coursekit.course.bank import Bank, load_bank
from coursekit.course.check import faq_ids_for_bank
from coursekit.course.faq import cached_faq
from coursekit.qtypes.grade import grade
from coursekit.qtypes.order import display_order
from coursekit.quizzes.static_quiz import grading_key, question_hash, render_quiz

BANKS = FIXTURES / "banks"
COURSE = "test-course"


def bank(name: str) -> Bank:
    path = BANKS / name
    return load_bank(path, faq_ids_for_bank(path))


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def every_type() -> Bank:
    return bank("every_type.yml")


@pytest.fixture(scope="module")
def page(every_type: Bank) -> BeautifulSoup:
    return soup(render_quiz(every_type, COURSE))


def fieldset(page: BeautifulSoup, question_id: str):
    return page.select_one(f'fieldset[data-question-id="{question_id}"]')


def test_quiz_root_carries_its_ids_and_no_script(page: BeautifulSoup, every_type: Bank) -> None:
    root = page.select_one(".coursekit-quiz")
    assert {"tex2jax_ignore", "mathjax_ignore"} <= set(root["class"])
    assert root["data-quiz-id"] == "every-type"
    assert root["data-course"] == COURSE
    assert root["id"] == f"ck--{COURSE}--every-type"
    assert page.find("script") is None
    assert [f["data-question-id"] for f in page.select("fieldset")] == [q.id for q in every_type.questions]
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_every_question_has_a_legend_live_feedback_and_no_button_without_script(
    page: BeautifulSoup, every_type: Bank
) -> None:
    # Buttons only work with the script, so the script adds them: a saved notebook output shows none.
    assert page.find_all("button") == []
    assert page.select_one(".coursekit-run-hint").get_text().startswith("To answer here, run this cell")
    for number, question in enumerate(every_type.questions, start=1):
        box = fieldset(page, question.id)
        assert box["id"] == f"ck--{COURSE}--every-type--{question.id}"
        assert box.legend.get_text().startswith(f"Question {number} of {len(every_type.questions)}.")
        assert box.select_one(".coursekit-feedback")["aria-live"] == "polite"
        assert box.details.summary.get_text() == "Show answer"
        # Each control sits in its label: JupyterLab's sanitizer renames ids, so `<label for>` would break.
        for control in box.select("input, select"):
            assert control.find_parent("label").get_text().strip()
        assert box.select("label[for]") == []
    assert page.select_one(".coursekit-score")["aria-live"] == "polite"
    assert page.select_one(".coursekit-summary")["aria-live"] == "polite"


def test_controls_match_each_question_type(page: BeautifulSoup, every_type: Bank) -> None:
    types = {box["data-question-id"]: box["data-type"] for box in page.select("fieldset")}
    assert sorted(set(types.values())) == ["matching", "multiple", "numeric", "single", "text", "true_false"]
    assert [i["type"] for i in fieldset(page, "pick-one").find_all("input")] == ["radio"] * 3
    assert [i["type"] for i in fieldset(page, "pick-several").find_all("input")] == ["checkbox"] * 4
    assert [i["value"] for i in fieldset(page, "true-or-false").find_all("input")] == ["true", "false"]
    assert fieldset(page, "how-many").find("input")["inputmode"] == "decimal"
    assert fieldset(page, "how-many").select_one(".coursekit-unit").get_text() == "minutes"
    assert fieldset(page, "type-it").find("input")["type"] == "text"
    selects = fieldset(page, "match-them").find_all("select")
    assert [s["aria-label"] for s in selects] == ["Artery", "Vein", "Lymph vessel"]
    assert [s.find_previous_sibling(class_="coursekit-left").get_text() for s in selects] == [
        "Artery", "Vein", "Lymph vessel",
    ]
    # The right-hand items in the question's own shuffled order, never the left-hand (bank) order.
    rights = ["Blood away from the heart", "Blood back to the heart", "Lymph, not blood"]
    order = display_order(every_type.question("match-them"))
    assert order != [0, 1, 2]
    assert [o.get_text() for o in selects[0].find_all("option")] == ["Choose…", *(rights[i] for i in order)]


def test_grading_key_in_the_page_grades_like_python(page: BeautifulSoup, every_type: Bank) -> None:
    for question in every_type.questions:
        key = json.loads(fieldset(page, question.id)["data-key"])
        assert key == grading_key(question)
    numeric = every_type.question("how-many")
    assert json.loads(fieldset(page, "how-many")["data-key"])["low"] == 149.5
    assert grade(numeric, "149,5").correct


def test_special_characters_render_as_text(page: BeautifulSoup) -> None:
    legend = fieldset(page, "pick-one").legend.get_text()
    assert legend.endswith("Which of these is a vein's job? (It's \"about\" the way back & < forth >.)")
    emoji = fieldset(page, "true-or-false").legend.get_text()
    assert emoji.endswith("may contain $5 and 😀 and still show as written.")
    note = fieldset(page, "pick-one").select_one('li[data-option="1"] .coursekit-option-note').get_text()
    assert note == "That's the airways' job, not a vessel's."
    assert fieldset(page, "pick-one").legend.em.get_text() == "vein's"


def test_answers_explanations_and_faq_links_are_readable_without_script(every_type: Bank) -> None:
    faq = cached_faq(FIXTURES.parent.parent / "content" / "faq.yml")
    page = soup(render_quiz(every_type, COURSE, faq=faq))
    one = fieldset(page, "pick-one").details
    marks = {li["data-option"]: li.select_one(".coursekit-mark").get_text() for li in one.select("li[data-option]")}
    assert marks == {"0": "Right:", "1": "Not right:", "2": "Not right:"}
    assert "Veins carry blood towards the heart" in one.get_text()
    link = one.select_one(".coursekit-faq-links a")
    assert link["href"] == "source-faq.ipynb#faq-poor-circulation-in-back-causes"
    assert link.get_text() == faq.entry("poor-circulation-in-back-causes").question
    assert fieldset(page, "true-or-false").details.get_text().endswith("The right answer: True.")
    assert "The right answer: 150 minutes (from 149.5 to 150.5)." in fieldset(page, "how-many").details.get_text()
    assert "The right answer: from 1.5 to 2.5." in fieldset(page, "in-a-range").details.get_text()
    assert "Vein → Blood back to the heart" in fieldset(page, "match-them").details.get_text()
    assert "Accepted: “heart”; “the heart”." in fieldset(page, "type-it").details.get_text()


def test_same_input_gives_the_same_html(every_type: Bank) -> None:
    assert render_quiz(every_type, COURSE, seed=7) == render_quiz(bank("every_type.yml"), COURSE, seed=7)


def test_seed_shuffles_choices_in_display_order_keeping_bank_indices(every_type: Bank) -> None:
    page = soup(render_quiz(every_type, COURSE, seed=3))
    for question in every_type.questions:
        order = display_order(question, 3)
        box = fieldset(page, question.id)
        if question.type in ("single", "multiple"):
            assert [int(i["value"]) for i in box.find_all("input")] == order
        if question.type == "matching":
            assert [int(o["value"]) for o in box.find("select").find_all("option")[1:]] == order
    assert any(display_order(q, 3) != sorted(display_order(q, 3)) for q in every_type.questions)


def test_show_answer_after_is_passed_to_the_script(every_type: Bank) -> None:
    assert soup(render_quiz(every_type, COURSE, show_answer_after=2)).section["data-show-answer-after"] == "2"
    assert not soup(render_quiz(every_type, COURSE)).section.has_attr("data-show-answer-after")


def test_question_hash_changes_only_with_that_question(every_type: Bank) -> None:
    single = every_type.question("pick-one")
    changed = single.model_copy(update={"prompt": "Another prompt"})
    assert question_hash(changed) != question_hash(single)
    assert question_hash(single) == question_hash(bank("every_type.yml").question("pick-one"))
    page = soup(render_quiz(every_type, COURSE))
    assert fieldset(page, "pick-one")["data-hash"] == question_hash(single)


def test_payloads_in_every_field_render_inert() -> None:
    payloads = bank("xss_payloads.yml")
    page = soup(render_quiz(payloads, COURSE, faq=cached_faq(FIXTURES.parent.parent / "content" / "faq.yml")))
    assert page.find_all(["script", "img", "svg", "iframe", "object", "style", "body", "math", "u"]) == []
    for tag in page.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        for name in ("href", "src", "data"):
            assert not str(tag.get(name, "")).strip().lower().startswith(("javascript:", "data:")), tag
    for box in page.select("fieldset"):
        assert len(box.find_all("legend")) == 1
    title = page.select_one(".coursekit-title").get_text()
    assert title == "<script>alert('title')</script> \"><img src=x onerror=alert(1)>"
    legend = fieldset(page, "multiple-payload").legend.get_text()
    assert legend.endswith("</legend></fieldset><script>alert(1)</script>")
    accept = json.loads(fieldset(page, "text-payload")["data-key"])["accept"]
    assert accept == ["</q><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]
    assert {o.get_text() for o in fieldset(page, "matching-payload").select("select option")[1:]} >= {
        "</option><script>alert(1)</script>", "<option onclick=alert(1)>R</option>",
    }


def preview(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coursekit", "preview", *args], capture_output=True, text=True)


def test_preview_writes_one_standalone_page(tmp_path) -> None:
    out = tmp_path / "page.html"
    done = preview(str(BANKS / "every_type.yml"), "--out", str(out), "--seed", "1", "--show-answer-after", "2")
    assert done.returncode == 0, done.stderr
    page = soup(out.read_text())
    assert page.html["lang"] == "en"
    assert page.title.get_text() == "Preview: Every question type"
    assert page.select_one(".coursekit-quiz")["data-show-answer-after"] == "2"
    scripts = page.find_all("script")
    assert len(scripts) == 1 and not scripts[0].has_attr("src") and "coursekitQuiz" in scripts[0].string
    assert page.find("link") is None and not page.find_all(src=True)
    assert ".coursekit-quiz" in page.style.string


def test_preview_of_a_bad_bank_prints_the_problem_and_exits_2(tmp_path) -> None:
    bad = BANKS / "bank_single_two_correct.yml"
    done = preview(str(bad), "--out", str(tmp_path / "page.html"))
    assert done.returncode == 2
    assert f"{bad}:7: question two-right: options: 2 options are marked correct" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "page.html").exists()
    missing = preview(str(tmp_path / "nope.yml"), "--out", str(tmp_path / "page.html"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
