"""The FAQ as data: faithful to the source text, typed, and rejected with clear messages when malformed."""

from __future__ import annotations

import re

import pytest

from conftest import CONTENT, FIXTURES
from coursekit.course.faq import TOPICS, load_faq
from coursekit.course.quotation import faq_quotation_problems, quoted_lines
from coursekit.source import ContentError

SOURCE = CONTENT / "source" / "faq.txt"


@pytest.fixture(scope="module")
def faq():
    return load_faq(CONTENT / "faq.yml")


def test_faq_yml_holds_the_source_text_and_nothing_else(faq):
    source = [" ".join(line.split()) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [text for _, text in quoted_lines(faq)] == source
    assert faq_quotation_problems(CONTENT / "faq.yml", faq) == []


def test_every_question_of_the_source_is_an_entry(faq):
    source_text = SOURCE.read_text(encoding="utf-8")
    questions = [line for line in source_text.splitlines() if re.match(r"^\S.*\?$", line)]
    questions.remove("What are the symptoms?")  # a heading inside an answer, not a question
    assert [entry.question for entry in faq.entries] == questions
    assert len(faq.entries) == 25


def test_traps_of_the_source_are_kept_inside_their_answers(faq):
    first_signs = faq.entry("first-signs-of-poor-circulation")
    assert [b.heading for b in first_signs.answer if b.heading] == ["What are the symptoms?"]
    assert len(next(b.bullets for b in first_signs.answer if b.bullets)) == 8
    stress = faq.entry("stress-and-circulation")
    assert stress.answer[0].heading == "Weakening Circulation"
    massage = faq.entry("back-massage-improves-circulation")
    assert massage.answer[0].text.startswith("Good circulation brings damaged, tense muscles")
    improve = faq.entry("improve-blood-flow-to-back")
    assert [item.n for item in improve.answer[1].numbered] == [1, 4, 5, 7, 8]


def test_each_entry_has_a_unique_slug_and_one_of_the_four_topics(faq):
    ids = [entry.id for entry in faq.entries]
    assert len(set(ids)) == len(ids)
    assert {entry.topic for entry in faq.entries} == set(TOPICS)
    assert all(len(faq.by_topic(topic)) >= 5 for topic in TOPICS)


MALFORMED = {
    "faq_unknown_topic.yml": [
        "4: entry walking: topic: Input should be 'causes', 'symptoms', 'prevention' or 'treatment'"
    ],
    "faq_missing_answer.yml": ["3: entry walking: answer: Field required"],
    "faq_duplicate_id.yml": ["8: entry walking: id: duplicate id (first used on line 3)"],
    "faq_misspelt_key.yml": [
        "3: entry walking: answer: Field required",
        "6: entry walking: answr: Extra inputs are not permitted",
    ],
    "faq_empty_question.yml": ["5: entry walking: question: must not be empty"],
    "faq_id_not_a_slug.yml": [
        "3: entry Walking Helps: id: 'Walking Helps' is not an id: use lowercase letters, digits and single "
        "hyphens (like 'walking-helps')"
    ],
    "faq_yaml_syntax.yml": ["5: YAML: mapping values are not allowed here"],
    "faq_block_with_two_kinds.yml": [
        "8: entry walking: answer[1]: a block is a paragraph (a string) or a mapping with one of heading, "
        "bullets, numbered"
    ],
    "faq_numbered_item_without_number.yml": ["9: entry walking: answer[0].numbered[1].n: Field required"],
    "faq_no_entries.yml": ["2: entries: Input should be a valid list"],
    "faq_entry_without_id.yml": ["8: entry #2: id: Field required"],
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_faq_is_rejected_with_file_line_entry_and_field(name):
    path = FIXTURES / "faq" / name
    with pytest.raises(ContentError) as raised:
        load_faq(path)
    assert [str(problem) for problem in raised.value.problems] == [f"{path}:{line}" for line in MALFORMED[name]]


def test_every_malformed_fixture_has_its_expected_message():
    assert sorted(p.name for p in (FIXTURES / "faq").glob("*.yml")) == sorted(MALFORMED)
