"""The red flags as data: content/red-flags.yml checked, and the page, lessons, figure and alt text made from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import nbformat
import pytest

from conftest import BUILD, CONTENT, FIXTURES, ROOT
from coursekit.course import load_course
from coursekit.seek_care import lesson_markdown, load_red_flags, tier_markdown
from coursekit.source import ContentError

COURSE = load_course(CONTENT)
RED_FLAGS = COURSE.red_flags
LESSONS = COURSE.lessons.lessons
GLOSSARY = ROOT / "book" / "glossary.md"
TERM = re.compile(r"\{term\}`([^`<]*?)\s*(?:<([^>]*)>)?`")

MALFORMED = {
    "red_flags_unknown_tier.yml": ["5: sign chest-pain: tier: no tier has id 'urgent'"],
    "red_flags_unknown_source.yml": ["7: sign chest-pain: sources[1]: no entry of references.bib has id 'made-up'"],
    "red_flags_unknown_lesson.yml": ["8: sign chest-pain: shown_in[0]: no lesson has id 'heart'"],
    "red_flags_cite_role_in_text.yml": [
        "6: sign chest-pain: text: only the {term} role is allowed, not {cite}: list sources under `sources`"
    ],
    "red_flags_html_in_text.yml": ["6: sign chest-pain: text: must not contain HTML ('<')"],
    "red_flags_directive_in_text.yml": ["6: sign chest-pain: text: must not contain a directive ('```')"],
    "red_flags_duplicate_id.yml": ["7: sign chest-pain: id: duplicate id (first used on line 4)"],
    "red_flags_duplicate_tier.yml": ["3: tier emergency: id: duplicate id (first used on line 2)"],
    "red_flags_markdown_in_figure.yml": ["7: sign chest-pain: figure: is plain text: no Markdown, roles or HTML"],
    "red_flags_missing_text.yml": ["4: sign chest-pain: text: Field required"],
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_red_flags_are_rejected_with_file_line_sign_and_field(name):
    path = FIXTURES / "red_flags" / name
    with pytest.raises(ContentError) as raised:
        load_red_flags(path, sources={"r11"}, lessons={"causes"})
    assert [str(p) for p in raised.value.problems] == [f"{path}:{line}" for line in MALFORMED[name]]


def test_every_malformed_fixture_has_its_expected_message():
    assert sorted(p.name for p in (FIXTURES / "red_flags").glob("*.yml")) == sorted(MALFORMED)


def test_check_reports_a_bad_red_flags_file_and_exits_2():
    path = FIXTURES / "red_flags" / "red_flags_unknown_tier.yml"
    result = subprocess.run([sys.executable, "-m", "coursekit", "check", str(path)], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{path}:{MALFORMED[path.name][0]}", "1 problem(s) found"]


def test_a_source_missing_from_references_bib_fails_the_course_check(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(ROOT / "book", tmp_path / "book")
    flags = tmp_path / "content" / "red-flags.yml"
    text = flags.read_text(encoding="utf-8").replace("sources: [s21]", "sources: [s21, nowhere]", 1)
    flags.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    sources: [s21, nowhere]") + 1
    with pytest.raises(ContentError) as raised:
        load_course(tmp_path / "content")
    assert [str(p) for p in raised.value.problems] == [
        f"{flags}:{line}: sign stroke-fast: sources[1]: no entry of references.bib has id 'nowhere'"
    ]


def _ids(tier: str) -> set[str]:
    return {sign.id for sign in RED_FLAGS.in_tier(tier)}


def test_the_emergency_tier_carries_the_signs_review_2_moved_there():
    emergency = _ids("emergency")
    assert {"serious-accident", "weak-or-numb-legs", "spinal-infection", "cancer-spinal-cord",
            "foot-gangrene-or-infection", "known-aneurysm"} <= emergency
    text = {sign.id: sign.text.lower() for sign in RED_FLAGS.signs}
    assert "serious accident" in text["serious-accident"]
    assert "both legs" in text["weak-or-numb-legs"] and "getting worse" in text["weak-or-numb-legs"]
    assert "fever" in text["spinal-infection"] and "injects drugs" in text["spinal-infection"]
    assert "known cancer" in text["cancer-spinal-cord"]
    assert "black" in text["foot-gangrene-or-infection"] and "spreading" in text["foot-gangrene-or-infection"]
    assert "tearing" in text["known-aneurysm"] and "65" in text["known-aneurysm"]
    sources = {sign.id: set(sign.sources) for sign in RED_FLAGS.signs}
    assert "nice-ng234" in sources["cancer-spinal-cord"] and "nice-ng19" in sources["foot-gangrene-or-infection"]
    assert {"nhs-back-pain"} <= sources["serious-accident"] & sources["weak-or-numb-legs"]


def test_fever_weight_loss_cancer_history_and_night_pain_alone_stay_same_day():
    same_day = {sign.id: sign for sign in RED_FLAGS.in_tier("same-day")}
    alone = same_day["back-pain-warning-signs"].text.lower()
    assert all(word in alone for word in ("fever", "weight loss", "cancer", "worse at night"))
    assert "osteoporosis" in same_day["fragile-bones"].text and "steroid" in same_day["fragile-bones"].text
    assert "nhs-back-pain" in same_day["fragile-bones"].sources


def _markdown_output(cell) -> str:
    return "".join(o["data"]["text/markdown"] for o in cell.outputs if "text/markdown" in o.get("data", {}))


def test_each_lessons_when_to_seek_care_section_is_made_from_the_data():
    for lesson in LESSONS:
        cells = nbformat.read(ROOT / lesson.notebook, as_version=4).cells
        heading = next(i for i, c in enumerate(cells) if c.source.startswith("## When to seek care"))
        code = cells[heading + 1]
        assert code.source == f'coursekit.red_flags("{lesson.id}")'
        assert _markdown_output(code) == lesson_markdown(RED_FLAGS, lesson.id).markdown
        assert RED_FLAGS.in_tier("emergency", lesson.id), f"{lesson.id} shows no emergency sign"


def test_the_page_shows_every_tier_from_the_data():
    page = (ROOT / "book" / "when-to-seek-care.md").read_text(encoding="utf-8")
    for tier in RED_FLAGS.tiers:
        assert f"## {tier.title}\n" in page
        assert f'coursekit.red_flags(tier="{tier.id}")' in page
    assert "\n- **" not in page, "a red flag is written into the page by hand"


def _lead(sign) -> str:
    """The sign's bold opening words, glossary roles replaced by their text."""
    return TERM.sub(lambda m: m.group(1), re.match(r"\*\*(.+?)\*\*", sign.text).group(1))


def test_no_red_flag_is_hard_coded_in_book_pages_or_notebook_code():
    files = [*(ROOT / "book").glob("*.md"), *(ROOT / "notebooks").glob("*.py")]
    texts = {path.name: " ".join(path.read_text(encoding="utf-8").lower().split()) for path in files}
    for sign in RED_FLAGS.signs:
        phrases = [_lead(sign).lower(), *([sign.figure.lower()] if sign.figure else [])]
        for name, text in texts.items():
            assert not [p for p in phrases if p in text], f"{sign.id} is written into {name}"


def test_the_urgency_figure_and_its_alt_text_come_from_the_data():
    sys.path.insert(0, str(ROOT / "notebooks"))
    import figures

    alt = figures.urgency_alt(RED_FLAGS)
    for tier in RED_FLAGS.tiers:
        assert tier.title in alt
    for sign in RED_FLAGS.signs:
        if sign.figure:
            assert sign.figure in alt, sign.id
    cells = nbformat.read(ROOT / "notebooks" / "02-symptoms.ipynb", as_version=4).cells
    cell = next(c for c in cells if c.source == "figures.urgency_tiers()")
    html = "".join(o["data"]["text/html"] for o in cell.outputs)
    assert f'alt="{alt}"' in html.replace("&#x27;", "'")


def _glossary_terms() -> set[str]:
    body = GLOSSARY.read_text(encoding="utf-8").split("```{glossary}")[1]
    return {term.lower() for term in re.findall(r"^([A-Z][^\n]*)\n", body, flags=re.M)}


def test_the_glossary_defines_every_term_the_red_flags_use():
    terms = _glossary_terms()
    assert {"aneurysm", "aortic dissection", "pulmonary embolism", "abpi"} <= terms
    used = [(target or text).strip().lower() for sign in RED_FLAGS.signs for text, target in TERM.findall(sign.text)]
    assert used and [term for term in used if term not in terms] == []


class _Page(HTMLParser):
    """Link targets and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])

    def handle_data(self, data) -> None:
        self.text.append(data)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").split())


def test_the_built_page_links_each_citation_and_glossary_term():
    page = BUILD / "book" / "when-to-seek-care.html"
    if not page.is_file():
        pytest.fail("no built book in _build/html: run `make book` (make test does) first")
    html = page.read_text(encoding="utf-8")
    assert "{cite}" not in html and "{term}" not in html
    parsed = _Page()
    parsed.feed(html)
    citations = sum(len(sign.sources) for sign in RED_FLAGS.signs)
    assert len([h for h in parsed.hrefs if h.startswith("references.html#")]) == citations
    assert any(h.startswith("glossary.html#term-") for h in parsed.hrefs)
    text = _plain("".join(parsed.text))
    for sign in RED_FLAGS.signs:
        assert _plain(_lead(sign)) in text, sign.id


def test_tier_markdown_cites_each_signs_sources():
    markdown = tier_markdown(RED_FLAGS, "emergency").markdown
    assert markdown.count("\n- ") + 1 == len(RED_FLAGS.in_tier("emergency"))
    assert "{cite}`r11`" in markdown


def test_each_lesson_notebook_opens_with_the_disclaimer():
    for lesson in LESSONS:
        cells = nbformat.read(ROOT / lesson.notebook, as_version=4).cells
        disclaimer = cells[1]
        assert disclaimer.cell_type == "markdown"
        assert disclaimer.source.startswith("```{admonition} For education only")
        assert "not medical advice" in disclaimer.source
        assert "(../book/when-to-seek-care.md)" in disclaimer.source
