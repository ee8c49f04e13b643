"""An independent QTI 1.2 reader (pyslet) for the tests, and the shape of a QTI item to compare with."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pyslet.qtiv1.assessment
from pyslet.qtiv1.xml import QTIDocument

# pyslet 0.7 fails on every assessment under Python 3 without this (a class it names does not exist).
pyslet.qtiv1.assessment.Assessment.QTIAssessProcExtension = None

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def read_items(data: bytes) -> list[str]:
    """The item idents of one QTI 1.2 assessment, as pyslet reads it; pyslet raises on invalid content."""
    document = QTIDocument()
    document.read(src=data)
    assessment = document.root.Assessment
    assert assessment is not None, "no <assessment> in the document"
    return [item.ident for section in assessment.SectionMixin for item in section.SectionItemMixin]


def shape(element: ET.Element) -> tuple:
    """An element's tags and structural attributes, without text, idents or repeated siblings."""
    keep = {k: v for k, v in element.attrib.items() if k in ("rcardinality", "fibtype", "action", "continue")}
    children: list[tuple] = []
    for child in element:
        if child.tag == f"{QTI}material":
            continue
        child_shape = shape(child)
        if child_shape not in children:
            children.append(child_shape)
    return (element.tag.removeprefix(QTI), tuple(sorted(keep.items())), tuple(children))


def item_shape(item: ET.Element) -> tuple:
    """What a reader needs the same: the Canvas type, the answer area, and the condition that scores it."""
    fields = {
        f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")
    }
    scoring = [
        shape(condition.find(f"{QTI}conditionvar"))
        for condition in item.iter(f"{QTI}respcondition")
        if condition.find(f"{QTI}setvar") is not None
    ]
    return fields["question_type"], shape(item.find(f"{QTI}presentation")), scoring
