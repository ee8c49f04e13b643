"""Build one edition of the book, quietly: `python -m coursekit.publish.build [learner|instructor]`.

Runs Jupyter Book 1.x's Sphinx build on `_config.yml` and `_toc.yml` with warnings as errors (`-W -n
--keep-going`), the learner edition into `_build/html` and the instructor edition (Sphinx tag
`instructor`, see `coursekit.book.editions`) into `_build/instructor/html`. Sphinx's progress lines are not
shown; warnings and errors are, and `coursekit.book.build_report` says what was built and where to open it.
The notebooks' kernels' warning about unencrypted TCP is not shown: they listen on 127.0.0.1 only, for
this build. The course's wheel (`make book` builds it into `_build/wheel`) is copied to the book's root,
even when no page changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from coursekit.book.editions import INSTRUCTOR_TAG

ROOT = Path.cwd()
OUTPUT = {"learner": Path("_build/html"), "instructor": Path("_build/instructor/html")}
WHEELS = Path("_build/wheel")
KERNEL_TCP_WARNING = b"Kernel is running over TCP without encryption"


@contextmanager
def without_kernel_tcp_warning():
    """Pass everything written to stderr (this process and its kernels) through, but the kernel TCP warning."""
    read_end, write_end = os.pipe()
    saved = os.dup(2)
    os.dup2(write_end, 2)
    os.close(write_end)

    def copy() -> None:
        with os.fdopen(read_end, "rb") as lines:
            for line in lines:
                if KERNEL_TCP_WARNING not in line:
                    os.write(saved, line)

    thread = threading.Thread(target=copy, daemon=True)
    thread.start()
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        thread.join(timeout=10)
        os.close(saved)


def build(edition: str, source: Path = ROOT) -> int:
    """Build `edition` of the book in `source`; return Sphinx's status code (0: no warning, no error)."""
    # jsonschema (which jupyter-book imports) compiles 38 grammars on import for its optional IRI format checker
    # when rfc3987-syntax is installed (a Jupyter server dependency): about 3 s of CPU on every build, even one
    # with nothing to do. No schema the build checks has an IRI format.
    sys.modules.setdefault("rfc3987_syntax", None)
    from jupyter_book.sphinx import build_sphinx

    overrides = {
        "external_toc_path": (source / "_toc.yml").as_posix(),
        "nitpicky": True,
        "latex_individualpages": False,
    }
    with without_kernel_tcp_warning():
        result = build_sphinx(
            source, source / OUTPUT[edition], noconfig=True, path_config=str(source / "_config.yml"),
            confoverrides=overrides, tags=[INSTRUCTOR_TAG] if edition == "instructor" else [],
            warningiserror=True, keep_going=True, quiet=True,
        )
    if isinstance(result, BaseException):
        return 1
    if result == 0:
        publish_wheels(source / WHEELS, source / OUTPUT[edition])
    return result


def publish_wheels(wheels: Path, book: Path) -> None:
    """Replace the wheels at the book's root with those in `wheels`."""
    for old in book.glob("*.whl"):
        old.unlink()
    for wheel in wheels.glob("*.whl"):
        shutil.copy2(wheel, book)


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the learner or the instructor edition of the book.")
    parser.add_argument("edition", nargs="?", choices=sorted(OUTPUT), default="learner")
    sys.exit(build(parser.parse_args().edition))


if __name__ == "__main__":
    main()
