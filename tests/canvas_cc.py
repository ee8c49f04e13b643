"""Canvas's package import, ported to Python: how it names a package, and what its own cartridge reader
takes from one, with the same CSS selectors and rules, so a test sees what a Canvas import keeps.

Ported from instructure/canvas-lms (AGPL v3), read at these commits:
- `lib/canvas/migration/package_identifier.rb` @ 05e9653c12ef7afc65815ca84e5da7aa2e4c3bd3,
  `identify_package` (lines 37-90; the cartridge markers at 55-58);
- `lib/cc/importer/canvas/converter.rb` @ 06763dd5190da4e2db2439e1637fc8804ff34ec8 (what its reader runs);
- `lib/cc/importer/canvas/course_settings.rb` @ 02951088ae2a6ac51bbc7480ecb296e1c0057dc5 and
  `module_converter.rb` @ 0332cbf60a24959e778a104759b7d095f7ac841b: modules from `module_meta.xml`;
- `lib/cc/importer/canvas/webcontent_converter.rb` @ 04e28fd25c2e9a9c38092a21f8ff0016b93bda93: a file's
  migration id is its `webcontent` resource's identifier (`create_file_map`);
- `lib/cc/importer/canvas/quiz_converter.rb` @ 0c8b1039d44d8a9474d5585a90117af74cff7491: quizzes come
  only from `non_cc_assessments/`, through the QTI Migration Tool;
- `lib/cc/importer/canvas/quiz_metadata_converter.rb` @ 02f52ac570404d4839622e264b0da4f48ebfe205: a
  quiz's settings are the `<migration id>/assessment_meta.xml` file of a learning-application resource;
- `app/models/importers/context_module_importer.rb` @ 01243c0ba0a8c2b0fb47fc38d27bf210f43aa99d: a module
  item finds its file or quiz by that migration id.
Nokogiri's `at_css` on a manifest matches elements of the root's default namespace by local name.
"""

from __future__ import annotations

import re

from lxml import etree

CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
COMMON_CARTRIDGE = re.compile(r"IMS(?: Thin)? Common Cartridge", re.I)


def _default_ns(root) -> str:
    return root.nsmap.get(None) or ""


def _iter(root, path: str) -> list:
    """Nokogiri's `at_css("a b c")` without attribute tests: descendants, step by step, in the root's default
    namespace (the first match is `at_css`'s)."""
    ns = _default_ns(root)
    found = [root]
    for step in path.split():
        tag = f"{{{ns}}}{step}" if ns else step
        found = [node for parent in found for node in parent.iter(tag) if node is not parent]
    return found


def node_val(root, path: str) -> str | None:
    """`get_node_val`: the text of the first match."""
    found = _iter(root, path)
    return found[0].text if found else None


def identify_package(files: dict[str, bytes]) -> str | None:
    """`identify_package` for a zip package, the branches a course export can reach."""
    for name, kind in (("AngelManifest.xml", "angel_7_4"), ("angelData.xml", "angel_7_3"),
                       ("moodle.xml", "moodle_1_9"), ("moodle_backup.xml", "moodle_2")):
        if name in files:
            return kind
    if "imsmanifest.xml" not in files:
        return "unknown"
    root = etree.fromstring(files["imsmanifest.xml"])
    resources = _iter(root, "resources resource")
    if COMMON_CARTRIDGE.search(node_val(root, "metadata schema") or ""):
        ns = _default_ns(root)
        syllabus = [r for r in resources if r.get("href") == "course_settings/syllabus.html"
                    and any(f.get("href") == "course_settings/course_settings.xml" for f in r.iter(f"{{{ns}}}file"))]
        flag = [r for r in resources if r.get("href") == "course_settings/canvas_export.txt"]
        if syllabus or flag:
            return "canvas_cartridge"
        version = node_val(root, "metadata schemaversion")
        return {"1.0.0": "common_cartridge_1_0", "1.1.0": "common_cartridge_1_1", "1.2.0": "common_cartridge_1_2",
                "1.3.0": "common_cartridge_1_3"}.get(version)
    namespaces = set(root.nsmap.values())
    for namespace, kind in (
        ("http://www.blackboard.com/content-packaging", "bb_learn"), ("http://desire2learn.com/xsd/d2lcp", "d2l"),
        ("http://www.webct.com/xsd/cisv3", "webct"), ("http://www.webct.com/IMS", "webct_4_1"),
        ("http://www.adlnet.org/xsd/adl_cp_rootv1p1", "scorm_1_1"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "scorm_1_2"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "scorm_1_3"),
    ):
        if any(re.search(namespace, value, re.I) for value in namespaces):
            return kind
    if any((r.get("type") or "").startswith(("ims_qti", "imsqti")) for r in resources):
        return "qti"
    return "unknown_ims_cp_package"


def modules(files: dict[str, bytes]) -> list[dict]:
    """`convert_modules`: each module of `course_settings/module_meta.xml`, with its items."""
    data = files.get("course_settings/module_meta.xml")
    if data is None:
        return []
    root = etree.fromstring(data)
    found = []
    for module in _iter(root, "module"):
        items = [{
            "title": node_val(item, "title"), "content_type": node_val(item, "content_type"),
            "identifierref": node_val(item, "identifierref"), "position": node_val(item, "position"),
        } for item in _iter(module, "item")]
        found.append({"title": node_val(module, "title"), "position": node_val(module, "position"), "items": items})
    return found


def file_map(files: dict[str, bytes]) -> dict[str, str]:
    """`create_file_map`: migration id (the resource identifier) -> path, for `webcontent` resources whose href
    is under `web_resources`."""
    root = etree.fromstring(files["imsmanifest.xml"])
    return {
        r.get("identifier"): r.get("href").removeprefix("web_resources/")
        for r in _iter(root, "resources resource")
        if r.get("type") == "webcontent" and (r.get("href") or "").startswith("web_resources")
    }


def quiz_settings(files: dict[str, bytes], migration_ids: list[str]) -> dict[str, bytes]:
    """`post_process_assessments`: each quiz's settings file, `<migration id>/assessment_meta.xml` listed in a
    resource whose type ends in learning-application-resource."""
    root = etree.fromstring(files["imsmanifest.xml"])
    ns = _default_ns(root)
    listed = {
        f.get("href") for r in _iter(root, "resources resource")
        if (r.get("type") or "").endswith("learning-application-resource") for f in r.iter(f"{{{ns}}}file")
    }
    wanted = {f"{ident}/assessment_meta.xml": ident for ident in migration_ids}
    return {wanted[href]: files[href] for href in listed if href in wanted}


def qti_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """`convert_quizzes`: what Canvas's reader hands the QTI Migration Tool, the folder `non_cc_assessments`."""
    return {name: data for name, data in files.items() if name.startswith("non_cc_assessments/")}
