"""The course as an IMS Common Cartridge 1.1 (`<course-id>.imscc`), which Canvas, Moodle and others import.

One module per lesson in course order: the learner edition's lesson page (web content, with the whole
book beside it under `web_resources/`, so its assets and links stay relative) and the lesson's quiz as
a cartridge assessment, which the LMS grades. A first module holds the disclaimer and the red-flags
page. Quizzes are written as Canvas writes a cartridge: the assessment in the cartridge's QTI profile,
plus Canvas's settings and full QTI (numeric and matching questions, which the profile lacks) in a
resource that only Canvas reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from coursekit.export import Loss, NotCarried, Result, carried
from coursekit.export.learner_book import DISCLAIMER_PAGE, RED_FLAGS_PAGE, LearnerBook
from coursekit.export.qti import assessment_meta_xml, assessment_resources, assessment_xml, to_bytes, write_zip

if TYPE_CHECKING:
    from coursekit.bank import Bank
    from coursekit.course import Course

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
WEB = "web_resources"
# The admonition title the lessons open with.
DISCLAIMER_TITLE = "For education only"


class Cartridge:
    """The manifest as it is built, and the files that go with it."""

    def __init__(self, course: Course) -> None:
        self.manifest = ET.Element(
            "manifest", {"identifier": f"{course.info.id}-cartridge", "xmlns": CC_NS, "xmlns:lomimscc": LOM_NS}
        )
        metadata = ET.SubElement(self.manifest, "metadata")
        ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
        ET.SubElement(metadata, "schemaversion").text = "1.1.0"
        title = ET.SubElement(ET.SubElement(ET.SubElement(metadata, "lomimscc:lom"), "lomimscc:general"),
                              "lomimscc:title")
        ET.SubElement(title, "lomimscc:string", language="en").text = course.info.title
        organization = ET.SubElement(
            ET.SubElement(self.manifest, "organizations"), "organization", identifier="organization",
            structure="rooted-hierarchy",
        )
        self.root = ET.SubElement(organization, "item", identifier="root")
        self.resources = ET.SubElement(self.manifest, "resources")
        self.files: dict[str, bytes] = {}

    def module(self, ident: str, title: str) -> ET.Element:
        module = ET.SubElement(self.root, "item", identifier=ident)
        ET.SubElement(module, "title").text = title
        return module

    def item(self, module: ET.Element, ident: str, title: str) -> None:
        item = ET.SubElement(module, "item", identifier=f"{ident}-item", identifierref=ident)
        ET.SubElement(item, "title").text = title

    def page(self, module: ET.Element, ident: str, title: str, href: str) -> None:
        """A web page of the book as a module item; it depends on the book's other files."""
        resource = ET.SubElement(self.resources, "resource", identifier=ident, type="webcontent", href=href)
        ET.SubElement(resource, "file", href=href)
        ET.SubElement(resource, "dependency", identifierref="book")
        self.item(module, ident, title)

    def quiz(self, module: ET.Element, bank: Bank) -> list[Loss]:
        ident = f"quiz-{bank.id}"
        cc_qti, lost = assessment_xml(bank, cartridge=True, ident=ident)
        canvas_qti, canvas_lost = assessment_xml(bank, ident=ident)
        paths = (f"{ident}/assessment_qti.xml", f"{ident}/assessment_meta.xml", f"non_cc_assessments/{ident}.xml.qti")
        meta = assessment_meta_xml(bank, carried(bank, canvas_lost), ident)
        self.files.update(zip(paths, (cc_qti, meta, canvas_qti), strict=True))
        assessment_resources(self.resources, ident, ASSESSMENT, paths[0], paths[1], (paths[2],))
        self.item(module, ident, bank.title)
        if bank.intro:
            lost.append(Loss(bank.id, "the quiz introduction: only Canvas reads it (from its quiz settings)"))
        return lost

    def book(self, book: LearnerBook, pages: set[str]) -> None:
        """The book's files, as one resource the pages depend on (each page is in its own resource)."""
        resource = ET.SubElement(self.resources, "resource", identifier="book", type="webcontent")
        for name in book.files():
            href = f"{WEB}/{name}"
            self.files[href] = (book.html / name).read_bytes()
            if href not in pages:
                ET.SubElement(resource, "file", href=href)


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    book = LearnerBook.of(course.content)
    cartridge = Cartridge(course)
    result = Result()
    start = cartridge.module("start", course.info.title)
    disclaimer, red_flags = f"{WEB}/{DISCLAIMER_PAGE}", f"{WEB}/{RED_FLAGS_PAGE}"
    cartridge.files[disclaimer] = book.disclaimer_html(DISCLAIMER_TITLE)
    cartridge.page(start, "disclaimer", DISCLAIMER_TITLE, disclaimer)
    cartridge.page(start, "red-flags", book.page(RED_FLAGS_PAGE).title, red_flags)
    pages = {disclaimer, red_flags}
    chosen = {bank.id: bank for bank in banks}
    for number, page in enumerate(book.quiz_pages(), start=1):
        module = cartridge.module(f"lesson-{number}", page.title)
        href = f"{WEB}/{page.href}"
        cartridge.page(module, f"lesson-{number}-page", page.title, href)
        pages.add(href)
        for quiz_id in page.quiz_ids:
            if quiz_id in chosen:
                bank = chosen.pop(quiz_id)
                result.add(bank, cartridge.quiz(module, bank))
    for bank in chosen.values():
        reason = NotCarried("its quiz is on no lesson page")
        result.add(bank, [Loss.question(bank, q.id, reason) for q in bank.questions])
    cartridge.book(book, pages)
    path = out / f"{course.info.id}.imscc"
    write_zip(path, {"imsmanifest.xml": to_bytes(cartridge.manifest), **dict(sorted(cartridge.files.items()))})
    result.files.append(path)
    return result
