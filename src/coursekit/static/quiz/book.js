/* The book's classic script (it runs from file:// too): set up every quiz on the page, grading in the page. */
var api = { grade: grade, verdict: verdict, scoreLine: scoreLine, parseNumber: parseNumber, normalizeText: normalizeText,
  reviewed: reviewed, dueAt: dueAt, progressRecords: progressRecords,
  loadProgress: loadProgress };
if (typeof module !== "undefined" && module.exports) module.exports = api;
if (root && root.document && !root.coursekitQuiz) {
  root.coursekitQuiz = api;
  api.start = function () {
    all(document, ".coursekit-quiz:not([data-recap])").forEach(function (el) { start(el, gradeHere); });
    all(document, ".coursekit-quiz[data-recap]").forEach(showRecap);
    all(document, ".coursekit-progress").forEach(function (el) { setUpProgress(el, gradeHere); });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", api.start);
  else api.start();
}
