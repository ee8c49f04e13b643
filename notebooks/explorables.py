"""The lessons' explorables (imported by the notebooks beside this file): small widgets a learner can
play with in JupyterLab, each with a static HTML view for the book."""

from __future__ import annotations

import anywidget
import traitlets
from figures import relative_flow

from coursekit.quizzes.fresh_install import for_this_page
from coursekit.quizzes.quiz_assets import notebook_script

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


_FLOW_ESM = notebook_script() + """
function render({ model, el }) {
  el.innerHTML = '<div class="coursekit-explorer"><label>Narrowing of the vessel (%) ' +
    '<input type="range" min="0" max="90" step="5"></label> <output></output>' +
    '<div class="coursekit-flow-bar" aria-hidden="true"><span></span></div><p aria-live="polite"></p></div>';
  keepKeys(el);
  saveStatic(model.widget_manager);
  var slider = el.querySelector("input");
  function show() {
    var narrowing = model.get("narrowing");
    slider.value = String(narrowing);
    slider.setAttribute("aria-valuetext", narrowing + "% narrower");
    el.querySelector("output").textContent = narrowing + "%";
    el.querySelector(".coursekit-flow-bar span").style.width = model.get("flow") + "%";
    el.querySelector("p").textContent = model.get("text");
  }
  slider.addEventListener("input", function () {
    model.set("narrowing", Number(slider.value));
    model.save_changes();
  });
  model.on("change:text", show);
  show();
}
export default { render };
"""

_FLOW_CSS = """
.coursekit-explorer input[type="range"] { vertical-align: middle; width: min(20rem, 60vw); }
.coursekit-flow-bar { max-width: 20rem; height: 0.75rem; border: 1px solid currentColor; margin: 0.5rem 0; }
.coursekit-flow-bar span { display: block; height: 100%; background: currentColor; }
"""


class FlowExplorer(anywidget.AnyWidget):
    """A named slider for narrowing (%) and the flow left, keys kept in it; in a static page, a table."""

    _esm = _FLOW_ESM
    _css = _FLOW_CSS
    narrowing = traitlets.Int(0).tag(sync=True)
    flow = traitlets.Float(100.0).tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)

    def __init__(self, narrowing: int = 0):
        super().__init__(narrowing=narrowing)
        self._update()

    @traitlets.observe("narrowing")
    def _update(self, _change: dict | None = None) -> None:
        self.flow = 100 * relative_flow(self.narrowing)
        self.text = _flow_text(self.narrowing)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        return for_this_page({**bundle, "text/html": flow_table_html()})


def flow_explorer() -> FlowExplorer:
    """Narrowing of a blood vessel against the flow left: live in JupyterLab, a table in the book."""
    return FlowExplorer()
