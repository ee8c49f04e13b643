"""QTI 1.2 export: a well-formed package with a manifest, one assessment, and every question in it."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

from conftest import FIXTURES
from coursekit.course import load_course
from coursekit.export import export
from coursekit.export.qti import assessment_xml

CONTENT = FIXTURES / "export" / "content"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true_false": "true_false_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
    "text": "short_answer_question",
}
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}


@pytest.fixture(scope="module")
def course():
    return load_course(CONTENT)


@pytest.fixture(scope="module")
def package(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("qti")
    result = export(course, "qti", out)
    with zipfile.ZipFile(result.files[0]) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return result, files


def items(files) -> dict[str, ET.Element]:
    root = ET.fromstring(files["every-type/every-type.xml"])
    return {item.get("title"): item for item in root.iterfind(".//q:item", NS)}


def scoring_conditions(item: ET.Element) -> list[ET.Element]:
    return [c for c in item.iterfind(".//q:respcondition", NS) if c.find("q:setvar", NS) is not None]


def test_manifest_points_at_the_assessment(package):
    """A plain IMS Content Packaging 1.1 manifest (the CC 1.1 namespace would make it a cartridge that fails
    the cartridge schema)."""
    _, files = package
    manifest = ET.fromstring(files["imsmanifest.xml"])
    resource = manifest.find("cp:resources/cp:resource", NS)
    assert resource.get("type") == "imsqti_xmlv1p2"
    assert resource.find("cp:file", NS).get("href") in files
    assert sorted(files) == ["every-type/assessment_meta.xml", "every-type/every-type.xml", "imsmanifest.xml"]


def test_every_question_is_present_with_its_canvas_type(course, package):
    result, files = package
    found = items(files)
    bank = course.bank("every-type")
    assert result.questions == len(bank.questions) == len(found)
    for question in bank.questions:
        fields = {
            f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
            for f in found[question.id].iterfind(".//q:qtimetadatafield", NS)
        }
        assert fields["question_type"] == CANVAS_TYPES[question.type]


def test_text_with_special_characters_survives_as_html(package):
    _, files = package
    prompt = items(files)["single-awkward"].findtext("q:presentation/q:material/q:mattext", namespaces=NS)
    expected = "<p>Which costs $5 &amp; isn't &lt;free&gt;? Use <code>a = b</code> or {braces} #1 ~ approx: 🙂</p>"
    assert prompt == expected


def test_scoring_conditions_name_the_right_answers(package):
    _, files = package
    found = items(files)
    scoring = scoring_conditions(found["single-awkward"])
    assert [c.findtext(".//q:varequal", namespaces=NS) for c in scoring] == ["answer1"]
    [multiple] = scoring_conditions(found["multiple-awkward"])
    assert [v.text for v in multiple.iterfind("q:conditionvar/q:and/q:varequal", NS)] == ["answer0", "answer1"]
    assert [v.text for v in multiple.iterfind("q:conditionvar/q:and/q:not/q:varequal", NS)] == ["answer2"]
    numeric = found["numeric-tolerance"]
    assert float(numeric.findtext(".//q:vargte", namespaces=NS)) == pytest.approx(0.85)
    assert float(numeric.findtext(".//q:varlte", namespaces=NS)) == pytest.approx(0.95)
    accepted = [v.text for v in found["text-awkward"].iterfind(".//q:varequal", NS)]
    assert accepted == ["ABI", "ankle-brachial index", "ankle brachial index"]


def test_feedback_is_shown_before_scoring_stops(package):
    _, files = package
    conditions = list(items(files)["single-awkward"].iterfind(".//q:respcondition", NS))
    shown = [c.find("q:displayfeedback", NS).get("linkrefid") for c in conditions if c.get("continue") == "Yes"]
    assert shown == ["general_fb", "answer0_fb", "answer1_fb"]
    assert conditions[-1].get("continue") == "No"


def test_losses_are_reported(package):
    result, _ = package
    lost = [str(loss) for loss in result.losses]
    assert "every-type/numeric-tolerance: unit 'ratio' (Canvas numbers have no unit)" in lost


def test_the_cartridge_profile_refuses_a_single_choice_of_two_options_by_name(course):
    """Rule 4d of the CC 1.1 QTI profile (three options at least): such a question is left out of the cartridge's
    profile QTI, named with the reason, and kept in Canvas's."""
    bank = course.bank("every-type")
    single = bank.question("single-awkward")
    two = single.model_copy(update={"options": [o for o in single.options if o.correct] + [
        o for o in single.options if not o.correct][:1]})
    small = bank.model_copy(update={"questions": (two,)})
    profile, losses = assessment_xml(small, cartridge=True)
    assert ET.fromstring(profile).find(".//q:item", NS) is None
    assert [str(loss) for loss in losses] == [
        "every-type/single-awkward: the whole question is not carried: the Common Cartridge QTI profile needs "
        "3 or more options for one answer, not 2",
        "every-type: FAQ links and objectives (QTI items have no place for them)",
    ]
    canvas, _ = assessment_xml(small)
    assert len(ET.fromstring(canvas).findall(".//q:item", NS)) == 1


def test_cartridge_items_are_written_for_moodle_and_canvas_items_as_canvas_writes_them(course):
    """True/false answers are `true` and `false` in both; in the cartridge's profile the several-answers
    condition marks right options case="Yes", and only the explanation's condition continues (Moodle makes
    each continuing condition's feedback the general feedback)."""
    bank = course.bank("every-type")
    profile, _ = assessment_xml(bank, cartridge=True)
    canvas, _ = assessment_xml(bank)
    for document in (profile, canvas):
        found = {item.get("title"): item for item in ET.fromstring(document).iterfind(".//q:item", NS)}
        labels = [label.get("ident") for label in found["tf-awkward"].iterfind(".//q:response_label", NS)]
        assert labels == ["true", "false"]
    found = {item.get("title"): item for item in ET.fromstring(profile).iterfind(".//q:item", NS)}
    [multiple] = scoring_conditions(found["multiple-awkward"])
    assert [v.get("case") for v in multiple.iterfind(".//q:varequal", NS)] == ["Yes", "Yes", "Yes"]
    for item in found.values():
        shown = [c.find("q:displayfeedback", NS) for c in item.iterfind(".//q:respcondition", NS)
                 if c.get("continue") == "Yes"]
        assert [d.get("linkrefid") for d in shown if d is not None] in (["general_fb"], [])
    single = list(found["single-awkward"].iterfind(".//q:respcondition", NS))
    assert [(c.findtext(".//q:varequal", namespaces=NS), c.findtext("q:setvar", namespaces=NS),
             [d.get("linkrefid") for d in c.iterfind("q:displayfeedback", NS)]) for c in single] == [
        (None, None, ["general_fb"]), ("answer1", "100", ["answer1_fb"]), ("answer0", None, ["answer0_fb"]),
    ]
