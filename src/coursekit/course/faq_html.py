"""HTML for FAQ entries: the source-FAQ reference page and "What the FAQ says" quotes in lessons.

FAQ text is quoted as received, so it is escaped, never interpreted as Markdown.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from coursekit.course.faq import TOPICS, Block, Faq, FaqEntry
from coursekit.html_output import Html
from coursekit.markdown import escape

if TYPE_CHECKING:
    from coursekit.course.lessons import Lessons

SOURCE_FAQ_PAGE = "source-faq.ipynb"
RATINGS = {"right": "right", "partly-right": "partly right", "wrong": "wrong"}


def entry_anchor(entry_id: str) -> str:
    return f"faq-{entry_id}"


def entry_link(entry_id: str) -> str:
    """Link from a notebook beside the source-FAQ notebook to one entry on it."""
    return f"{SOURCE_FAQ_PAGE}#{entry_anchor(entry_id)}"


def _block_html(block: Block) -> str:
    if block.text is not None:
        return f"<p>{escape(block.text)}</p>"
    if block.heading is not None:
        return f'<p class="faq-subheading"><strong>{escape(block.heading)}</strong></p>'
    if block.bullets is not None:
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.bullets) + "</ul>"
    items = "".join(f'<li value="{item.n}">{escape(item.text)}</li>' for item in block.numbered)
    return f"<ol>{items}</ol>"


def answer_html(entry: FaqEntry) -> str:
    return "".join(_block_html(block) for block in entry.answer)


def correction_link(entry: FaqEntry, lessons: Lessons) -> tuple[str, int]:
    """The lesson section that teaches an entry (label `lesson-<id>` in its topic's lesson), from a
    notebook beside the lessons, and that lesson's number."""
    lesson = lessons.lesson(entry.topic)
    return f"{PurePosixPath(lesson.notebook).name}#lesson-{entry.id}", lesson.number


def verdict_html(entry: FaqEntry, number: int, lessons: Lessons | None) -> str:
    """The one-line verdict on an entry and the link to the lesson section that corrects it."""
    if entry.verdict is None:
        return ""
    rating = RATINGS[entry.verdict.rating]
    link = ""
    if lessons is not None:
        href, lesson_number = correction_link(entry, lessons)
        link = f' <a href="{escape(href)}">Lesson {lesson_number}: what the evidence says about question {number}</a>'
    return (
        f'<p class="faq-verdict faq-verdict-{entry.verdict.rating}"><strong>Our verdict: {rating}.</strong> '
        f"{escape(entry.verdict.text)}{link}</p>"
    )


def entry_number(faq: Faq, entry_id: str) -> int:
    return next(i for i, entry in enumerate(faq.entries, start=1) if entry.id == entry_id)


def faq_page(faq: Faq, lessons: Lessons | None = None) -> Html:
    """All entries, grouped by topic, each with a stable anchor (`faq-<id>`), its verdict first and,
    given the lessons, a link to the lesson section that corrects it."""
    sections = []
    for topic in TOPICS:
        articles = []
        for entry in faq.by_topic(topic):
            number = entry_number(faq, entry.id)
            articles.append(
                f'<article class="faq-entry" id="{entry_anchor(entry.id)}">'
                f"<h3>{number}. {escape(entry.question)}</h3>{verdict_html(entry, number, lessons)}"
                f"<blockquote>{answer_html(entry)}</blockquote></article>"
            )
        sections.append(
            f'<section class="faq-topic" aria-labelledby="faq-topic-{topic}">'
            f'<h2 id="faq-topic-{topic}">{topic.capitalize()}</h2>{"".join(articles)}</section>'
        )
    return Html(f'<div class="coursekit-faq">{"".join(sections)}</div>')


def faq_quote(faq: Faq, entry_id: str) -> Html:
    """The entry quoted as "What the FAQ says", attributed and linked to the source-FAQ page."""
    entry = faq.entry(entry_id)
    number = entry_number(faq, entry_id)
    return Html(
        '<figure class="faq-quote">'
        f'<figcaption>What the FAQ says, <a href="{entry_link(entry_id)}">source FAQ question {number}</a>:'
        f" <q>{escape(entry.question)}</q></figcaption>"
        f"<blockquote>{answer_html(entry)}</blockquote></figure>"
    )
