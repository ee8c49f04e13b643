"""One sample of every question type, which the tests draw from: a question, the responses the parity
test grades, and a strategy for generated banks. Adding a type adds its entries here; the registry
(`coursekit.qtypes.QUESTION_TYPES`) says which types there must be.
"""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from coursekit.characters import looks, untypable
from coursekit.export.qti import QtiItem
from coursekit.formats import NotCarried
from coursekit.qtypes import QUESTION_TYPES, Question
from coursekit.qtypes.fill_blank import GAP

RAW = {
    "single": {"options": [{"text": "Yes.", "correct": True, "feedback": "Right."}, {"text": "No"}]},
    "multiple": {"options": [{"text": "A", "correct": True}, {"text": "B", "correct": True}, {"text": "C"}]},
    "true_false": {"answer": False},
    "numeric": {"answer": 6.25, "tolerance": 0.5, "unit": "%"},
    "matching": {"pairs": [{"left": "PAD", "right": "Arteries"}, {"left": "DVT", "right": "A vein clot"}]},
    "text": {"accept": ["ABI", "ankle-brachial index"]},
    "fill_blank": {"prompt": "Leg swelling from trapped fluid is called ___.", "accept": ["edema", "oedema"]},
    "ordering": {"items": ["No symptoms", "Pain on walking", "Pain at rest", "Ulcers or gangrene"]},
}
SAMPLES = {
    name: QUESTION_TYPES[name].model_validate(
        {"id": f"a-{name}".replace("_", "-"), "type": name, "prompt": "?", **raw}
    )
    for name, raw in RAW.items()
}


def not_carried(fmt: str) -> set[str]:
    """The types whose sample a format's hook refuses as a whole (`NotCarried`)."""
    from coursekit.course.bank import Bank

    bank = Bank(id="samples", title="Samples", questions=tuple(SAMPLES.values()))
    hooks = {"gift": lambda q: q.gift(), "qti": lambda q: q.qti(QtiItem(bank, q)), "anki": lambda q: q.anki_front(),
             "worksheet": lambda q: q.worksheet_space()}
    refused = set()
    for name, question in SAMPLES.items():
        try:
            hooks[fmt](question)
        except NotCarried:
            refused.add(name)
    return refused


# Responses the parity test grades in Python and in the quiz script: right, wrong, partial, empty, odd.
ODD_SPACES = ["\u00a0", "\u2009", "\u3000", "\x1c", "\x1f", "\x85", "\ufeff", "\u200b", "\t\n"]
FULLWIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def numbers_around(low: float, high: float) -> list[str]:
    mid = (low + high) / 2
    values = [low, high, mid, low - 1e-10, high + 1e-10, low - 1e-6, high + 1e-6, low - 1, high + 1, -mid, mid * 10]
    texts = [repr(v) for v in values] + [f"{v:g}" for v in values] + [f"{v:.3e}" for v in values]
    texts += [t.replace(".", ",") for t in texts[:6]]
    texts += [f" {texts[2]} ", f"{ODD_SPACES[0]}{texts[0]}{ODD_SPACES[1]}", texts[2].translate(FULLWIDTH)]
    texts += [f"{s}{texts[2]}" for s in ODD_SPACES]
    return texts


# Arabic-Indic, fullwidth and mathematical digits, an Arabic decimal separator, fractions, superscripts.
ODD_NUMBERS = [
    "", " ", " 1,5 ", "1,000.5", "1,2,3", ",5", "5,", "1.", ".5", "+3", "-0", "1e3", "1E-2", "e3", "1e", "abc", "ABC  ",
    "\u0661\u0662", "\u0661\u066b\u0665", "\u0661,\u0665", "\uff11\uff15\uff10", "\U0001d7cf\U0001d7d3\U0001d7ce",
    "1 5 0", "150 minutes", "NaN", "inf", "1_000", "0x10", "--1", "+-1", "\u00bd", "\u00b2", "1e999",
]
ODD_TEXTS = [
    "", "   ", "ABC  ", "abc", "\u0130", "\u00df", "SS", "\ufb01", "HEART".translate(FULLWIDTH), "heart\u0301",
    "\U0001f600", "<b>x</b>", "x" * 300,
]


def choice_responses(question: Question) -> list:
    if question.type == "single":
        return [None, *range(len(question.options))]
    indices = range(len(question.options))
    subsets = [list(c) for r in range(len(indices) + 1) for c in itertools.combinations(indices, r)]
    return [*subsets[:80], [0, 0], [len(question.options) - 1, 0]]


def matching_responses(question: Question) -> list:
    n = len(question.pairs)
    identity = list(range(n))
    return [
        [], [None] * n, identity, identity[::-1], identity[1:] + identity[:1], [0] * n,
        [identity[0]] + [None] * (n - 1), [None] * (n - 1) + [n - 1], identity[:-1], [*identity, 0],
    ]


def text_responses(question: Question) -> list:
    found = list(ODD_TEXTS)
    for accepted in question.accept:
        found += [accepted, accepted.upper(), f"  {accepted}  ", accepted.replace(" ", "   "),
                  accepted.translate(FULLWIDTH), accepted[:-1], f"{accepted}x"]
        found += [f"{s}{accepted}{s}" for s in ODD_SPACES]
    return found


def ordering_responses(question: Question) -> list:
    n = len(question.items)
    identity = list(range(n))
    return [
        *[list(p) for p in itertools.islice(itertools.permutations(identity), 60)],
        None, [], identity[:-1], [*identity, 0], [0] * n, [None] * n, [*identity[:-1], n], [-1, *identity[1:]],
        [True, *identity[1:]], [str(i) for i in identity],
    ]


# Right, wrong, partial, empty and odd responses per question type, in the shapes each type's `grade` documents.
RESPONSES = {
    "single": choice_responses,
    "multiple": choice_responses,
    "true_false": lambda question: [None, True, False],
    "numeric": lambda question: [*numbers_around(*question.bounds), *ODD_NUMBERS],
    "matching": matching_responses,
    "text": text_responses,
    "fill_blank": text_responses,
    "ordering": ordering_responses,
}



# Generated banks for the GIFT round trip. Pieces that mean something to GIFT, Markdown, HTML or YAML,
# and text from other scripts.
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
ACCEPTED = TEXT.filter(lambda text: not any(map(untypable, text)))  # an answer a learner can type
NUMBER = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12) | st.integers(-1000, 1000)
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def options(draw, single: bool) -> list[dict]:
    texts = draw(st.lists(TEXT, min_size=2, max_size=4, unique_by=looks))
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
    lefts = st.lists(TEXT, min_size=2, max_size=4, unique_by=looks)
    return lefts.flatmap(
        lambda left: st.lists(TEXT, min_size=len(left), max_size=len(left), unique_by=looks).map(
            lambda right: [{"left": a, "right": b} for a, b in zip(left, right, strict=True)]
        )
    )


ANSWERS = {
    "single": options(single=True).map(lambda o: {"options": o}),
    "multiple": options(single=False).map(lambda o: {"options": o}),
    "true_false": st.booleans().map(lambda a: {"answer": a}),
    "numeric": numeric(),
    "matching": pairs().map(lambda p: {"pairs": p}),
    "text": st.lists(ACCEPTED, min_size=1, max_size=3).map(lambda a: {"accept": a}),
    "fill_blank": st.tuples(TEXT, TEXT, st.lists(ACCEPTED, min_size=1, max_size=3))
    .map(lambda parts: {"prompt": f"{parts[0]} ___ {parts[1]}", "accept": parts[2]})
    .filter(lambda fields: len(GAP.findall(fields["prompt"])) == 1),
}
