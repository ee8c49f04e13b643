/* The course's progress, where a page shows it (lesson cards and "My progress", from
   coursekit/quizzes/progress_page.py's HTML): bars per lesson and objective, the questions due for review (the
   schedule review.js keeps), a review session; progress files are in progress_file.js. Time is `Date.now()`. */

var DAY = 24 * 60 * 60 * 1000;
var REVIEW_QUIZ = "spaced-review";

/* When a question is due: box 0 at once; box n after `days[n - 1]` days (the last box repeats). */
function dueAt(entry, days) {
  return entry.box === 0 ? entry.at : entry.at + days[Math.min(entry.box, days.length) - 1] * DAY;
}

/* The course's schedule: {"<quiz>/<question>": entry}. */
function reviews(course) {
  var prefix = reviewPrefix(course);
  var saved = {};
  store.keys(prefix).forEach(function (key) { saved[key.slice(prefix.length)] = store.read(key); });
  return saved;
}

/* The course's questions and schedule, from the JSON that coursekit/quizzes/progress_page.py writes into the page. */
function courseData(el) {
  var data = JSON.parse(el.querySelector("script.coursekit-course").textContent);
  data.questions = [];
  data.lessons.forEach(function (lesson) {
    lesson.questions.forEach(function (row) {
      data.questions.push({ quiz: lesson.quiz, id: row[0], hash: row[1], objective: row[2] });
    });
  });
  return data;
}

function answeredNow(course, item) {
  var saved = store.read("coursekit:" + course + ":" + item.quiz + ":" + item.id);
  return plainObject(saved) && saved.hash === item.hash && saved.checked === true;
}

function scheduled(data, now) {
  var saved = reviews(data.course);
  return data.questions.map(function (item) {
    var entry = saved[item.quiz + "/" + item.id];
    if (!reviewEntry(entry) || entry.hash !== item.hash) return null;
    return { item: item, entry: entry, due: dueAt(entry, data.days), wrongSure: !entry.correct && entry.sure === true };
  }).filter(Boolean);
}

/* Due questions, confidently wrong answers first, then the longest waiting. */
function dueNow(data, now) {
  return scheduled(data, now).filter(function (s) { return s.due <= now; }).sort(function (a, b) {
    return (b.wrongSure - a.wrongSure) || (a.due - b.due);
  });
}

function setBar(place, done, total, text) {
  var bar = place.querySelector("progress");
  bar.max = total;
  bar.value = done;
  place.querySelector(".coursekit-count").textContent = say(text, { count: done, total: total });
}

function poolQuestion(el, item) {
  var pool = el.querySelector("template.coursekit-pool");
  return pool && pool.content.querySelector('[data-quiz-id="' + item.quiz + '"] [data-question-id="' + item.id + '"]');
}

function promptText(fieldset) {
  var legend = fieldset.querySelector("legend").cloneNode(true);
  var number = legend.querySelector(".coursekit-number");
  if (number) legend.removeChild(number);
  var prompt = fieldset.querySelector(".coursekit-prompt");
  return (legend.textContent + " " + (prompt ? prompt.textContent : "")).replace(SPACES, " ").trim();
}

function showDue(el, data, now) {
  var list = el.querySelector(".coursekit-due");
  if (!list) return;
  var due = dueNow(data, now);
  emptied(list);
  due.forEach(function (s) {
    var fieldset = poolQuestion(el, s.item);
    var row = element("li", null, fieldset ? promptText(fieldset) : s.item.id);
    if (s.wrongSure) row.appendChild(element("strong", "coursekit-wrong-sure", " " + say("confident_wrong_mark", {})));
    list.appendChild(row);
  });
  var later = scheduled(data, now).filter(function (s) { return s.due > now; })
    .map(function (s) { return s.due; }).sort(function (a, b) { return a - b; });
  var line = due.length ? say("due_some", { count: due.length }) : say("due_none", {});
  if (!due.length && later.length) line += " " + say("due_next", { date: new Date(later[0]).toLocaleDateString() });
  el.querySelector(".coursekit-due-summary").textContent = line;
  el.querySelector(".coursekit-review-now").disabled = !due.length;
  var wrongSure = scheduled(data, now).filter(function (s) { return s.wrongSure; }).length;
  el.querySelector(".coursekit-wrong-sure-count").textContent = say("confident_wrong", { count: wrongSure });
}

function refresh(el) {
  var data = courseData(el);
  var now = Date.now();
  all(el, "[data-lesson]").forEach(function (card) {
    var lesson = data.lessons.filter(function (l) { return l.quiz === card.getAttribute("data-lesson"); })[0];
    var items = data.questions.filter(function (item) { return item.quiz === lesson.quiz; });
    setBar(card, items.filter(function (item) { return answeredNow(data.course, item); }).length, items.length, "answered");
  });
  var places = scheduled(data, now);
  all(el, "[data-objective]").forEach(function (row) {
    var objective = row.getAttribute("data-objective");
    var assessing = data.questions.filter(function (item) { return item.objective === objective; });
    var right = places.filter(function (s) { return s.item.objective === objective && s.entry.correct; });
    setBar(row, right.length, assessing.length, "right_of");
  });
  showDue(el, data, now);
}

function refreshAll() {
  // A live collection: no search of the whole page on every Check.
  if (root && root.document) Array.prototype.forEach.call(document.getElementsByClassName("coursekit-progress"), refresh);
}

/* "Review now": the due questions as one quiz, cloned from the course's questions in the page. */
function startReview(el, grader) {
  var data = courseData(el);
  var due = dueNow(data, Date.now());
  var area = emptied(el.querySelector(".coursekit-review-area"));
  if (!due.length) return;
  var base = "ck--" + data.course + "--" + REVIEW_QUIZ;
  var section = element("section", "coursekit-quiz");
  section.id = base;
  section.setAttribute("data-quiz-id", REVIEW_QUIZ);
  section.setAttribute("data-course", data.course);
  section.setAttribute("aria-labelledby", base + "--title");
  var title = element("p", "coursekit-title");
  title.id = base + "--title";
  title.tabIndex = -1;
  title.appendChild(element("strong", null, say("review_title", { count: due.length })));
  section.appendChild(title);
  var score = element("p", "coursekit-score");
  score.setAttribute("aria-live", "polite");
  section.appendChild(score);
  due.forEach(function (s, i) {
    var fieldset = poolQuestion(el, s.item).cloneNode(true);
    fieldset.setAttribute("data-source-quiz", s.item.quiz);
    fieldset.querySelector(".coursekit-number").textContent =
      say("question_number", { number: i + 1, total: due.length }) + " ";
    section.appendChild(fieldset);
  });
  var summary = element("div", "coursekit-summary");
  summary.setAttribute("aria-live", "polite");
  section.appendChild(summary);
  section.appendChild(element("p", "coursekit-quiz-actions"));
  store.keys("coursekit:" + data.course + ":" + REVIEW_QUIZ + ":").forEach(store.remove);
  area.appendChild(section);
  setUp(section, grader);
  title.focus();
}

function setUpProgress(el, grader) {
  var note = el.querySelector(".coursekit-storage-note");
  if (note && !storageWorks()) {
    note.textContent = say("storage_blocked", {});
    note.hidden = false;
  }
  var review = el.querySelector(".coursekit-review-now");
  if (review) review.addEventListener("click", function () { startReview(el, grader); });
  fileControls(el);
  el.classList.add("coursekit-live");
  refresh(el);
}

hooks.onCheck.push(refreshAll);
setUps.push([".coursekit-progress", setUpProgress]);
api.dueAt = dueAt;
api.progressRecords = progressRecords;
api.loadProgress = loadProgress;

if (root && root.addEventListener) {
  root.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf("coursekit") === 0) refreshAll();
  });
}
