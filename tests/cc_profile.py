"""The IMS Common Cartridge 1.1 profile rules the cartridge must keep, as our own checks (the official schemas
are not in the repository, and no test downloads them).

The rules are those of the CC 1.1 profile of IMS CP 1.2 (`ccv1p1_imscp_v1p2_v1p0.xsd`: the required manifest
`<metadata>` with schema "IMS Common Cartridge" and schemaversion "1.1.0", a "rooted-hierarchy" organization,
the resource types, and the Schematron rules 3, 5-10 in its annotation) and of the CC 1.1 profile of QTI 1.2.1
(`ccv1p1_qtiasiv1p2p1_v1p0.xsd`, Schematron rules 1-13), the files Moodle validates an imported cartridge
against; rule numbers below are those schemas'. Each check returns one line per broken rule.
"""

from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree as ET

CC = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
ASSOCIATED = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
# The resource types the profile's schema enumerates.
CC_TYPES = {
    "webcontent", ASSOCIATED, "imsdt_xmlv1p1", "imswl_xmlv1p1", ASSESSMENT,
    "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank", "imsbasiclti_xmlv1p0",
}
# The item profiles of the QTI profile (rule 2b), with the response each takes: its cardinality and the
# fewest and most options (rules 3a/3d, 4a/4d, 5a/5d), or None for a typed answer (rules 6a, 7a, 8a).
CC_ITEMS = {
    "cc.true_false.v0p1": ("Single", 2, 2), "cc.multiple_choice.v0p1": ("Single", 3, None),
    "cc.multiple_response.v0p1": ("Multiple", 2, None), "cc.fib.v0p1": None, "cc.pattern_match.v0p1": None,
    "cc.essay.v0p1": None,
}


def manifest_errors(manifest: ET.Element) -> list[str]:
    """What breaks the CC 1.1 manifest profile: its schema's required parts and the Schematron rules."""
    errors = []
    parts = [child.tag.removeprefix(CC) for child in manifest]
    if parts != ["metadata", "organizations", "resources"]:
        errors.append(f"manifest parts {parts}: metadata (required), organizations, resources in that order")
    if manifest.findtext(f"{CC}metadata/{CC}schema") != "IMS Common Cartridge":
        errors.append("metadata/schema is not 'IMS Common Cartridge'")
    if manifest.findtext(f"{CC}metadata/{CC}schemaversion") != "1.1.0":
        errors.append("metadata/schemaversion is not '1.1.0'")
    if any(o.get("structure") != "rooted-hierarchy" for o in manifest.iter(f"{CC}organization")):
        errors.append("an organization's structure is not 'rooted-hierarchy'")
    found = {r.get("identifier"): r for r in manifest.iter(f"{CC}resource")}
    kind = {ident: resource.get("type") for ident, resource in found.items()}
    for ident, resource in found.items():
        files = [f.get("href") for f in resource.findall(f"{CC}file")]
        depends = [d.get("identifierref") for d in resource.findall(f"{CC}dependency")]
        if kind[ident] not in CC_TYPES:
            errors.append(f"{ident}: type {kind[ident]!r} is not a CC 1.1 resource type")
        if ident in depends:
            errors.append(f"{ident}: depends on itself (rule 7a)")
        if len(depends) != len(set(depends)):
            errors.append(f"{ident}: a dependency listed twice (rule 7b)")
        if len(files) != len(set(files)):
            errors.append(f"{ident}: a file listed twice (rule 9a)")
        if resource.get("href") and resource.get("href") not in files:
            errors.append(f"{ident}: its href is not one of its files (rule 10)")
        allowed = ASSOCIATED if kind[ident] == ASSESSMENT else "webcontent"
        if any(kind.get(d) != allowed for d in depends):
            errors.append(f"{ident}: a dependency other than {allowed} (rules 3d-h, 5, 6)")
        if kind[ident] == ASSESSMENT and (len(files) != 1 or resource.get("href")):
            errors.append(f"{ident}: an assessment has one file and no href (rules 3a-c)")
    for item in manifest.iter(f"{CC}item"):
        target = item.get("identifierref")
        if target and item.find(f"{CC}item") is not None:
            errors.append(f"item {item.get('identifier')}: a learning object item with child items (rule 8b)")
        if target and target not in found:
            errors.append(f"item {item.get('identifier')}: refers to no resource")
    return errors


def _fields(parent: ET.Element | None, label: str) -> list[str | None]:
    if parent is None:
        return []
    return [f.findtext(f"{QTI}fieldentry") for f in parent.iter(f"{QTI}qtimetadatafield")
            if f.findtext(f"{QTI}fieldlabel") == label]


def item_errors(item: ET.Element) -> list[str]:
    """What breaks the QTI profile's item rules (2, 3-8, 12) in one item."""
    ident = item.get("ident")
    profiles = _fields(item.find(f"{QTI}itemmetadata"), "cc_profile")
    if len(profiles) != 1 or profiles[0] not in CC_ITEMS:
        return [f"{ident}: cc_profile {profiles}, not exactly one item profile (rules 2b, 2f, 2g)"]
    errors, profile, response = [], profiles[0], CC_ITEMS[profiles[0]]
    choice = item.findall(f"{QTI}presentation//{QTI}response_lid")
    typed = item.findall(f"{QTI}presentation//{QTI}response_str")
    conditions = item.findall(f"{QTI}resprocessing/{QTI}respcondition/{QTI}conditionvar")
    respidents = {v.get("respident") for c in conditions for v in c.iter(f"{QTI}varequal")}
    if response is None:
        if choice or len(typed) != 1 or typed[0].find(f"{QTI}render_choice") is not None:
            errors.append(f"{ident}: {profile} takes one typed response, no choice (rules 6a-b, 7a-b, 8a-b)")
        elif profile != "cc.essay.v0p1" and respidents != {typed[0].get("ident")}:
            errors.append(f"{ident}: varequal respident is not the response's ident (rules 6c, 7c)")
    else:
        cardinality, fewest, most = response
        if typed or len(choice) != 1 or choice[0].get("rcardinality") != cardinality:
            errors.append(f"{ident}: {profile} takes one choice response of cardinality {cardinality} (rules 3-5a, b)")
        else:
            labels = len(choice[0].findall(f"{QTI}render_choice/{QTI}response_label"))
            if labels < fewest or (most is not None and labels > most):
                errors.append(f"{ident}: {labels} options for {profile} (rules 3d, 4d: a single choice has 3 or more)")
            if respidents != {choice[0].get("ident")}:
                errors.append(f"{ident}: varequal respident is not the response's ident (rules 3e, 4e, 5e)")
    if any(c.find(f".//{QTI}varsubstring") is not None for c in conditions):
        errors.append(f"{ident}: varsubstring (rules 3f, 4f, 5f, 6d, 8d)")
    feedback = {f.get("ident") for f in item.findall(f"{QTI}itemfeedback")}
    shown = {d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback") if d.get("feedbacktype") == "Response"}
    if shown - feedback:
        errors.append(f"{ident}: displayfeedback without its itemfeedback: {sorted(shown - feedback)} (rule 12c)")
    unshown = {f.get("ident") for f in item.findall(f"{QTI}itemfeedback") if f.find(f"{QTI}flow_mat") is not None}
    if unshown - shown:
        errors.append(f"{ident}: itemfeedback nothing displays: {sorted(unshown - shown)} (rule 12d)")
    return errors


def quiz_errors(data: bytes) -> list[str]:
    """What breaks the CC 1.1 QTI profile in one assessment: its metadata (rules 1j, 1k), every item's rules,
    and item idents that repeat (rule 13a)."""
    root = ET.fromstring(data)
    assessment = root.find(f"{QTI}assessment")
    if assessment is None:
        return ["no assessment"]
    errors = []
    if _fields(assessment.find(f"{QTI}qtimetadata"), "cc_profile") != ["cc.exam.v0p1"]:
        errors.append("the assessment's cc_profile is not one 'cc.exam.v0p1' (rules 1j, 1k)")
    items = list(assessment.iter(f"{QTI}item"))
    repeated = [ident for ident, n in Counter(i.get("ident") for i in items).items() if n > 1]
    if repeated:
        errors.append(f"item idents repeat: {repeated} (rule 13a)")
    for item in items:
        errors += item_errors(item)
    return errors
