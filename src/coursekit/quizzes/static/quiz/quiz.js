/* The quiz in a page: checking, feedback, score, and answers saved in browser storage (saved.js), for the
   HTML of coursekit/quizzes/static_quiz.py. `setUp(el, grader)` takes the function that grades a response,
   `grader(q, response, done, restored)`, calling `done(grade, verdict)`: the book grades in the page,
   the notebook widget asks Python. */

/* Extensions (spaced review, confidence): `onQuestion(q)` when a question is set up, `onCheck(q, grade)`
   after each Check the learner makes (not when a saved answer is restored). */
var hooks = { onQuestion: [], onCheck: [] };

/* The score is kept as running totals, so a check costs the same in a quiz of any length. */
function tally(quiz, q, sign) {
  var g = q.state.grade;
  if (!g || !g.answered) return;
  quiz.points += sign * g.score;
  quiz.checked += sign;
  if (!g.correct) quiz.wrong[q.number] = sign > 0 ? true : undefined;
}

/* A pretest keeps the verdict to itself: the lesson's end shows the answer. */
function pretestVerdict(q, g, text) {
  return q.quiz.pretest && g.answered ? say("pretest_saved", {}) : text;
}

function setGrade(q, g, text) {
  tally(q.quiz, q, -1);
  q.state.grade = g;
  q.state.verdict = text || (g ? verdict(q.key, g, q.state.response) : "");
  tally(q.quiz, q, 1);
}

function revealed(q) {
  return q.quiz.showAfter !== null && q.state.wrong >= q.quiz.showAfter;
}

function showFeedback(q) {
  var box = emptied(q.feedback);
  var g = q.state.grade;
  var right = !!(g && g.correct);
  var offered = !q.quiz.pretest && (q.quiz.showAfter === null ? q.state.wrong > 0 : revealed(q));
  q.answer.hidden = q.quiz.mode !== "instructor" && (!offered || right);
  q.retry.hidden = !(g && g.answered && !right) || q.quiz.pretest;
  box.className = "coursekit-feedback" + (!g ? "" : right ? " is-correct" : g.answered ? " is-wrong" : " is-empty");
  if (q.state.note) box.appendChild(element("p", "coursekit-note", q.state.note));
  if (!g) return;
  box.appendChild(element("p", "coursekit-verdict", q.state.verdict));
  if (!g.answered || q.quiz.pretest) return;
  var notes = typeOf(q.type).notes && typeOf(q.type).notes(q, q.state.response, g);
  if (notes) box.appendChild(notes);
  var explanation = q.el.querySelector(".coursekit-explanation");
  if (explanation && (right || revealed(q))) appendClones(box, explanation);
  if (!right && q.quiz.showAfter !== null && q.state.wrong === q.quiz.showAfter) {
    box.appendChild(element("p", null, say("answer_shown", {})));
    q.answer.open = true;
  }
}

/* Tells the page that a quiz changed: its score, and `records()` gives each question's saved record (on
   demand, so a check costs the same in a quiz of any length). The one thing other modules (scorm.js)
   hear from a quiz. */
function announce(quiz) {
  if (!root || typeof root.CustomEvent !== "function") return;
  var detail = { id: quiz.el.getAttribute("data-quiz-id"), points: quiz.points, checked: quiz.checked,
    total: quiz.questions.length, records: function () { return quiz.questions.map(record); } };
  quiz.el.dispatchEvent(new root.CustomEvent("coursekit-change", { bubbles: true, detail: detail }));
}

function showScore(quiz) {
  if (quiz.pretest) return;
  announce(quiz);
  var total = quiz.questions.length;
  quiz.score.textContent = scoreLine(quiz.points, total, quiz.checked);
  var done = quiz.checked === total;
  quiz.summary.hidden = !done;
  if (!done) {
    quiz.summary.textContent = "";
    return;
  }
  var review = Object.keys(quiz.wrong).filter(function (n) { return quiz.wrong[n]; }).map(Number)
    .sort(function (a, b) { return a - b; });
  var line = say("done", { points: roundHalfUp(quiz.points, 2), total: total });
  var again = review.length ? say("review", { numbers: review.join(", ") }) : say("all_right", {});
  quiz.summary.textContent = line + " " + again;
}

/* Shows a usable saved record in the question; a checked one is graded again. */
function apply(q, saved) {
  typeOf(q.type).write(q.el, saved ? saved.response : null);
  var state = fresh();
  if (saved) {
    state.response = typeOf(q.type).read(q.el);
    state.tries = saved.tries;
    state.wrong = saved.wrong;
    state.rev = saved.rev || 0;
  }
  setGrade(q, null);
  state.note = q.state.note;
  q.state = state;
  showFeedback(q);
  showScore(q.quiz);
  if (saved && saved.checked) {
    var response = state.response;
    q.quiz.grader(q, response, function (g, text) {
      if (q.state !== state) return;
      setGrade(q, g, pretestVerdict(q, g, text));
      showFeedback(q);
      showScore(q.quiz);
    }, true);
  }
}

/* Saves this tab's answer unless another tab saved a newer one since: then that one is shown instead. */
function save(q) {
  var stored = usable(q, store.read(q.storageKey));
  if (stored && (stored.rev || 0) > q.state.rev) {
    q.state.note = say("other_tab", {});
    apply(q, stored);
    return false;
  }
  q.state.rev += 1;
  q.state.note = "";
  store.write(q.storageKey, record(q));
  return true;
}

/* The grader may add a `note` (the widget: graded in the page, Python not connected). */
function check(q) {
  var response = typeOf(q.type).read(q.el);
  q.quiz.grader(q, response, function (g, text, note) {
    q.state.response = response;
    if (g.answered) {
      q.state.tries += 1;
      if (!g.correct) q.state.wrong += 1;
    }
    setGrade(q, g, pretestVerdict(q, g, text));
    if (save(q) && note) q.state.note = note;
    showFeedback(q);
    showScore(q.quiz);
    hooks.onCheck.forEach(function (hook) { hook(q, g); });
  });
}

function tryAgain(q) {
  typeOf(q.type).write(q.el, null);
  q.state.response = null;
  setGrade(q, null);
  save(q);
  showFeedback(q);
  showScore(q.quiz);
  var first = q.el.querySelector("input, select, .coursekit-order button");
  if (first) first.focus();
}

function resetQuiz(quiz) {
  quiz.questions.forEach(function (q) {
    store.remove(q.storageKey);
    q.state.note = "";
    q.answer.open = false;
    apply(q, null);
  });
  var first = quiz.el.querySelector("input, select, .coursekit-order button");
  if (first) first.focus();
}

/* "Reset quiz" asks first, in the page: erase, or keep the answers. */
function resetControls(quiz) {
  var place = quiz.el.querySelector(".coursekit-quiz-actions");
  var ask = element("span", "coursekit-confirm");
  ask.setAttribute("role", "group");
  ask.setAttribute("aria-label", say("reset_quiz", {}));
  ask.hidden = true;
  var reset = button("coursekit-reset", say("reset_quiz", {}), function () {
    reset.hidden = true;
    ask.hidden = false;
    keep.focus();
  });
  var erase = button("coursekit-erase", say("reset_yes", {}), function () {
    ask.hidden = true;
    reset.hidden = false;
    resetQuiz(quiz);
  });
  var keep = button("coursekit-keep", say("reset_no", {}), function () {
    ask.hidden = true;
    reset.hidden = false;
    reset.focus();
  });
  ask.appendChild(element("span", null, say("reset_ask", {}) + " "));
  ask.appendChild(erase);
  ask.appendChild(keep);
  place.appendChild(reset);
  place.appendChild(ask);
  place.hidden = false;
}

/* Another tab saved or erased an answer: show it here too. */
function onStorage(event) {
  (views[event.key] || []).forEach(function (q) {
    if (!q.quiz.el.isConnected) return;
    q.state.note = "";
    apply(q, usable(q, store.read(q.storageKey)));
  });
}

function questionSetUp(quiz, fieldset, number, prefix) {
  var id = fieldset.getAttribute("data-question-id");
  var q = {
    el: fieldset,
    quiz: quiz,
    id: id,
    number: number,
    type: fieldset.getAttribute("data-type"),
    hash: fieldset.getAttribute("data-hash"),
    key: JSON.parse(fieldset.getAttribute("data-key")),
    storageKey: prefix + id,
    feedback: fieldset.querySelector(".coursekit-feedback"),
    answer: fieldset.querySelector(".coursekit-answer"),
    state: fresh()
  };
  var actions = fieldset.querySelector(".coursekit-actions");
  actions.appendChild(button("coursekit-check", say("check", {}), function () { check(q); }));
  q.retry = button("coursekit-retry", say("try_again", {}), function () { tryAgain(q); });
  actions.appendChild(document.createTextNode(" "));
  actions.appendChild(q.retry);
  actions.hidden = false;
  if (typeOf(q.type).setUp) typeOf(q.type).setUp(q);
  var typed = fieldset.querySelector("input[type=text]");
  if (typed) {
    typed.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        check(q);
      }
    });
  }
  (views[q.storageKey] = views[q.storageKey] || []).push(q);
  hooks.onQuestion.forEach(function (hook) { hook(q); });
  return q;
}

function setUp(el, grader) {
  if (el.hasAttribute("data-coursekit-ready")) return null;
  el.setAttribute("data-coursekit-ready", "");
  var after = el.getAttribute("data-show-answer-after");
  var quiz = {
    el: el,
    grader: grader,
    mode: el.getAttribute("data-mode"),
    showAfter: after === null ? null : Number(after),
    pretest: el.hasAttribute("data-pretest"),
    score: el.querySelector(".coursekit-score"),
    summary: el.querySelector(".coursekit-summary"),
    questions: [],
    points: 0,
    checked: 0,
    wrong: {}
  };
  var prefix = storagePrefix(el);
  all(el, "fieldset.coursekit-question").forEach(function (fieldset, i) {
    quiz.questions.push(questionSetUp(quiz, fieldset, i + 1, prefix));
  });
  var known = {};
  quiz.questions.forEach(function (q) { known[q.storageKey] = true; });
  store.keys(prefix).forEach(function (key) { if (!known[key]) store.remove(key); });
  resetControls(quiz);
  quiz.score.hidden = quiz.pretest;
  el.classList.add("coursekit-live");
  quiz.questions.forEach(function (q) {
    var saved = store.read(q.storageKey);
    var good = usable(q, saved);
    if (saved !== null && !good) store.remove(q.storageKey);
    apply(q, good);
  });
  return quiz;
}

/* Other ways to show a quiz, by its `data-mode` (class.js adds "class", in the instructor edition). A second
   copy of a quiz on the page gets ids of its own. */
var modes = {};

function start(el, grader) {
  var copy = 2;
  if (all(document, '[id="' + el.id + '"]').indexOf(el) > 0) {
    while (document.getElementById(el.id + "--" + copy)) copy += 1;
    ownIds(el, "--" + copy);
  }
  var mode = modes[el.getAttribute("data-mode")];
  if (!mode) setUp(el, grader);
  else if (!el.hasAttribute("data-coursekit-ready")) mode(el);
}

/* What the page's script (book.js or widget.js) sets up, as [selector, setUp(el, grader)]; the optional
   files (review.js, progress.js) add theirs. */
var setUps = [[".coursekit-quiz:not([data-recap])", start]];

function gradeHere(q, response, done) {
  done(grade(q.key, response));
}

if (root && root.addEventListener) root.addEventListener("storage", onStorage);
