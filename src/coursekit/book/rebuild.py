"""Sphinx extension: every edit reaches the book, and only the pages that show it are built again.

Before a page is read (and its notebook executed, `execute_notebooks: force`), the environment variable
of `coursekit.dependencies` names a fresh file; the engine lists there the content files and modules the
page's outputs were made from. Each becomes a Sphinx dependency of the page, so a later build re-reads,
and so re-executes, exactly the pages whose files changed. A folder stands for its files, and a file added
to or removed from it also re-reads the page.

Every page also shows what it links to (page titles, the table of contents, glossary terms, the bibliography's
entries) and is shaped by the engine code Sphinx runs (the coursekit extensions) and the static files. When
what pages link to changes, every page is written again; that code and the static files are hashed into an
HTML config value, so a change to them does the same. Neither executes a notebook.

An interrupted build is finished by the next one: a page whose doctree is newer than its HTML was read but
not written, and the state of what pages link to is kept only once a build has written every page.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from coursekit.dependencies import ENGINE, ENV


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def start_recording(app: Sphinx, docname: str, source: list[str]) -> None:
    record = Path(app.doctreedir) / "coursekit-dependencies" / f"{docname}.txt"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.unlink(missing_ok=True)
    os.environ[ENV] = str(record)


def note_recorded_dependencies(app: Sphinx, doctree) -> None:
    env = app.env
    record = Path(os.environ.pop(ENV, ""))
    if not record.is_file():
        return
    for used in sorted({Path(line) for line in record.read_text(encoding="utf-8").splitlines()}):
        if used.is_dir():
            env.coursekit_folders.setdefault(env.docname, {})[str(used)] = _names(used)
            for file in sorted(used.rglob("*")):
                if file.is_file():
                    env.note_dependency(str(file))
        elif used.is_file():
            env.note_dependency(str(used))
    record.unlink()


def pages_with_changed_folders(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    return [
        docname
        for docname, folders in env.coursekit_folders.items()
        if any(_names(Path(folder)) != names for folder, names in folders.items())
    ]


def init_folders(app: Sphinx) -> None:
    if not hasattr(app.env, "coursekit_folders"):
        app.env.coursekit_folders = {}


def purge_folders(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.coursekit_folders.pop(docname, None)


def merge_folders(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    env.coursekit_folders.update({d: f for d, f in other.coursekit_folders.items() if d in docnames})


def _linked(app: Sphinx, env: BuildEnvironment) -> str:
    """A digest of what every page links to: titles, tables of contents, glossary terms, bibliography files."""
    titles = [f"{docname}: {title.astext()}" for docname, title in sorted(env.titles.items())]
    toctrees = [node.pformat() for docname in sorted(env.tocs) for node in env.tocs[docname].findall(addnodes.toctree)]
    objects = env.domaindata.get("std", {}).get("objects", {})
    terms = [f"{name}: {place}" for (kind, name), place in sorted(objects.items()) if kind == "term"]
    digest = hashlib.sha256("\n".join(titles + toctrees + terms).encode())
    for bib in getattr(app.config, "bibtex_bibfiles", None) or []:
        path = Path(app.confdir, bib)
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _linked_record(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "coursekit-linked.txt"


def all_pages_when_links_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    record = _linked_record(app)
    app.coursekit_linked = _linked(app, env)
    changed = record.is_file() and record.read_text(encoding="utf-8") != app.coursekit_linked
    return sorted(env.found_docs) if changed else []


def keep_links_state(app: Sphinx, exception: Exception | None) -> None:
    """After a build that wrote every page, what they link to is the state the next build compares with."""
    if exception is None and hasattr(app, "coursekit_linked"):
        _linked_record(app).write_text(app.coursekit_linked, encoding="utf-8")


def pages_read_but_not_written(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose doctree is newer than their HTML: an interrupted build read them and never wrote them."""
    if app.builder.format != "html" or not hasattr(app.builder, "get_outfilename"):
        return []
    unwritten = []
    for docname in sorted(env.found_docs & set(env.all_docs)):
        doctree = Path(app.doctreedir, f"{docname}.doctree")
        page = Path(app.builder.get_outfilename(docname))
        if doctree.is_file() and (not page.is_file() or page.stat().st_mtime_ns < doctree.stat().st_mtime_ns):
            unwritten.append(docname)
    return unwritten


def page_inputs_digest(app: Sphinx, config: Config) -> None:
    """Hash the engine modules loaded by Sphinx (the extensions and what they import) and every static file
    (the book's and the engine's) into `coursekit_page_inputs`."""
    modules = sorted(name for name in sys.modules if name == "coursekit" or name.startswith("coursekit."))
    files = [Path(sys.modules[name].__file__) for name in modules if getattr(sys.modules[name], "__file__", None)]
    engine_static = ENGINE / "quizzes" / "static"
    folders = {Path(app.confdir, folder).resolve() for folder in config.html_static_path} | {engine_static}
    for folder in sorted(folders):
        files += sorted(path for path in folder.rglob("*") if path.is_file())
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    config.coursekit_page_inputs = digest.hexdigest()


def setup(app: Sphinx) -> dict:
    app.add_config_value("coursekit_page_inputs", "", "html")
    app.connect("config-inited", page_inputs_digest, priority=900)
    app.connect("builder-inited", init_folders)
    app.connect("env-get-outdated", pages_with_changed_folders)
    app.connect("env-purge-doc", purge_folders)
    app.connect("env-merge-info", merge_folders)
    app.connect("env-get-updated", all_pages_when_links_changed)
    app.connect("env-updated", pages_read_but_not_written)
    app.connect("build-finished", keep_links_state)
    app.connect("source-read", start_recording)
    app.connect("doctree-read", note_recorded_dependencies)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
