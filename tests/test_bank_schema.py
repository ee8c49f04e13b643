"""The JSON Schema for authors: generated from the models and committed current, named by every bank,
and `check-jsonschema` (what an editor's YAML language server does as the author types) accepts every
course bank and points at a misspelt key."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CONTENT
from coursekit.course.bank_schema import MODELINE, SCHEMA, schema_text
from coursekit.qtypes import QUESTION_TYPES

BANKS = sorted((CONTENT / "quizzes").glob("*.yml"))


def test_the_committed_schema_is_the_one_the_models_give():
    committed = (CONTENT / SCHEMA).read_text(encoding="utf-8")
    assert committed == schema_text(), "run `python -m coursekit.course.bank_schema` and commit the schema"
    types = json.loads(committed)["properties"]["questions"]["items"]["properties"]["type"]["enum"]
    assert types == list(QUESTION_TYPES)


def test_every_bank_names_the_schema_on_its_first_line():
    assert BANKS
    assert [path.read_text(encoding="utf-8").splitlines()[0] for path in BANKS] == [MODELINE] * len(BANKS)


def test_check_jsonschema_accepts_every_bank_and_names_a_misspelt_key(tmp_path):
    typo = tmp_path / "typo.yml"
    typo.write_text(
        f"{MODELINE}\nid: typo\ntitle: Typo\nquestions:\n  - id: q\n    type: fill_blank\n"
        "    prompt: The ___ pumps blood.\n    accept: [heart]\n    explaination: The heart.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "-o", "JSON", "--schemafile", str(CONTENT / SCHEMA),
         *map(str, BANKS), str(typo)],
        capture_output=True, text=True, check=False,
    )
    report = json.loads(done.stdout)
    assert [(e["filename"], e["path"], e["message"]) for e in report["errors"]] == [
        (str(typo), "$.questions[0]", "Additional properties are not allowed ('explaination' was unexpected)")
    ]
    assert report["parse_errors"] == []
