"""The source-FAQ page and "What the FAQ says" quotes, as a reader sees them."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD, CONTENT
from coursekit.course import load_course
from coursekit.course.faq import Block, Faq, FaqEntry, Verdict, load_faq
from coursekit.course.faq_html import faq_page, faq_quote
from coursekit.source import ContentError

COURSE = load_course(CONTENT)


def test_the_faq_page_has_every_entry_with_an_anchor_grouped_by_topic():
    faq = load_faq(CONTENT / "faq.yml")
    html = faq_page(faq).html
    for entry in faq.entries:
        assert html.count(f'id="faq-{entry.id}"') == 1
    positions = [html.index(f'id="faq-topic-{topic}"') for topic in ("causes", "symptoms", "prevention", "treatment")]
    assert positions == sorted(positions)
    assert '<li value="4">Stretching. ...</li>' in html


def test_each_entry_opens_with_its_verdict_and_a_link_to_the_lesson_section_that_corrects_it():
    soup = BeautifulSoup(faq_page(COURSE.faq, COURSE.lessons).html, "html.parser")
    ratings = {}
    for entry in COURSE.faq.entries:
        article = soup.find("article", id=f"faq-{entry.id}")
        verdict = article.find("p", class_="faq-verdict")
        assert verdict is not None, entry.id
        assert verdict.find_next_sibling("blockquote") is not None, f"{entry.id}: the verdict comes before the quote"
        rating = re.match(r"Our verdict: (right|partly right|wrong)\.", verdict.get_text()).group(1)
        ratings[entry.id] = rating
        lesson = COURSE.lessons.lesson(entry.topic)
        [link] = verdict.find_all("a")
        assert link["href"] == f"{lesson.notebook.split('/')[-1]}#lesson-{entry.id}"
        assert link.get_text().startswith(f"Lesson {lesson.number}:")
    assert ratings["which-doctor"] == "wrong" and ratings["clogged-arteries"] == "right"
    assert set(ratings.values()) == {"right", "partly right", "wrong"}


def test_the_built_source_faq_page_links_every_entry_to_a_section_that_exists():
    page = BUILD / "notebooks" / "source-faq.html"
    if not page.is_file():
        pytest.fail(f"no built book in {BUILD}: run `make book` (make test does) first")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    targets = {}
    for entry in COURSE.faq.entries:
        link = soup.find("article", id=f"faq-{entry.id}").find("p", class_="faq-verdict").find("a")
        href = link["href"]
        assert href.endswith(f".html#lesson-{entry.id}"), href
        file, anchor = href.split("#")
        if file not in targets:
            targets[file] = BeautifulSoup((page.parent / file).read_text(encoding="utf-8"), "html.parser")
        target = targets[file].find(id=anchor)
        assert target is not None, href
        section = target if target.name == "section" else target.find_parent("section")
        assert section.find("h1") is None and section.find("h2") is not None, f"{href} is not one section"
        assert "What the evidence says" in section.get_text(), href


def test_a_verdict_is_one_line_with_a_known_rating(tmp_path):
    path = tmp_path / "faq.yml"
    path.write_text(
        "source: faq.txt\nentries:\n  - id: walking\n    topic: prevention\n    question: Does walking help?\n"
        "    answer: [Yes.]\n    verdict: {rating: mostly-right, text: Walking helps.}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_faq(path)
    [problem] = raised.value.problems
    assert str(problem).startswith(f"{path}:7: entry walking: verdict.rating: Input should be 'right'")


def test_faq_text_is_quoted_as_text_never_as_markup():
    entry = FaqEntry(id="x", topic="causes", question="Is <b>this</b> & 'that' \"ok\"?",
                     answer=[Block(text="<script>alert(1)</script> $5")],
                     verdict=Verdict(rating="wrong", text="<i>No</i>."))
    html = faq_quote(Faq(source="s", entries=[entry]), "x").html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; $5" in html
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; &#x27;that&#x27; &quot;ok&quot;?" in html
    assert 'href="source-faq.ipynb#faq-x"' in html
    assert "&lt;i&gt;No&lt;/i&gt;." in faq_page(Faq(source="s", entries=[entry])).html
