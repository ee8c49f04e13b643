"""The course as a SCORM 1.2 package (`<course-id>-scorm12.zip`): the learner edition and a manifest.

One SCO per lesson: the LMS launches the lesson's page, whose quiz reports to it (`quizzes/static/quiz/scorm.js`, joined
into the package's quiz scripts only): a score and a status per lesson, and the answers in that lesson's own
`cmi.suspend_data`. The disclaimer and the red-flags page are assets (pages without reporting) before the
lessons. Every item's mastery score is `mastery_score` from `course.yml`. The SCORM 1.2 schema files go at the
package root, beside the manifest that names them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from coursekit.export import Loss, NotCarried, Result
from coursekit.export.cc import DISCLAIMER_TITLE
from coursekit.export.learner_book import DISCLAIMER_PAGE, RED_FLAGS_PAGE, LearnerBook
from coursekit.export.qti import to_bytes, write_zip
from coursekit.quizzes.quiz_assets import book_scripts

if TYPE_CHECKING:
    from coursekit.course import Course
    from coursekit.course.bank import Bank

CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
SCORMTYPE = "adlcp:scormtype"
SCHEMAS = Path(__file__).with_name("scorm12")
# Each namespace of the manifest and its schema file at the package root.
SCHEMA_FILES = {CP_NS: "imscp_rootv1p1p2.xsd", MD_NS: "imsmd_rootv1p2p1.xsd", ADLCP_NS: "adlcp_rootv1p2.xsd"}


def manifest(course: Course, book: LearnerBook) -> ET.Element:
    root = ET.Element("manifest", {
        "identifier": f"{course.info.id}-scorm12", "version": "1", "xmlns": CP_NS, "xmlns:adlcp": ADLCP_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": " ".join(f"{ns} {name}" for ns, name in SCHEMA_FILES.items()),
    })
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "ADL SCORM"
    ET.SubElement(metadata, "schemaversion").text = "1.2"
    organization = ET.SubElement(
        ET.SubElement(root, "organizations", default="course"), "organization", identifier="course"
    )
    ET.SubElement(organization, "title").text = course.info.title
    resources = ET.SubElement(root, "resources")

    def add(ident: str, title: str, href: str, scormtype: str) -> ET.Element:
        item = ET.SubElement(organization, "item", identifier=f"{ident}-item", identifierref=ident)
        ET.SubElement(item, "title").text = title
        resource = ET.SubElement(
            resources, "resource", {"identifier": ident, "type": "webcontent", SCORMTYPE: scormtype, "href": href}
        )
        ET.SubElement(resource, "file", href=href)
        ET.SubElement(resource, "dependency", identifierref="book")
        return item

    add("disclaimer", DISCLAIMER_TITLE, DISCLAIMER_PAGE, "asset")
    add("red-flags", book.page(RED_FLAGS_PAGE).title, RED_FLAGS_PAGE, "asset")
    for number, page in enumerate(book.quiz_pages(), start=1):
        item = add(f"lesson-{number}", page.title, page.href, "sco")
        ET.SubElement(item, "adlcp:masteryscore").text = str(course.info.mastery_score)
    launched = {resource.get("href") for resource in resources}
    shared = ET.SubElement(resources, "resource", {"identifier": "book", "type": "webcontent", SCORMTYPE: "asset"})
    for name in book.files():
        if name not in launched:
            ET.SubElement(shared, "file", href=name)
    return root


def export(course: Course, banks: list[Bank], out: Path) -> Result:
    book = LearnerBook.of(course.content)
    files = {"imsmanifest.xml": to_bytes(manifest(course, book))}
    files[DISCLAIMER_PAGE] = book.disclaimer_html(DISCLAIMER_TITLE)
    files |= {name: book.read(name) for name in book.files()}
    files |= {schema.name: schema.read_bytes() for schema in sorted(SCHEMAS.glob("*.xsd"))}
    # The SCORM runtime is in the package only: its quiz scripts are the book's with `scorm.js` joined in.
    files |= {f"_static/{name}": text.encode() for name, text in book_scripts(instructor=False, scorm=True).items()}
    path = out / f"{course.info.id}-scorm12.zip"
    write_zip(path, files)
    result = Result(files=[path])
    on_pages = {quiz_id for page in book.quiz_pages() for quiz_id in page.quiz_ids}
    for bank in banks:
        losses = [Loss(bank.id, "reported to the LMS as one score per lesson: no result per question")]
        if bank.id not in on_pages:
            reason = NotCarried("its quiz is on no lesson page")
            losses = [Loss.question(bank, question.id, reason) for question in bank.questions]
        result.add(bank, losses)
    return result
