"""The registry of question types: every type is registered with every hook, each hook works or
says "not carried", and the exports name every question they leave out."""

from __future__ import annotations

import inspect
import re
from xml.etree import ElementTree as ET

import pytest

import coursekit.qtypes
from conftest import CONTENT, FIXTURES
from coursekit.__main__ import main
from coursekit.course import current_course, load_course
from coursekit.course.bank import QUESTION_TYPES, Bank, Question
from coursekit.export import anki, gift, qti, worksheet
from coursekit.export.gift_import import parse_gift
from coursekit.export.qti import QtiItem
from coursekit.formats import GiftQuestion, NotCarried
from coursekit.qtypes import HOOKS
from coursekit.qtypes.grade import Grade
from coursekit.qtypes.order import display_order
from coursekit.qtypes.ordering import Ordering
from samples import SAMPLES, not_carried

NS = {"q": qti.QTI_NS}
# What each format cannot hold at all, as the type modules say.
NOT_CARRIED = {(fmt, name) for fmt in ("gift", "qti", "anki", "worksheet") for name in not_carried(fmt)}


@pytest.fixture(scope="module")
def course():
    return load_course(FIXTURES / "export" / "content")


def sample_bank() -> Bank:
    return Bank(id="samples", title="Samples", questions=tuple(SAMPLES.values()))


def test_every_type_module_registers_its_question_model_and_has_a_sample():
    models = {
        cls for _, module in inspect.getmembers(coursekit.qtypes, inspect.ismodule)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Question) and "type_name" in vars(cls)
    }
    assert {cls.type_name: cls for cls in models} == QUESTION_TYPES
    assert set(SAMPLES) == set(QUESTION_TYPES)
    assert all(type(SAMPLES[name]) is model for name, model in QUESTION_TYPES.items())



@pytest.mark.parametrize("name", list(QUESTION_TYPES))
def test_every_type_implements_every_hook(name):
    cls = QUESTION_TYPES[name]
    missing = [hook for hook in HOOKS if getattr(cls, hook) is getattr(Question, hook)]
    assert missing == []


def test_each_type_says_how_to_answer_in_its_own_words():
    labels = [cls.label for cls in QUESTION_TYPES.values()]
    assert all(labels) and len(set(labels)) == len(labels)


@pytest.mark.parametrize("name", list(QUESTION_TYPES))
def test_each_hook_gives_its_output_or_says_not_carried(name, course):
    question = SAMPLES[name]
    assert isinstance(question.grade(None), Grade) and not question.grade(None).answered
    texts = question.answer_texts()
    assert texts and all(isinstance(text, str) and text for text in texts)
    for fmt, call in {
        "gift": lambda: isinstance(question.gift(), GiftQuestion) or pytest.fail("gift gives a GiftQuestion"),
        "qti": lambda: question.qti(QtiItem(sample_bank(), question)),
        "anki": question.anki_front,
        "worksheet": question.worksheet_space,
    }.items():
        if (fmt, name) in NOT_CARRIED:
            with pytest.raises(NotCarried):
                call()
        else:
            call()
    assert question.worksheet_space().strip()
    assert question.worksheet_key().startswith(("Answer: ", "Accepted answers: ", "Order: "))


def test_qti_leaves_out_ordering_and_names_it():
    xml, losses = qti.assessment_xml(sample_bank())
    assert b'title="a-ordering"' not in xml and b'title="a-matching"' in xml
    whole = [str(loss) for loss in losses if loss.whole_question]
    assert whole == ["samples/a-ordering: the whole question is not carried: "
                     "Canvas, which reads this QTI, has no ordering question"]


def test_qti_export_counts_only_the_questions_it_carries(course, tmp_path):
    bank = sample_bank()
    result = qti.export(course, [bank], tmp_path)
    assert result.questions == len(bank.questions) - 1
    assert "samples/a-ordering: the whole question is not carried" in "\n".join(map(str, result.losses))


def test_anki_shows_ordering_shuffled_on_the_front_and_in_order_on_the_back(course):
    question = SAMPLES["ordering"]
    note = anki.quiz_note("c", anki.quiz_model("c"), sample_bank(), question)
    _, front, back, _ = note.fields
    shown = [question.items[i] for i in display_order(question)]
    assert front == "<p>Put in order:</p><ul>" + "".join(f"<li>{item}</li>" for item in shown) + "</ul>"
    assert shown != question.items
    assert back == (
        "<p><strong>Answer</strong></p><ul><li>1. No symptoms</li><li>2. Pain on walking</li>"
        "<li>3. Pain at rest</li><li>4. Ulcers or gangrene</li></ul>"
    )


def test_worksheet_prints_ordering_shuffled_with_blanks_and_the_key_gives_the_order(course):
    question = SAMPLES["ordering"]
    bank = Bank(id="samples", title="Samples", questions=(question,))
    sheet = worksheet.worksheet_html(course, bank)
    key = worksheet.answer_key_html(course, bank)
    positions = [sheet.index(f'<span class="blank"></span> {question.items[i]}<') for i in display_order(question)]
    assert positions == sorted(positions)
    assert "Number the items from 1 to 4 in the right order." in sheet
    assert "1. No symptoms" not in sheet
    assert "Order: 1. No symptoms; 2. Pain on walking; 3. Pain at rest; 4. Ulcers or gangrene" in key


def test_ordering_is_never_shown_in_the_right_order():
    for n in range(3, 7):
        for ident in ("a", "b", "c", "stages"):
            question = Ordering(id=ident, type="ordering", prompt="Q", items=[f"step {i}" for i in range(n)])
            orders = [display_order(question, seed) for seed in (None, *range(40))]
            assert all(sorted(order) == list(range(n)) and order != list(range(n)) for order in orders)
            assert display_order(question, 7) == display_order(question, 7)


@pytest.mark.parametrize("fmt", ["qti", "anki", "worksheet"])
def test_the_export_command_names_each_ordering_question_a_format_leaves_out(fmt, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSEKIT_CONTENT", str(CONTENT))
    current_course.cache_clear()
    try:
        assert main(["export", "--format", fmt, "--out", str(tmp_path)]) == 0
    finally:
        current_course.cache_clear()
    ordering = [f"{bank.id}/{q.id}" for bank in load_course(CONTENT).banks.values() for q in bank.questions
                if q.type == "ordering"]
    assert len(ordering) >= 2
    printed = capsys.readouterr().out
    for where in ordering:
        named = f"  {where}: the whole question is not carried: " in printed
        assert named == ((fmt, "ordering") in NOT_CARRIED), (fmt, where)


def test_fill_in_the_blank_goes_in_the_gap_in_gift_and_as_canvas_fill_in_the_blank_in_qti(tmp_path):
    question = SAMPLES["fill_blank"]
    bank = Bank(id="samples", title="Samples", questions=(question,))
    text, losses = gift.bank_gift("Course", bank)
    # GIFT's missing-word form: Moodle shows a blank where the braces are.
    assert "::a-fill-blank::[markdown]Leg swelling from trapped fluid is called {\n\t=edema\n\t=oedema\n}." in text
    assert losses == []
    assert parse_gift(text, tmp_path / "samples.gift", "samples").bank["questions"] == [
        {"id": "a-fill-blank", "type": "fill_blank", "prompt": question.prompt, "accept": ["edema", "oedema"]}
    ]
    xml, losses = qti.assessment_xml(bank)
    item = ET.fromstring(xml).find(".//q:item", NS)
    fields = {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
              for f in item.iterfind(".//q:qtimetadatafield", NS)}
    assert fields["question_type"] == "short_answer_question"
    assert "called ___." in item.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
    assert [v.text for v in item.iterfind(".//q:varequal", NS)] == ["edema", "oedema"]
    assert [str(loss) for loss in losses] == [
        "samples/a-fill-blank: answers are matched ignoring case only (the course also ignores extra spaces)"
    ]
    cartridge, losses = qti.assessment_xml(bank, cartridge=True)
    assert b"cc.fib.v0p1" in cartridge and not any(loss.whole_question for loss in losses)


def test_a_fill_in_the_blank_prompt_has_one_gap_and_text_after_it():
    model = QUESTION_TYPES["fill_blank"]
    for prompt, problem in [
        ("No gap here.", "needs exactly one gap written ___ (found 0)"),
        ("Two ___ and ___ gaps.", "needs exactly one gap written ___ (found 2)"),
        ("The gap ends it ___", "the sentence goes on after the gap"),
    ]:
        with pytest.raises(ValueError, match=re.escape(problem)):
            model.model_validate({"id": "q", "type": "fill_blank", "prompt": prompt, "accept": ["x"]})
