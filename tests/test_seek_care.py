"""The red flags as data: content/red-flags.yml checked, and the page, lessons, figure and alt text made from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import BUILD, CONTENT, FIXTURES, ROOT
from coursekit.course import load_course
from coursekit.course.seek_care import EXPERT_ADVICE, lesson_markdown, load_red_flags, sign_markdown, tier_markdown
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
    assert "new pain in the back or belly" in text["known-aneurysm"] and "65" not in text["known-aneurysm"]
    sources = {sign.id: set(sign.sources) for sign in RED_FLAGS.signs}
    assert "nice-ng234" in sources["cancer-spinal-cord"] and "nice-ng19" in sources["foot-gangrene-or-infection"]
    assert {"nhs-back-pain"} <= sources["serious-accident"] & sources["weak-or-numb-legs"]


def test_back_pain_warning_signs_alone_stay_same_day_each_with_a_source_that_says_it():
    same_day = {sign.id: sign for sign in RED_FLAGS.in_tier("same-day")}
    alone = same_day["back-pain-warning-signs"].text.lower()
    for words in ("fever", "weight loss", "worse at night", "between the shoulders", "sneeze, cough"):
        assert words in alone, words
    assert same_day["back-pain-warning-signs"].sources == ("nhs-back-pain",)
    assert "cancer" in same_day["cancer-history"].text and same_day["cancer-history"].sources == ("nice-ng234",)
    assert "osteoporosis" in same_day["fragile-bones"].text and "steroid" in same_day["fragile-bones"].text
    assert same_day["fragile-bones"].sources == ("bmj-osteoporotic-fracture",)


def test_aneurysm_screening_is_advice_for_an_appointment_not_part_of_an_emergency():
    screening = next(sign for sign in RED_FLAGS.signs if sign.id == "aaa-screening")
    assert screening.tier == "see-a-doctor" and "65" in screening.text
    assert not [s.id for s in RED_FLAGS.in_tier("emergency") if "screen" in s.text or "scan" in s.text]


def test_a_clot_is_told_by_new_one_leg_signs_and_claudication_by_its_pattern():
    dvt = next(sign for sign in RED_FLAGS.signs if sign.id == "possible-dvt")
    assert _lead(dvt) == "New pain, swelling, warmth or redness in one leg"
    assert "few or no symptoms" in dvt.text
    assert "same walking distance for weeks or months" in dvt.text and "not swollen" in dvt.text
    assert dvt.figure == "new pain, swelling, warmth or redness in one leg"
    assert "massage" in dvt.expert_advice and "massage" not in dvt.text
    for lesson in ("symptoms", "treatment", "review"):
        assert lesson in dvt.shown_in


def test_the_review_lesson_warns_of_a_clot_in_the_leg_and_lung_and_the_aorta():
    review = {sign.id for sign in RED_FLAGS.signs if "review" in sign.shown_in}
    assert {"possible-dvt", "pulmonary-embolism", "aortic-emergency"} <= review


def test_severe_pad_says_what_a_lay_person_does_today():
    severe = next(sign for sign in RED_FLAGS.signs if sign.id == "severe-pad")
    assert "call your doctor or urgent care today" in severe.text.lower()
    assert "vascular team" not in severe.text


EMERGENCY_NUMBERS = ("112", "999", "911", "000")


def test_every_lessons_section_and_the_page_open_with_how_to_get_emergency_help():
    help_text = RED_FLAGS.emergency_help
    assert all(f"**{number}**" in help_text for number in EMERGENCY_NUMBERS)
    for lesson in LESSONS:
        assert lesson_markdown(RED_FLAGS, lesson.id).markdown.startswith(" ".join(help_text.split()))
    assert tier_markdown(RED_FLAGS, "emergency").markdown.startswith(" ".join(help_text.split()))
    assert "112" not in tier_markdown(RED_FLAGS, "same-day").markdown


def test_expert_advice_is_shown_after_the_sources_and_marked_as_such():
    sign = next(sign for sign in RED_FLAGS.signs if sign.id == "possible-dvt")
    text = sign_markdown(sign)
    cite = text.index("{cite}`")
    assert text.index(EXPERT_ADVICE) > cite
    assert text.endswith(f"{EXPERT_ADVICE} Do not massage the leg or put heat on it.")


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
    assert len(re.findall(r"^- ", markdown, flags=re.M)) == len(RED_FLAGS.in_tier("emergency"))
    assert "{cite}`r11`" in markdown


def test_each_lesson_notebook_opens_with_the_disclaimer():
    for lesson in LESSONS:
        cells = nbformat.read(ROOT / lesson.notebook, as_version=4).cells
        disclaimer = cells[1]
        assert disclaimer.cell_type == "markdown"
        assert disclaimer.source.startswith("```{admonition} For education only")
        assert "not medical advice" in disclaimer.source
        assert "(../book/when-to-seek-care.md)" in disclaimer.source


class _Text(HTMLParser):
    """The text a reader sees on a page (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def _page_text(path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return _plain(" ".join(parser.parts))


def _built(path):
    if not path.is_file():
        pytest.fail(f"no built book in {BUILD}: run `make book` (make test does) first")
    return path


def test_every_built_lesson_page_says_how_to_get_emergency_help_in_its_warning_signs():
    for lesson in LESSONS:
        html = _built(BUILD / lesson.notebook.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        heading = next(h for h in BeautifulSoup(html, "html.parser").find_all("h2")
                       if h.get_text().startswith("When to seek care"))
        section = _plain(heading.find_parent("section").get_text(" "))
        assert "How to get emergency help" in section, lesson.id
        assert [n for n in EMERGENCY_NUMBERS if not re.search(rf"\b{n}\b", section)] == [], lesson.id


CLOT = re.compile(r"\b(clots?|DVT|thrombos[ie]s)\b", re.I)
REST = re.compile(r"\brest(s|ed|ing)?\b", re.I)


def _sentences(text: str) -> list[str]:
    """Sentences and clauses, citation roles (whose keys may name a source about clots) left out."""
    text = re.sub(r"\{cite\}`[^`]*`", " ", text)
    return re.split(r"(?<=[.!?:;])\s+", " ".join(text.split()))


def _notebook_texts() -> dict[str, str]:
    """Every notebook's cell sources and saved outputs (what a downloaded lesson shows before it runs)."""
    texts = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        parts = []
        for cell in nbformat.read(path, as_version=4).cells:
            parts.append(cell.source)
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                parts += [data.get("text/markdown", ""), data.get("text/plain", ""), output.get("text", "")]
                if "text/html" in data:
                    parser = _Text()
                    parser.feed("".join(data["text/html"]))
                    parts.append(" ".join(parser.parts))
        texts[path.name] = "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)
    return texts


def test_no_sentence_in_the_book_notebooks_or_quizzes_tells_a_clot_by_rest():
    texts = {str(p.relative_to(BUILD)): _page_text(p) for p in sorted(_built(BUILD / "book" / "index.html")
                                                                        .parents[1].rglob("*.html"))}
    texts |= _notebook_texts()
    texts |= {p.name: p.read_text(encoding="utf-8") for p in sorted(CONTENT.rglob("*.yml"))}
    assert len(texts) > 20
    found = [(name, s) for name, text in texts.items() for s in _sentences(text) if CLOT.search(s) and REST.search(s)]
    assert found == []
