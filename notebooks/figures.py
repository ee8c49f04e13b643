"""The lessons' figures: drawn with matplotlib at build time into SVG files, shown from those files at run time.

A lesson calls `figures.flow_vs_narrowing()` and the like; each returns an `Svg`, which notebooks display as
an HTML `<img>` of the figure's file (`images/<name>.svg` beside the notebooks, with a version so browsers
cache it) carrying its alt text, so JupyterLab and the book show the same image and the same description.
Showing a figure needs no plotting library; where the `images/` folder is not beside the notebook (a lesson
downloaded alone), the image comes inside the page from the copy installed with the course.

The book's build draws the files (this module is also a Sphinx extension, listed in `_config.yml`): when this
file or the red flags changed since the last drawing, every figure is drawn again in a fixed style (no pyplot,
no randomness, no timestamps), and the book gets a copy of the folder. Captions live in the notebook cell's
metadata, where the book reads them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import coursekit.course

IMAGES = "images"
# Text stays text in the SVG files (a fifth of the size of drawn glyphs); where DejaVu Sans is missing, a font of
# similar width stands in.
STYLE = {"font.size": 11, "font.family": "DejaVu Sans", "axes.titlesize": 12, "svg.hashsalt": "coursekit",
         "svg.fonttype": "none"}
FONTS = ("font-family: 'DejaVu Sans'", "font-family: 'DejaVu Sans', Verdana, sans-serif")
INK, BLUE, ORANGE, RED, GREY = "#1a1a1a", "#1f5fa8", "#a34a00", "#b00020", "#5a5a5a"


@dataclass(frozen=True)
class Svg:
    """A figure drawn at build time: its file's name (`images/<name>.svg`), its alt text and a one-line summary."""

    name: str
    alt: str
    summary: str

    def data(self) -> bytes:
        """The SVG file: beside this module in the course's folder, else as installed with the course."""
        beside = Path(__file__).with_name(IMAGES) / f"{self.name}.svg"
        if beside.is_file():
            return beside.read_bytes()
        return resources.files("coursekit.images").joinpath(f"{self.name}.svg").read_bytes()

    def _repr_html_(self) -> str:
        data = self.data()
        size = re.search(rb'<svg [^>]*width="([\d.]+)pt" height="([\d.]+)pt"', data)
        width, height = (round(float(n) * 4 / 3) for n in size.groups())
        if (Path.cwd() / IMAGES / f"{self.name}.svg").is_file():
            source = f"{IMAGES}/{self.name}.svg?v={hashlib.sha256(data).hexdigest()[:10]}"
        else:
            source = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        return (f'<img src="{source}" alt="{html.escape(self.alt, quote=True)}" width="{width}" height="{height}"'
                ' style="max-width: 100%; height: auto">')

    def __repr__(self) -> str:
        return self.summary


def relative_flow(narrowing_percent: float) -> float:
    """Flow left through a tube whose inside diameter is narrowed by `narrowing_percent`, as a fraction.

    Poiseuille's law: at the same pressure, flow scales with the fourth power of the radius.
    """
    return (1 - narrowing_percent / 100) ** 4


def claudication() -> Svg:
    """Vascular and neurogenic claudication side by side: where it hurts, what brings it on and eases it, tests."""
    return Svg("claudication", (
        "Two boxes side by side. Left, vascular claudication from PAD: cramping pain in the calf, sometimes the "
        "thigh or buttock; brought on by walking a fairly set distance; eased by standing still for a few minutes; "
        "a check finds weak foot pulses and a low ankle-brachial index. Right, neurogenic claudication from spinal "
        "stenosis: pain, numbness or tingling in the low back, buttock and leg; brought on by standing or walking "
        "upright; eased by sitting or bending forward, as when leaning on a shopping cart; a check finds normal "
        "foot pulses and ABI and a narrow spinal canal on a scan."), "Figure: vascular vs neurogenic claudication")


def flow_vs_narrowing() -> Svg:
    """Relative flow against narrowing of the inside diameter, by Poiseuille's law."""
    return Svg("flow-vs-narrowing", (
        "A line chart. The horizontal axis shows how much narrower a tube is, from 0 to 90 percent. The vertical "
        "axis shows the flow left, from 100 percent down to 0. The line drops steeply: 10 percent narrower leaves "
        "66 percent of the flow, 25 percent narrower leaves 32 percent, and 50 percent narrower leaves 6 percent."),
        "Figure: flow vs narrowing")


def abi_bands() -> Svg:
    """The ankle-brachial index on a number line, with the 0.90 cut-off for PAD marked."""
    return Svg("abi-bands", (
        "A number line from 0.3 to 1.4 labelled ankle-brachial index. The part up to 0.90 is shaded and labelled: "
        "0.90 or lower suggests PAD. The part above 0.90 is labelled: PAD less likely. A marker at 0.80 shows an "
        "example: an ankle pressure of 108 divided by an arm pressure of 135."), "Figure: ankle-brachial index bands")


TIER_COLOURS = (RED, ORANGE, BLUE)


def urgency_rows(red_flags) -> list[tuple[str, list[str]]]:
    """Each tier's title and the short phrases of its signs that appear in the figure."""
    return [(tier.title, [s.figure for s in red_flags.in_tier(tier.id) if s.figure]) for tier in red_flags.tiers]


def urgency_alt(red_flags) -> str:
    """The urgency figure described in words, from the same data it is drawn from."""
    boxes = [f"Box {i}, {title}: {'; '.join(signs)}." for i, (title, signs) in enumerate(urgency_rows(red_flags), 1)]
    return f"{len(boxes)} stacked boxes, most urgent first. " + " ".join(boxes)


def urgency_tiers() -> Svg:
    """The tiers of care, from emergency to a routine appointment, with their signs (content/red-flags.yml)."""
    return Svg("urgency-tiers", urgency_alt(coursekit.course.current_course().red_flags), "Figure: urgency tiers")


# Drawing, at build time only (matplotlib is imported here, not when a lesson shows a figure).


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _canvas(width: float, height: float):
    """A figure with one blank axes spanning 0..1 both ways, for drawings placed by hand."""
    figure = _figure(width, height)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return figure, ax


def _card(ax, x: float, title: str, rows: list[tuple[str, str]], colour: str) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x, 0.02), 0.47, 0.96, boxstyle="round,pad=0.005", fc="white", ec=colour, lw=2.5))
    ax.text(x + 0.235, 0.92, title, ha="center", va="center", color=colour, weight="bold", fontsize=12)
    y = 0.80
    for label, text in rows:
        ax.text(x + 0.02, y, label, ha="left", va="top", color=INK, weight="bold", fontsize=10)
        ax.text(x + 0.02, y - 0.055, text, ha="left", va="top", color=INK, fontsize=10, linespacing=1.3)
        y -= 0.19


def _draw_claudication(red_flags):
    figure, ax = _canvas(9.5, 5.2)
    _card(ax, 0.01, "Vascular claudication (PAD)", [
        ("Where it hurts", "Calf, sometimes thigh or buttock;\ncramping muscle pain"),
        ("Brought on by", "Walking a fairly set distance"),
        ("Eased by", "Standing still for a few minutes"),
        ("What a check finds", "Weak foot pulses; low\nankle-brachial index (ABI)"),
    ], BLUE)
    _card(ax, 0.52, "Neurogenic claudication (stenosis)", [
        ("Where it hurts", "Low back, buttock and leg;\npain, numbness or tingling"),
        ("Brought on by", "Standing or walking upright"),
        ("Eased by", "Sitting or bending forward\n(leaning on a shopping cart)"),
        ("What a check finds", "Normal foot pulses and ABI;\nnarrow spinal canal on a scan"),
    ], ORANGE)
    return figure


def _draw_flow_vs_narrowing(red_flags):
    figure = _figure(7.5, 4.2)
    ax = figure.add_subplot()
    narrowing = [n / 2 for n in range(0, 181)]
    ax.plot(narrowing, [100 * relative_flow(n) for n in narrowing], color=BLUE, lw=2.5)
    for point in (10, 25, 50):
        flow = 100 * relative_flow(point)
        ax.plot([point], [flow], "o", color=INK)
        ax.annotate(f"{point}% narrower: {flow:.0f}% of the flow", (point, flow), xytext=(point + 3, flow + 8),
                    color=INK, fontsize=10)
    ax.set_xlabel("How much narrower the inside of the tube is (% of its diameter)")
    ax.set_ylabel("Flow left (% of normal)")
    ax.set_xlim(0, 90)
    ax.set_ylim(0, 105)
    ax.grid(True, color="#d0d0d0", lw=0.8)
    ax.set_title("Flow falls with the fourth power of the radius", color=INK)
    return figure


def _draw_abi_bands(red_flags):
    figure = _figure(8.5, 3.0)
    ax = figure.add_subplot()
    ax.axvspan(0.3, 0.90, color="#f3d6c2", hatch="//", ec=ORANGE, lw=0)
    ax.axvspan(0.90, 1.4, color="#d6e4f5", ec=BLUE, lw=0)
    ax.axvline(0.90, color=INK, lw=2)
    ax.text(0.60, 0.70, "0.90 or lower:\nsuggests PAD", ha="center", va="center", color=INK, weight="bold",
            transform=ax.get_xaxis_transform())
    ax.text(1.15, 0.70, "Above 0.90:\nPAD less likely", ha="center", va="center", color=INK, weight="bold",
            transform=ax.get_xaxis_transform())
    ax.plot([0.80], [0.30], "v", color=INK, ms=10, transform=ax.get_xaxis_transform())
    ax.text(0.78, 0.12, "Example: 108 / 135 = 0.80", ha="right", color=INK, transform=ax.get_xaxis_transform())
    ax.set_xlim(0.3, 1.4)
    ax.set_yticks([])
    ax.set_xlabel("Ankle-brachial index = ankle blood pressure / arm blood pressure")
    return figure


def _draw_urgency_tiers(red_flags):
    from matplotlib.patches import FancyBboxPatch

    rows = [(title, textwrap.wrap("; ".join(signs), 105)) for title, signs in urgency_rows(red_flags)]
    heights = [0.8 + 0.3 * len(lines) for _, lines in rows]
    total = sum(heights) + 0.15 * len(rows)
    figure, ax = _canvas(9.5, total)
    top = 1.0
    for i, ((title, lines), height) in enumerate(zip(rows, heights, strict=True)):
        box = height / total
        bottom = top - box
        colour = TIER_COLOURS[i % len(TIER_COLOURS)]
        ax.add_patch(FancyBboxPatch((0.01, bottom + 0.01), 0.98, box - 0.02, boxstyle="round,pad=0.005", fc="white",
                                    ec=colour, lw=3))
        ax.text(0.03, top - 0.35 / total, f"{i + 1}. {title}", color=colour, weight="bold", fontsize=12,
                va="center")
        ax.text(0.03, top - 0.6 / total, "\n".join(lines), color=INK, fontsize=10, va="top", linespacing=1.4)
        top = bottom - 0.15 / total
    return figure


DRAWINGS = {
    "claudication": _draw_claudication, "flow-vs-narrowing": _draw_flow_vs_narrowing, "abi-bands": _draw_abi_bands,
    "urgency-tiers": _draw_urgency_tiers,
}


def draw_all(folder: Path, red_flags) -> list[str]:
    """Draw every figure as `folder/<name>.svg`, rewriting only files that changed; return the names rewritten."""
    import io

    from matplotlib import rc_context

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in DRAWINGS.items():
        with rc_context(STYLE):
            out = io.StringIO()
            draw(red_flags).savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        svg = out.getvalue().replace(*FONTS)
        path = folder / f"{name}.svg"
        if not path.is_file() or path.read_text(encoding="utf-8") != svg:
            path.write_text(svg, encoding="utf-8")
            written.append(name)
    return written


# The book's build (Sphinx): draw the figures of the book being built, with its own copy of this module.


def _book_figures(app):
    """This module as the book at `app.srcdir` has it (a copy being edited draws its own figures)."""
    path = Path(app.srcdir) / "notebooks" / "figures.py"
    if path.resolve() == Path(__file__).resolve():
        return sys.modules[__name__]
    spec = importlib.util.spec_from_file_location("_book_figures", path)
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _draw_for_book(app, config) -> None:
    source = Path(app.srcdir)
    content = coursekit.course.content_dir(source)
    drawn_from = [source / "notebooks" / "figures.py", content / "red-flags.yml"]
    stamp = Path(app.doctreedir) / "figures.stamp"
    key = hashlib.sha256(b"".join(path.read_bytes() for path in drawn_from)).hexdigest()
    folder = source / "notebooks" / IMAGES
    drawn = all((folder / f"{name}.svg").is_file() for name in DRAWINGS)
    if drawn and stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return
    course = coursekit.course.load_course(content)
    _book_figures(app).draw_all(folder, course.red_flags)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key, encoding="utf-8")


def _copy_to_book(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "notebooks" / IMAGES
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted((Path(app.srcdir) / "notebooks" / IMAGES).glob("*.svg")):
        copy = target / path.name
        if not copy.is_file() or copy.read_bytes() != path.read_bytes():
            shutil.copyfile(path, copy)


def setup(app) -> dict:
    app.connect("config-inited", _draw_for_book)
    app.connect("build-finished", _copy_to_book)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
