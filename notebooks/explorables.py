"""The lessons' explorables (imported by the notebooks beside this file): small widgets a learner can
play with in JupyterLab, each with a static HTML view for the book."""

from __future__ import annotations

import ipywidgets as widgets
from figures import relative_flow

TABLE_STEPS = (0, 10, 20, 30, 40, 50, 60, 70, 80, 90)


def _flow_text(narrowing: int) -> str:
    return f"{narrowing}% narrower: {100 * relative_flow(narrowing):.1f}% of the normal flow gets through."


def flow_table_html() -> str:
    """Narrowing against flow left, as an accessible table (what the book shows)."""
    rows = "".join(
        f"<tr><th scope=\"row\">{n}%</th><td>{100 * relative_flow(n):.1f}%</td></tr>" for n in TABLE_STEPS
    )
    return (
        '<table class="coursekit-explorable">'
        "<caption>Flow left when the inside of a tube gets narrower (Poiseuille's law, same pressure)</caption>"
        '<thead><tr><th scope="col">Narrower by</th><th scope="col">Flow left</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


class FlowExplorer(widgets.VBox):
    """A slider for narrowing (%) and the flow left; in a static page, a table of the same numbers."""

    def __init__(self, narrowing: int = 0):
        self.slider = widgets.IntSlider(
            value=narrowing, min=0, max=90, step=5, description="Narrowing", readout_format="d",
            style={"description_width": "initial"},
        )
        self.result = widgets.HTML(_flow_text(narrowing))
        self.bar = widgets.FloatProgress(value=100 * relative_flow(narrowing), min=0, max=100,
                                         description="Flow left", style={"description_width": "initial"})
        self.slider.observe(self._update, names="value")
        super().__init__([self.slider, self.bar, self.result])

    def _update(self, change: dict) -> None:
        self.result.value = _flow_text(change["new"])
        self.bar.value = 100 * relative_flow(change["new"])

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        return {**bundle, "text/html": flow_table_html()}


def flow_explorer() -> FlowExplorer:
    """Narrowing of a blood vessel against the flow left: live in JupyterLab, a table in the book."""
    return FlowExplorer()
