/* The question type registry, grading helpers shared by the types, and the interface strings (STRINGS,
   from strings.json). The rules match coursekit/qtypes/grade.py and each type's `grade` in coursekit/qtypes/;
   tests/test_quiz_js_parity.py holds the two equal. */
var EPSILON = 1e-9;
// Python's str.split() / re \s whitespace, so both sides collapse the same characters.
var SPACES = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
var NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
var DIGIT = /\p{Nd}/u;
var DEFINED = {};
var TYPES = {};

/* Each file in types/ defines one question type: `grade(key, response)`, `valid(key, response)`,
   `read(el)`, `write(el, response)`, and optional hooks `unanswered(response)` (the verdict's string
   name), `notes(q, response, grade)`, `setUp(q)` and `tally(q)` (class mode's show-of-hands labels).
   `{base: name}` starts from another type's spec. Specs are resolved on first use, after every file
   has loaded, so a type may build on one defined in a later file. */
function defineType(name, spec, options) {
  DEFINED[name] = { spec: spec, base: options && options.base };
}

function typeOf(name) {
  if (!TYPES[name]) {
    var defined = DEFINED[name];
    if (!defined) throw new Error("coursekit quiz: unknown question type " + name);
    var made = defined.base ? Object.assign({}, typeOf(defined.base)) : {};
    TYPES[name] = Object.assign(made, defined.spec);
  }
  return TYPES[name];
}

function asText(value) {
  return value === null || value === undefined ? "" : String(value);
}

// Python reads any Unicode decimal digit; digits come in runs of whole 0-9 blocks.
function asciiDigits(text) {
  return text.replace(/\p{Nd}/gu, function (digit) {
    var code = digit.codePointAt(0);
    var start = code;
    while (DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}

function parseNumber(text) {
  var compact = asciiDigits(asText(text).replace(SPACES, ""));
  if (compact.indexOf(".") < 0 && compact.split(",").length === 2) compact = compact.replace(",", ".");
  return NUMBER.test(compact) ? Number(compact) : null;
}

function normalizeText(text) {
  return asText(text).normalize("NFKC").toLowerCase().split(SPACES).filter(Boolean).join(" ");
}

function result(answered, correct, score) {
  return { answered: answered, correct: correct, score: score };
}

var UNANSWERED = result(false, false, 0);

function right(ok) {
  return result(true, ok, ok ? 1 : 0);
}

function isIndex(value, count) {
  return typeof value === "number" && value % 1 === 0 && value >= 0 && value < count;
}

function grade(key, response) {
  return typeOf(key.type).grade(key, response);
}

/* Interface text: STRINGS entries with {name} placeholders; numbers rounded half up, as grade.py's callers do. */

function say(name, values) {
  return STRINGS[name].replace(/\{(\w+)\}/g, function (whole, field) { return String(values[field]); });
}

function roundHalfUp(value, decimals) {
  var scale = Math.pow(10, decimals);
  return Math.floor(value * scale + 0.5) / scale;
}

function verdict(key, g, response) {
  if (!g.answered) {
    var kind = typeOf(key.type).unanswered;
    return say(kind ? kind(response) : "verdict_empty", {});
  }
  if (g.correct) return say("verdict_correct", {});
  if (g.score > 0) return say("verdict_partial", { percent: roundHalfUp(g.score * 100, 0) });
  return say("verdict_wrong", {});
}

function scoreLine(points, total, checked) {
  return say("score", { points: roundHalfUp(points, 2), total: total, checked: checked });
}

/* What the script gives to Node (tests) and to the page (`window.coursekitQuiz`); the optional files add theirs. */
var api = { grade: grade, verdict: verdict, scoreLine: scoreLine, parseNumber: parseNumber, normalizeText: normalizeText };
