/* What every lesson widget does in a notebook (the quiz, the explorables). Uses `root` (window).

   Keys typed in a lesson widget are the widget's, not the notebook's shortcuts. JupyterLab hears keys after the widget (Lumino's `bubblingKeydown`), so stopping them in the
   widget is enough there; Notebook 7 hears them first, in the capture phase on `document`, so a capture
   listener on `window` (earlier still) marks the key's target `data-lm-suppress-shortcuts`, which Lumino's
   CommandRegistry honours. Escape leaves the widget: focus goes back to its cell, where the notebook's
   shortcuts work again. */
function keepKeys(el) {
  el.setAttribute("data-coursekit-keys", "");
  el.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      event.stopPropagation();
      return;
    }
    var cell = el.closest(".jp-Cell") || el.closest(".jp-Notebook");
    if (cell) cell.focus();
  });
  if (root.coursekitKeys) return;
  root.coursekitKeys = true;
  root.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target || !target.closest || !target.closest("[data-coursekit-keys]")) return;
    if (event.key === "Escape") target.removeAttribute("data-lm-suppress-shortcuts");
    else target.setAttribute("data-lm-suppress-shortcuts", "");
  }, true);
}

/* A saved notebook keeps each lesson output's static HTML, not its widget view: reopened, the widget's
   model is gone (no kernel, no saved widget state), and JupyterLab and Notebook 7 would show "Error
   displaying widget: model not found" instead of the readable quiz and its run-this-cell hint. What they
   save is the notebook model's `toJSON()` (`model.widget_manager.context`, ipywidgets' public API); copies
   of the outputs that carry coursekit HTML leave the view out there. The live outputs are untouched. */
var WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

function withoutView(output) {
  var data = output.data || {};
  var html = [].concat(data["text/html"] || []).join("");
  if (!data[WIDGET_VIEW] || html.indexOf('class="coursekit-') < 0) return output;
  var kept = {};
  Object.keys(data).forEach(function (type) { if (type !== WIDGET_VIEW) kept[type] = data[type]; });
  return Object.assign({}, output, { data: kept });
}

function saveStatic(manager) {
  var notebook = manager && manager.context && manager.context.model;
  if (!notebook || typeof notebook.toJSON !== "function" || notebook.coursekitSavesStatic) return;
  notebook.coursekitSavesStatic = true;
  var toJSON = notebook.toJSON;
  notebook.toJSON = function () {
    var saved = toJSON.apply(this, arguments);
    return Object.assign({}, saved, { cells: (saved.cells || []).map(function (cell) {
      return cell.outputs ? Object.assign({}, cell, { outputs: cell.outputs.map(withoutView) }) : cell;
    }) });
  };
}
