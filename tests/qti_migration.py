"""Canvas's first QTI import stage for the tests: instructure's QTI Migration Tool (vendored under
`tests/vendor/qti_migration_tool`), run as Canvas runs it, and what Canvas then reads of a numeric item.

The command line is Canvas's (`gems/plugins/qti_exporter/lib/qti.rb`, `get_conversion_command`, in
instructure/canvas-lms @ 1d695c0430dcff93d5de526943354b75355b4bde). Canvas only checks that the tool
exits with 0; the tool reports what it could not convert on its output.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

TOOL = Path(__file__).resolve().parent / "vendor" / "qti_migration_tool" / "migrate.py"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
QTI2 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


@dataclass
class Converted:
    """What the tool wrote: each item's Canvas question type by item ident, the assessments, and its log."""

    types: dict[str, str]
    assessments: list[str]
    items: dict[str, Path]
    log: str


def migrate(source: Path, out: Path) -> Converted:
    """Run the tool on a QTI file or folder, as Canvas does, into `out`."""
    run = subprocess.run(
        [sys.executable, str(TOOL), "--ucvars", "--nogui", "--overwrite", f"--cpout={out}", str(source)],
        capture_output=True, text=True, timeout=120, cwd=out.parent,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    manifest = etree.parse(str(out / "imsmanifest.xml")).getroot()
    types, items, assessments = {}, {}, []
    for resource in manifest.iter(f"{CP}resource"):
        kind = resource.get("type")
        if kind.startswith("imsqti_item_xmlv2p"):
            fields = {f.get("name"): f.get("value") for f in resource.iter("{*}instructureField")}
            types[resource.get("identifier")] = fields.get("question_type")
            items[resource.get("identifier")] = out / resource.get("href")
        elif kind in ("imsqti_assessment_xmlv2p1", "imsqti_test_xmlv2p1"):
            assessments.append(resource.get("identifier"))
    return Converted(types, assessments, items, run.stdout + run.stderr)


def _at(node, path: str):
    """Nokogiri's `at_css` for `a b c[class=x]` steps on QTI 2.1 elements."""
    found = [node]
    for step in path.split():
        name, _, test = step.partition("[")
        found = [n for parent in found for n in parent.iter(f"{QTI2}{name}") if n is not parent]
        if test:
            key, value = test.rstrip("]").split("=")
            found = [n for n in found if n.get(key) == value]
    return found[0] if found else None


def numeric_answers(item: Path) -> list[dict]:
    """Canvas's reading of a numeric item (`numeric_interaction.rb` @ 0c31361aec160ac52365fd3d3a6cdc2aa42fa0bd,
    `get_canvas_answers`): an `or` is an exact answer with a margin (the `varlte` bound less the exact value),
    an `and` a range. (Its precision-answer guess applies only to a `vargt` bound, which the course never writes.)"""
    doc = etree.parse(str(item)).getroot()
    answers = []
    for branch in [*doc.iter(f"{QTI2}responseIf"), *doc.iter(f"{QTI2}responseElseIf")]:
        either = _at(branch, "or")
        if either is not None:
            exact = _at(either, "stringMatch baseValue")
            if exact is None:
                continue
            answer = {"type": "exact_answer", "exact": float(exact.text)}
            upper = _at(either, "and customOperator[class=varlte] baseValue")
            if upper is not None:
                answer["margin"] = float(upper.text) - float(exact.text)
            answers.append(answer)
            continue
        both = _at(branch, "and")
        if both is not None:
            lower = _at(both, "customOperator[class=vargte] baseValue")
            upper = _at(both, "customOperator[class=varlte] baseValue")
            if lower is not None or upper is not None:
                answers.append({"type": "range_answer", "start": None if lower is None else float(lower.text),
                                "end": None if upper is None else float(upper.text)})
    return answers
