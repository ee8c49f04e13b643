"""The lessons' figures (notebooks/figures.py): SVG files drawn at build time, shown at run time with no plotting."""

from __future__ import annotations

import subprocess
import sys

from conftest import CONTENT, ROOT
from coursekit.course import load_course

NOTEBOOKS = ROOT / "notebooks"
SHOW_EVERY_FIGURE = """
import sys
import figures
shown = [figures.flow_vs_narrowing(), figures.abi_bands(), figures.claudication(), figures.urgency_tiers()]
print("\\n".join(figure._repr_html_() for figure in shown))
print(sorted(name for name in ("matplotlib", "PIL", "numpy") if name in sys.modules))
"""


def run_in(folder, code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(NOTEBOOKS), "COURSEKIT_CONTENT": str(CONTENT), "PATH": ""})
    return done.stdout.splitlines()


def test_a_lesson_shows_each_figure_from_its_file_without_plotting_libraries() -> None:
    *images, imported = run_in(NOTEBOOKS, SHOW_EVERY_FIGURE)
    assert imported == "[]"
    assert len(images) == 4
    for html in images:
        assert html.startswith('<img src="images/') and ".svg?v=" in html and 'alt="' in html, html
        assert 'width="' in html and 'height="' in html


def test_a_lesson_downloaded_alone_gets_the_figure_inside_the_page(tmp_path) -> None:
    *images, _ = run_in(tmp_path, SHOW_EVERY_FIGURE)
    assert all(html.startswith('<img src="data:image/svg+xml;base64,') for html in images)


def test_the_shipped_files_are_what_the_drawing_code_draws_now(tmp_path) -> None:
    sys.path.insert(0, str(NOTEBOOKS))
    import figures

    figures.draw_all(tmp_path, load_course(CONTENT).red_flags)
    for drawn in sorted(tmp_path.glob("*.svg")):
        shipped = NOTEBOOKS / "images" / drawn.name
        assert shipped.read_text(encoding="utf-8") == drawn.read_text(encoding="utf-8"), (
            f"{shipped} is out of date: run `make book`, which draws it again"
        )
    assert sorted(path.name for path in tmp_path.glob("*.svg")) == sorted(
        path.name for path in (NOTEBOOKS / "images").glob("*.svg")
    )
