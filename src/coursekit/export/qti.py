"""A QTI 1.2 package per quiz (`<quiz>.qti.zip`), in the dialect Canvas imports and exports.

The zip holds `imsmanifest.xml`, one assessment (`<quiz>/<quiz>.xml`) and, as a dependency of it in
the manifest, Canvas's quiz settings (`<quiz>/assessment_meta.xml`), where the quiz intro goes: QTI 1.2
has no place for it at assessment level. Text is Markdown rendered to sanitized HTML. Canvas reads
the question type from `question_type` item metadata. Each question type fills in its item through
its `qti` hook, with the building blocks of `QtiItem`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from coursekit.export import Loss, NotCarried, Result, carried
from coursekit.markdown import to_html

if TYPE_CHECKING:
    from coursekit.bank import Bank, Question
    from coursekit.course import Course

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
# The manifest type of a resource that only the LMS that wrote it reads (Canvas's quiz settings).
ASSOCIATED = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
# The question types the Common Cartridge QTI profile has, by Canvas's names, mapped as Canvas maps them.
CC_PROFILES = {
    "multiple_choice_question": "cc.multiple_choice.v0p1",
    "multiple_answers_question": "cc.multiple_response.v0p1",
    "true_false_question": "cc.true_false.v0p1",
    "short_answer_question": "cc.fib.v0p1",
}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _fields(metadata: ET.Element, fields: list[tuple[str, str]]) -> None:
    for label, entry in fields:
        field = _sub(metadata, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _material(parent: ET.Element, markdown: str) -> None:
    _sub(_sub(parent, "material"), "mattext", to_html(markdown), texttype="text/html")


class QtiItem:
    """One question's `<item>` as it is built: metadata, presentation, scoring and feedback.

    Feedback conditions come first in the scoring (continue="Yes"): a scoring condition with
    continue="No" ends processing.
    """

    def __init__(self, bank: Bank, question: Question) -> None:
        self.element = ET.Element("item", ident=f"{bank.id}.{question.id}", title=question.id)
        self._metadata = _sub(_sub(self.element, "itemmetadata"), "qtimetadata")
        self.presentation = _sub(self.element, "presentation")
        _material(self.presentation, question.prompt)
        self.processing = _sub(self.element, "resprocessing")
        _sub(_sub(self.processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE",
             vartype="Decimal")
        self._feedback: list[tuple[str, str]] = []
        if question.explanation:
            condition = _sub(self.processing, "respcondition", continue_="Yes")
            _sub(_sub(condition, "conditionvar"), "other")
            _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
            self._feedback.append(("general_fb", question.explanation))

    def canvas_type(self, name: str) -> None:
        """Canvas's name for the question type (`multiple_choice_question`, ...)."""
        self.question_type = name
        _fields(self._metadata, [("question_type", name), ("points_possible", "1")])

    def to_cc_profile(self) -> bool:
        """Swap Canvas's item metadata for the Common Cartridge profile's; False if the profile has no such type."""
        profile = CC_PROFILES.get(self.question_type)
        if profile is not None:
            self._metadata.clear()
            _fields(self._metadata, [("cc_profile", profile)])
        return profile is not None

    def material(self, parent: ET.Element, markdown: str) -> None:
        _material(parent, markdown)

    def sub(self, parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        return _sub(parent, tag, text, **attrs)

    def option_feedback(self, index: int, markdown: str) -> None:
        """Feedback shown when choice `answer<index>` is picked."""
        condition = _sub(self.processing, "respcondition", continue_="Yes")
        _sub(_sub(condition, "conditionvar"), "varequal", f"answer{index}", respident="response1")
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"answer{index}_fb")
        self._feedback.append((f"answer{index}_fb", markdown))

    def scoring(self) -> ET.Element:
        """A condition that sets the full score; the caller fills in its `conditionvar`."""
        condition = _sub(self.processing, "respcondition", continue_="No")
        test = _sub(condition, "conditionvar")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
        return test

    def typed_answer(self, fibtype: str | None = None) -> None:
        """A one-line box to type in (`fibtype="Decimal"` for numbers)."""
        attrs = {"fibtype": fibtype} if fibtype else {}
        answer = _sub(self.presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(answer, "render_fib", **attrs), "response_label", ident="answer1")

    def numbers(self, low: str, high: str, exact: str | None = None) -> None:
        """Right from `low` to `high`; with `exact`, Canvas's form: the exact value or the range."""
        test = self.scoring()
        if exact is not None:
            either = _sub(test, "or")
            _sub(either, "varequal", exact, respident="response1")
            test = _sub(either, "and")
        _sub(test, "vargte", low, respident="response1")
        _sub(test, "varlte", high, respident="response1")

    def choices(self, texts: list[str], correct: set[int], multiple: bool, order: list[int]) -> None:
        """Choices `answer0`, `answer1`, ... listed in `order`; right when exactly the `correct` ones are chosen."""
        cardinality = "Multiple" if multiple else "Single"
        lid = _sub(self.presentation, "response_lid", ident="response1", rcardinality=cardinality)
        render = _sub(lid, "render_choice")
        for index in order:
            _material(_sub(render, "response_label", ident=f"answer{index}"), texts[index])
        test = self.scoring()
        if multiple:
            test = _sub(test, "and")
            for index in range(len(texts)):
                holder = test if index in correct else _sub(test, "not")
                _sub(holder, "varequal", f"answer{index}", respident="response1")
        else:
            _sub(test, "varequal", f"answer{next(iter(correct))}", respident="response1")

    def finish(self) -> ET.Element:
        for ident, markdown in self._feedback:
            _material(_sub(_sub(self.element, "itemfeedback", ident=ident), "flow_mat"), markdown)
        return self.element


def assessment_xml(bank: Bank, cartridge: bool = False, ident: str | None = None) -> tuple[bytes, list[Loss]]:
    """One quiz as a QTI 1.2 `questestinterop` document, and what it could not carry.

    `cartridge`: in the Common Cartridge QTI profile, which has fewer question types than Canvas.
    `ident`: the assessment's identifier (default: the quiz id), the same as its manifest resource's and
    its Canvas settings', which is how Canvas pairs them.
    """
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = _sub(root, "assessment", ident=ident or bank.id, title=bank.title)
    profile = [("cc_profile", "cc.exam.v0p1"), ("qmd_assessmenttype", "Examination"), ("qmd_scoretype", "Percentage")]
    _fields(_sub(assessment, "qtimetadata"), [*(profile if cartridge else []), ("cc_maxattempts", "unlimited")])
    section = _sub(assessment, "section", ident="root_section")
    losses = []
    for question in bank.questions:
        item = QtiItem(bank, question)
        try:
            lost = question.qti(item)
        except NotCarried as reason:
            losses.append(Loss.question(bank, question.id, reason))
            continue
        if cartridge and not item.to_cc_profile():
            reason = NotCarried(f"the Common Cartridge QTI profile has no {item.question_type}: only Canvas keeps it")
            losses.append(Loss.question(bank, question.id, reason))
            continue
        section.append(item.finish())
        losses += [Loss(f"{bank.id}/{question.id}", what) for what in lost]
    if any(q.faq or q.objective for q in bank.questions):
        losses.append(Loss(bank.id, "FAQ links and objectives (QTI items have no place for them)"))
    return to_bytes(root), losses


def assessment_meta_xml(bank: Bank, points: int, ident: str) -> bytes:
    """Canvas's settings of one quiz: title, the intro as its description, points, attempts.

    A graded quiz (`assignment`) with unlimited attempts, the highest kept, answers shown after each
    attempt, and unpublished, so the instructor checks it before learners see it.
    """
    quiz = ET.Element("quiz", identifier=ident, xmlns=CANVAS_NS)
    for tag, text in (
        ("title", bank.title),
        ("description", to_html(bank.intro) if bank.intro else ""),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{points:.1f}"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "-1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        _sub(quiz, tag, text)
    assignment = _sub(quiz, "assignment", identifier=f"{ident}-assignment")
    for tag, text in (
        ("title", bank.title),
        ("workflow_state", "unpublished"),
        ("quiz_identifierref", ident),
        ("points_possible", f"{points:.1f}"),
        ("grading_type", "points"),
        ("submission_types", "online_quiz"),
    ):
        _sub(assignment, tag, text)
    return to_bytes(quiz)


def assessment_resources(
    resources: ET.Element, ident: str, qti_type: str, qti_href: str, meta_href: str, more: tuple[str, ...] = ()
) -> None:
    """The manifest's two resources of one quiz: the assessment, and Canvas's settings (and `more` files
    for Canvas) that it depends on."""
    resource = _sub(resources, "resource", identifier=ident, type=qti_type)
    _sub(resource, "file", href=qti_href)
    _sub(resource, "dependency", identifierref=f"{ident}-settings")
    settings = _sub(resources, "resource", identifier=f"{ident}-settings", type=ASSOCIATED, href=meta_href)
    for href in (meta_href, *more):
        _sub(settings, "file", href=href)


def manifest_xml(bank: Bank) -> bytes:
    root = ET.Element("manifest", identifier=f"{bank.id}-manifest", xmlns=CP_NS)
    _sub(root, "organizations")
    qti, meta = f"{bank.id}/{bank.id}.xml", f"{bank.id}/assessment_meta.xml"
    assessment_resources(_sub(root, "resources"), bank.id, "imsqti_xmlv1p2", qti, meta)
    return to_bytes(root)


def to_bytes(root: ET.Element) -> bytes:
    for element in root.iter():
        # `continue` is a Python keyword, so the attribute is written continue_ above.
        if "continue_" in element.attrib:
            element.set("continue", element.attrib.pop("continue_"))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip whose entries carry a fixed timestamp, so that two exports are byte for byte the same."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, data)


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    result = Result()
    for bank in banks:
        assessment, losses = assessment_xml(bank)
        path = out / f"{bank.id}.qti.zip"
        write_zip(path, {
            "imsmanifest.xml": manifest_xml(bank),
            f"{bank.id}/{bank.id}.xml": assessment,
            f"{bank.id}/assessment_meta.xml": assessment_meta_xml(bank, carried(bank, losses), bank.id),
        })
        result.files.append(path)
        result.add(bank, losses)
    return result
