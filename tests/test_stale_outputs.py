"""A notebook whose saved outputs no longer match the content fails the tests, named, with the fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from conftest import CONTENT, ROOT, STALE_OUTPUTS


def test_a_content_edit_not_saved_into_a_notebook_names_it_and_says_run_make_notebooks(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    faq = content / "faq.yml"
    paragraph = next(b for b in YAML(typ="safe").load(faq)["entries"][0]["answer"] if isinstance(b, str))
    faq.write_text(faq.read_text(encoding="utf-8").replace(paragraph, f"{paragraph} Edited.", 1), encoding="utf-8")
    notebook = tmp_path / "notebooks" / "source-faq.ipynb"
    notebook.parent.mkdir()
    shutil.copy(ROOT / "notebooks" / "source-faq.ipynb", notebook)
    env = {**os.environ, "COURSEKIT_CONTENT": str(content), "PYTHONPATH": str(ROOT / "tests")}

    plugins = ["-p", "conftest", "-p", "no:cacheprovider"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *plugins, "-c", ROOT / "pyproject.toml", notebook],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600,
    )

    assert run.returncode == 1, run.stdout[-2000:]
    assert f"{os.path.relpath(notebook, ROOT)}: {STALE_OUTPUTS}" in run.stdout, run.stdout[-2000:]
