/* multiple: one checkbox per option; the response is the ticked options' bank indices, sorted. Built on
   `single` (its option notes and show-of-hands), naming every pick in the notes. */
defineType("multiple", {
  grade: function (key, response) {
    var chosen = (response || []).filter(function (v, i, all) { return all.indexOf(v) === i; });
    if (!chosen.length) return UNANSWERED;
    var correct = 0;
    key.correct.forEach(function (c) { if (c) correct += 1; });
    var hits = chosen.filter(function (i) { return key.correct[i] === true; }).length;
    var falsePicks = chosen.length - hits;
    return result(true, hits === correct && falsePicks === 0, Math.max(0, hits - falsePicks) / correct);
  },
  valid: function (key, response) {
    return Array.isArray(response) && response.every(function (i) { return isIndex(i, key.correct.length); });
  },
  read: function (el) {
    return all(el, "input[type=checkbox]:checked").map(function (i) { return Number(i.value); })
      .sort(function (a, b) { return a - b; });
  },
  write: function (el, response) {
    tickInputs(el, response || []);
  },
  notesEveryPick: true
}, { base: "single" });
