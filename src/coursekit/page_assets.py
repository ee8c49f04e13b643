"""Sphinx extension: a page loads an extension's CSS/JS only if its body uses what that file styles or drives.

Sphinx adds every extension's files to every page; for a light book (few requests, few bytes) a page without
code blocks skips the copy button, a page without tabs skips the tab script, and so on. The search scripts
stay on the search page only (the search box elsewhere is a form that opens that page). A notebook's saved
widget state is dropped when no widget manager is configured (`nb_ipywidgets_js: {}`): nothing could read it,
and its random model ids would make every build differ.
"""

from __future__ import annotations

from sphinx.application import Sphinx

# Asset file name -> text whose presence in a page's body means the page needs it.
NEEDED_WHEN = {
    "pygments.css": 'class="highlight',
    "copybutton.css": 'class="highlight',
    "copybutton.js": 'class="highlight',
    "clipboard.min.js": 'class="highlight',
    "togglebutton.css": "toggle",
    "togglebutton.js": "toggle",
    "design-tabs.js": "sd-tab-set",
    "sphinx-design.min.css": 'class="sd-',
}
SEARCH_ONLY = ("doctools.js", "sphinx_highlight.js")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _name(asset) -> str:
    return (getattr(asset, "filename", asset) or "").split("?")[0].rsplit("/", 1)[-1]


def _needed(asset, pagename: str, body: str, widgets: bool) -> bool:
    if getattr(asset, "attributes", {}).get("type") == WIDGET_STATE:
        return widgets
    name = _name(asset)
    if name in SEARCH_ONLY:
        return pagename == "search"
    return name not in NEEDED_WHEN or NEEDED_WHEN[name] in body


def prune_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body", "")
    widgets = bool(getattr(app.config, "nb_ipywidgets_js", None))
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if _needed(asset, pagename, body, widgets)]


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", prune_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
