/* Class mode: one question at a time for a projector, Previous / Next, Reveal answer, and a show-of-hands
   tally drawn as labelled bars. Nothing is saved: the room's answers are counted, not a learner's. */

/* The show-of-hands rows: the type's own (`tally`), or "got it" and "not yet". */
function tallyLabels(q) {
  var kind = typeOf(q.type);
  if (kind.tally) return kind.tally(q);
  return [{ text: say("got_it", {}), right: true }, { text: say("not_yet", {}), right: false }];
}

function drawTally(slide) {
  var list = emptied(slide.chart.querySelector("ul"));
  var total = slide.counts.reduce(function (sum, n) { return sum + n; }, 0);
  slide.chart.querySelector("figcaption").textContent = say("votes", { count: total });
  slide.labels.forEach(function (label, i) {
    var share = total ? roundHalfUp(100 * slide.counts[i] / total, 0) : 0;
    var mark = slide.revealed && label.right ? " " + say("right_answer_mark", {}) : "";
    var row = element("li", null, label.text + mark + ": " + slide.counts[i] + " (" + share + "%)");
    var bar = element("span", "coursekit-bar" + (slide.revealed && label.right ? " is-right" : ""));
    bar.setAttribute("aria-hidden", "true");
    bar.style.width = share + "%";
    row.appendChild(bar);
    list.appendChild(row);
  });
}

function classSlide(q) {
  var slide = { q: q, labels: tallyLabels(q), revealed: false };
  slide.counts = slide.labels.map(function () { return 0; });
  var box = element("div", "coursekit-tally");
  box.appendChild(element("p", null, say("tally", {})));
  slide.labels.forEach(function (label, i) {
    var field = element("label", "coursekit-count");
    field.appendChild(element("span", null, label.text + " "));
    var input = element("input");
    input.type = "number";
    input.min = "0";
    input.value = "0";
    input.addEventListener("input", function () {
      slide.counts[i] = Math.max(0, Math.floor(Number(input.value)) || 0);
      drawTally(slide);
    });
    field.appendChild(input);
    box.appendChild(field);
  });
  slide.chart = element("figure", "coursekit-chart");
  slide.chart.appendChild(element("figcaption"));
  slide.chart.appendChild(element("ul"));
  box.appendChild(slide.chart);
  q.el.insertBefore(box, q.answer);
  drawTally(slide);
  return slide;
}

function classMode(el) {
  el.setAttribute("data-coursekit-ready", "");
  var quiz = { el: el, questions: [] };
  var slides = all(el, "fieldset.coursekit-question").map(function (fieldset, i) {
    var q = {
      el: fieldset, quiz: quiz, number: i + 1, type: fieldset.getAttribute("data-type"),
      key: JSON.parse(fieldset.getAttribute("data-key")), answer: fieldset.querySelector(".coursekit-answer")
    };
    return classSlide(q);
  });
  var at = 0;
  var nav = element("p", "coursekit-class-nav");
  var previous = button("coursekit-previous", say("previous", {}), function () { show(at - 1); });
  var reveal = button("coursekit-reveal", say("reveal", {}), function () {
    var slide = slides[at];
    slide.revealed = !slide.revealed;
    slide.q.answer.hidden = !slide.revealed;
    slide.q.answer.open = slide.revealed;
    reveal.textContent = say(slide.revealed ? "hide" : "reveal", {});
    drawTally(slide);
  });
  var next = button("coursekit-next", say("next", {}), function () { show(at + 1); });
  [previous, reveal, next].forEach(function (b) { nav.appendChild(b); });
  el.insertBefore(nav, el.querySelector(".coursekit-summary"));
  function show(index) {
    at = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) {
      slide.q.el.hidden = i !== at;
      slide.q.answer.hidden = !slide.revealed;
    });
    reveal.textContent = say(slides[at].revealed ? "hide" : "reveal", {});
  }
  el.classList.add("coursekit-live");
  show(0);
}

modes["class"] = classMode;
