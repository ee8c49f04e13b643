"""Each lesson's MyST in JupyterLab (jupyterlab-myst): cross-references and admonitions render, and no role,
label or directive is left as raw text.

Glossary terms and citations are not MyST roles in the notebooks (jupyterlab-myst resolves neither without the
book): they are links written by coursekit.book.notebook_terms, tested in test_jupyterlab.py and test_notebook7.py.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT, copy_lessons, jupyterlab

NOTEBOOKS = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
LONG = 120_000
RAW_MYST = re.compile(r"\{[a-z:]+\}`|^\([\w-]+\)=$|^```|^:::", re.MULTILINE)


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks (autosave never touches the repository)."""
    folder, settings = tmp_path_factory.mktemp("lab"), tmp_path_factory.mktemp("lab-settings")
    copy_lessons(folder)
    with jupyterlab(folder, settings) as url:
        yield url


def _markdown_cells(notebook: str) -> list[str]:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


@pytest.mark.browser
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_myst_renders_in_jupyterlab(page: Page, lab_url: str, notebook: str) -> None:
    markdown = _markdown_cells(notebook)
    source = "\n".join(markdown)
    page.goto(f"{lab_url}lab/tree/{notebook}?reset")
    cells = page.locator(".jp-Notebook .jp-MarkdownCell")
    expect(cells.locator(".myst")).to_have_count(len(markdown), timeout=LONG)

    links = len(re.findall(r"\{(?:term|ref)\}`", source))
    expect(cells.locator(".myst a.hover-link")).to_have_count(links, timeout=LONG)
    admonitions = len(re.findall(r"^```\{admonition\}", source, re.MULTILINE))
    expect(cells.locator(".myst aside.myst-admonition")).to_have_count(admonitions, timeout=LONG)
    if notebook.startswith("01-"):
        expect(cells.locator(".myst a.coursekit-term", has_text="atherosclerosis").first).to_be_visible()
        expect(cells.locator(".myst aside.myst-admonition", has_text="What to add: how PAD is found")).to_be_visible()
    # Markdown cells, and Markdown outputs (the red flags) too.
    for text in page.locator(".jp-Notebook .myst").all_inner_texts():
        assert not RAW_MYST.search(text), f"raw MyST shown in {notebook}: {RAW_MYST.search(text).group(0)!r}"
