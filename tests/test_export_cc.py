"""The Common Cartridge: checked against the CC 1.1 profile's rules (`cc_profile.py`), every quiz read by an
independent QTI reader and by Moodle's and Canvas's import logic (ported in `moodle_cc.py`, `canvas_cc.py`),
and its pages self-contained."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import zipfile
from xml.etree import ElementTree as ET

import pytest

from canvas_cc import file_map, identify_package, modules, qti_files, quiz_settings
from cc_profile import ASSESSMENT, CC_TYPES, manifest_errors, quiz_errors
from conftest import BUILD, CONTENT, FIXTURES
from coursekit.course import load_course
from coursekit.export import export
from coursekit.export.learner_book import MissingBook
from coursekit.markdown import to_html
from coursekit.qtypes.order import display_order
from moodle_cc import detects_cc11, quiz_files
from moodle_cc import questions as moodle_questions
from qti_reader import QTI, read_items

CC = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
LOM = "{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}"
# The item profiles of the CC QTI profile.
CC_ITEM_PROFILES = {
    "cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.true_false.v0p1", "cc.fib.v0p1",
    "cc.pattern_match.v0p1", "cc.essay.v0p1",
}
# The Canvas question type each course question type is written as (Canvas has no ordering question).
CANVAS_TYPES = {
    "single": "multiple_choice_question", "multiple": "multiple_answers_question", "true_false": "true_false_question",
    "numeric": "numerical_question", "matching": "matching_question", "text": "short_answer_question",
    "fill_blank": "short_answer_question",
}
# What a browser loads: scripts, media, frames, and stylesheets, icons and preloads (a canonical link is not loaded).
REMOTE = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|icon|preload|modulepreload))[^>]*\bhref=["']?(?:https?:)?//""",
    re.I,
)


@pytest.fixture(scope="module")
def cartridge(tmp_path_factory):
    if not (BUILD / "index.html").is_file():
        pytest.fail(f"no built book in {BUILD}: run `make book` (make test does) first")
    course = load_course(CONTENT)
    out = tmp_path_factory.mktemp("cc")
    result = export(course, "cc", out)
    [path] = result.files
    assert path == out / f"{course.info.id}.imscc"
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return course, result, files, ET.fromstring(files["imsmanifest.xml"])


def resources(manifest) -> dict[str, ET.Element]:
    return {r.get("identifier"): r for r in manifest.iter(f"{CC}resource")}


def test_manifest_is_a_common_cartridge_1_1(cartridge):
    course, _, _, manifest = cartridge
    assert manifest.tag == f"{CC}manifest"
    assert manifest.findtext(f"{CC}metadata/{CC}schema") == "IMS Common Cartridge"
    assert manifest.findtext(f"{CC}metadata/{CC}schemaversion") == "1.1.0"
    title = manifest.find(f"{CC}metadata/{LOM}lom/{LOM}general/{LOM}title/{LOM}string")
    assert title.text == course.info.title
    [organization] = manifest.iter(f"{CC}organization")
    assert organization.get("structure") == "rooted-hierarchy"
    assert len(organization.findall(f"{CC}item")) == 1
    identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", ident) for ident in identifiers)


def test_manifest_keeps_the_cc_1_1_profile_moodle_validates(cartridge):
    """The manifest profile's required parts and Schematron rules (cc_profile.py); breaking one is caught."""
    manifest = cartridge[2]["imsmanifest.xml"].decode("utf-8")
    assert manifest_errors(ET.fromstring(manifest)) == []
    dependency = '<dependency identifierref="book" />'
    broken = {
        "rule 7b": manifest.replace(dependency, dependency * 2, 1),
        "schemaversion": manifest.replace("<schemaversion>1.1.0", "<schemaversion>1.1"),
        "metadata": re.sub(r"<metadata>.*?</metadata>", "", manifest, count=1, flags=re.S),
        "a CC 1.0 type": manifest.replace(ASSESSMENT, "imsqti_xmlv1p2/imscc_xmlv1p0/assessment", 1),
    }
    for what, text in broken.items():
        assert text != manifest, what
        assert manifest_errors(ET.fromstring(text)), what


def test_every_quiz_keeps_the_cc_1_1_qti_profile(cartridge):
    """Each quiz against the QTI profile's rules (cc_profile.py): a single-answer question has three options or
    more (rule 4d), true/false two, response and feedback identifiers match; a 2-option single choice fails."""
    files, manifest = cartridge[2], cartridge[3]
    quizzes = [r.find(f"{CC}file").get("href") for r in resources(manifest).values() if r.get("type") == ASSESSMENT]
    assert quizzes
    for name in quizzes:
        assert quiz_errors(files[name]) == [], name
    root = ET.fromstring(files[quizzes[0]])
    single = next(i for i in root.iter(f"{QTI}item") if b"cc.multiple_choice.v0p1" in ET.tostring(i))
    choices = single.find(f".//{QTI}render_choice")
    for label in choices.findall(f"{QTI}response_label")[2:]:
        choices.remove(label)
    assert any("rule" in e and "4d" in e for e in quiz_errors(ET.tostring(root))), "a 2-option single choice passed"


def test_every_reference_resolves_and_every_file_is_listed(cartridge):
    _, _, files, manifest = cartridge
    found = resources(manifest)
    assert {r.get("type") for r in found.values()} <= CC_TYPES
    for item in manifest.iter(f"{CC}item"):
        if item.get("identifierref"):
            assert item.get("identifierref") in found
            assert item.findtext(f"{CC}title")
    listed = set()
    for resource in found.values():
        for dependency in resource.iter(f"{CC}dependency"):
            assert dependency.get("identifierref") in found
        if resource.get("href"):
            assert resource.get("href") in files
        listed |= {f.get("href") for f in resource.iter(f"{CC}file")}
    assert listed <= set(files)
    assert set(files) - listed == {"imsmanifest.xml"}


def test_one_module_per_lesson_in_course_order_then_its_quiz(cartridge):
    course, _, _, manifest = cartridge
    found = resources(manifest)
    [root] = manifest.iter(f"{CC}organization")
    modules = root.findall(f"{CC}item/{CC}item")
    start, lessons = modules[0], modules[1:]
    assert [i.findtext(f"{CC}title") for i in start.findall(f"{CC}item")] == ["For education only", "When to seek care"]
    assert [m.findtext(f"{CC}title") for m in lessons] == [
        f"Lesson {lesson.number}: {lesson.id.capitalize()}" for lesson in course.lessons.lessons
    ]
    for module, lesson in zip(lessons, course.lessons.lessons, strict=True):
        page, quiz = (found[i.get("identifierref")] for i in module.findall(f"{CC}item"))
        assert page.get("href") == "web_resources/" + lesson.notebook.replace(".ipynb", ".html")
        assert page.get("type") == "webcontent"
        assert quiz.get("type") == ASSESSMENT and quiz.get("identifier") == f"quiz-{lesson.id}"


def test_every_quiz_parses_in_the_cartridge_profile_and_for_canvas(cartridge):
    course, result, files, manifest = cartridge
    found = resources(manifest)
    read = 0
    for resource in (r for r in found.values() if r.get("type") == ASSESSMENT):
        bank = course.bank(resource.get("identifier").removeprefix("quiz-"))
        [qti] = [f.get("href") for f in resource.iter(f"{CC}file")]
        idents = read_items(files[qti])
        assert idents and set(idents) <= {f"{bank.id}.{q.id}" for q in bank.questions}
        read += len(idents)
        root = ET.fromstring(files[qti])
        profiles = [f.findtext(f"{QTI}fieldentry") for f in root.iter(f"{QTI}qtimetadatafield")
                    if f.findtext(f"{QTI}fieldlabel") == "cc_profile"]
        assert profiles[0] == "cc.exam.v0p1" and set(profiles[1:]) <= CC_ITEM_PROFILES
        assert len(profiles) == len(idents) + 1
        [dependency] = resource.findall(f"{CC}dependency")
        canvas = [f.get("href") for f in found[dependency.get("identifierref")].iter(f"{CC}file")]
        assert canvas == [f"quiz-{bank.id}/assessment_meta.xml", f"non_cc_assessments/quiz-{bank.id}.xml.qti"]
        carried_by_canvas = read_items(files[canvas[1]])
        assert len(carried_by_canvas) >= len(idents)
        meta = ET.fromstring(files[canvas[0]])
        for qti_file in (qti, canvas[1]):
            assert ET.fromstring(files[qti_file]).find(f"{QTI}assessment").get("ident") == resource.get("identifier")
        assert meta.get("identifier") == resource.get("identifier")
    assert read == result.questions


def test_types_the_profile_cannot_carry_are_named(cartridge):
    course, result, _, _ = cartridge
    left_out = {loss.where: loss.what for loss in result.losses if loss.whole_question}
    for bank in course.banks.values():
        for question in bank.questions:
            where = f"{bank.id}/{question.id}"
            if question.type in ("numeric", "matching", "ordering"):
                assert where in left_out
            else:
                assert where not in left_out
    assert "the Common Cartridge QTI profile has no numerical_question: only Canvas keeps it" in str(left_out)
    introductions = {loss.where for loss in result.losses if "introduction" in loss.what}
    assert introductions == {bank.id for bank in course.banks.values() if bank.intro}


def test_pages_are_self_contained(cartridge):
    files = cartridge[2]
    # The theme's `_static/*macros.html` are templates, not pages.
    pages = [name for name in files if name.endswith(".html") and "/_static/" not in name]
    assert "web_resources/disclaimer.html" in pages and "web_resources/book/when-to-seek-care.html" in pages
    for name in pages:
        text = files[name].decode("utf-8")
        assert not REMOTE.search(text), f"{name} loads something from another site"
        for target in re.findall(r"""(?:src|href)="([^"#?:]+)[#?"]""", text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            assert resolved in files, f"{name} links to {target}, not in the cartridge"
    disclaimer = files["web_resources/disclaimer.html"].decode("utf-8")
    assert "not medical advice" in disclaimer and 'href="book/when-to-seek-care.html"' in disclaimer


def test_without_a_built_book_the_export_says_so(tmp_path):
    course = load_course(FIXTURES / "export" / "content")
    with pytest.raises(MissingBook, match="make book"):
        export(course, "cc", tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "coursekit", "export", "--format", "cc", "--out", str(tmp_path)],
        capture_output=True, text=True, env={"COURSEKIT_CONTENT": str(FIXTURES / "export" / "content"), "PATH": ""},
    )
    assert run.returncode == 2
    assert "no built learner book" in run.stderr and "Traceback" not in run.stderr


def _html(markdown: str | None, end: str = " ") -> str:
    """A text as Moodle keeps it: the rendered HTML, and a space after each feedback it joins."""
    return to_html(markdown) + end if markdown else ""


def test_moodle_restores_every_quiz_without_throwing(cartridge):
    """Moodle takes the cartridge as CC 1.1 and writes every quiz's questions; a true/false question whose
    answers are not `true` and `false` throws and aborts the whole restore."""
    files = cartridge[2]
    assert detects_cc11(files["imsmanifest.xml"])
    for href in quiz_files(files["imsmanifest.xml"]).values():
        assert moodle_questions(files[href])


def test_moodle_keeps_each_question_as_the_course_grades_it(cartridge):
    """Moodle's CC 1.1 import (moodle_cc.py) on every quiz: the questions it keeps, their right answers,
    scores and feedback, each compared with the bank; every difference is listed."""
    course, result, files, _ = cartridge
    differences, kept = [], 0
    for ident, href in quiz_files(files["imsmanifest.xml"]).items():
        bank = course.bank(ident.removeprefix("quiz-"))
        read = {q.name: q for q in moodle_questions(files[href], check_true_false=False)}
        for question in bank.questions:
            where, moodle = f"{bank.id}/{question.id}", read.pop(question.id, None)
            if question.type in ("numeric", "matching", "ordering"):
                assert moodle is None, where
                continue
            assert moodle is not None, f"{where} is not in Moodle's quiz"
            kept += 1
            if moodle.text != to_html(question.prompt):
                differences.append(f"{where}: question text")
            if moodle.general_feedback != _html(question.explanation):
                differences.append(f"{where}: general feedback {moodle.general_feedback!r}")
            answers = [(a.title, a.score, a.feedback) for a in moodle.answers]
            if question.type == "true_false":
                right = float(question.answer)
                expected = [(to_html("True"), right, ""), (to_html("False"), 1.0 - right, "")]
            elif question.type in ("single", "multiple"):
                share = 1.0 if question.type == "single" else round(1 / len(question.answer_texts()), 7)
                # In the order the quiz shows the options (display_order), as the cartridge lists them.
                shown = [question.options[i] for i in display_order(question)]
                expected = [(to_html(o.text), share if o.correct else 0.0, _html(o.feedback)) for o in shown]
            else:
                expected = [(accepted, 1.0, "") for accepted in question.accept]
            if answers != expected:
                differences.append(f"{where}: answers {answers} instead of {expected}")
        assert read == {}
    assert differences == []
    assert kept == result.questions


def test_every_single_choice_in_the_cartridge_has_three_options(cartridge):
    """Rule 4d of the CC 1.1 QTI profile: a single-response multiple choice has at least three options."""
    files = cartridge[2]
    for href in quiz_files(files["imsmanifest.xml"]).values():
        for question in moodle_questions(files[href], check_true_false=False):
            if question.cc_type == "cc.multiple_choice.v0p1":
                assert len(question.answers) >= 3, question.ident


def test_canvas_reads_the_cartridge_with_its_own_reader(cartridge):
    """Canvas's package identification (canvas_cc.py) names the cartridge its own, so its reader takes the
    modules, every module item's file or quiz, the quizzes' full QTI and each quiz's settings."""
    course, _, files, manifest = cartridge
    assert identify_package(files) == "canvas_cartridge"
    [root] = manifest.iter(f"{CC}organization")
    found = modules(files)
    assert [m["title"] for m in found] == [m.findtext(f"{CC}title") for m in root.findall(f"{CC}item/{CC}item")]
    assert [m["position"] for m in found] == [str(n) for n in range(1, len(found) + 1)]
    quizzes = {name.removeprefix("non_cc_assessments/").removesuffix(".xml.qti") for name in qti_files(files)}
    pages = file_map(files)
    for module in found:
        for item in module["items"]:
            target = item["identifierref"]
            if item["content_type"] == "Attachment":
                assert f"web_resources/{pages[target]}" in files
            else:
                assert item["content_type"] == "Quizzes::Quiz" and target in quizzes
    assert quizzes == {f"quiz-{quiz_id}" for quiz_id in course.banks}
    settings = quiz_settings(files, sorted(quizzes))
    assert settings.keys() == quizzes
    for ident, meta in settings.items():
        bank = course.bank(ident.removeprefix("quiz-"))
        assert ET.fromstring(meta).findtext("{http://canvas.instructure.com/xsd/cccv1p0}description") == (
            to_html(bank.intro) if bank.intro else ""
        )


def test_canvas_qti_has_every_question_with_its_canvas_type_and_numbers(cartridge):
    """The QTI Canvas's reader takes (`non_cc_assessments/`): every question but the ordering ones, each named by
    its Canvas question type, and each number written as an exact value with its bounds or as a range (what
    Canvas's QTI import keeps as an exact answer with a margin, or a range answer)."""
    course, _, files, _ = cartridge
    canvas = {name.removeprefix("non_cc_assessments/").removesuffix(".xml.qti"): ET.fromstring(data)
              for name, data in qti_files(files).items()}
    assert canvas.keys() == {f"quiz-{quiz_id}" for quiz_id in course.banks}
    for bank in course.banks.values():
        written = {item.get("ident"): item for item in canvas[f"quiz-{bank.id}"].iter(f"{QTI}item")}
        kept = [q for q in bank.questions if q.type in CANVAS_TYPES]
        assert written.keys() == {f"{bank.id}.{q.id}" for q in kept}
        for question in kept:
            item = written[f"{bank.id}.{question.id}"]
            types = [f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")
                     if f.findtext(f"{QTI}fieldlabel") == "question_type"]
            assert types == [CANVAS_TYPES[question.type]], item.get("ident")
            if question.type != "numeric":
                continue
            low, high = question.written_bounds
            condition = next(c for c in item.iter(f"{QTI}conditionvar") if c.find(f".//{QTI}vargte") is not None)
            if question.range is None:
                either = condition.find(f"{QTI}or")
                assert float(either.findtext(f"{QTI}varequal")) == question.answer
                bounds = either.find(f"{QTI}and")
                assert (bounds.findtext(f"{QTI}vargte"), bounds.findtext(f"{QTI}varlte")) == (low, high)
            else:
                assert condition.find(f"{QTI}or") is None
                assert (condition.findtext(f".//{QTI}vargte"), condition.findtext(f".//{QTI}varlte")) == (low, high)
