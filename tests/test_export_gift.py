"""GIFT export: escaping, what is reported as lost, and the round trip bank -> GIFT -> bank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from coursekit.__main__ import main
from coursekit.course import load_course
from coursekit.course.bank import load_bank
from coursekit.course.check import check_path
from coursekit.export import export
from coursekit.export.gift import bank_gift
from coursekit.export.gift_import import bank_yaml, import_gift, parse_gift
from coursekit.formats import escape
from coursekit.qtypes.grade import grade

CONTENT = FIXTURES / "export" / "content"

# Responses to try on each question, in the grader's terms (see coursekit.qtypes.grade).
SAMPLES = {
    "single": [None, 0, 1, 2],
    "multiple": [[], [0], [1], [0, 1], [0, 1, 2], [2]],
    "true_false": [None, True, False],
    "numeric": ["", "0.9", "0.95", "0.96", "0.84", "30", "45", "46", "abc"],
    "matching": [[None, None, None], [0, 1, 2], [1, 0, 2], [0, None, None]],
    "text": ["", "abi", " Ankle  Brachial index ", "ankle", "ABI!"],
}


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


def test_escape_marks_every_special_character():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("one\n\ntwo") == "one\\n\\ntwo"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("%50% of people", "&\\#37;50% of people"),
        ("[html]<b>x</b>", "&\\#91;html]&lt;b>x&lt;/b>"),
        ("&#37; is a percent sign", "&\\#38;\\#37; is a percent sign"),
        ("a -> b", "a -\\> b"),
        ("[a link](https://example.org)", "[a link](https\\://example.org)"),
    ],
)
def test_escape_protects_what_gift_would_read_as_a_weight_marker_or_pair(text, written):
    assert escape(text) == written


# Moodle's GIFT reader (qformat_gift) keeps `[markdown]` text as FORMAT_MARKDOWN: its Markdown passes raw HTML
# through and its escape placeholders (`&&058;` for `\\:`) are replaced anywhere in the text. The course shows
# raw HTML as text, so the export writes what Moodle will show the same way.
@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Is <b>this</b> bold?", "Is &lt;b>this&lt;/b> bold?"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<img src=x onerror=alert(1)>", "&lt;img src\\=x onerror\\=alert(1)>"),
        ("Code keeps it: `<b>` and\n```\n<i>\n```", "Code keeps it\\: `<b>` and\\n```\\n<i>\\n```"),
        ("A link <https://example.org> stays a link", "A link <https\\://example.org> stays a link"),
        ("a < b and b > a", "a &lt; b and b > a"),
        ("&&058; is not a colon", "&\\#38;&058; is not a colon"),
    ],
)
def test_markdown_text_shows_raw_html_as_text_in_moodle(text, written):
    assert escape(text) == written
    question = f"::q::[markdown]What?{{\n\t={escape(text)}\n\t~Other\n}}"
    back = parse_gift(question, Path("q.gift.txt"), "q").bank["questions"][0]
    assert back["options"][0]["text"] == text


def test_a_weight_like_option_and_an_arrow_in_a_pair_keep_their_meaning():
    bank = load_bank(FIXTURES / "banks" / "gift_lookalikes.yml")
    text, _ = bank_gift("Course", bank)
    assert "~%" not in text.split("::percent::")[1].split("}")[0]
    back = {q["id"]: q for q in parse_gift(text, Path("lookalikes.gift.txt"), bank.id).bank["questions"]}
    assert back["percent"]["type"] == "single"
    assert back["percent"]["options"] == [
        {"text": "%50% of adults", "correct": True}, {"text": "%100%", "feedback": "[html] is not a marker here"},
    ]
    assert back["arrows"]["pairs"] == [
        {"left": "Walk -> rest", "right": "Claudication"}, {"left": "Sit -> ease", "right": "Stenosis"},
    ]
    assert back["many-right"]["type"] == "multiple"
    assert [o.get("correct", False) for o in back["many-right"]["options"]] == [True, False]


def test_export_writes_one_file_per_quiz_and_reports_losses(course, tmp_path):
    result = export(course, "gift", tmp_path)
    assert [p.name for p in result.files] == ["every-type.gift.txt"]
    assert result.questions == len(course.bank("every-type").questions)
    lost = [str(loss) for loss in result.losses]
    assert "every-type/numeric-tolerance: unit 'ratio' (GIFT numbers have no unit)" in lost
    assert any(text.startswith("every-type: FAQ links and objectives") for text in lost)
    text = result.files[0].read_text(encoding="utf-8")
    # Every question is there, named by its id, with GIFT specials escaped in the text.
    for question in course.bank("every-type").questions:
        assert f"::{question.id}::[markdown]" in text
    assert "Use `a \\= b` or \\{braces\\} \\#1 \\~ approx\\: 🙂{" in text
    assert "~%50%Potassium (K)" in text and "~%-50%Vitamin K" in text


def test_round_trip_keeps_every_question_meaning(course, tmp_path):
    export(course, "gift", tmp_path)
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder, ignore=shutil.ignore_patterns("quizzes"))
    imported = import_gift(tmp_path / "every-type.gift.txt", "every-type")
    # The only thing GIFT cannot carry here is the unit.
    assert imported.problems == []
    out = folder / "quizzes" / "every-type.yml"
    out.parent.mkdir()
    out.write_text(bank_yaml(imported.bank), encoding="utf-8")
    assert check_path(out)[1] == []
    original, back = course.bank("every-type"), load_bank(out)
    assert (back.title, back.intro) == (original.title, original.intro)
    assert [q.id for q in back.questions] == [q.id for q in original.questions]
    for before, after in zip(original.questions, back.questions, strict=True):
        expected = before.model_dump(exclude={"unit"})
        assert after.model_dump(exclude={"unit"}) == expected, before.id
        for response in SAMPLES[before.type]:
            assert grade(after, response) == grade(before, response), (before.id, response)


def test_export_command_prints_counts_and_losses(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSEKIT_CONTENT", str(CONTENT))
    from coursekit.course import current_course

    current_course.cache_clear()
    try:
        assert main(["export", "--format", "gift", "--quiz", "every-type", "--out", str(tmp_path)]) == 0
        assert main(["export", "--format", "gift", "--quiz", "no-such-quiz", "--out", str(tmp_path)]) == 2
    finally:
        current_course.cache_clear()
    captured = capsys.readouterr()
    assert "gift: 7 questions in 1 file(s)" in captured.out
    assert "every-type/numeric-tolerance: unit 'ratio'" in captured.out
    assert "no quiz with id 'no-such-quiz'" in captured.err


def test_round_trip_of_the_course_banks(tmp_path):
    from conftest import CONTENT as COURSE_CONTENT

    course = load_course(COURSE_CONTENT)
    assert course.banks, "the course has quiz banks"
    result = export(course, "gift", tmp_path)
    left_out = {loss.where for loss in result.losses if loss.whole_question}
    for bank in course.banks.values():
        imported = import_gift(tmp_path / f"{bank.id}.gift.txt", bank.id)
        assert imported.problems == []
        (tmp_path / f"{bank.id}.yml").write_text(bank_yaml(imported.bank), encoding="utf-8")
        back = load_bank(tmp_path / f"{bank.id}.yml")
        carried = [q for q in bank.questions if f"{bank.id}/{q.id}" not in left_out]
        assert {q.type for q in bank.questions if q not in carried} <= {"ordering"}
        for before, after in zip(carried, back.questions, strict=True):
            assert after.model_dump(exclude={"unit"}) == before.model_dump(exclude={"unit"}), (bank.id, before.id)
