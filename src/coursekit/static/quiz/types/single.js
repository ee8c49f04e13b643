/* single: one radio group; the response is the chosen option's bank index, or null. */
TYPES.single = {
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
  notes: optionNotes
};
