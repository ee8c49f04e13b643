"""coursekit: the engine behind the course (content as data, quizzes, rendering, exports).

In a notebook: `import coursekit`, then `coursekit.faq_page()` or `coursekit.faq_quote("<entry id>")`.
"""

from __future__ import annotations

from coursekit import faq_html
from coursekit.course import current_course


def faq_page() -> faq_html.Html:
    """Every FAQ entry of the course, grouped by topic (the "source FAQ" reference page)."""
    return faq_html.faq_page(current_course().faq)


def faq_quote(entry_id: str) -> faq_html.Html:
    """One FAQ entry quoted as received, for a lesson's "What the FAQ says"."""
    return faq_html.faq_quote(current_course().faq, entry_id)
