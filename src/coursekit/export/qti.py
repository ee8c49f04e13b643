"""A QTI 1.2 package per quiz (`<quiz>.qti.zip`), in the dialect Canvas imports.

The zip holds `imsmanifest.xml` and one assessment (`<quiz>/<quiz>.xml`). Text is Markdown rendered
to sanitized HTML. Canvas reads the question type from `question_type` item metadata.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from coursekit.bank import Bank, Matching, MultipleChoice, Numeric, Question, SingleChoice, TextAnswer, TrueFalse
from coursekit.course import Course
from coursekit.export import Loss, Result
from coursekit.markdown import to_html

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true_false": "true_false_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
    "text": "short_answer_question",
}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _material(parent: ET.Element, markdown: str) -> None:
    _sub(_sub(parent, "material"), "mattext", to_html(markdown), texttype="text/html")


def _metadata(item: ET.Element, fields: dict[str, str]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _feedback(item: ET.Element, ident: str, markdown: str) -> None:
    _material(_sub(_sub(item, "itemfeedback", ident=ident), "flow_mat"), markdown)


def _score(condition: ET.Element, value: str = "100") -> None:
    _sub(condition, "setvar", value, action="Set", varname="SCORE")


def _choices(question: Question, item: ET.Element, presentation: ET.Element, texts: list[str], correct: set[int]):
    """A choice list; returns the per-option feedback (ident, text) to add after processing."""
    cardinality = "Multiple" if isinstance(question, MultipleChoice) else "Single"
    render = _sub(_sub(presentation, "response_lid", ident="response1", rcardinality=cardinality), "render_choice")
    for index, text in enumerate(texts):
        _material(_sub(render, "response_label", ident=f"answer{index}"), text)
    processing = item.find("resprocessing")
    condition = _sub(processing, "respcondition", continue_="No")
    test = _sub(condition, "conditionvar")
    if cardinality == "Multiple":
        test = _sub(test, "and")
        for index in range(len(texts)):
            holder = test if index in correct else _sub(test, "not")
            _sub(holder, "varequal", f"answer{index}", respident="response1")
    else:
        _sub(test, "varequal", f"answer{next(iter(correct))}", respident="response1")
    _score(condition)


def _item(bank: Bank, question: Question, lost: list[str]) -> ET.Element:
    item = ET.Element("item", ident=f"{bank.id}.{question.id}", title=question.id)
    _metadata(item, {"question_type": CANVAS_TYPES[question.type], "points_possible": "1"})
    presentation = _sub(item, "presentation")
    _material(presentation, question.prompt)
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    option_feedback: list[tuple[int, str]] = []
    if isinstance(question, SingleChoice | MultipleChoice):
        option_feedback = [(i, o.feedback) for i, o in enumerate(question.options) if o.feedback]
    # Feedback conditions come first (continue="Yes"): a scoring condition with continue="No" ends processing.
    if question.explanation:
        condition = _sub(processing, "respcondition", continue_="Yes")
        _sub(_sub(condition, "conditionvar"), "other")
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for index, _ in option_feedback:
        condition = _sub(processing, "respcondition", continue_="Yes")
        _sub(_sub(condition, "conditionvar"), "varequal", f"answer{index}", respident="response1")
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"answer{index}_fb")
    if isinstance(question, SingleChoice | MultipleChoice):
        texts = [option.text for option in question.options]
        correct = {i for i, option in enumerate(question.options) if option.correct}
        _choices(question, item, presentation, texts, correct)
        if isinstance(question, MultipleChoice):
            lost.append("partial credit: Canvas scores multiple answers by its own rule")
    elif isinstance(question, TrueFalse):
        _choices(question, item, presentation, ["True", "False"], {0 if question.answer else 1})
    elif isinstance(question, Numeric):
        _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib",
             fibtype="Decimal")
        condition = _sub(processing, "respcondition", continue_="No")
        low, high = question.bounds
        both = _sub(_sub(condition, "conditionvar"), "and")
        _sub(both, "vargte", repr(low), respident="response1")
        _sub(both, "varlte", repr(high), respident="response1")
        _score(condition)
        if question.unit:
            lost.append(f"unit {question.unit!r} (Canvas numbers have no unit)")
    elif isinstance(question, Matching):
        for index, pair in enumerate(question.pairs):
            lid = _sub(presentation, "response_lid", ident=f"response{index}")
            _material(lid, pair.left)
            render = _sub(lid, "render_choice")
            for right_index, right in enumerate(question.pairs):
                _material(_sub(render, "response_label", ident=f"match{right_index}"), right.right)
            condition = _sub(processing, "respcondition")
            _sub(_sub(condition, "conditionvar"), "varequal", f"match{index}", respident=f"response{index}")
            _sub(condition, "setvar", f"{100 / len(question.pairs):.4f}", action="Add", varname="SCORE")
    elif isinstance(question, TextAnswer):
        _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        condition = _sub(processing, "respcondition", continue_="No")
        test = _sub(condition, "conditionvar")
        for accepted in question.accept:
            _sub(test, "varequal", accepted, respident="response1")
        _score(condition)
        lost.append("answers are matched ignoring case only (the course also ignores extra spaces)")
    if question.explanation:
        _feedback(item, "general_fb", question.explanation)
    for index, text in option_feedback:
        _feedback(item, f"answer{index}_fb", text)
    return item


def assessment_xml(bank: Bank) -> tuple[bytes, list[Loss]]:
    """One quiz as a QTI 1.2 `questestinterop` document, and what it could not carry."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = _sub(root, "assessment", ident=bank.id, title=bank.title)
    if bank.intro:
        _sub(_sub(assessment, "rubric"), "mattext", to_html(bank.intro), texttype="text/html")
    section = _sub(assessment, "section", ident="root_section")
    losses = []
    for question in bank.questions:
        lost: list[str] = []
        section.append(_item(bank, question, lost))
        losses += [Loss(f"{bank.id}/{question.id}", what) for what in lost]
    if any(q.faq or q.objective for q in bank.questions):
        losses.append(Loss(bank.id, "FAQ links and objectives (QTI items have no place for them)"))
    return _bytes(root), losses


def manifest_xml(bank: Bank) -> bytes:
    root = ET.Element("manifest", identifier=f"{bank.id}-manifest", xmlns=CP_NS)
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    resource = _sub(resources, "resource", identifier=bank.id, type="imsqti_xmlv1p2", href=f"{bank.id}/{bank.id}.xml")
    _sub(resource, "file", href=f"{bank.id}/{bank.id}.xml")
    return _bytes(root)


def _bytes(root: ET.Element) -> bytes:
    for element in root.iter():
        # `continue` is a Python keyword, so the attribute is written continue_ above.
        if "continue_" in element.attrib:
            element.set("continue", element.attrib.pop("continue_"))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    result = Result()
    for bank in banks:
        assessment, losses = assessment_xml(bank)
        path = out / f"{bank.id}.qti.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            # A fixed timestamp keeps the zip byte-for-byte stable between exports.
            for name, data in (("imsmanifest.xml", manifest_xml(bank)), (f"{bank.id}/{bank.id}.xml", assessment)):
                package.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
        result.files.append(path)
        result.questions += len(bank.questions)
        result.losses += losses
    return result
