/* matching: one drop-down per left item; the response is, per left item, the chosen bank index or null. */
defineType("matching", {
  grade: function (key, response) {
    var chosen = response || [];
    if (!chosen.some(function (c) { return c !== null && c !== undefined; })) return UNANSWERED;
    var hits = 0;
    chosen.slice(0, key.pairs).forEach(function (c, i) { if (c === i) hits += 1; });
    return result(true, hits === key.pairs, hits / key.pairs);
  },
  valid: function (key, response) {
    return Array.isArray(response) && response.length === key.pairs &&
      response.every(function (c) { return c === null || isIndex(c, key.pairs); });
  },
  read: function (el) {
    return all(el, "select").map(function (s) { return s.value === "" ? null : Number(s.value); });
  },
  write: function (el, response) {
    all(el, "select").forEach(function (s, i) {
      var value = response && response[i] !== null && response[i] !== undefined ? String(response[i]) : "";
      s.value = all(s, "option").some(function (o) { return o.value === value; }) ? value : "";
    });
  }
});
