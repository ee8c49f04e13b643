"""The lessons: lessons.yml, FAQ coverage of the notebooks, quiz alignment, citations, figures, readability."""

from __future__ import annotations

import re
import shutil
from collections import Counter

import nbformat
import pytest
import textstat

from conftest import CONTENT, FIXTURES, ROOT
from coursekit.book.notebook_terms import to_book
from coursekit.course import load_course
from coursekit.course.lessons import load_lessons
from coursekit.source import ContentError

NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"
COURSE = load_course(CONTENT)
LESSONS = COURSE.lessons.lessons
FAQ_QUOTE = re.compile(r'coursekit\.faq_quote\("([^"]+)"\)')
CITE = re.compile(r"\{cite\}`([^`]+)`")
MAX_GRADE = 9


def notebook(lesson) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / lesson.notebook, as_version=4)


def quoted_entries(lesson) -> list[str]:
    return [m for cell in notebook(lesson).cells if cell.cell_type == "code" for m in FAQ_QUOTE.findall(cell.source)]


def test_lessons_yml_loads_with_five_lessons_and_notebooks():
    assert [lesson.number for lesson in LESSONS] == [1, 2, 3, 4, 5]
    for lesson in LESSONS:
        assert (ROOT / lesson.notebook).is_file(), lesson.notebook
        assert lesson.id in COURSE.banks, f"lesson {lesson.id} has no quiz bank"


def test_every_faq_entry_is_taught_exactly_once_in_its_topic_lesson():
    taught = Counter()
    for lesson in LESSONS:
        entries = quoted_entries(lesson)
        taught.update(entries)
        for entry_id in entries:
            assert COURSE.faq.entry(entry_id).topic == lesson.id, f"{entry_id} taught in {lesson.id}"
    assert sorted(taught) == sorted(entry.id for entry in COURSE.faq.entries)
    assert set(taught.values()) == {1}, [e for e, n in taught.items() if n > 1]


def test_every_lesson_follows_the_skeleton_and_ends_with_its_quiz():
    for lesson in LESSONS:
        cells = notebook(lesson).cells
        headings = [line for c in cells if c.cell_type == "markdown" for line in c.source.splitlines()
                    if line.startswith("## ")]
        for required in ("## Overview", "## Key points", "## When to seek care", "## Summary and what's next",
                         "## References"):
            assert required in headings, (lesson.id, required)
        assert cells[-1].source == f'coursekit.quiz("{lesson.id}")'
        assert "when-to-seek-care.md" in "".join(c.source for c in cells if c.cell_type == "markdown")
        for cell in cells:
            assert cell.get("id"), lesson.id
            if cell.cell_type == "code":
                assert "remove-input" in cell.metadata.get("tags", []), (lesson.id, cell.source)


def test_each_faq_section_has_a_label_the_quote_and_what_the_evidence_says():
    for lesson in LESSONS:
        text = "\n".join(c.source for c in notebook(lesson).cells)
        for entry_id in quoted_entries(lesson):
            label = f"(lesson-{entry_id})="
            assert label in text
            section = re.split(r"\n## ", text.split(label)[1])[1]
            assert "### What the FAQ says" in section and "### What the evidence says" in section, entry_id


# US spellings the course writes the UK way; a word in double quotes (the FAQ's own) is left alone.
US_SPELLING = re.compile(
    r"\b(edema|ischemi[ac]|anemi[ac]|hemorrhag\w*|colors?|programs?|centers?|behaviors?|liters?)\b", re.I
)


def test_the_course_spells_the_uk_way_throughout():
    texts = {lesson.id: lesson_prose(lesson) for lesson in LESSONS}
    texts |= {p.name: p.read_text(encoding="utf-8") for p in BOOK.glob("*.md") if p.name != "writing-questions.md"}
    texts["red-flags.yml"] = (ROOT / "content" / "red-flags.yml").read_text(encoding="utf-8")
    found = {}
    for name, text in texts.items():
        unquoted = re.sub(r'"[^"\n]*"|\u201c[^\u201d]*\u201d', "", text)
        if words := US_SPELLING.findall(unquoted):
            found[name] = words
    assert found == {}


def test_objectives_questions_and_faq_entries_are_aligned():
    questions = [q for bank in COURSE.banks.values() for q in bank.questions]
    per_objective = Counter(q.objective for q in questions)
    for lesson in LESSONS:
        for objective in lesson.objectives:
            assert per_objective[objective.id] >= 2, objective.id
    per_entry = Counter(entry_id for q in questions for entry_id in q.faq)
    assert [e.id for e in COURSE.faq.entries if per_entry[e.id] == 0] == []
    assert len({q.type for q in questions}) >= 4
    for lesson in LESSONS:
        bank = COURSE.banks[lesson.id]
        need = 15 if lesson.id == "review" else 10
        types = Counter(q.type for q in bank.questions)
        print(f"{lesson.id}: {len(bank.questions)} questions {dict(types)}")
        assert len(bank.questions) >= need


def test_every_wrong_option_says_why():
    for bank in COURSE.banks.values():
        for question in bank.questions:
            for option in getattr(question, "options", []):
                assert option.correct or option.feedback, f"{bank.id}/{question.id}: {option.text}"


def test_a_question_naming_an_unknown_objective_is_reported(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    bank = content / "quizzes" / "causes.yml"
    bank.write_text(bank.read_text().replace("objective: causes-vascular-back-pain", "objective: no-such-thing", 1))
    line = bank.read_text().splitlines().index("    objective: no-such-thing") + 1
    with pytest.raises(ContentError) as error:
        load_course(content)
    assert [str(p) for p in error.value.problems] == [
        f"{bank}:{line}: question most-back-pain: objective: no lesson objective has id 'no-such-thing'"
    ]


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("lessons_duplicate_objective.yml",
         "10: lesson one: objectives[2].id: duplicate objective id (first used on line 8)"),
        ("lessons_negative_minutes.yml",
         "11: lesson one: minutes.teaching: Input should be greater than or equal to 0"),
        ("lessons_too_few_objectives.yml",
         "7: lesson one: objectives: List should have at least 3 items after validation, not 1"),
        ("lessons_unknown_field.yml", "13: lesson one: homework: Extra inputs are not permitted"),
    ],
)
def test_malformed_lessons_files_give_located_messages(fixture, message):
    path = FIXTURES / "lessons" / fixture
    with pytest.raises(ContentError) as error:
        load_lessons(path)
    assert [str(p) for p in error.value.problems] == [f"{path}:{message}"]


def _bib_keys() -> set[str]:
    return set(re.findall(r"^@\w+\{([^,]+),", (BOOK / "references.bib").read_text(), flags=re.M))


def _cited_keys() -> set[str]:
    sources = [c.source for lesson in LESSONS for c in to_book(notebook(lesson)).cells if c.cell_type == "markdown"]
    sources += [p.read_text() for p in BOOK.glob("*.md")]
    in_text = {key.strip() for text in sources for group in CITE.findall(text) for key in group.split(",")}
    return in_text | {key for sign in COURSE.red_flags.signs for key in sign.sources}


def test_every_citation_exists_and_every_source_is_cited():
    bib, cited = _bib_keys(), _cited_keys()
    assert cited - bib == set(), "cited but not in references.bib"
    assert bib - cited == set(), "in references.bib but never cited"


REVIEWED_SOURCES = ROOT / "tests" / "reviewed_sources.txt"


def test_bibliography_urls_come_from_the_reviewed_sources():
    listed = {line.strip() for line in REVIEWED_SOURCES.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    urls = re.findall(r"url = \{([^}]+)\}", (BOOK / "references.bib").read_text())
    assert urls and [url for url in urls if url not in listed] == []


def test_every_figure_has_alt_text_and_a_caption():
    """The alt text travels with the image in the output, so JupyterLab and the book both carry it."""
    figures = 0
    for lesson in LESSONS:
        for cell in notebook(lesson).cells:
            if "figures." not in cell.source:
                continue
            figures += 1
            meta = cell.metadata["mystnb"]
            assert meta["figure"]["caption"] and meta["figure"]["name"]
            [output] = cell.outputs
            html = output["data"]["text/html"]
            # A file beside the notebooks, drawn at build time, versioned so a browser caches it; not inline.
            source = re.match(r'<img src="(images/[a-z-]+\.svg)\?v=[0-9a-f]{10}"', html)
            assert source, cell.source
            assert (ROOT / "notebooks" / source.group(1)).read_text(encoding="utf-8").lstrip().startswith("<?xml")
            assert len(re.search(r'alt="([^"]*)"', html).group(1)) > 40
            assert not [mime for mime in output["data"] if mime.startswith("image/")]
    assert figures >= 4


def lesson_prose(lesson) -> str:
    """A lesson's Markdown cells as the book shows them, as plain sentences: MyST labels, directive fences, roles
    and links removed."""
    text = "\n".join(c.source for c in to_book(notebook(lesson)).cells if c.cell_type == "markdown")
    text = re.sub(r"```\{[^}]+\}[^\n]*\n(:[a-z]+:[^\n]*\n)*", "", text)
    text = text.replace("```", "")
    text = re.sub(r"\{[a-z]+\}`([^`<]*?)\s*(<[^>]*>)?`", lambda m: m.group(1), text)
    text = re.sub(r"^\([^)]*\)=\s*$", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[#*|]", "", text)


def test_lesson_prose_reads_at_grade_nine_or_below():
    # "en-US" (not "en") makes textstat count syllables with pyphen's en_US dictionary instead of
    # NLTK's cmudict, which it would otherwise try to download from the network.
    textstat.set_lang("en-US")
    grades = {lesson.id: textstat.flesch_kincaid_grade(lesson_prose(lesson)) for lesson in LESSONS}
    print("Flesch-Kincaid grades:", {k: round(v, 1) for k, v in grades.items()})
    assert {k: v for k, v in grades.items() if v > MAX_GRADE} == {}


def test_glossary_has_at_least_15_terms_and_lessons_link_to_it():
    glossary = (BOOK / "glossary.md").read_text()
    terms = re.findall(r"^([A-Z][^\n]*)\n  \S", glossary.split("```{glossary}")[1], flags=re.M)
    assert len(terms) >= 15
    for lesson in LESSONS[:4]:
        assert 'class="coursekit-term"' in "".join(c.source for c in notebook(lesson).cells), lesson.id


def test_lesson_overview_renders_objectives_with_anchors():
    import coursekit

    html = coursekit.lesson_overview("causes")._repr_html_()
    for objective in LESSONS[0].objectives:
        assert f'id="objective-{objective.id}"' in html
    assert "40 minutes" in html
    assert "Atherosclerosis (plaque in artery walls)" in coursekit.key_points("causes")._repr_html_()
