"""Sphinx extension: a page loads an extension's script only if its body uses what that script drives.

Sphinx adds every extension's files to every page; for a light book (few requests, few bytes) a page without
code blocks skips the copy button, a page without tabs skips the tab script, and so on. The search scripts
stay on the search page only (the search box elsewhere is a form that opens that page). A notebook's saved
widget state is dropped when no widget manager is configured (`nb_ipywidgets_js: {}`): nothing could read it,
and its random model ids would make every build differ.

The theme's and the extensions' stylesheets come to every page as one file, written once every page is written,
without the rules no page or script of the book can use (`coursekit.book.purge_css`; the result is kept under the
doctrees, so a build with nothing new reuses it); the theme's scripts as one file too; Sphinx's documentation
options inline (book/_templates/layout.html).
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx

# Asset file name -> text whose presence in a page's body means the page needs it.
NEEDED_WHEN = {
    "copybutton.js": 'class="highlight',
    "clipboard.min.js": 'class="highlight',
    "togglebutton.js": "toggle",
    "design-tabs.js": "sd-tab-set",
}
SEARCH_ONLY = ("doctools.js", "sphinx_highlight.js")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _name(asset) -> str:
    return (getattr(asset, "filename", asset) or "").split("?")[0].rsplit("/", 1)[-1]


def _needed(asset, pagename: str, body: str, widgets: bool) -> bool:
    if getattr(asset, "attributes", {}).get("type") == WIDGET_STATE:
        return widgets
    name = _name(asset)
    if _bundled(name):
        return False
    if name in SEARCH_ONLY:
        return pagename == "search"
    return name not in NEEDED_WHEN or NEEDED_WHEN[name] in body


def prune_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body", "")
    widgets = bool(getattr(app.config, "nb_ipywidgets_js", None))
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if _needed(asset, pagename, body, widgets)]


# Under `_static/`: what goes into the one stylesheet every page links (in this order, each if the build has it;
# `*` as in a glob), and the scripts joined into the one theme script (see book/_templates/static/webpack-macros.html).
BUNDLE_CSS = (
    "basic.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "pygments.css", "copybutton.css",
    "togglebutton.css", "sphinx-design.min.css", "mystnb.*.css", "course.css",
)
BUNDLE_JS = ("scripts/pydata-sphinx-theme.js", "scripts/sphinx-book-theme.js")
THEME_CSS, THEME_JS = "styles/course-theme.css", "scripts/course-theme.js"
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def _bundled(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern.rsplit("/", 1)[-1]) for pattern in BUNDLE_CSS + BUNDLE_JS) or (
        name == "documentation_options.js"
    )


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_bundles(app: Sphinx, exception: Exception | None) -> None:
    """Write the theme's one stylesheet (purged of rules no page or script uses) and its one script."""
    from coursekit.book.purge_css import purge, used_words

    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    scripts = [SOURCE_MAP.sub("", (static / name).read_text(encoding="utf-8")) for name in BUNDLE_JS]
    _write_if_changed(static / THEME_JS, "\n".join(scripts))
    css = "\n".join(
        path.read_text(encoding="utf-8") for pattern in BUNDLE_CSS for path in sorted(static.glob(pattern))
    )
    out = Path(app.outdir)
    pages = [path.read_text(encoding="utf-8") for path in out.rglob("*.html") if "_static" not in path.parts]
    used = used_words(pages, [path.read_text(encoding="utf-8") for path in static.rglob("*.js")])
    key = hashlib.sha256("\n".join([css, *sorted(used)]).encode()).hexdigest()[:20]
    cache = Path(app.doctreedir) / "coursekit-theme-css"
    saved = cache / f"{key}.css"
    if not saved.is_file():
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir(parents=True)
        saved.write_text(purge(css, used), encoding="utf-8")
    _write_if_changed(static / THEME_CSS, saved.read_text(encoding="utf-8"))


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", prune_assets, priority=900)
    # Late: the theme rewrites pygments.css when the build finishes.
    app.connect("build-finished", write_bundles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
