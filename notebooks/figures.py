"""The lessons' figures (imported by the notebooks beside this file), drawn with matplotlib in a fixed
style: no pyplot, no files, no randomness.

Each function returns a `Png`, which notebooks display as an HTML `<img>` carrying its alt text, so
JupyterLab and the book show the same image and the same description. Captions live in the notebook
cell's metadata, where the book reads them.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from PIL import Image

import coursekit.course

STYLE = {"font.size": 11, "font.family": "DejaVu Sans", "axes.titlesize": 12}
INK, BLUE, ORANGE, RED, GREY = "#1a1a1a", "#1f5fa8", "#a34a00", "#b00020", "#5a5a5a"


@dataclass(frozen=True)
class Png:
    """A rendered figure: palette PNG bytes, its pixel size, its alt text, and a one-line text summary."""

    data: bytes
    size: tuple[int, int]
    alt: str
    summary: str

    def _repr_html_(self) -> str:
        source = "data:image/png;base64," + base64.b64encode(self.data).decode("ascii")
        width, height = self.size
        return (f'<img src="{source}" alt="{html.escape(self.alt, quote=True)}" width="{width}" height="{height}"'
                ' style="max-width: 100%; height: auto">')

    def __repr__(self) -> str:
        return self.summary


def _png(figure: Figure, summary: str, alt: str) -> Png:
    """The figure as a palette PNG: flat colours and text need few colours, and the page loads ~70% less."""
    rendered, small = io.BytesIO(), io.BytesIO()
    figure.savefig(rendered, format="png", dpi=110, metadata={"Software": None})
    image = Image.open(rendered).convert("RGB").quantize(colors=48, method=Image.Quantize.MEDIANCUT)
    image.save(small, format="PNG", optimize=True)
    return Png(small.getvalue(), image.size, alt, summary)


def _styled(draw: Callable[[], Png]) -> Callable[[], Png]:
    """Draw with the fixed course style, whatever the notebook's matplotlib settings are."""

    @functools.wraps(draw)
    def wrapper() -> Png:
        with rc_context(STYLE):
            return draw()

    return wrapper


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _canvas(width: float, height: float):
    """A figure with one blank axes spanning 0..1 both ways, for drawings placed by hand."""
    figure = _figure(width, height)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return figure, ax


def relative_flow(narrowing_percent: float) -> float:
    """Flow left through a tube whose inside diameter is narrowed by `narrowing_percent`, as a fraction.

    Poiseuille's law: at the same pressure, flow scales with the fourth power of the radius.
    """
    return (1 - narrowing_percent / 100) ** 4


def _card(ax, x: float, title: str, rows: list[tuple[str, str]], colour: str) -> None:
    ax.add_patch(FancyBboxPatch((x, 0.02), 0.47, 0.96, boxstyle="round,pad=0.005", fc="white", ec=colour, lw=2.5))
    ax.text(x + 0.235, 0.92, title, ha="center", va="center", color=colour, weight="bold", fontsize=12)
    y = 0.80
    for label, text in rows:
        ax.text(x + 0.02, y, label, ha="left", va="top", color=INK, weight="bold", fontsize=10)
        ax.text(x + 0.02, y - 0.055, text, ha="left", va="top", color=INK, fontsize=10, linespacing=1.3)
        y -= 0.19


@_styled
def claudication() -> Png:
    """Vascular and neurogenic claudication side by side: where it hurts, what brings it on and eases it, tests."""
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
    return _png(figure, "Figure: vascular vs neurogenic claudication", (
        "Two boxes side by side. Left, vascular claudication from PAD: cramping pain in the calf, sometimes the "
        "thigh or buttock; brought on by walking a fairly set distance; eased by standing still for a few minutes; "
        "a check finds weak foot pulses and a low ankle-brachial index. Right, neurogenic claudication from spinal "
        "stenosis: pain, numbness or tingling in the low back, buttock and leg; brought on by standing or walking "
        "upright; eased by sitting or bending forward, as when leaning on a shopping cart; a check finds normal "
        "foot pulses and ABI and a narrow spinal canal on a scan."))


@_styled
def flow_vs_narrowing() -> Png:
    """Relative flow against narrowing of the inside diameter, by Poiseuille's law."""
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
    return _png(figure, "Figure: flow vs narrowing", (
        "A line chart. The horizontal axis shows how much narrower a tube is, from 0 to 90 percent. The vertical "
        "axis shows the flow left, from 100 percent down to 0. The line drops steeply: 10 percent narrower leaves "
        "66 percent of the flow, 25 percent narrower leaves 32 percent, and 50 percent narrower leaves 6 percent."))


@_styled
def abi_bands() -> Png:
    """The ankle-brachial index on a number line, with the 0.90 cut-off for PAD marked."""
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
    return _png(figure, "Figure: ankle-brachial index bands", (
        "A number line from 0.3 to 1.4 labelled ankle-brachial index. The part up to 0.90 is shaded and labelled: "
        "0.90 or lower suggests PAD. The part above 0.90 is labelled: PAD less likely. A marker at 0.80 shows an "
        "example: an ankle pressure of 108 divided by an arm pressure of 135."))


TIER_COLOURS = (RED, ORANGE, BLUE)


def urgency_rows(red_flags) -> list[tuple[str, list[str]]]:
    """Each tier's title and the short phrases of its signs that appear in the figure."""
    return [(tier.title, [s.figure for s in red_flags.in_tier(tier.id) if s.figure]) for tier in red_flags.tiers]


def urgency_alt(red_flags) -> str:
    """The urgency figure described in words, from the same data it is drawn from."""
    boxes = [f"Box {i}, {title}: {'; '.join(signs)}." for i, (title, signs) in enumerate(urgency_rows(red_flags), 1)]
    return f"{len(boxes)} stacked boxes, most urgent first. " + " ".join(boxes)


@_styled
def urgency_tiers() -> Png:
    """The tiers of care, from emergency to a routine appointment, with their signs (content/red-flags.yml)."""
    red_flags = coursekit.course.current_course().red_flags
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
    return _png(figure, "Figure: urgency tiers", urgency_alt(red_flags))
