"""The quiz's scripts are one scope joined from many files: ESLint's `no-undef` over each joined bundle
finds any name a file uses that no file defines (a renamed helper, a type file using a missing one).
ESLint is pinned in tests/lint (installed by `make test`: npm ci --prefix tests/lint)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.quizzes.quiz_assets import book_scripts, classic_script, es_module

LINT = Path(__file__).resolve().parent / "lint"
RUNNER = """
const { Linter } = require("eslint");
const globals = require("globals");
const bundles = JSON.parse(require("fs").readFileSync(0, "utf8"));
const linter = new Linter();
process.stdout.write(JSON.stringify(bundles.map(([code, sourceType]) => {
  const config = {
    languageOptions: { ecmaVersion: 2022, sourceType, globals: { ...globals.browser, module: "readonly" } },
    rules: { "no-undef": "error", "no-redeclare": "error" },
  };
  return linter.verify(code, [config]).map((m) => `${m.line}:${m.column} ${m.ruleId || "parse"}: ${m.message}`);
})));
"""


def lint(*bundles: tuple[str, str]) -> list[list[str]]:
    """ESLint's messages for each (code, "script" or "module")."""
    if not (LINT / "node_modules" / "eslint").is_dir():
        pytest.fail("ESLint missing: `make test` installs it (npm ci --prefix tests/lint)")
    node = shutil.which("node") or "/usr/bin/node"
    done = subprocess.run(
        [node, "-e", RUNNER], cwd=LINT, input=json.dumps(bundles), capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_name_in_the_books_scripts_and_the_widgets_module_is_defined():
    broken = classic_script().replace('defineType("fill_blank"', 'defineTpye("fill_blank"')
    # Every script a page may load (each optional part with and without the others, SCORM package's included).
    scripts = [*book_scripts(instructor=True).values(), *book_scripts(instructor=True, scorm=True).values()]
    *found, module, mistyped = lint(*((script, "script") for script in scripts), (es_module(), "module"),
                                    (broken, "script"))
    assert found == [[]] * len(scripts) and module == []
    # The lint can fail: a misspelt name in one file is found.
    assert [message.split(" ", 1)[1] for message in mistyped] == ["no-undef: 'defineTpye' is not defined."]
