/* numeric: a text field; the response is the text typed, read as a number when graded. */
defineType("numeric", {
  grade: function (key, response) {
    var value = parseNumber(response);
    if (value === null) return UNANSWERED;
    return right(key.low - EPSILON <= value && value <= key.high + EPSILON);
  },
  valid: isTextResponse,
  read: readTyped,
  write: writeTyped,
  unanswered: function (response) {
    return asText(response).replace(SPACES, "") ? "verdict_not_a_number" : "verdict_empty";
  }
});
