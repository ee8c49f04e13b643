"""The course as an IMS Common Cartridge 1.1 (`<course-id>.imscc`), which Canvas, Moodle and others import.

One module per lesson in course order: the learner edition's lesson page (web content, with the whole
book beside it under `web_resources/`, so its assets and links stay relative) and the lesson's quiz as
a cartridge assessment, which the LMS grades. A first module holds the disclaimer and the red-flags
page. The cartridge is written as Canvas writes its own, so that Canvas reads it with its own reader
(which it picks by `course_settings/canvas_export.txt`) while every other LMS reads plain CC 1.1:
each quiz in the cartridge's QTI profile, plus Canvas's quiz settings and full QTI (numeric and
matching questions, which the profile lacks), and Canvas's course settings and module list
(`course_settings/`), which only Canvas reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from coursekit.export import Loss, NotCarried, Result, carried
from coursekit.export.learner_book import DISCLAIMER_PAGE, RED_FLAGS_PAGE, LearnerBook
from coursekit.export.qti import (
    ASSOCIATED,
    CANVAS_NS,
    assessment_meta_xml,
    assessment_resources,
    assessment_xml,
    to_bytes,
    write_zip,
)

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
WEB = "web_resources"
SETTINGS = "course_settings"
# Canvas knows its own cartridges by a manifest resource whose href is `course_settings/canvas_export.txt`;
# what the file says does not matter to it.
CANVAS_FLAG = "A cartridge in Canvas's layout: Canvas reads course_settings/ and non_cc_assessments/.\n"
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
        # Canvas's module list (`module_meta.xml`), which its own reader takes instead of the organization.
        self.modules = ET.Element("modules", xmlns=CANVAS_NS)

    def module(self, ident: str, title: str) -> ET.Element:
        module = ET.SubElement(self.root, "item", identifier=ident)
        ET.SubElement(module, "title").text = title
        meta = ET.SubElement(self.modules, "module", identifier=ident)
        for tag, text in (("title", title), ("workflow_state", "active"), ("position", str(len(self.modules)))):
            ET.SubElement(meta, tag).text = text
        ET.SubElement(meta, "items")
        return module

    def item(self, module: ET.Element, ident: str, title: str, canvas_type: str) -> None:
        """A module item; `canvas_type` is Canvas's name for what it links to (`Attachment`, `Quizzes::Quiz`)."""
        item = ET.SubElement(module, "item", identifier=f"{ident}-item", identifierref=ident)
        ET.SubElement(item, "title").text = title
        items = self.modules[-1].find("items")
        meta = ET.SubElement(items, "item", identifier=f"{ident}-item")
        for tag, text in (
            ("content_type", canvas_type), ("workflow_state", "active"), ("title", title),
            ("identifierref", ident), ("position", str(len(items))), ("indent", "0"),
        ):
            ET.SubElement(meta, tag).text = text

    def page(self, module: ET.Element, ident: str, title: str, href: str) -> None:
        """A web page of the book as a module item; it depends on the book's other files."""
        resource = ET.SubElement(self.resources, "resource", identifier=ident, type="webcontent", href=href)
        ET.SubElement(resource, "file", href=href)
        ET.SubElement(resource, "dependency", identifierref="book")
        self.item(module, ident, title, "Attachment")

    def quiz(self, module: ET.Element, bank: Bank) -> list[Loss]:
        ident = f"quiz-{bank.id}"
        cc_qti, lost = assessment_xml(bank, cartridge=True, ident=ident)
        canvas_qti, canvas_lost = assessment_xml(bank, ident=ident)
        paths = (f"{ident}/assessment_qti.xml", f"{ident}/assessment_meta.xml", f"non_cc_assessments/{ident}.xml.qti")
        meta = assessment_meta_xml(bank, carried(bank, canvas_lost), ident)
        self.files.update(zip(paths, (cc_qti, meta, canvas_qti), strict=True))
        assessment_resources(self.resources, ident, ASSESSMENT, paths[0], paths[1], (paths[2],))
        self.item(module, ident, bank.title, "Quizzes::Quiz")
        if bank.intro:
            lost.append(Loss(bank.id, "the quiz introduction: only Canvas reads it (from its quiz settings)"))
        return lost

    def canvas_settings(self, course: Course) -> None:
        """Canvas's course settings, module list and export flag, in one resource as Canvas's exports have them."""
        flag = f"{SETTINGS}/canvas_export.txt"
        course_settings = ET.Element("course", identifier=f"{course.info.id}-course", xmlns=CANVAS_NS)
        self.files[f"{SETTINGS}/course_settings.xml"] = to_bytes(course_settings)
        self.files[f"{SETTINGS}/module_meta.xml"] = to_bytes(self.modules)
        self.files[flag] = CANVAS_FLAG.encode()
        resource = ET.SubElement(self.resources, "resource", identifier="canvas-settings", type=ASSOCIATED, href=flag)
        for name in ("course_settings.xml", "module_meta.xml", "canvas_export.txt"):
            ET.SubElement(resource, "file", href=f"{SETTINGS}/{name}")

    def book(self, book: LearnerBook, pages: set[str]) -> None:
        """The book's files, as one resource the pages depend on (each page is in its own resource)."""
        resource = ET.SubElement(self.resources, "resource", identifier="book", type="webcontent")
        for name in book.files():
            href = f"{WEB}/{name}"
            self.files[href] = book.read(name)
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
    cartridge.canvas_settings(course)
    path = out / f"{course.info.id}.imscc"
    write_zip(path, {"imsmanifest.xml": to_bytes(cartridge.manifest), **dict(sorted(cartridge.files.items()))})
    result.files.append(path)
    return result
