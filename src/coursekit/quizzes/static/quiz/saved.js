/* Saved progress: one record per course, quiz and question; storage may be blocked or hold junk.
   Where the browser keeps nothing, records live in `memory` for this visit only. What a record holds,
   and whether a saved one can be used, is here too. */

var memory = {};

var store = {
  read: function (key) {
    try {
      return JSON.parse(root.localStorage.getItem(key));
    } catch (error) {
      return memory[key] === undefined ? null : JSON.parse(memory[key]);
    }
  },
  write: function (key, data) {
    try {
      root.localStorage.setItem(key, JSON.stringify(data));
    } catch (error) {
      memory[key] = JSON.stringify(data);
    }
  },
  remove: function (key) {
    try {
      root.localStorage.removeItem(key);
    } catch (error) {
      delete memory[key];
    }
  },
  keys: function (prefix) {
    var found = [];
    try {
      for (var i = 0; i < root.localStorage.length; i += 1) {
        var key = root.localStorage.key(i);
        if (key && key.indexOf(prefix) === 0) found.push(key);
      }
    } catch (error) {
      found = Object.keys(memory).filter(function (key) { return key.indexOf(prefix) === 0; });
    }
    return found;
  }
};

/* Where a quiz's questions are saved in browser storage: this prefix and the question's id. */
function storagePrefix(el) {
  return "coursekit:" + el.getAttribute("data-course") + ":" + el.getAttribute("data-quiz-id") + ":";
}

function count(value) {
  return typeof value === "number" && value % 1 === 0 && value >= 0;
}

/* A saved record this question can use, or null: a record of another version of the question, or one
   whose fields are not what this code writes, is not used. */
function usable(q, saved) {
  if (!saved || typeof saved !== "object" || saved.hash !== q.hash) return null;
  if (!count(saved.tries) || !count(saved.wrong) || typeof saved.checked !== "boolean") return null;
  if (saved.rev !== undefined && !count(saved.rev)) return null;
  var response = saved.response === undefined ? null : saved.response;
  return typeOf(q.type).valid(q.key, response) ? saved : null;
}

/* Every view on the page of one stored question, so another tab's change reaches them all. */
var views = {};

function fresh() {
  return { response: null, tries: 0, wrong: 0, grade: null, verdict: "", rev: 0, note: "" };
}

function record(q) {
  return {
    hash: q.hash, response: q.state.response, tries: q.state.tries, wrong: q.state.wrong,
    checked: !!(q.state.grade && q.state.grade.answered), rev: q.state.rev
  };
}
