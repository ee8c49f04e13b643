/* text: a text field; the response is the text typed, compared ignoring case and spacing. */
defineType("text", {
  grade: function (key, response) {
    var given = normalizeText(response);
    if (!given) return UNANSWERED;
    return right(key.accept.some(function (a) { return normalizeText(a) === given; }));
  },
  valid: isTextResponse,
  read: readTyped,
  write: writeTyped
});
