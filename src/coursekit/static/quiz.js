/* coursekit quizzes in the static book: grading (the same rules as coursekit/grade.py, kept equal
   by tests/test_quiz_js_parity.py), feedback, score, and progress saved in localStorage. */
(function (root) {
  "use strict";

  var EPSILON = 1e-9;
  // Python's str.split() / re \s whitespace, so both sides collapse the same characters.
  var SPACES = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  var NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  var DIGIT = /\p{Nd}/u;

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

  var graders = {
    single: function (key, response) {
      if (response === null || response === undefined) return UNANSWERED;
      return right(key.correct[response] === true);
    },
    multiple: function (key, response) {
      var chosen = (response || []).filter(function (v, i, all) { return all.indexOf(v) === i; });
      if (!chosen.length) return UNANSWERED;
      var correct = 0;
      key.correct.forEach(function (c) { if (c) correct += 1; });
      var hits = chosen.filter(function (i) { return key.correct[i] === true; }).length;
      var falsePicks = chosen.length - hits;
      return result(true, hits === correct && falsePicks === 0, Math.max(0, hits - falsePicks) / correct);
    },
    true_false: function (key, response) {
      if (response === null || response === undefined) return UNANSWERED;
      return right(response === key.answer);
    },
    numeric: function (key, response) {
      var value = parseNumber(response);
      if (value === null) return UNANSWERED;
      return right(key.low - EPSILON <= value && value <= key.high + EPSILON);
    },
    matching: function (key, response) {
      var chosen = response || [];
      if (!chosen.some(function (c) { return c !== null && c !== undefined; })) return UNANSWERED;
      var hits = 0;
      chosen.slice(0, key.pairs).forEach(function (c, i) { if (c === i) hits += 1; });
      return result(true, hits === key.pairs, hits / key.pairs);
    },
    text: function (key, response) {
      var given = normalizeText(response);
      if (!given) return UNANSWERED;
      return right(key.accept.some(function (a) { return normalizeText(a) === given; }));
    }
  };

  function grade(key, response) {
    return graders[key.type](key, response);
  }

  var api = { grade: grade, parseNumber: parseNumber, normalizeText: normalizeText, EPSILON: EPSILON };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (!root || !root.document) return;
  if (root.coursekitQuiz) {
    root.coursekitQuiz.start();
    return;
  }
  root.coursekitQuiz = api;

  /* Saved progress: one key per course, quiz and question; storage may be blocked or hold junk. */

  var store = {
    read: function (key) {
      try {
        var data = JSON.parse(root.localStorage.getItem(key));
        return data && typeof data === "object" ? data : null;
      } catch (error) {
        return null;
      }
    },
    write: function (key, data) {
      try {
        root.localStorage.setItem(key, JSON.stringify(data));
      } catch (error) { /* progress is not kept, the quiz still works */ }
    },
    remove: function (key) {
      try {
        root.localStorage.removeItem(key);
      } catch (error) { /* nothing saved anyway */ }
    }
  };

  /* Reading and setting a question's controls, as the response shapes of grade.py. */

  function inputs(fieldset, selector) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(selector));
  }

  function readResponse(q) {
    var el = q.el;
    if (q.type === "single") {
      var picked = el.querySelector("input[type=radio]:checked");
      return picked ? Number(picked.value) : null;
    }
    if (q.type === "multiple") {
      return inputs(el, "input[type=checkbox]:checked").map(function (i) { return Number(i.value); })
        .sort(function (a, b) { return a - b; });
    }
    if (q.type === "true_false") {
      var tf = el.querySelector("input[type=radio]:checked");
      return tf ? tf.value === "true" : null;
    }
    if (q.type === "matching") {
      return inputs(el, "select").map(function (s) { return s.value === "" ? null : Number(s.value); });
    }
    return el.querySelector("input[type=text]").value;
  }

  function writeResponse(q, response) {
    var el = q.el;
    if (q.type === "single" || q.type === "multiple" || q.type === "true_false") {
      var wanted = [].concat(response === null || response === undefined ? [] : response).map(String);
      inputs(el, "input").forEach(function (i) { i.checked = wanted.indexOf(i.value) >= 0; });
    } else if (q.type === "matching") {
      inputs(el, "select").forEach(function (s, i) {
        var value = response && response[i] !== null && response[i] !== undefined ? String(response[i]) : "";
        s.value = inputs(s, "option").some(function (o) { return o.value === value; }) ? value : "";
      });
    } else {
      el.querySelector("input[type=text]").value = asText(response);
    }
  }

  /* Feedback, built from text nodes and clones of the page's own (sanitized) answer key. */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function appendClones(target, source) {
    Array.prototype.forEach.call(source.childNodes, function (child) { target.appendChild(child.cloneNode(true)); });
  }

  function percent(score) {
    return Math.round(score * 100) + "%";
  }

  function verdict(q, g) {
    if (!g.answered) return "Give an answer first, then press Check.";
    if (g.correct) return "Correct.";
    if (g.score > 0) return "Partly right (" + percent(g.score) + ").";
    return "Not right yet.";
  }

  function optionNotes(q, response) {
    var list = element("ul", "coursekit-notes");
    [].concat(response).forEach(function (index) {
      var key = q.el.querySelector('.coursekit-key li[data-option="' + index + '"]');
      var label = q.el.querySelector('input[value="' + index + '"] + label');
      if (!key || !label) return;
      var item = element("li");
      item.appendChild(element("strong", null, key.getAttribute("data-correct") === "true" ? "Right:" : "Not right:"));
      item.appendChild(document.createTextNode(" "));
      appendClones(item, label);
      var note = key.querySelector(".coursekit-option-note");
      if (note) {
        item.appendChild(document.createTextNode(" \u2014 "));
        appendClones(item, note);
      }
      list.appendChild(item);
    });
    return list.childNodes.length ? list : null;
  }

  function revealed(q) {
    return q.quiz.showAfter !== null && q.state.wrong >= q.quiz.showAfter;
  }

  function showFeedback(q) {
    var box = q.feedback;
    while (box.firstChild) box.removeChild(box.firstChild);
    // As in the live widget: the answer is offered after a right answer, after N wrong tries when
    // show_answer_after is N, and otherwise after the first wrong try.
    var offered = q.quiz.showAfter === null ? q.state.wrong > 0 : revealed(q);
    q.answer.hidden = !(offered || (q.state.grade && q.state.grade.correct));
    if (!q.state.grade) return;
    var g = q.state.grade;
    box.className = "coursekit-feedback " + (g.correct ? "is-correct" : g.answered ? "is-wrong" : "is-empty");
    box.appendChild(element("p", "coursekit-verdict", verdict(q, g)));
    if (!g.answered) return;
    if (q.type === "single" || q.type === "multiple") {
      var notes = optionNotes(q, q.state.response);
      if (notes) box.appendChild(notes);
    }
    var explanation = q.el.querySelector(".coursekit-explanation");
    if (explanation && (g.correct || revealed(q))) appendClones(box, explanation);
    if (!g.correct && q.quiz.showAfter !== null && q.state.wrong === q.quiz.showAfter) {
      box.appendChild(element("p", null, "The answer is now shown below."));
      q.answer.open = true;
    }
  }

  function showScore(quiz) {
    var points = 0;
    var done = 0;
    var review = [];
    quiz.questions.forEach(function (q, i) {
      if (q.state.grade && q.state.grade.answered) {
        points += q.state.grade.score;
        done += 1;
        if (!q.state.grade.correct) review.push(i + 1);
      }
    });
    var total = quiz.questions.length;
    var shown = String(Math.round(points * 100) / 100);
    quiz.score.textContent = "Score: " + shown + " of " + total + " (" + done + " checked).";
    quiz.summary.hidden = done < total;
    var again = review.length ? " Worth another look: question " + review.join(", ") + "." : " Every answer is right.";
    quiz.summary.textContent = done < total ? "" : "Quiz done. You scored " + shown + " of " + total + "." + again;
  }

  function save(q) {
    store.write(q.storageKey, {
      hash: q.hash, response: q.state.response, tries: q.state.tries, wrong: q.state.wrong, checked: !!q.state.grade
    });
  }

  function fresh() {
    return { response: null, tries: 0, wrong: 0, grade: null };
  }

  function check(q) {
    var response = readResponse(q);
    var g = grade(q.key, response);
    q.state.response = response;
    q.state.grade = g;
    if (g.answered) {
      q.state.tries += 1;
      if (!g.correct) q.state.wrong += 1;
    }
    save(q);
    showFeedback(q);
    showScore(q.quiz);
  }

  function tryAgain(q) {
    writeResponse(q, null);
    q.state.response = null;
    q.state.grade = null;
    save(q);
    showFeedback(q);
    showScore(q.quiz);
    var first = q.el.querySelector("input, select");
    if (first) first.focus();
  }

  function resetQuiz(quiz) {
    quiz.questions.forEach(function (q) {
      writeResponse(q, null);
      q.state = fresh();
      q.answer.open = false;
      store.remove(q.storageKey);
      showFeedback(q);
    });
    showScore(quiz);
    var first = quiz.el.querySelector("input, select");
    if (first) first.focus();
  }

  function restore(q) {
    var saved = store.read(q.storageKey);
    if (!saved) return;
    if (saved.hash !== q.hash) {
      store.remove(q.storageKey);
      return;
    }
    try {
      writeResponse(q, saved.response);
      var response = readResponse(q);
      q.state.response = response;
      q.state.tries = Number(saved.tries) || 0;
      q.state.wrong = Number(saved.wrong) || 0;
      q.state.grade = saved.checked ? grade(q.key, response) : null;
    } catch (error) {
      writeResponse(q, null);
      q.state = fresh();
    }
  }

  function setUp(el) {
    if (el.hasAttribute("data-coursekit-ready")) return;
    el.setAttribute("data-coursekit-ready", "");
    var after = el.getAttribute("data-show-answer-after");
    var quiz = {
      el: el,
      showAfter: after === null ? null : Number(after),
      score: el.querySelector(".coursekit-score"),
      summary: el.querySelector(".coursekit-summary"),
      questions: []
    };
    var prefix = "coursekit:" + el.getAttribute("data-course") + ":" + el.getAttribute("data-quiz-id") + ":";
    inputs(el, "fieldset.coursekit-question").forEach(function (fieldset) {
      var q = {
        el: fieldset,
        quiz: quiz,
        type: fieldset.getAttribute("data-type"),
        hash: fieldset.getAttribute("data-hash"),
        key: JSON.parse(fieldset.getAttribute("data-key")),
        storageKey: prefix + fieldset.getAttribute("data-question-id"),
        feedback: fieldset.querySelector(".coursekit-feedback"),
        answer: fieldset.querySelector(".coursekit-answer"),
        state: fresh()
      };
      quiz.questions.push(q);
      fieldset.querySelector(".coursekit-actions").hidden = false;
      fieldset.querySelector(".coursekit-check").addEventListener("click", function () { check(q); });
      fieldset.querySelector(".coursekit-retry").addEventListener("click", function () { tryAgain(q); });
      var typed = fieldset.querySelector("input[type=text]");
      if (typed) {
        typed.addEventListener("keydown", function (event) {
          if (event.key === "Enter") {
            event.preventDefault();
            check(q);
          }
        });
      }
      restore(q);
      showFeedback(q);
    });
    quiz.score.hidden = false;
    el.querySelector(".coursekit-quiz-actions").hidden = false;
    el.querySelector(".coursekit-reset").addEventListener("click", function () { resetQuiz(quiz); });
    el.classList.add("coursekit-live");
    showScore(quiz);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".coursekit-quiz"), setUp);
  }

  api.start = start;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof window !== "undefined" ? window : null);
