/* The notebook widget (anywidget): the quiz's HTML comes from Python, and Python grades each response. */
function render(context) {
  var model = context.model;
  var el = context.el;
  var view = Math.random().toString(36).slice(2);
  var waiting = {};
  var asked = 0;
  el.innerHTML = model.get("html");
  // Keys pressed in the quiz (arrows in a radio group, Enter in a field) are the quiz's, not the notebook's.
  el.addEventListener("keydown", function (event) { event.stopPropagation(); });
  function onMessage(message) {
    var done = message && message.event === "graded" && waiting[message.ask];
    if (!done) return;
    delete waiting[message.ask];
    done(message.grade, message.verdict);
  }
  model.on("msg:custom", onMessage);
  function askPython(q, response, done, restored) {
    asked += 1;
    var ask = view + ":" + asked;
    waiting[ask] = done;
    model.send({ event: "check", ask: ask, question: q.id, response: response, restored: !!restored });
  }
  setUps.forEach(function (part) {
    all(el, part[0]).forEach(function (partEl) { part[1](partEl, askPython); });
  });
  return function () {
    model.off("msg:custom", onMessage);
  };
}

export default { render: render };
