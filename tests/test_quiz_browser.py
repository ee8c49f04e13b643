"""Quizzes in Chromium with no kernel: a preview page (`python -m coursekit preview`) and the built book."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import BUILD, FIXTURES, ROOT, serve_folder
from coursekit.quizzes.quiz_assets import classic_script

BANKS = FIXTURES / "banks"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("storage is blocked", "SecurityError"); },
});
"""


def write_preview(bank: Path, out: Path, *extra: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "preview", str(bank), "--out", str(out), *extra],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("preview")
    shutil.copy(BANKS / "every_type.yml", folder / "every_type.yml")
    write_preview(folder / "every_type.yml", folder / "quiz.html")
    write_preview(BANKS / "every_type.yml", folder / "reveal.html", "--show-answer-after", "2")
    for bank in sorted(BANKS.glob("*xss*.yml")):
        write_preview(bank, folder / f"{bank.stem}.html")
    server, url = serve_folder(folder)
    yield folder, url
    server.shutdown()
    server.server_close()


@pytest.fixture
def errors(page: Page) -> list[str]:
    """Script errors, and failed responses (Chromium's own /favicon.ico probe aside)."""
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))

    def on_console(message) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            found.append(message.text)

    def on_response(response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            found.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    return found


def question(page: Page, question_id: str):
    return page.locator(f'fieldset[data-question-id="{question_id}"]')


def check(page: Page, question_id: str) -> None:
    question(page, question_id).get_by_role("button", name="Check").click()


def feedback(page: Page, question_id: str):
    return question(page, question_id).locator(".coursekit-feedback")


def reset_quiz(page: Page) -> None:
    page.get_by_role("button", name="Reset quiz").click()
    page.get_by_role("button", name="Erase answers").click()


def answer_some(page: Page) -> None:
    question(page, "pick-one").get_by_label("Carrying blood back to the heart").check()
    check(page, "pick-one")
    question(page, "how-many").get_by_label("Your answer").fill(" 149,5 ")
    check(page, "how-many")
    match = question(page, "match-them")
    match.get_by_label("Artery").select_option(label="Blood back to the heart")
    match.get_by_label("Vein").select_option(label="Blood back to the heart")
    check(page, "match-them")


@pytest.mark.browser
def test_right_and_wrong_answers_get_feedback_and_score(page: Page, site, errors) -> None:
    page.goto(site[1] + "quiz.html")
    one = question(page, "pick-one")
    one.get_by_label("Carrying air to the lungs").check()
    check(page, "pick-one")
    expect(feedback(page, "pick-one")).to_contain_text("Not right yet.")
    expect(feedback(page, "pick-one")).to_contain_text("That's the airways' job, not a vessel's.")
    one.get_by_label("Carrying blood back to the heart").check()
    check(page, "pick-one")
    expect(feedback(page, "pick-one")).to_have_text(re.compile(r"^Correct\.Yes: veins return blood\.Veins carry blood"))
    expect(one.locator("details")).to_be_hidden()
    expect(one.get_by_role("button", name="Try again")).to_be_hidden()
    expect(feedback(page, "pick-one").get_by_role("link")).to_have_attribute(
        "href", "source-faq.ipynb#faq-poor-circulation-in-back-causes"
    )
    statement = question(page, "true-or-false")
    expect(statement.get_by_role("button", name="Try again")).to_be_hidden()
    statement.get_by_label("False").check()
    check(page, "true-or-false")
    expect(feedback(page, "true-or-false")).to_contain_text("Not right yet.Hint: read the statement again")
    statement.get_by_label("True").check()
    check(page, "true-or-false")
    expect(feedback(page, "true-or-false")).not_to_contain_text("Hint:")
    several = question(page, "pick-several")
    several.get_by_label("Arteries").check()
    several.get_by_label("Tendons").check()
    check(page, "pick-several")
    expect(feedback(page, "pick-several")).to_contain_text("Not right yet.")
    several.get_by_label("Tendons").uncheck()
    check(page, "pick-several")
    expect(feedback(page, "pick-several")).to_contain_text("Partly right (33%).")
    question(page, "type-it").get_by_label("Your answer").fill("  The   HEART ")
    check(page, "type-it")
    expect(feedback(page, "type-it")).to_contain_text("Correct.")
    question(page, "how-many").get_by_label("Your answer").fill("a lot")
    check(page, "how-many")
    expect(feedback(page, "how-many")).to_have_text("That is not a number: enter a number, then press Check.")
    question(page, "how-many").get_by_label("Your answer").fill("")
    check(page, "how-many")
    expect(feedback(page, "how-many")).to_have_text("Give an answer first, then press Check.")
    expect(page.locator(".coursekit-score")).to_have_text("Score: 3.33 of 7 (4 checked).")
    expect(question(page, "pick-one").get_by_role("button", name="Try again")).to_be_hidden()
    question(page, "pick-several").get_by_role("button", name="Try again").click()
    expect(question(page, "pick-several").locator("input:checked")).to_have_count(0)
    expect(question(page, "pick-several").locator("input").first).to_be_focused()
    expect(question(page, "pick-several").get_by_role("button", name="Try again")).to_be_hidden()
    expect(feedback(page, "pick-several")).to_be_empty()
    expect(page.locator(".coursekit-score")).to_have_text("Score: 3 of 7 (3 checked).")
    assert errors == []


@pytest.mark.browser
def test_answers_are_restored_after_a_reload(page: Page, site, errors) -> None:
    page.goto(site[1] + "quiz.html")
    answer_some(page)
    score = page.locator(".coursekit-score").inner_text()
    page.reload()
    expect(question(page, "pick-one").get_by_label("Carrying blood back to the heart")).to_be_checked()
    expect(feedback(page, "pick-one")).to_contain_text("Correct.")
    expect(question(page, "how-many").get_by_label("Your answer")).to_have_value(" 149,5 ")
    expect(question(page, "match-them").get_by_label("Vein")).to_have_value("1")
    expect(feedback(page, "match-them")).to_contain_text("Partly right (33%).")
    expect(page.locator(".coursekit-score")).to_have_text(score)
    reset_quiz(page)
    expect(page.locator(".coursekit-quiz input:checked")).to_have_count(0)
    page.reload()
    expect(page.locator(".coursekit-score")).to_have_text("Score: 0 of 7 (0 checked).")
    assert errors == []


@pytest.mark.browser
def test_a_changed_question_starts_fresh_and_the_others_keep_their_answers(page: Page, site, errors) -> None:
    folder, url = site
    page.goto(url + "quiz.html")
    answer_some(page)
    bank = folder / "every_type.yml"
    original = bank.read_text()
    try:
        bank.write_text(original.replace("How many minutes are there in 2.5 hours?", "How many minutes in 3 hours?"))
        write_preview(bank, folder / "quiz.html", "--force")
        page.reload()
        expect(question(page, "how-many").get_by_label("Your answer")).to_have_value("")
        expect(feedback(page, "how-many")).to_be_empty()
        expect(question(page, "pick-one").get_by_label("Carrying blood back to the heart")).to_be_checked()
    finally:
        bank.write_text(original)
        write_preview(bank, folder / "quiz.html", "--force")
    assert errors == []


@pytest.mark.browser
def test_corrupt_saved_progress_is_ignored(page: Page, site, errors) -> None:
    page.goto(site[1] + "quiz.html")
    hashes = page.eval_on_selector_all("fieldset", "all => all.map(f => f.dataset.hash)")
    prefix = "coursekit:circulation-and-back-pain:every-type:"
    junk = {
        "pick-one": "{not json",
        "pick-several": json.dumps({"hash": hashes[1], "response": {"x": 1}, "checked": True}),
        "match-them": json.dumps({"hash": hashes[5], "response": "nonsense", "tries": "many", "checked": True}),
        "type-it": "null",
    }
    page.evaluate("([prefix, junk]) => { for (const k in junk) localStorage.setItem(prefix + k, junk[k]); }",
                  [prefix, junk])
    page.reload()
    expect(page.locator(".coursekit-score")).to_be_visible()
    question(page, "type-it").get_by_label("Your answer").fill("heart")
    check(page, "type-it")
    expect(feedback(page, "type-it")).to_contain_text("Correct.")
    question(page, "pick-one").get_by_label("Making blood cells").check()
    check(page, "pick-one")
    expect(feedback(page, "pick-one")).to_contain_text("Not right yet.")
    assert errors == []


@pytest.mark.browser
def test_the_quiz_works_with_storage_blocked(page: Page, site, errors) -> None:
    page.add_init_script(BLOCK_STORAGE)
    page.goto(site[1] + "quiz.html")
    question(page, "true-or-false").get_by_label("True").check()
    check(page, "true-or-false")
    expect(feedback(page, "true-or-false")).to_contain_text("Correct.")
    reset_quiz(page)
    expect(feedback(page, "true-or-false")).to_be_empty()
    assert errors == []


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (the way a keyboard user moves)."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.browser
def test_a_whole_quiz_can_be_done_with_the_keyboard(page: Page, site, errors) -> None:
    page.goto(site[1] + "quiz.html")
    base = "#ck--circulation-and-back-pain--every-type--"
    tab_to(page, base + "pick-one--o0")
    page.keyboard.press("Space")
    tab_to(page, base + "pick-one .coursekit-check")
    page.keyboard.press("Enter")
    for option in ("o0", "o1", "o2"):
        tab_to(page, f"{base}pick-several--{option}")
        page.keyboard.press("Space")
    tab_to(page, base + "pick-several .coursekit-check")
    page.keyboard.press("Enter")
    tab_to(page, base + "true-or-false--true")
    page.keyboard.press("Space")
    tab_to(page, base + "true-or-false .coursekit-check")
    page.keyboard.press("Enter")
    for question_id, typed in (("how-many", "150"), ("in-a-range", "2"), ("type-it", "heart")):
        tab_to(page, f"{base}{question_id}--input")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
    for pair in range(3):
        select = f"{base}match-them--m{pair}"
        tab_to(page, select)
        # The right-hand items are shown shuffled: press ArrowDown until the pair's own item (value = its index).
        downs = page.eval_on_selector(select, "(s, want) => [...s.options].findIndex(o => o.value === want)", str(pair))
        for _ in range(downs):
            page.keyboard.press("ArrowDown")
    tab_to(page, base + "match-them .coursekit-check")
    page.keyboard.press("Space")
    expect(page.locator(".coursekit-summary")).to_have_text("Quiz done. You scored 7 of 7. Every answer is right.")
    expect(page.locator(".coursekit-feedback.is-correct")).to_have_count(7)
    tab_to(page, ".coursekit-reset")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Keep them")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".coursekit-summary")).to_be_visible()
    expect(page.get_by_role("button", name="Reset quiz")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Erase answers")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".coursekit-summary")).to_be_hidden()
    expect(page.locator(".coursekit-quiz input:checked")).to_have_count(0)
    assert errors == []


@pytest.mark.browser
def test_the_answer_is_revealed_after_the_set_number_of_wrong_tries(page: Page, site, errors) -> None:
    page.goto(site[1] + "reveal.html")
    answer = question(page, "true-or-false").locator("details")
    expect(answer).to_be_hidden()
    question(page, "true-or-false").get_by_label("False").check()
    check(page, "true-or-false")
    expect(answer).to_be_hidden()
    check(page, "true-or-false")
    expect(answer).to_be_visible()
    expect(answer).to_have_attribute("open", "")
    expect(feedback(page, "true-or-false")).to_contain_text("The answer is now shown below.")
    assert errors == []


def wcag_violations(page: Page) -> list:
    results = Axe().run(page, context={"include": [[".coursekit-quiz"]]}, options=WCAG)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_in_the_quiz(page: Page, site, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site[1] + "quiz.html")
    assert wcag_violations(page) == []
    answer_some(page)
    question(page, "match-them").locator("summary").click()
    assert wcag_violations(page) == []


@pytest.mark.browser
def test_payloads_stay_inert_in_the_browser(page: Page, site, errors) -> None:
    pages = sorted(site[0].glob("*xss*.html"))
    assert pages
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for html in pages:
        page.goto(site[1] + html.name)
        for box in page.locator("fieldset").all():
            for control in box.locator("input[type=radio], input[type=checkbox]").all():
                control.check()
            for typed in box.locator("input[type=text]").all():
                typed.fill("</q><script>alert(1)</script>")
            for select in box.locator("select").all():
                select.select_option(index=1)
            box.get_by_role("button", name="Check").click()
            if box.locator("summary").is_visible():
                box.locator("summary").click()
            box.locator("legend").hover()
        quiz = page.locator(".coursekit-quiz")
        expect(quiz.locator("script, img, svg, iframe, object, style, math")).to_have_count(0)
        handlers = quiz.evaluate("q => [...q.querySelectorAll('*')].flatMap(e => e.getAttributeNames())"
                                 ".filter(n => n.startsWith('on'))")
        assert handlers == []
        assert quiz.locator("a[href^='javascript:' i], a[href^='data:' i]").count() == 0
    assert dialogs == []
    assert errors == []


def quiz_pages() -> list[Path]:
    return sorted(p for p in BUILD.rglob("*.html") if 'class="coursekit-quiz ' in p.read_text(encoding="utf-8"))


def notebooks_with_quizzes() -> list[Path]:
    return sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if "coursekit.quiz(" in p.read_text())


def test_pages_load_only_the_quiz_code_they_use(book_url: str) -> None:
    assert notebooks_with_quizzes(), "the lesson notebooks show quizzes"
    pages = quiz_pages()
    assert len(pages) >= len(notebooks_with_quizzes())
    for html in BUILD.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        progress = 'class="coursekit-progress"' in text
        wanted = "quiz-progress.js" if progress else "quiz.js" if html in pages else None
        scripts = re.findall(r'<script defer="defer" src="[^"]*_static/(quiz[^"?]*)', text)
        assert scripts == ([wanted] if wanted else []), html
        assert bool(re.search(r'<link [^>]*href="[^"]*_static/quiz\.css', text)) == bool(wanted), html
    # The learner edition has no class mode and no SCORM runtime; the lesson script has no progress page code.
    assert sorted(path.name for path in (BUILD / "_static").glob("quiz*.js")) == ["quiz-progress.js", "quiz.js"]
    assert (BUILD / "_static" / "quiz.js").read_text(encoding="utf-8") == classic_script()
    assert (BUILD / "_static" / "quiz-progress.js").read_text(encoding="utf-8") == classic_script("progress")
    for absent in ("function classMode", "LMSInitialize", "function setUpProgress"):
        assert absent not in classic_script()


@pytest.mark.browser
def test_a_lesson_quiz_in_the_built_book_grades_and_restores(page: Page, book_url: str, errors) -> None:
    assert notebooks_with_quizzes(), "the lesson notebooks show quizzes"
    html = quiz_pages()[0]
    page.goto(book_url + html.relative_to(BUILD).as_posix())
    box = page.locator(".coursekit-quiz:not([data-pretest]):not([data-recap]) fieldset.coursekit-question").first
    radios = box.locator("input[type=radio]")
    assert radios.count() >= 2, "the first quiz question of the first quiz page is expected to be a choice"
    key = json.loads(box.get_attribute("data-key"))
    correct = [str(i) for i, right in enumerate(key.get("correct", [])) if right] or [str(key.get("answer")).lower()]
    wrong = next(r for r in radios.all() if r.get_attribute("value") not in correct)
    wrong.check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".coursekit-feedback")).to_contain_text("Not right yet.")
    box.locator(f'input[value="{correct[0]}"]').check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".coursekit-feedback")).to_contain_text("Correct.")
    page.reload()
    expect(box.locator(f'input[value="{correct[0]}"]')).to_be_checked()
    expect(box.locator(".coursekit-feedback")).to_contain_text("Correct.")
    assert wcag_violations(page) == []
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    assert wcag_violations(page) == []
    # The rest of the book's assets are tested elsewhere; here, script errors and the quiz's own files count.
    assert [e for e in errors if "quiz" in e or not e.startswith("404 ")] == []


@pytest.mark.browser
def test_an_ordering_question_is_put_in_order_with_the_keyboard(page: Page, tmp_path, errors) -> None:
    bank = BANKS / "put_in_order.yml"
    write_preview(bank, tmp_path / "order.html")
    page.goto((tmp_path / "order.html").as_uri())
    steps = question(page, "steps")
    items = ["Boil the water", "Pour it on the tea", "Let it steep", "Take the tea out"]
    shown = [text.strip() for text in steps.locator(".coursekit-item").all_inner_texts()]
    assert sorted(shown) == sorted(items) and shown != items
    check(page, "steps")
    expect(feedback(page, "steps")).to_contain_text(re.compile(r"Not right yet\.|Partly right"))
    expect(steps.get_by_role("button", name="Try again")).to_be_visible()
    for target, item in enumerate(items):
        up = steps.get_by_role("button", name=f"Move up: {item}")
        up.focus()
        for _ in range(shown.index(item) - target):
            page.keyboard.press("Enter")
            expect(up).to_be_focused()
        shown.remove(item)
        shown.insert(target, item)
    expect(steps.locator(".coursekit-order-status")).to_have_text(re.compile(r"^“.+” is now number [1-3] of 4\.$"))
    assert [text.strip() for text in steps.locator(".coursekit-item").all_inner_texts()] == items
    steps.get_by_role("button", name="Move down: Take the tea out").click()
    tab_to(page, "#" + steps.get_attribute("id") + " .coursekit-check")
    page.keyboard.press("Enter")
    expect(feedback(page, "steps")).to_contain_text("Correct.")
    expect(feedback(page, "steps")).to_contain_text("Water first, tea out last.")
    page.reload()
    assert [text.strip() for text in steps.locator(".coursekit-item").all_inner_texts()] == items
    expect(feedback(page, "steps")).to_contain_text("Correct.")
    assert wcag_violations(page) == []
    assert errors == []


LINE_OF_TEXT = """
option => {
  const box = option.querySelector("input").getBoundingClientRect();
  const label = option.querySelector(".coursekit-option-text");
  const range = document.createRange();
  range.selectNodeContents(label);
  const line = range.getClientRects()[0];
  return box.top < line.bottom && box.bottom > line.top && box.right <= label.getBoundingClientRect().left;
}
"""


@pytest.mark.browser
def test_at_390_px_every_choice_stays_on_the_line_of_its_text(page: Page, tmp_path) -> None:
    write_preview(ROOT / "content" / "quizzes" / "causes.yml", tmp_path / "causes.html")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto((tmp_path / "causes.html").as_uri())
    options = page.locator(".coursekit-option").all()
    assert len(options) > 20
    assert [o.inner_text() for o in options if not o.evaluate(LINE_OF_TEXT)] == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1024])
def test_matching_drop_downs_line_up(page: Page, site, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site[1] + "quiz.html")
    lefts = {round(s.bounding_box()["x"]) for s in question(page, "match-them").locator("select").all()}
    assert len(lefts) == 1


@pytest.mark.browser
def test_source_faq_links_look_like_links(page: Page, site) -> None:
    page.goto(site[1] + "quiz.html")
    question(page, "pick-one").get_by_label("Making blood cells").check()
    check(page, "pick-one")
    link = question(page, "pick-one").locator("summary")
    link.click()
    faq_link = question(page, "pick-one").locator(".coursekit-faq-links a").first
    assert "underline" in faq_link.evaluate("a => getComputedStyle(a).textDecorationLine")


@pytest.mark.browser
def test_a_source_faq_link_in_a_book_quiz_opens_at_the_entry(page: Page, book_url: str, errors) -> None:
    page.goto(book_url + quiz_pages()[0].relative_to(BUILD).as_posix())
    lesson_quiz = ".coursekit-quiz:not([data-pretest]):not([data-recap])"
    box = page.locator(f"{lesson_quiz} fieldset.coursekit-question[data-type=single]:has(.coursekit-faq-links)").first
    wrong = json.loads(box.get_attribute("data-key"))["correct"].index(False)
    box.locator(f'input[value="{wrong}"]').check()
    box.get_by_role("button", name="Check").click()
    box.locator("summary").click()
    link = box.locator(".coursekit-faq-links a").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
    entry = link.get_attribute("href").split("#")[1]
    link.click()
    expect(page).to_have_url(re.compile(r"source-faq\.html#" + entry + "$"))
    expect(page.locator("#" + entry)).to_be_in_viewport()
    expect(page.locator(f"#{entry} h3")).to_be_in_viewport()
    assert [e for e in errors if not e.startswith("404 ")] == []
