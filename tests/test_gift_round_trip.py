"""GIFT round trip over generated banks of every type with hostile text: export, import, and every
question comes back with the same answer key and texts, or the export names what it lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.bank import QUESTION_TYPES, Bank, Question, load_bank
from coursekit.characters import untypable
from coursekit.export.gift import bank_gift
from coursekit.export.gift_import import bank_yaml, parse_gift

# Pieces that mean something to GIFT, Markdown, HTML or YAML, and text from other scripts.
HOSTILE = [
    "~", "=", "#", "####", "{", "}", ":", "::", "%", "%50%", "%-100%", "->", "-", ">", "\\", "\\n", "\n", "\t",
    "[html]", "[markdown]", "[plain]", "[moodle]", "&#37;", "&#38;", "&#91;", "&amp;", "**bold**", "`code`",
    "<b>", "</b>", "<script>alert(1)</script>", "$CATEGORY:", "//", "T", "TRUE", "FALSE", "'", '"', "- ", "1. ",
    "é", "🙂", "中文", "\u00a0", "\u200b", "null", "yes", "0x1F", "*", "_", "|", "!", "@", "`",
]
# Content may not hold unassigned code points, noncharacters or bidirectional controls (coursekit.characters).
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp", "Cn", "Cf"))
TEXT = (
    st.lists(st.sampled_from(HOSTILE) | st.text(CHARACTERS, min_size=1, max_size=3), min_size=1, max_size=5)
    .map(lambda parts: "".join(parts).strip())
    .filter(bool)
)
OPTIONAL = st.none() | TEXT
NUMBER = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12) | st.integers(-1000, 1000)
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def options(draw, single: bool) -> list[dict]:
    texts = draw(st.lists(TEXT, min_size=2, max_size=4, unique=True))
    if single:
        right = {draw(st.integers(0, len(texts) - 1))}
    else:
        right = set(draw(st.lists(st.integers(0, len(texts) - 1), min_size=1, unique=True)))
    return [
        {"text": text, "correct": i in right, **({"feedback": fb} if (fb := draw(OPTIONAL)) else {})}
        for i, text in enumerate(texts)
    ]


@st.composite
def numeric(draw) -> dict:
    if draw(st.booleans()):
        return {"range": sorted([draw(NUMBER), draw(NUMBER)])}
    fields = {"answer": draw(NUMBER), "tolerance": abs(draw(NUMBER))}
    if unit := draw(st.none() | TEXT):
        fields["unit"] = unit
    return fields


def pairs() -> st.SearchStrategy[list[dict]]:
    lefts = st.lists(TEXT, min_size=2, max_size=4, unique=True)
    return lefts.flatmap(
        lambda left: st.lists(TEXT, min_size=len(left), max_size=len(left), unique=True).map(
            lambda right: [{"left": a, "right": b} for a, b in zip(left, right, strict=True)]
        )
    )


ANSWERS = {
    "single": options(single=True).map(lambda o: {"options": o}),
    "multiple": options(single=False).map(lambda o: {"options": o}),
    "true_false": st.booleans().map(lambda a: {"answer": a}),
    "numeric": numeric(),
    "matching": pairs().map(lambda p: {"pairs": p}),
    "text": st.lists(TEXT.filter(lambda t: not any(map(untypable, t))), min_size=1, max_size=3).map(
        lambda a: {"accept": a}
    ),
}


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
