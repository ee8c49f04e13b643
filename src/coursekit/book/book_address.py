"""Sphinx extension: the book's public address is set once, as `html.baseurl` in `_config.yml`.

A lesson opened outside the course's repository installs the course from the book; its first code cell
holds `ADDRESS_SLOT`, which this extension replaces with `html.baseurl` in the notebooks the book serves
for download (`_sources/`). While the address is still the template's placeholder (or empty), the build
says so in one line (printed, so the quiet build shows it too).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

ADDRESS_SLOT = "<the book's address: written here when the book is built>"
PLACEHOLDER_HOST = "example.org"
HINT = (
    "html.baseurl in _config.yml is {address}: set it to where the book is published "
    "(GitHub Pages: https://<owner>.github.io/<repo>/) so downloaded lessons can install the course"
)


def is_placeholder(address: str) -> bool:
    return not address or f"//{PLACEHOLDER_HOST}/" in address or address.endswith(f"//{PLACEHOLDER_HOST}")


def warn_about_a_placeholder(app: Sphinx, config: Config) -> None:
    if is_placeholder(config.html_baseurl):
        print(HINT.format(address=f"still the placeholder {config.html_baseurl}" if config.html_baseurl else "empty"),
              flush=True)


def write_address_into_served_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    address = app.config.html_baseurl
    if not address:
        return
    # The slot sits in a JSON string in the notebook file: the address needs no escaping (a URL has no " or \).
    for notebook in (Path(app.outdir) / "_sources").rglob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        if ADDRESS_SLOT in text:
            notebook.write_text(text.replace(ADDRESS_SLOT, address), encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", warn_about_a_placeholder)
    app.connect("build-finished", write_address_into_served_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
