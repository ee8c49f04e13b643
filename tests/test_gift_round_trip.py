"""GIFT round trip over generated banks of every type with hostile text: export, import, and every
question comes back with the same answer key and texts, or the export names what it lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.course.bank import QUESTION_TYPES, Bank, Question, load_bank
from coursekit.export.gift import bank_gift
from coursekit.export.gift_import import bank_yaml, parse_gift
from samples import ANSWERS, OPTIONAL, SLUG, TEXT, not_carried


@st.composite
def question(draw, kind: str) -> dict:
    fields = {"type": kind, "prompt": draw(TEXT), **draw(ANSWERS[kind])}
    if explanation := draw(OPTIONAL):
        fields["explanation"] = explanation
    if faq := draw(st.lists(SLUG, max_size=2, unique=True)):
        fields["faq"] = faq
    if objective := draw(st.none() | SLUG):
        fields["objective"] = objective
    return fields


@st.composite
def banks(draw) -> Bank:
    kinds = draw(st.lists(st.sampled_from(sorted(ANSWERS)), min_size=1, max_size=6))
    questions = tuple(
        QUESTION_TYPES[kind].model_validate({"id": f"q{i}-{kind.replace('_', '-')}", **draw(question(kind))})
        for i, kind in enumerate(kinds)
    )
    return Bank(id="generated", title=draw(TEXT), intro=draw(OPTIONAL), questions=questions)


def test_banks_are_generated_with_every_type_gift_carries():
    assert set(ANSWERS) == set(QUESTION_TYPES) - not_carried("gift")


def key(question: Question) -> dict:
    """Everything a question means to a learner: type, texts, answer key, feedback, links."""
    return question.model_dump(exclude={"unit"})


@settings(max_examples=100, deadline=None, database=None)
@given(bank=banks())
def test_gift_round_trip_keeps_every_answer_key(bank):
    text, losses = bank_gift("Course", bank)
    lost = {loss.where for loss in losses}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "generated.gift.txt"
        imported = parse_gift(text, source, bank.id)
        assert imported.problems == []
        out = Path(folder) / "generated.yml"
        out.write_text(bank_yaml(imported.bank), encoding="utf-8")
        back = load_bank(out)
    assert back.intro == bank.intro
    assert [q.id for q in back.questions] == [q.id for q in bank.questions]
    for before, after in zip(bank.questions, back.questions, strict=True):
        assert key(after) == key(before), text
        if getattr(before, "unit", None):
            assert f"{bank.id}/{before.id}" in lost
