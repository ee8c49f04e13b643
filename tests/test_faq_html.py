"""The source-FAQ page and "What the FAQ says" quotes, as a reader sees them."""

from __future__ import annotations

from conftest import CONTENT
from coursekit.faq import Block, Faq, FaqEntry, load_faq
from coursekit.faq_html import faq_page, faq_quote


def test_the_faq_page_has_every_entry_with_an_anchor_grouped_by_topic():
    faq = load_faq(CONTENT / "faq.yml")
    html = faq_page(faq).html
    for entry in faq.entries:
        assert html.count(f'id="faq-{entry.id}"') == 1
    positions = [html.index(f'id="faq-topic-{topic}"') for topic in ("causes", "symptoms", "prevention", "treatment")]
    assert positions == sorted(positions)
    assert '<li value="4">Stretching. ...</li>' in html


def test_faq_text_is_quoted_as_text_never_as_markup():
    entry = FaqEntry(id="x", topic="causes", question="Is <b>this</b> & 'that' \"ok\"?",
                     answer=[Block(text="<script>alert(1)</script> $5")])
    html = faq_quote(Faq(source="s", entries=[entry]), "x").html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; $5" in html
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; &#x27;that&#x27; &quot;ok&quot;?" in html
    assert 'href="source-faq.ipynb#faq-x"' in html
