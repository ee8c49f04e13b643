"""Property-based tests (hypothesis) of what reads hostile input: the content loaders and the progress file.

Any content file either loads or is refused with one line per problem, never a traceback, and is never
changed. Any progress file either loads whole or is refused with one message, and storage then holds exactly
the file's records or exactly what it held before, whatever the storage refuses.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONTENT
from coursekit.course.check import check_path
from coursekit.qtypes.strings import strings
from coursekit.quizzes.quiz_assets import classic_script

# Text that means something to YAML, the loaders or a reader: indicators, tags, anchors, odd numbers, odd
# characters (controls, noncharacters, bidi, invisible), and other content's keys.
YAML_PIECES = [
    "\n", "  ", "- ", ": ", "{", "}", "[", "]", ",", "#", "&a ", "*a", "!!binary ", "!x ", "|", ">", "'", '"',
    "---", "...", "? ", "%YAML 1.1", "id: ", "type: ", "numeric", "matching", "ordering", "text", "single",
    "questions:", "options:", "pairs:", "items:", "accept:", "answer: ", "range: ", "tolerance: ", "1e400",
    "-1e400", ".nan", ".inf", "1.7e308", "0x1F", "yes", "null", "~", "\x00", "\x07", "\ufffe", "\u202e",
    "\u200b", "\ud800", "é", "e\u0301", "🙂", "\t", "\r", "{term}`x`", "objective: ", "faq: [", "pretest: [",
]
FILE_NAMES = ["faq.yml", "lessons.yml", "course.yml", "instructor.yml", "red-flags.yml", "quizzes/causes.yml"]


def mutated(original: str):
    """A content file with lines dropped, repeated or cut, and hostile pieces put in."""
    lines = original.splitlines(keepends=True)
    edit = st.tuples(st.integers(0, max(len(lines) - 1, 0)), st.sampled_from(["drop", "repeat", "cut", "insert"]),
                     st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=4), max_size=4).map("".join))

    def apply(edits):
        result = list(lines)
        for index, action, piece in edits:
            index = min(index, len(result) - 1)
            if index < 0:
                result = [piece]
            elif action == "drop":
                del result[index]
            elif action == "repeat":
                result.insert(index, result[index])
            elif action == "cut":
                result[index] = result[index][: len(result[index]) // 2] + piece
            else:
                result.insert(index, piece + "\n")
        return "".join(result)

    return st.lists(edit, min_size=1, max_size=6).map(apply)


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("course") / "content"
    shutil.copytree(CONTENT, folder)
    return folder


@pytest.mark.parametrize("name", FILE_NAMES)
def test_any_content_file_loads_or_is_refused_in_one_line_a_problem(course_copy, name):
    path = course_copy / name
    original = path.read_text(encoding="utf-8")

    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=mutated(original) | st.binary(max_size=200).map(lambda data: data.decode("latin-1")))
    def loads_or_is_refused(text):
        data = text.encode("utf-8", "surrogatepass")
        path.write_bytes(data)
        try:
            summary, problems = check_path(path)
            assert bool(summary) != bool(problems)
            for problem in problems:
                line = str(problem)
                assert "\n" not in line and "\r" not in line and line.isprintable(), line
            assert path.read_bytes() == data
        finally:
            path.write_text(original, encoding="utf-8")

    loads_or_is_refused()


# Node runs the book's quiz script on each generated progress file, with a storage that holds some earlier
# records and refuses writes past a quota, and reports every file whose outcome breaks the rule.
NODE_CHECK = """
const api = require(process.argv[1]);
const [data, cases] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const messages = new Set(process.argv.slice(2));
function storage(entries, quota) {
  const items = new Map(entries);
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem(key, value) {
      let used = 0;
      for (const [k, v] of items) if (k !== key) used += k.length + v.length;
      if (used + key.length + String(value).length > quota) throw new Error("QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem: (key) => { items.delete(key); },
    key: (index) => [...items.keys()][index] ?? null,
    get length() { return items.size; },
    items,
  };
}
const broken = [];
for (const [text, quota] of cases) {
  const earlier = [["coursekit:c:causes:q1", '{"hash":"old","tries":1,"wrong":0,"checked":true}'],
                   ["coursekit-review:c:causes/q1", '{"hash":"old","box":1,"at":5,"correct":true,"sure":null}'],
                   ["other-site-key", "kept"]];
  const area = storage(earlier, quota);
  let said;
  try { said = api.loadProgress(text, data, area); } catch (error) { broken.push([text, "threw " + error]); continue; }
  if (!messages.has(said.replace(/\\d+ answers/, "N answers"))) { broken.push([text, "said " + said]); continue; }
  const now = JSON.stringify([...area.items].sort());
  if (said.startsWith("Progress loaded")) {
    const file = JSON.parse(text);
    const expected = [["other-site-key", "kept"]];
    for (const [k, v] of Object.entries(file.answers)) expected.push([k, JSON.stringify(v)]);
    for (const [k, v] of Object.entries(file.review)) expected.push(["coursekit-review:c:" + k, JSON.stringify(v)]);
    if (now !== JSON.stringify(expected.sort())) broken.push([text, "loaded, but storage holds " + now]);
  } else if (now !== JSON.stringify([...earlier].sort())) {
    broken.push([text, "refused, but storage changed to " + now]);
  }
}
console.log(JSON.stringify(broken));
"""
DATA = {"course": "c", "questions": [{"quiz": "causes", "id": "q1"}, {"quiz": "causes", "id": "q2"}]}
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
ANSWER = st.fixed_dictionaries({"hash": st.text(max_size=6), "tries": st.integers(0, 5), "wrong": st.integers(0, 5),
                                "checked": st.booleans()}, optional={"response": JSON_VALUE, "rev": st.integers(0, 9)})
REVIEW = st.fixed_dictionaries({"hash": st.text(max_size=6), "box": st.integers(0, 9),
                                "at": st.integers(-(10**16), 10**16) | st.floats(allow_nan=False),
                                "correct": st.booleans(), "sure": st.none() | st.booleans()})
ANSWER_KEYS = st.sampled_from(["coursekit:c:causes:q1", "coursekit:c:causes:q2", "coursekit:c:pretest-causes:q1",
                               "coursekit:c:spaced-review:q2", "coursekit:c:causes:q9", "coursekit:d:causes:q1",
                               "coursekit-review:c:causes/q1", "__proto__", ""])
REVIEW_KEYS = st.sampled_from(["causes/q1", "causes/q2", "causes/q9", "causes:q1", "__proto__", "constructor"])


@st.composite
def progress_files(draw) -> str:
    data = {"format": draw(st.sampled_from(["coursekit-progress", "other"])), "version": draw(st.sampled_from([1, 2])),
            "course": draw(st.sampled_from(["c", "d"])), "saved": draw(st.sampled_from(
                ["2026-01-01T00:00:00.000Z", "not a date", "+275760-09-13T00:00:00.000Z"])),
            "answers": draw(st.dictionaries(ANSWER_KEYS, ANSWER | JSON_VALUE, max_size=3)),
            "review": draw(st.dictionaries(REVIEW_KEYS, REVIEW | JSON_VALUE, max_size=3))}
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=2, unique=True)):
        data[key] = draw(JSON_VALUE)
    text = json.dumps(data)
    return draw(st.sampled_from([text, text[: len(text) // 2], text + "x", " " + text]))


@pytest.fixture(scope="module")
def quiz_script(tmp_path_factory) -> Path:
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).is_file():
        pytest.fail("Node.js is needed to run quiz.js: install Debian's `nodejs` package")
    script = tmp_path_factory.mktemp("js") / "quiz.js"
    script.write_text(classic_script("progress"), encoding="utf-8")
    return script


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases=st.lists(st.tuples(progress_files(), st.sampled_from([200, 400, 100_000])), min_size=20, max_size=20))
def test_a_progress_file_loads_whole_or_changes_nothing(quiz_script, cases):
    said = [strings()[name] for name in ("file_bad", "file_too_large", "file_not_kept")]
    said.append(strings()["file_loaded"].replace("{count}", "N"))
    done = subprocess.run(["node", "-e", NODE_CHECK, str(quiz_script), *said], input=json.dumps([DATA, cases]),
                          capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout) == []
