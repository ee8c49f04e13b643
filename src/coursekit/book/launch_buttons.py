"""Sphinx extension: Binder / Colab / JupyterHub launch buttons only once `repository.url` is set, and
only on pages that are notebook files.

The launch URLs live in `_config.yml`. Without a repository URL sphinx-book-theme cannot build
launch links (it fails on notebook pages), and jupyter-book's default URL is its own repository,
so the course sets `repository.url: ""` and this extension switches the buttons off until it is filled in,
saying so in one line (printed, so a quiet build shows it too). sphinx-book-theme also gives a Markdown
page with code cells launch buttons; a launched `.md` page is not a notebook in Colab or Binder, so they
are removed there. Every lesson page of the learner edition also gets "Run in your browser", opening the
lesson in the book's own JupyterLite copy (`coursekit.publish.lite`).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from coursekit.book.editions import is_instructor_edition

PROVIDERS = ("binderhub_url", "colab_url", "jupyterhub_url", "deepnote_url")
LAUNCH_GROUP = "launch-buttons"  # sphinx-book-theme's label for its launch menu
HINT = "launch buttons off: set repository.url in _config.yml (and launch_buttons.jupyterhub_url for a JupyterHub)"


def hide_launch_buttons_without_repository(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    buttons = options.get("launch_buttons") or {}
    if options.get("repository_url") or not any(buttons.get(key) for key in PROVIDERS):
        return
    for key in PROVIDERS:
        buttons[key] = ""
    print(HINT, flush=True)


def only_on_notebook_files(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Remove the theme's launch buttons (added at priority 501) from a page whose source is not an .ipynb."""
    if "header_buttons" not in context or context.get("page_source_suffix") == ".ipynb":
        return
    context["header_buttons"] = [button for button in context["header_buttons"]
                                 if button.get("label") != LAUNCH_GROUP]


RUN_IN_BROWSER = "Run in your browser"
LITE = "lite/lab/index.html"  # the in-browser copy (coursekit.publish.lite), at the learner book's root


def run_in_your_browser(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Learner edition: a lesson notebook's page links to the same notebook in the book's JupyterLite copy."""
    if "header_buttons" not in context or not pagename.startswith("notebooks/") or is_instructor_edition(app):
        return
    button = {
        "type": "link", "text": RUN_IN_BROWSER, "icon": "fas fa-play", "label": "run-in-browser",
        "tooltip": "Run this lesson live in your browser: nothing to install",
        "url": f"{context['pathto'](LITE, 1)}?path={pagename.removeprefix('notebooks/')}.ipynb",
    }
    group = next((b for b in context["header_buttons"] if b.get("label") == LAUNCH_GROUP), None)
    if group:
        group["buttons"].append(button)
    else:
        context["header_buttons"].append(button)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", hide_launch_buttons_without_repository)
    app.connect("html-page-context", only_on_notebook_files, priority=502)
    app.connect("html-page-context", run_in_your_browser, priority=503)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
