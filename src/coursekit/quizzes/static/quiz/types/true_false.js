/* true_false: two radio buttons; the response is true, false or null. A wrong answer gets a hint. */
defineType("true_false", {
  grade: function (key, response) {
    if (response === null || response === undefined) return UNANSWERED;
    return right(response === key.answer);
  },
  valid: function (key, response) {
    return response === null || typeof response === "boolean";
  },
  read: function (el) {
    var picked = el.querySelector("input[type=radio]:checked");
    return picked ? picked.value === "true" : null;
  },
  write: function (el, response) {
    tickInputs(el, typeof response === "boolean" ? [response] : []);
  },
  notes: function (q, response, g) {
    return g.correct ? null : element("p", "coursekit-hint", say("true_false_hint", {}));
  },
  tally: function (q) {
    return [
      { text: say("true", {}), right: q.key.answer === true },
      { text: say("false", {}), right: q.key.answer === false }
    ];
  }
});
