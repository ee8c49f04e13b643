/* single: one radio group; the response is the chosen option's bank index, or null. The base of
   `multiple`: both show options with notes, and tally a show of hands per option. */
defineType("single", {
  grade: function (key, response) {
    if (response === null || response === undefined) return UNANSWERED;
    return right(key.correct[response] === true);
  },
  valid: function (key, response) {
    return response === null || isIndex(response, key.correct.length);
  },
  read: function (el) {
    var picked = el.querySelector("input[type=radio]:checked");
    return picked ? Number(picked.value) : null;
  },
  write: function (el, response) {
    tickInputs(el, response === null || response === undefined ? [] : [response]);
  },
  notes: optionNotes,
  tally: function (q) {
    return all(q.el, ".coursekit-option").map(function (row) {
      var key = q.el.querySelector('.coursekit-key li[data-option="' + row.querySelector("input").value + '"]');
      return { text: row.querySelector(".coursekit-option-text").textContent, right: key.getAttribute("data-correct") === "true" };
    });
  }
});

/* Feedback on each option chosen, from the page's own (sanitized) answer key. A right answer shows the
   options' notes only (the verdict already says it is right), and each pick's label where the type
   sets `notesEveryPick`. */
function optionNotes(q, response, g) {
  var list = element("ul", "coursekit-notes");
  [].concat(response).forEach(function (index) {
    var key = q.el.querySelector('.coursekit-key li[data-option="' + index + '"]');
    var label = q.el.querySelector('input[value="' + index + '"] + .coursekit-option-text');
    if (!key || !label) return;
    var note = key.querySelector(".coursekit-option-note");
    var item = element("li");
    if (!g.correct) {
      var right = key.getAttribute("data-correct") === "true";
      item.appendChild(element("strong", null, say(right ? "mark_right" : "mark_wrong", {})));
      item.appendChild(document.createTextNode(" "));
    }
    if (!g.correct || typeOf(q.type).notesEveryPick) appendClones(item, label);
    if (note) {
      if (item.childNodes.length) item.appendChild(document.createTextNode(" \u2014 "));
      appendClones(item, note);
    }
    if (item.childNodes.length) list.appendChild(item);
  });
  return list.childNodes.length ? list : null;
}
