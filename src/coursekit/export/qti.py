"""A QTI 1.2 package per quiz (`<quiz>.qti.zip`), in the dialect Canvas imports and exports.

The zip holds an IMS Content Packaging 1.1 manifest (`imsmanifest.xml`), one assessment
(`<quiz>/<quiz>.xml`) and, as a dependency of it in the manifest, Canvas's quiz settings
(`<quiz>/assessment_meta.xml`), where the quiz intro goes: QTI 1.2 has no place for it at assessment
level. Text is Markdown rendered to sanitized HTML. Canvas reads the question type from
`question_type` item metadata. Each question type fills in its item through its `qti` hook, with the
building blocks of `QtiItem`. The same items, in the Common Cartridge QTI profile, go into the
cartridge (`coursekit.export.cc`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from coursekit.export import Loss, NotCarried, Result, carried
from coursekit.markdown import to_html

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank, Question

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
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

    Two dialects. Canvas's (as Canvas exports): feedback conditions first (continue="Yes"), then the
    scoring condition (continue="No"), which ends processing. The Common Cartridge profile's
    (`cartridge`), as Moodle's importer reads it: only the explanation's condition has continue="Yes"
    (Moodle makes every such condition's feedback the general feedback); the scoring condition follows,
    then each option's feedback with continue="No"; a single right option's feedback sits in the
    scoring condition itself (Moodle scores an option by the last condition naming it).
    """

    def __init__(self, bank: Bank, question: Question, cartridge: bool = False) -> None:
        self.cartridge = cartridge
        self.element = ET.Element("item", ident=f"{bank.id}.{question.id}", title=question.id)
        self._metadata = _sub(_sub(self.element, "itemmetadata"), "qtimetadata")
        self.presentation = _sub(self.element, "presentation")
        _material(self.presentation, question.prompt)
        self.processing = _sub(self.element, "resprocessing")
        _sub(_sub(self.processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE",
             vartype="Decimal")
        self._feedback: list[tuple[str, str]] = []
        self._option_feedback: dict[int, str] = {}
        if question.explanation:
            condition = _sub(self.processing, "respcondition", continue_="Yes")
            _sub(_sub(condition, "conditionvar"), "other")
            _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
            self._feedback.append(("general_fb", question.explanation))

    def canvas_type(self, name: str) -> None:
        """Canvas's name for the question type (`multiple_choice_question`, ...)."""
        self.question_type = name
        _fields(self._metadata, [("question_type", name), ("points_possible", "1")])

    def to_cc_profile(self) -> str | None:
        """Swap Canvas's item metadata for the Common Cartridge profile's; or say why the profile cannot hold it."""
        profile = CC_PROFILES.get(self.question_type)
        if profile is None:
            return f"the Common Cartridge QTI profile has no {self.question_type}: only Canvas keeps it"
        options = len(list(self.presentation.iter("response_label")))
        if profile == "cc.multiple_choice.v0p1" and options < 3:
            # Rule 4d of the profile's QTI schema (single response: at least three response labels).
            return f"the Common Cartridge QTI profile needs 3 or more options for one answer, not {options}"
        self._metadata.clear()
        _fields(self._metadata, [("cc_profile", profile)])
        return None

    def material(self, parent: ET.Element, markdown: str) -> None:
        _material(parent, markdown)

    def sub(self, parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        return _sub(parent, tag, text, **attrs)

    def option_feedback(self, index: int, markdown: str) -> None:
        """Feedback shown when choice number `index` is picked; written by `choices`."""
        self._option_feedback[index] = markdown

    def scoring(self, stop: bool = True) -> ET.Element:
        """A condition that sets the full score; the caller fills in its `conditionvar`."""
        condition = _sub(self.processing, "respcondition", continue_="No" if stop else "Yes")
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

    def _show(self, condition: ET.Element, ident: str, index: int) -> None:
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}_fb")
        self._feedback.append((f"{ident}_fb", self._option_feedback[index]))

    def _feedback_conditions(self, idents: list[str], skip: int | None = None) -> None:
        for index in sorted(set(self._option_feedback) - {skip}):
            condition = _sub(self.processing, "respcondition", continue_="No" if self.cartridge else "Yes")
            _sub(_sub(condition, "conditionvar"), "varequal", idents[index], respident="response1")
            self._show(condition, idents[index], index)

    def choices(
        self, texts: list[str], correct: set[int], multiple: bool, idents: list[str] | None = None,
        order: list[int] | None = None,
    ) -> None:
        """A list of choices (idents `answer0`, `answer1`, ... unless given), listed in `order` (the quiz's
        shown order; as given unless told); right when exactly the `correct` ones are chosen."""
        idents = idents or [f"answer{index}" for index in range(len(texts))]
        cardinality = "Multiple" if multiple else "Single"
        lid = _sub(self.presentation, "response_lid", ident="response1", rcardinality=cardinality)
        render = _sub(lid, "render_choice")
        for index in order or range(len(texts)):
            _material(_sub(render, "response_label", ident=idents[index]), texts[index])
        # Moodle finds a several-answers question's right options by case="Yes".
        case = {"case": "Yes"} if self.cartridge else {}
        if not self.cartridge:
            self._feedback_conditions(idents)
        if multiple:
            test = _sub(self.scoring(stop=not self.cartridge), "and")
            for index, ident in enumerate(idents):
                holder = test if index in correct else _sub(test, "not")
                _sub(holder, "varequal", ident, respident="response1", **case)
            if self.cartridge:
                self._feedback_conditions(idents)
            return
        right = next(iter(correct))
        test = self.scoring()
        _sub(test, "varequal", idents[right], respident="response1", **case)
        if self.cartridge:
            if right in self._option_feedback:
                self._show(self.processing[-1], idents[right], right)
            self._feedback_conditions(idents, skip=right)

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
        item = QtiItem(bank, question, cartridge)
        try:
            lost = question.qti(item)
        except NotCarried as reason:
            losses.append(Loss.question(bank, question.id, reason))
            continue
        refused = item.to_cc_profile() if cartridge else None
        if refused:
            losses.append(Loss.question(bank, question.id, NotCarried(refused)))
            continue
        if cartridge and item.question_type == "multiple_answers_question":
            lost = [*lost, "Moodle gives each right option an equal share of the marks and each wrong option none"]
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
    """A plain IMS Content Packaging 1.1 manifest: Canvas tells a QTI package by its `imsqti` resource type."""
    root = ET.Element("manifest", identifier=f"{bank.id}-manifest", xmlns=CP_NS)
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
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
