/* The notebook widget (anywidget): the quiz's HTML comes from Python, and Python grades each response.
   Where Python does not answer (no kernel, a restarted one), the page grades as the book does and says so. */
var PYTHON_WAIT = 2500; // ms before a Check is graded in the page instead,
var BUSY_WAIT = 20000; // or, while the kernel is busy (running other cells), at most this long

/* The notebook's kernel is running code (ipywidgets' manager knows its kernel; elsewhere: not known). */
function kernelBusy(model) {
  try {
    return model.widget_manager.kernel.status === "busy";
  } catch (error) {
    return false;
  }
}

function render(context) {
  var model = context.model;
  var el = context.el;
  var view = Math.random().toString(36).slice(2);
  var waiting = {};
  var asked = 0;
  el.innerHTML = model.get("html");
  ownIds(el, "--" + view);
  keepKeys(el);
  saveStatic(model.widget_manager);
  function onMessage(message) {
    var ask = message && message.event === "graded" && waiting[message.ask];
    if (!ask) return;
    delete waiting[message.ask];
    clearTimeout(ask.timer);
    ask.done(message.grade, message.verdict);
  }
  function gradeInPage(id) {
    var ask = waiting[id];
    if (!ask) return;
    delete waiting[id];
    clearTimeout(ask.timer);
    var g = grade(ask.q.key, ask.response);
    ask.done(g, verdict(ask.q.key, g, ask.response), say("python_not_connected", {}));
  }
  model.on("msg:custom", onMessage);
  function askPython(q, response, done, restored) {
    asked += 1;
    var id = view + ":" + asked;
    var since = Date.now();
    function wait() {
      if (!waiting[id]) return;
      if (kernelBusy(model) && Date.now() - since < BUSY_WAIT) waiting[id].timer = setTimeout(wait, PYTHON_WAIT);
      else gradeInPage(id);
    }
    waiting[id] = { q: q, response: response, done: done, timer: setTimeout(wait, PYTHON_WAIT) };
    try {
      model.send({ event: "check", ask: id, question: q.id, response: response, restored: !!restored });
    } catch (error) {
      gradeInPage(id);
    }
  }
  setUps.forEach(function (part) {
    all(el, part[0]).forEach(function (partEl) { part[1](partEl, askPython); });
  });
  return function () {
    model.off("msg:custom", onMessage);
    Object.keys(waiting).forEach(function (id) { clearTimeout(waiting[id].timer); });
  };
}

export default { render: render };
