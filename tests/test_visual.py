"""What a learner sees of the course's own parts (lesson cards, progress bars, quizzes, "My progress"), measured
in Chromium from computed styles: on the home page, a lesson and My progress, in light and dark mode, on a
desktop and a phone. Every text is readable on what is really behind it (WCAG AA contrast, walking up
to the first opaque background), a progress row is a row (no coloured band), and nothing sticks out of
the screen. Computed styles, not pixels: the checks do not depend on fonts or anti-aliasing."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

HOME = "book/index.html"
LESSON = "notebooks/01-causes.html"
PROGRESS = "book/progress.html"
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}},
           "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True}}
PARTS = ".coursekit-progress, .coursekit-quiz, .coursekit-card"

pytestmark = pytest.mark.browser

# For each visible text in the course's parts: its contrast with the colours behind it. For each progress row:
# its background, height and bar width. And whatever of those parts reaches past the viewport's right edge.
SEEN = """parts => {
  const rgba = s => {
    const n = (s.match(/[\\d.]+/g) || []).map(Number);
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
  const behind = el => {
    const layers = [];
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop().slice(0, 3) : [255, 255, 255];
    while (layers.length) colour = over(layers.pop(), colour);
    return colour;
  };
  const lum = c => c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const visible = el => el.getClientRects().length && getComputedStyle(el).visibility === "visible";
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("");
  const poor = [], rows = [], wide = [];
  for (const part of document.querySelectorAll(parts)) {
    if (!visible(part)) continue;
    if (part.getBoundingClientRect().right > innerWidth + 1) wide.push(name(part));
    for (const el of [part, ...part.querySelectorAll("*")]) {
      const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join("").trim();
      if (!text || !visible(el) || el.closest("[hidden], details:not([open]) > :not(summary)")) continue;
      const style = getComputedStyle(el);
      const back = behind(el);
      const fore = over(rgba(style.color), back);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
      const got = ratio(fore, back);
      if (got < need) poor.push(`${name(el)} "${text.slice(0, 30)}" ${got.toFixed(2)}:1`);
    }
  }
  for (const row of document.querySelectorAll(".coursekit-progress .coursekit-bar")) {
    if (!visible(row)) continue;
    const bar = row.querySelector("progress");
    rows.push({background: rgba(getComputedStyle(row).backgroundColor)[3], height: row.getBoundingClientRect().height,
               fontSize: parseFloat(getComputedStyle(row).fontSize), bar: bar ? bar.getBoundingClientRect().width : 0,
               text: row.textContent.trim()});
  }
  return {poor, rows, wide, theme: document.documentElement.dataset.theme};
}"""


def answer_one_question(page: Page) -> None:
    """Answer lesson 1's first question right, so the bars have something to show."""
    box = page.locator('section[data-quiz-id="causes"] fieldset[data-question-id="atherosclerosis-is"]')
    key = json.loads(box.get_attribute("data-key"))
    box.locator(f'input[type=radio][value="{key["correct"].index(True)}"]').check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".coursekit-feedback")).to_contain_text("Correct.")


@pytest.mark.parametrize("device", sorted(DEVICES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_home_page_a_lesson_and_my_progress_are_readable(browser, book_url: str, scheme: str, device: str):
    context = browser.new_context(color_scheme=scheme, **DEVICES[device])
    context.add_init_script(f"localStorage.setItem('mode', '{scheme}'); localStorage.setItem('theme', '{scheme}');")
    page = context.new_page()
    page.goto(book_url + LESSON)
    answer_one_question(page)
    for path in (LESSON, HOME, PROGRESS):
        page.goto(book_url + path)
        expect(page.locator(".coursekit-live").first).to_be_attached()
        seen = page.evaluate(SEEN, PARTS)
        assert seen["theme"] == scheme, (path, seen["theme"])
        assert seen["poor"] == [], (path, seen["poor"])
        assert seen["wide"] == [], (path, seen["wide"])
        if path != LESSON:
            assert seen["rows"], f"{path}: no progress row"
        for row in seen["rows"]:
            # A row of text beside a progress bar: no coloured band behind it, one or two lines high.
            assert row["background"] == 0, (path, row)
            assert row["height"] <= 3.5 * row["fontSize"], (path, row)
            assert 100 <= row["bar"] <= 160, (path, row)
    context.close()
