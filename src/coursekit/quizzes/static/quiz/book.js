/* The book's classic script (it runs from file:// too): set up every quiz on the page, grading in the page. */
if (typeof module !== "undefined" && module.exports) module.exports = api;
if (root && root.document && !root.coursekitQuiz) {
  root.coursekitQuiz = api;
  api.start = function () {
    setUps.forEach(function (part) {
      all(document, part[0]).forEach(function (el) { part[1](el, gradeHere); });
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", api.start);
  else api.start();
}
