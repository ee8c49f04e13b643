/* SCORM 1.2 reporting, for a page that an LMS launches (the SCORM package: one SCO per lesson). It does
   nothing unless the page has a quiz and an LMS API (window.API) is found up the parent or opener chain.
   Then: LMSInitialize; answers saved by the LMS in cmi.suspend_data are put back in the quiz's store
   before the quiz starts; every change reports the score (percent) and status (incomplete until every
   question is checked, then passed or failed at the LMS's mastery score) and saves the answers; leaving
   the page sets cmi.core.exit ("suspend" while incomplete, "" once passed, failed or completed), commits
   and calls LMSFinish. A call the LMS refuses is reported on the console with the LMS's error code
   (LMSGetLastError) and text. After LMSFinish nothing is sent; a page shown again from the browser's
   back/forward cache starts a new session if the LMS allows one. It hears the quiz only through the
   "coursekit-change" event. */
var scorm = (function () {
  var LIMIT = 4096; // characters of cmi.suspend_data in SCORM 1.2
  var lms = null;
  var sent = {};
  var quizzes = {};
  var started = 0;
  var committing = false;

  function apiIn(win) {
    for (var hops = 0; win && hops < 10; hops += 1) {
      try {
        if (win.API) return win.API;
        if (!win.parent || win.parent === win) return null;
      } catch (error) {
        return null; // another site's window
      }
      win = win.parent;
    }
    return null;
  }

  function find() {
    var found = apiIn(root);
    try {
      return found || (root.opener ? apiIn(root.opener) : null);
    } catch (error) {
      return null;
    }
  }

  /* Reports a refused call: the LMS's error code, and its text for it. */
  function refused(api, call) {
    var code = String(api.LMSGetLastError());
    if (code === "0") return false;
    var text = "";
    try {
      text = String(api.LMSGetErrorString(code) || "");
    } catch (error) {
      text = "";
    }
    root.console.warn("SCORM " + call + " failed: LMS error " + code + (text ? " (" + text + ")" : ""));
    return true;
  }

  /* Calls an API function that answers "true" or "false"; true if the LMS accepted it. */
  function call(api, name, args) {
    var ok = String(api[name].apply(api, args)) === "true";
    if (!ok && !refused(api, name + "(" + args.join(", ") + ")")) {
      root.console.warn("SCORM " + name + " failed: the LMS gave no error code");
    }
    return ok;
  }

  function get(name) {
    var value = String(lms.LMSGetValue(name) || "");
    refused(lms, "LMSGetValue(" + name + ")");
    return value;
  }

  function set(name, value) {
    if (sent[name] === String(value)) return false;
    sent[name] = String(value);
    call(lms, "LMSSetValue", [name, String(value)]);
    return true;
  }

  /* suspend_data: {quiz id: [[hash start, response, tries, wrong, checked, rev] or 0, ...]} in question
     order. While it is over the limit, the longest record is left out (it stays in browser storage). */
  function encode() {
    var data = {};
    Object.keys(quizzes).forEach(function (id) {
      data[id] = quizzes[id].records().map(function (r) {
        return r && r.tries + r.rev > 0 ? [r.hash.slice(0, 4), r.response, r.tries, r.wrong, r.checked ? 1 : 0, r.rev] : 0;
      });
    });
    var text = JSON.stringify(data);
    while (text.length > LIMIT) {
      var longest = null;
      Object.keys(data).forEach(function (id) {
        data[id].forEach(function (entry, i) {
          var size = JSON.stringify(entry).length;
          if (entry && (!longest || size > longest.size)) longest = { id: id, i: i, size: size };
        });
      });
      data[longest.id][longest.i] = 0;
      text = JSON.stringify(data);
    }
    return text;
  }

  /* Puts saved answers back in the store the quiz reads, unless the store holds a newer one. */
  function restore(text) {
    var data;
    if (!text) return;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return;
    }
    if (!data || typeof data !== "object") return;
    all(document, ".coursekit-quiz").forEach(function (el) {
      var saved = data[el.getAttribute("data-quiz-id")];
      if (!Array.isArray(saved)) return;
      all(el, "fieldset.coursekit-question").forEach(function (fieldset, i) {
        var entry = saved[i];
        var hash = fieldset.getAttribute("data-hash");
        if (!Array.isArray(entry) || entry.length !== 6 || hash.slice(0, 4) !== entry[0]) return;
        var key = storagePrefix(el) + fieldset.getAttribute("data-question-id");
        var stored = store.read(key);
        if (stored && stored.hash === hash && (stored.rev || 0) >= entry[5]) return;
        store.write(key, { hash: hash, response: entry[1], tries: entry[2], wrong: entry[3], checked: !!entry[4], rev: entry[5] });
      });
    });
  }

  function report() {
    if (!lms) return;
    var points = 0;
    var checked = 0;
    var total = 0;
    Object.keys(quizzes).forEach(function (id) {
      points += quizzes[id].points;
      checked += quizzes[id].checked;
      total += quizzes[id].total;
    });
    var percent = total ? roundHalfUp(100 * points / total, 2) : 0;
    var mastery = parseFloat(get("cmi.student_data.mastery_score"));
    var status = checked < total ? "incomplete" : isNaN(mastery) ? "completed" : percent >= mastery ? "passed" : "failed";
    var changed = [set("cmi.core.score.min", 0), set("cmi.core.score.max", 100), set("cmi.core.score.raw", percent),
      set("cmi.core.lesson_status", status), set("cmi.suspend_data", encode())];
    if (changed.indexOf(true) >= 0 && !committing) {
      // One commit for a burst of changes (a quiz reports once per question while it starts).
      committing = true;
      root.setTimeout(function () {
        committing = false;
        if (lms) call(lms, "LMSCommit", [""]);
      }, 0);
    }
  }

  function onChange(event) {
    quizzes[event.detail.id] = event.detail;
    report();
  }

  function finish() {
    if (!lms) return;
    var seconds = (Date.now() - started) / 1000;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor(seconds / 60) % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    set("cmi.core.session_time", pad(hours) + ":" + pad(minutes) + ":" + pad(Math.floor(seconds % 60)));
    // Resume only a lesson still in progress; a passed or failed one starts afresh next time.
    set("cmi.core.exit", sent["cmi.core.lesson_status"] === "incomplete" ? "suspend" : "");
    call(lms, "LMSCommit", [""]);
    var api = lms;
    lms = null;
    call(api, "LMSFinish", [""]);
  }

  /* Opens a session with the LMS; false if there is no LMS or it refuses. */
  function begin() {
    var found = find();
    if (!found || !call(found, "LMSInitialize", [""])) return false;
    lms = found;
    sent = {};
    started = Date.now();
    if (get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
    sent["cmi.core.lesson_status"] = sent["cmi.core.lesson_status"] || get("cmi.core.lesson_status");
    restore(get("cmi.suspend_data"));
    // A new session on a page whose quizzes have already started: report what they hold.
    if (Object.keys(quizzes).length) report();
    return true;
  }

  function start() {
    if (!document.querySelector(".coursekit-quiz") || !begin()) return;
    document.addEventListener("coursekit-change", onChange);
    root.addEventListener("pagehide", finish);
    root.addEventListener("pageshow", function (event) {
      // A page restored from the back/forward cache after LMSFinish: a new session, if the LMS gives one.
      if (event.persisted && !lms) begin();
    });
  }

  return { start: start };
})();
if (root && root.document && !root.coursekitQuiz) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scorm.start);
  else scorm.start();
}
