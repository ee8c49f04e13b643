/* Learning that lasts, on every quiz page (on the quiz's store, strings and renderer): each first answer's place
   in the spaced-review schedule (Leitner boxes), an optional "How sure are you?" before Check, and the pretest
   recap at a lesson's end. Time is `Date.now()`. The course's progress itself is progress.js. */

/* Each question's place in the schedule is a record of its own, so a Check writes one small record whatever
   the number of questions answered. `id` is "<quiz>/<question>". */
function reviewPrefix(course) {
  return "coursekit-review:" + course + ":";
}

function plainObject(value) {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/* A question's place in the schedule after an answer: wrong goes back to box 0 (due at once), right moves
   one box on. `entry` is its place before, or null. */
function reviewed(entry, hash, correct, sure, now) {
  var box = entry && entry.hash === hash ? entry.box : 0;
  return { hash: hash, box: correct ? box + 1 : 0, at: now, correct: correct, sure: sure };
}

var LAST_DATE = Date.UTC(9999, 11, 31);

function reviewEntry(entry) {
  return plainObject(entry) && typeof entry.hash === "string" && count(entry.box) && count(entry.at) &&
    entry.at <= LAST_DATE &&
    typeof entry.correct === "boolean" && (entry.sure === null || typeof entry.sure === "boolean");
}

/* The question's source quiz: a review session shows questions of every quiz. */
function sourceQuiz(q) {
  return q.el.getAttribute("data-source-quiz") || q.quiz.el.getAttribute("data-quiz-id");
}

/* The first answer of a sitting moves a question in the schedule; tries after it are practice. */
hooks.onCheck.push(function (q, g) {
  if (!g.answered || q.state.tries !== 1 || q.quiz.pretest) return;
  var course = q.quiz.el.getAttribute("data-course");
  var key = reviewPrefix(course) + sourceQuiz(q) + "/" + q.id;
  var entry = store.read(key);
  store.write(key, reviewed(reviewEntry(entry) ? entry : null, q.hash, g.correct, q.sure === undefined ? null : q.sure,
    Date.now()));
});

/* "How sure are you?": two toggle buttons before Check (buttons, so the answer's own inputs stay its own). */
hooks.onQuestion.push(function (q) {
  if (q.quiz.pretest) return;
  q.sure = null;
  var group = element("div", "coursekit-sure");
  var label = element("span", "coursekit-sure-label", say("sure_ask", {}));
  label.id = q.el.id + "--sure";
  group.setAttribute("role", "group");
  group.setAttribute("aria-labelledby", label.id);
  group.appendChild(label);
  [[true, "sure"], [false, "unsure"]].forEach(function (choice) {
    var toggle = button("coursekit-sure-choice", say(choice[1], {}), function () {
      q.sure = q.sure === choice[0] ? null : choice[0];
      all(group, "button").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === toggle && q.sure !== null));
      });
    });
    toggle.setAttribute("aria-pressed", "false");
    group.appendChild(document.createTextNode(" "));
    group.appendChild(toggle);
  });
  var actions = q.el.querySelector(".coursekit-actions");
  actions.insertBefore(group, actions.firstChild);
});

/* The pretest's answers at the lesson's end, each in its question (read only) beside the answer and why. */
function showRecap(el) {
  var prefix = "coursekit:" + el.getAttribute("data-course") + ":" + el.getAttribute("data-recap") + ":";
  all(el, "fieldset.coursekit-question").forEach(function (fieldset) {
    var q = { type: fieldset.getAttribute("data-type"), hash: fieldset.getAttribute("data-hash"),
      key: JSON.parse(fieldset.getAttribute("data-key")) };
    var saved = usable(q, store.read(prefix + fieldset.getAttribute("data-question-id")));
    var given = saved && saved.checked;
    var said = given ? (grade(q.key, saved.response).correct ? "recap_right" : "recap_wrong") : "recap_none";
    typeOf(q.type).write(fieldset, given ? saved.response : null);
    emptied(fieldset.querySelector(".coursekit-feedback")).appendChild(element("p", "coursekit-verdict", say(said, {})));
    fieldset.disabled = true;
    fieldset.querySelector(".coursekit-answer").open = true;
  });
}

setUps.push([".coursekit-quiz[data-recap]", showRecap]);
api.reviewed = reviewed;
