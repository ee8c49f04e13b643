/* Class mode: one question at a time for a projector, Previous / Next, Reveal answer, and a show-of-hands
   tally drawn as labelled bars. Nothing is saved: the room's answers are counted, not a learner's. */

/* The show-of-hands rows: the type's own (`tally`), or "got it" and "not yet". */
function tallyLabels(q) {
  var kind = typeOf(q.type);
  if (kind.tally) return kind.tally(q);
  return [{ text: say("got_it", {}), right: true }, { text: say("not_yet", {}), right: false }];
}

function drawTally(slide) {
  var total = slide.counts.reduce(function (sum, n) { return sum + n; }, 0);
  slide.chart.querySelector("figcaption").textContent = say("votes", { count: total });
  slide.rows.forEach(function (row, i) {
    var label = slide.labels[i];
    var share = total ? roundHalfUp(100 * slide.counts[i] / total, 0) : 0;
    var mark = slide.revealed && label.right ? " " + say("right_answer_mark", {}) : "";
    row.text.textContent = label.text + mark + ": " + slide.counts[i] + " (" + share + "%)";
    row.bar.className = "coursekit-bar" + (slide.revealed && label.right ? " is-right" : "");
    row.bar.style.width = share + "%";
  });
}

/* The tally beside the question: per answer, its count so far (a number box) and a bar. */
function classSlide(q) {
  var slide = { q: q, labels: tallyLabels(q), revealed: false };
  slide.counts = slide.labels.map(function () { return 0; });
  slide.chart = element("figure", "coursekit-chart coursekit-tally");
  slide.chart.appendChild(element("p", null, say("tally", {})));
  slide.chart.appendChild(element("figcaption"));
  var list = element("ul");
  slide.rows = slide.labels.map(function (label, i) {
    var item = element("li");
    var text = element("span", "coursekit-tally-text");
    var line = element("span", "coursekit-tally-line");
    var input = element("input");
    input.type = "number";
    input.min = "0";
    input.value = "0";
    input.setAttribute("aria-label", label.text);
    input.addEventListener("input", function () {
      slide.counts[i] = Math.max(0, Math.floor(Number(input.value)) || 0);
      drawTally(slide);
    });
    var track = element("span", "coursekit-track");
    var bar = element("span", "coursekit-bar");
    track.setAttribute("aria-hidden", "true");
    track.appendChild(bar);
    line.appendChild(input);
    line.appendChild(track);
    item.appendChild(text);
    item.appendChild(line);
    list.appendChild(item);
    return { text: text, bar: bar };
  });
  slide.chart.appendChild(list);
  q.el.insertBefore(slide.chart, q.answer);
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
    slide.q.answer.querySelector("summary").textContent = say(slide.revealed ? "answer_revealed" : "show_answer", {});
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
