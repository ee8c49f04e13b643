/* "Save my progress" and loading it back: a progress file holds every saved answer and the review schedule
   of one course (part of the progress scripts, beside progress.js). */

var PROGRESS_FILE = { format: "coursekit-progress", version: 1 };

/* Progress files: every saved answer and the schedule of one course, versioned. */
function progressFile(course, now) {
  var answers = {};
  store.keys("coursekit:" + course + ":").forEach(function (key) { answers[key] = store.read(key); });
  return { format: PROGRESS_FILE.format, version: PROGRESS_FILE.version, course: course,
    saved: new Date(now).toISOString(), answers: answers, review: reviews(course) };
}

/* Loading a progress file is all or nothing. `progressRecords` checks the whole file first: this course and
   version, every record naming one of the course's questions (`data`, from `courseData`) in the shape this code
   writes, real dates, sane sizes; it returns the records to keep by storage key, or the name of the refusal.
   `loadProgress` then replaces the course's records in `storage` at once, reading each write back; when one is
   refused, what was there is put back. Without `storage` (the browser keeps nothing) they last for this visit. */
var PROGRESS_MOST = 1000000;  // characters in a progress file
var RECORD_MOST = 20000;  // characters in one saved record

function progressRecords(text, data) {
  var file = null, records = Object.create(null), known = Object.create(null), course = data.course;
  if (String(text).length > PROGRESS_MOST) return "file_too_large";
  try { file = JSON.parse(text); } catch (error) { return "file_bad"; }
  if (!plainObject(file) || file.format !== PROGRESS_FILE.format || file.version !== PROGRESS_FILE.version ||
      file.course !== course || !plainObject(file.answers) || !plainObject(file.review) ||
      (file.saved !== undefined && !(typeof file.saved === "string" && Date.parse(file.saved) <= LAST_DATE))) {
    return "file_bad";
  }
  data.questions.forEach(function (item) {
    [item.quiz, "pretest-" + item.quiz, REVIEW_QUIZ].forEach(function (quiz) {
      known["coursekit:" + course + ":" + quiz + ":" + item.id] = true;
    });
    known[reviewPrefix(course) + item.quiz + "/" + item.id] = true;
  });
  var fits = function (value) { return JSON.stringify(value).length <= RECORD_MOST; };
  var answer = function (saved) {
    return plainObject(saved) && typeof saved.hash === "string" && count(saved.tries) && count(saved.wrong) &&
      typeof saved.checked === "boolean" && (saved.rev === undefined || count(saved.rev));
  };
  var parts = [[file.answers, "", "coursekit:", answer], [file.review, reviewPrefix(course), "", reviewEntry]];
  var good = parts.every(function (part) {
    return Object.keys(part[0]).every(function (id) {
      var key = part[1] + id, value = part[0][id];
      records[key] = value;
      return known[key] === true && id.indexOf(part[2]) === 0 && part[3](value) && fits(value);
    });
  });
  return good ? { records: records, answers: Object.keys(file.answers).length } : "file_bad";
}

var visitStorage = {
  getItem: function (key) { return memory[key] === undefined ? null : memory[key]; },
  setItem: function (key, value) { memory[key] = String(value); },
  removeItem: function (key) { delete memory[key]; },
  key: function (index) { return Object.keys(memory)[index]; },
  get length() { return Object.keys(memory).length; }
};

function loadProgress(text, data, storage) {
  var found = progressRecords(text, data);
  if (typeof found === "string") return say(found, {});
  var area = storage || visitStorage, before = {}, prefixes = ["coursekit:" + data.course + ":", reviewPrefix(data.course)];
  for (var i = 0; i < area.length; i += 1) {
    var key = area.key(i);
    if (prefixes.some(function (prefix) { return key.indexOf(prefix) === 0; })) before[key] = area.getItem(key);
  }
  try {
    Object.keys(before).forEach(function (key) { area.removeItem(key); });
    Object.keys(found.records).forEach(function (key) {
      var json = JSON.stringify(found.records[key]);
      area.setItem(key, json);
      if (area.getItem(key) !== json) throw new Error("not kept");
    });
  } catch (error) {
    Object.keys(found.records).forEach(function (key) { try { area.removeItem(key); } catch (e) { /* gone */ } });
    Object.keys(before).forEach(function (key) { try { area.setItem(key, before[key]); } catch (e) { /* kept */ } });
    return say("file_not_kept", {});
  }
  return say(storage ? "file_loaded" : "file_loaded_visit", { count: found.answers });
}

/* Browser storage when it works, else null. */
function browserStorage() {
  try {
    root.localStorage.getItem("coursekit-probe");
    return root.localStorage;
  } catch (error) {
    return null;
  }
}

function fileControls(el) {
  var course = el.getAttribute("data-course");
  var status = el.querySelector(".coursekit-file-status");
  var saveButton = el.querySelector(".coursekit-save");
  var picker = el.querySelector(".coursekit-load");
  if (!saveButton || !picker) return;
  saveButton.addEventListener("click", function () {
    var name = course + "-progress.json";
    var blob = new Blob([JSON.stringify(progressFile(course, Date.now()), null, 1)], { type: "application/json" });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    status.textContent = say("file_saved", { name: name });
  });
  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) return;
    if (file.size > PROGRESS_MOST) {
      status.textContent = say("file_too_large", {});
      picker.value = "";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      status.textContent = loadProgress(String(reader.result), courseData(el), browserStorage());
      picker.value = "";
      refreshAll();
    };
    reader.onerror = function () { status.textContent = say("file_unreadable", {}); };
    reader.readAsText(file);
  });
}

function storageWorks() {
  try {
    root.localStorage.setItem("coursekit-probe", "1");
    root.localStorage.removeItem("coursekit-probe");
    return true;
  } catch (error) {
    return false;
  }
}
