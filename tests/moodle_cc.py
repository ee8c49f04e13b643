"""Moodle's Common Cartridge 1.1 import, ported to Python: the checks and XPath queries it runs on a
cartridge's manifest and quizzes, with the same rules, so a test sees what a Moodle restore keeps.

Ported from moodle/moodle (GPL v3 or later), read at these commits:
- `backup/converter/imscc11/lib.php` @ 1be36988acbae46d1cdfbcbfd1a519884e84c5ba: `detect_format` (which
  import it picks) and `execute` (the manifest is validated, then converted);
- `backup/cc/entities11.class.php` @ 9762977c028cbd1884ed311a94c49efbae87591b: `get_external_xml` (a
  quiz is the first `file` of its resource);
- `backup/cc/entity11.quiz.class.php` @ 2c709bbb752f28b6763f8282bfd8ecca27360a9d (line numbers below are
  of that file): `get_questions` (329), `get_general_feedback` (422), `get_feedback` (467),
  `get_answers_fib` (512), `get_answers` (681), `get_score` (789), the true/false node (911-929) and
  `get_question_type` (986);
- `backup/cc/includes/constants.php` @ cbad48e9b50f029877540f253c56d0a0d2d3a387: the type names.
PHP's `empty()` counts "" and "0" as empty; `php_empty` keeps that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QUIZ = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
# constants.php: the cartridge's item profiles and the Moodle question type each becomes.
MOODLE_TYPES = {
    "cc.multiple_choice.v0p1": "multichoice",
    "cc.multiple_response.v0p1": "multichoice",
    "cc.true_false.v0p1": "truefalse",
    "cc.essay.v0p1": "essay",
    "cc.fib.v0p1": "shortanswer",
    "cc.pattern_match.v0p1": "shortanswer",
}
X = {"xmlns": QTI_NS}


class MoodleRestoreError(Exception):
    """Where Moodle throws a coding_exception, which aborts the whole restore."""


def php_empty(value: str | None) -> bool:
    return value in (None, "", "0")


def _first_text(nodes: list) -> str:
    """The first node's text, or "" when PHP's `empty()` would call it empty (the importer's idiom)."""
    if not nodes:
        return ""
    node = nodes[0]
    value = node if isinstance(node, str) else node.xpath("string(.)")
    return "" if php_empty(value) else str(value)


def detects_cc11(manifest: bytes) -> bool:
    """lib.php `detect_format`: the manifest's first 500 bytes, lower-cased, without spaces and quotes,
    name the CC 1.1 namespace as the default one."""
    snippet = manifest[:500].decode("utf-8", "replace").lower()
    snippet = re.sub(r"\s*", "", snippet).replace("'", "").replace('"', "")
    return "xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" in snippet


def quiz_files(manifest: bytes) -> dict[str, str]:
    """Each quiz resource's identifier and its assessment file (entities11 `get_external_xml`)."""
    root = etree.fromstring(manifest)
    ns = {"imscc": CC_NS}
    found = {}
    for resource in root.xpath(f'/imscc:manifest/imscc:resources/imscc:resource[@type="{QUIZ}"]', namespaces=ns):
        hrefs = resource.xpath("imscc:file/@href", namespaces=ns)
        found[resource.get("identifier")] = "" if not hrefs else hrefs[0]
    return found


@dataclass
class Answer:
    identifier: str
    title: str
    score: float
    feedback: str


@dataclass
class MoodleQuestion:
    ident: str
    name: str
    text: str
    cc_type: str
    moodle_type: str
    general_feedback: str
    answers: list[Answer] = field(default_factory=list)


def _conditions(doc, ident: str) -> list:
    return doc.xpath(f'//xmlns:item[@ident="{ident}"]/xmlns:resprocessing/xmlns:respcondition', namespaces=X)


def _feedback_text(doc, ident: str, links: list[str]) -> str:
    text = ""
    for link in links:
        found = doc.xpath(
            f'//xmlns:item[@ident="{ident}"]/xmlns:itemfeedback[@ident="{link}"]/xmlns:flow_mat/xmlns:material'
            "/xmlns:mattext", namespaces=X,
        )
        text += _first_text(found) + " " if not php_empty(_first_text(found)) else ""
    return text


def _links(condition) -> list[str]:
    return [link for link in condition.xpath("xmlns:displayfeedback/@linkrefid", namespaces=X) if not php_empty(link)]


def question_type(doc, ident: str) -> tuple[str, str]:
    """`get_question_type` (986): the item's last `cc_profile` field, and the Moodle type it maps to ('' if none)."""
    cc_type = ""
    fields = doc.xpath(
        f'//xmlns:item[@ident="{ident}"]/xmlns:itemmetadata/xmlns:qtimetadata/xmlns:qtimetadatafield', namespaces=X
    )
    for field_node in fields:
        if _first_text(field_node.xpath("xmlns:fieldlabel", namespaces=X)) == "cc_profile":
            cc_type = _first_text(field_node.xpath("xmlns:fieldentry", namespaces=X))
    return cc_type, MOODLE_TYPES.get(cc_type, "")


def general_feedback(doc, ident: str) -> str:
    """`get_general_feedback` (422-465): the feedback of every condition with continue="Yes" (any case)."""
    links = []
    for condition in _conditions(doc, ident):
        if (condition.get("continue") or "").lower() == "yes":
            links += _links(condition)
    return _feedback_text(doc, ident, links)


def _first_varequal(condition) -> str:
    return _first_text(condition.xpath("xmlns:conditionvar/xmlns:varequal", namespaces=X))


def option_feedback(doc, answer: str, ident: str) -> str:
    """`get_feedback` (467-510): the feedback of every condition whose first direct `varequal` names the answer."""
    links = []
    for condition in _conditions(doc, ident):
        if _first_varequal(condition).lower() == answer.lower():
            links += _links(condition)
    return _feedback_text(doc, ident, links)


def score(doc, answer: str, ident: str) -> float:
    """`get_score` (789-815): 1 if the LAST condition whose first direct `varequal` names the answer sets a
    score, else 0."""
    found = ""
    for condition in _conditions(doc, ident):
        if _first_varequal(condition).lower() == answer.lower():
            found = _first_text(condition.xpath("xmlns:setvar", namespaces=X))
    return 0.0 if php_empty(found) else 1.0


def _fib_answers(doc, ident: str) -> list[Answer]:
    """`get_answers_fib` (512-603): the `varequal`s of the condition setting 100 are right; each other
    condition with a `varequal` is a wrong answer with its feedback."""
    right = doc.xpath(
        f'//xmlns:item[@ident="{ident}"]/xmlns:resprocessing/xmlns:respcondition/xmlns:setvar[text()="100"]/..',
        namespaces=X,
    )
    answers = {}
    for node in right[0].xpath("xmlns:conditionvar/xmlns:varequal", namespaces=X):
        title = _first_text([node])
        if title:
            answers[title] = Answer("", title, 1.0, "")
    wrong = []
    for condition in _conditions(doc, ident):
        setvar = condition.xpath("xmlns:setvar", namespaces=X)
        if setvar and setvar[0].xpath("string(.)") == "100":
            continue
        if not condition.xpath("xmlns:conditionvar/xmlns:varequal", namespaces=X):
            continue
        title = _first_varequal(condition)
        if title not in answers:
            # (A right answer's own feedback is written to a misspelt variable in Moodle and lost.)
            wrong.append(Answer("", title, 0.0, _feedback_text(doc, ident, _links(condition))))
    return [*answers.values(), *wrong]


def answers(doc, ident: str, cc_type: str) -> list[Answer]:
    """`get_answers` (681-787)."""
    if cc_type == "cc.fib.v0p1":
        return _fib_answers(doc, ident)
    if cc_type not in ("cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.true_false.v0p1"):
        raise NotImplementedError(f"the port covers the types the course writes, not {cc_type}")
    labels = doc.xpath(
        f'//xmlns:item[@ident="{ident}"]/xmlns:presentation/xmlns:flow/xmlns:response_lid/xmlns:render_choice'
        "/xmlns:response_label", namespaces=X,
    ) or doc.xpath(
        f'//xmlns:item[@ident="{ident}"]/xmlns:presentation/xmlns:response_lid/xmlns:render_choice'
        "/xmlns:response_label", namespaces=X,
    )
    right: dict[str, bool] = {}
    share = 0.0
    if cc_type == "cc.multiple_response.v0p1":
        # Line 745: the right options are the case="Yes" varequals (not under <not>) of the condition scoring 100.
        found = doc.xpath(
            f"//xmlns:item[@ident='{ident}']//xmlns:setvar[@varname='SCORE'][.=100]/../xmlns:conditionvar"
            "//xmlns:varequal[@case='Yes'][not(parent::xmlns:not)]", namespaces=X,
        )
        if found:
            share = round(1.0 / len(found), 7)
            right = {node.xpath("string(.)"): True for node in found}
    result = []
    for label in labels:
        answer = _first_text(label.xpath("@ident"))
        title = _first_text(label.xpath("xmlns:material/xmlns:mattext", namespaces=X))
        points = score(doc, answer, ident)
        if cc_type == "cc.multiple_response.v0p1" and answer in right:
            points = share
        result.append(Answer(answer, title, points, option_feedback(doc, answer, ident)))
    return result


def questions(assessment: bytes, check_true_false: bool = True) -> list[MoodleQuestion]:
    """`get_questions` (329-389) on one quiz: its items, each read as Moodle reads it, and the true/false
    check Moodle makes when it writes the question (911-929), which throws and aborts the restore
    (`check_true_false=False` skips it, to see the rest)."""
    doc = etree.fromstring(assessment)
    found = []
    for item in doc.xpath("/xmlns:questestinterop/xmlns:assessment/xmlns:section/xmlns:item", namespaces=X):
        ident = _first_text(item.xpath("@ident"))
        if not ident:
            continue
        cc_type, moodle_type = question_type(doc, ident)
        if not moodle_type:
            continue
        text = _first_text(item.xpath("xmlns:presentation/xmlns:flow/xmlns:material/xmlns:mattext", namespaces=X)
                           or item.xpath("xmlns:presentation/xmlns:material/xmlns:mattext", namespaces=X))
        question = MoodleQuestion(ident, _first_text(item.xpath("@title")), text, cc_type, moodle_type,
                                  general_feedback(doc, ident), answers(doc, ident, cc_type))
        if moodle_type == "truefalse" and check_true_false:
            idents = [answer.identifier for answer in question.answers]
            if any(answer not in ("true", "false") for answer in idents):
                raise MoodleRestoreError(f"Unknown answer identifier detected in true/false quiz question {ident}")
            if question.answers and {"true", "false"} - set(idents):
                raise MoodleRestoreError(f"Unable to correctly identify the true and false answers in {ident}")
        found.append(question)
    return found
