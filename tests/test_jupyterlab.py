"""Lesson 1's quiz live in a real JupyterLab, used with the keyboard as a learner would.

One JupyterLab serves a copy of the lesson for the whole session (autosave never touches the repository).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, copy_lessons, jupyterlab
from coursekit.course.glossary import glossary_definitions

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
QUIZ = ".jp-OutputArea-output .coursekit-quiz:not([data-pretest]):not([data-recap])"  # the lesson's quiz
LONG = 120_000
KERNEL_IDLE = "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
# What a term shows beside it (its ::after box, from the course's notebook style sheet): the text, or null.
SHOWN = """term => {
  const after = getComputedStyle(term, "::after");
  return after.display !== "none" && after.content.startsWith('"') ? JSON.parse(after.content.split(' / ')[0]) : null;
}"""


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    folder, settings = tmp_path_factory.mktemp("lab"), tmp_path_factory.mktemp("lab-settings")
    copy_lessons(folder, ("01-causes.ipynb",))
    with jupyterlab(folder, settings) as url:
        yield url


def run_all(page: Page) -> None:
    # Run All is ignored while the kernel is still starting: wait until it reports idle.
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    expect(page.locator(QUIZ + ".coursekit-live")).to_be_visible(timeout=LONG)


def terms_and_citations_read_well(page: Page) -> None:
    """In lesson 1 as opened: a term is a link to the Glossary cell titled with its definition from the course's
    glossary, which it shows under its line on hover and on keyboard focus once the lesson's first cell has run; a
    citation is a bracketed number that moves to the References cell."""
    name, definition = glossary_definitions(ROOT / "book" / "glossary.md")["artery"]
    term = page.locator(".jp-MarkdownCell a.coursekit-term", has_text="arteries").first
    expect(term).to_have_attribute("title", f"{name}: {definition}", timeout=LONG)
    expect(term).to_have_attribute("href", "#glossary")
    cited = page.locator(".jp-MarkdownCell p", has_text="or PAD.[1]")
    expect(cited).to_contain_text("it is called\nperipheral artery disease, or PAD.[1]")
    expect(page.locator(".jp-MarkdownCell dd", has_text=definition)).to_be_attached(timeout=LONG)

    page.wait_for_function(KERNEL_IDLE, timeout=LONG)
    page.evaluate("""() => { const notebook = window.jupyterapp.shell.currentWidget.content;
        notebook.activeCellIndex = notebook.widgets.findIndex(cell => cell.model.type === "code");
        window.jupyterapp.commands.execute("notebook:run-cell"); }""")
    expect(page.locator(".jp-OutputArea-output style")).to_be_attached(timeout=LONG)
    page.mouse.move(0, 0)
    expect(term).to_be_visible()
    line = term.bounding_box()["height"]
    assert term.evaluate(SHOWN) is None
    term.hover()
    assert term.evaluate(SHOWN) == f"{name}: {definition}"
    assert term.bounding_box()["height"] > 2 * line  # the definition takes its own place under the line
    page.mouse.move(0, 0)
    assert term.evaluate(SHOWN) is None
    # From the keyboard: the term's cell selected (as a click or the arrow keys select it), Tab reaches the term.
    term.evaluate("""term => { const notebook = window.jupyterapp.shell.currentWidget.content;
        notebook.activeCellIndex = notebook.widgets.findIndex(cell => cell.node.contains(term));
        notebook.activeCell.node.focus(); }""")
    page.keyboard.press("Tab")
    expect(term).to_be_focused()
    assert term.evaluate(SHOWN) == f"{name}: {definition}"

    expect(page.locator("#references")).to_be_attached(timeout=LONG)  # the notebook renders its last cells late
    # Every rendered Markdown cell (the Glossary and References cells too); not JupyterLab's own cell buttons.
    assert wcag_violations(page, ".jp-MarkdownCell .myst") == []
    cited.locator("a.coursekit-cite").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#references")).to_be_in_viewport()
    source = "Mayo Clinic. Peripheral artery disease: Diagnosis and treatment."
    expect(page.locator(".jp-MarkdownCell li", has_text=source)).to_be_visible()


def question(page: Page, question_id: str):
    return page.locator(f'{QUIZ} fieldset[data-question-id="{question_id}"]')


def focused_in_quiz(page: Page) -> bool:
    return page.evaluate(f"!!document.activeElement.closest('{QUIZ}')")


def wcag_violations(page: Page, selector: str = QUIZ) -> list:
    results = Axe().run(page, context={"include": [[selector]]}, options=WCAG)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


# WCAG contrast of the quiz's text (4.5:1) and of its borders (3:1), from the computed styles, each
# against the background behind it.
CONTRASTS = """question => {
  const quiz = question.closest(".coursekit-quiz");
  const rgb = text => text.match(/[\\d.]+/g).map(Number);
  const channel = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.round(100 * (light + 0.05) / (dark + 0.05)) / 100;
  };
  const behind = node => {
    for (; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  const check = (what, node, property, needed, border) => {
    if (!node) return found.push({ what, ratio: 0, needed });
    const colour = rgb(getComputedStyle(node)[property]).slice(0, 3);
    found.push({ what, ratio: ratio(colour, behind(border ? node.parentElement : node)), needed });
  };
  check("question text", question.querySelector("legend"), "color", 4.5);
  check("option text", question.querySelector(".coursekit-option-text"), "color", 4.5);
  check("feedback link", question.querySelector(".coursekit-feedback a"), "color", 4.5);
  check("verdict", question.querySelector(".coursekit-verdict"), "color", 4.5);
  check("Check text", question.querySelector(".coursekit-check"), "color", 4.5);
  check("Check border", question.querySelector(".coursekit-check"), "borderTopColor", 3, true);
  check("Reset text", quiz.querySelector(".coursekit-reset"), "color", 4.5);
  check("Reset border", quiz.querySelector(".coursekit-reset"), "borderTopColor", 3, true);
  check("question border", question, "borderTopColor", 3, true);
  check("text box border", quiz.querySelector("input[type=text]"), "borderTopColor", 3, true);
  check("right-answer mark", question.querySelector(".coursekit-feedback"), "borderLeftColor", 3, true);
  return found;
}"""


def arrow_keys_stay_in_the_group(page: Page, radios):
    """Space picks bank option 0 of a radio question (the right one in lesson 1's first question), wherever the
    question's shuffle shows it; ArrowDown and ArrowUp move the choice within the group. Returns that option."""
    picked = radios.locator('input[value="0"]')
    picked.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(picked).not_to_be_checked()
    expect(radios.locator("input:checked")).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(picked).to_be_checked()
    expect(picked).to_be_focused()
    return picked


def dark_theme_contrasts(page: Page, checked_question) -> list[dict]:
    """Each contrast the quiz shows around a checked question: what, its ratio, the ratio WCAG needs."""
    return checked_question.evaluate(CONTRASTS)


@pytest.mark.browser
def test_lesson_1_terms_and_citations_in_jupyterlab(page: Page, lab_url: str) -> None:
    page.goto(lab_url + "lab/tree/01-causes.ipynb?reset")
    terms_and_citations_read_well(page)


@pytest.mark.browser
def test_lesson_1_quiz_live_with_the_keyboard_and_its_answers_survive_a_restart_and_a_reload(
    page: Page, lab_url: str
) -> None:
    page.goto(lab_url + "lab/tree/01-causes.ipynb?reset")
    # Before the cell runs, the saved output is readable and honest: no button, a line saying to run it,
    # and every control named although JupyterLab's sanitizer renamed the ids.
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_visible(timeout=LONG)
    expect(page.locator(QUIZ + " button")).to_have_count(0)
    assert page.locator(".jp-OutputArea-output [data-jupyter-id]").count() > 0
    assert wcag_violations(page, ".jp-OutputArea-output .coursekit-quiz") == []
    run_all(page)
    expect(page.locator(QUIZ + " .coursekit-run-hint")).to_be_hidden()
    cells = page.locator(".jp-Notebook .jp-Cell").count()
    # The red flags read as text, their terms linked to the Glossary cell: no raw {term} or {cite} role.
    red_flags = page.locator(".jp-OutputArea-output", has_text="How to get emergency help")
    expect(red_flags.get_by_role("link", name="cauda equina syndrome")).to_have_attribute("href", "#glossary")
    assert "{term}" not in red_flags.inner_text() and "{cite}" not in red_flags.inner_text()

    first = question(page, "atherosclerosis-is")
    expect(first.locator("legend")).to_contain_text("What is atherosclerosis?")
    right = arrow_keys_stay_in_the_group(page, first)
    assert focused_in_quiz(page)
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells
    page.keyboard.press("Tab")
    # The optional "How sure are you?" buttons come before Check.
    expect(first.get_by_role("button", name="Sure", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(first.get_by_role("button", name="Check")).to_be_focused()
    page.keyboard.press("Enter")
    expect(first.locator(".coursekit-feedback")).to_have_attribute("aria-live", "polite")
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(first.get_by_role("button", name="Check")).to_be_focused()

    typed = question(page, "half-width-flow").get_by_label("Your answer")
    typed.focus()
    page.keyboard.type("abc")
    page.keyboard.press("Enter")
    expect(question(page, "half-width-flow").locator(".coursekit-feedback")).to_contain_text("enter a number")
    page.keyboard.press("Control+a")
    page.keyboard.type("6.25")
    page.keyboard.press("Enter")
    expect(question(page, "half-width-flow").locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(typed).to_be_focused()

    statement = question(page, "small-narrowing-big-effect")
    statement.get_by_label("True").focus()
    page.keyboard.press("Space")
    statement.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Not right yet.")
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Hint:")
    page.keyboard.press("Tab")
    expect(statement.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Enter")
    expect(statement.get_by_label("True")).to_be_focused()
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 2 of 12 (2 checked).")
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells
    assert wcag_violations(page) == []

    # JupyterLab's dark theme: the quiz follows it, readable.
    page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
    expect(page.locator('body[data-jp-theme-light="false"]')).to_have_count(1, timeout=LONG)
    low = [c for c in dark_theme_contrasts(page, first) if c["ratio"] < c["needed"]]
    assert low == [], f"too little contrast in the dark theme: {low}"

    # A kernel restart: the old quiz still grades (in the page, as the book does) and says Python is gone.
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)
    statement.get_by_label("False").check()
    statement.get_by_role("button", name="Check").click()
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Correct.", timeout=LONG)
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Python is not connected")
    # Run All: a new widget, the same answers, graded again by Python.
    run_all(page)
    expect(right).to_be_checked()
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(typed).to_have_value("6.25")
    expect(statement.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(statement.locator(".coursekit-feedback")).not_to_contain_text("not connected")
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 3 of 12 (3 checked).")

    # A page reload, then Run All: the same answers again.
    page.reload()
    expect(page.locator(QUIZ).first).to_be_attached(timeout=LONG)
    run_all(page)
    expect(right).to_be_checked()
    expect(first.locator(".coursekit-feedback")).to_contain_text("Correct.")
    expect(page.locator(QUIZ + " .coursekit-score")).to_have_text("Score: 3 of 12 (3 checked).")
