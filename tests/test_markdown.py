"""Bank Markdown becomes safe HTML in pure Python: only allowed tags, attributes and link schemes come out,
for hostile input too, and nh3 (a compiled allowlist sanitizer, the course's former one) finds nothing to remove."""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.markdown import to_html, to_inline_html, to_plain_text

TAGS = {
    "p": set(), "br": set(), "em": set(), "strong": set(), "code": set(), "pre": set(), "a": {"href", "title", "rel"},
    "ul": set(), "ol": {"start"}, "li": set(), "blockquote": set(), "hr": set(), "table": set(), "thead": set(),
    "tbody": set(), "tr": set(), "th": {"style"}, "td": {"style"},
}
PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "[a](JaVaScRiPt:x)",
    "[a](java&#9;script:x)", "[a](&#106;avascript:x)", "<javascript:alert(1)>", "[a](data:text/html,<b>)",
    "![alt *text*](x.png \"t\")", "[a](vbscript:x)", "[a](<java script:x>)", "[a]( javascript:x)", "# Heading",
    "Head\n===", "```js\ncode()\n```", "    indented", "> quote", "- item", "3. item", "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "[ok](https://example.org \"title\")", "[rel](../book/page.md#part)", "<https://example.org>", "<a@b.c>",
    "*em* **strong** `code`", "&amp; &lt; &quot; \"'", "line  \nbreak", "***", "<!-- c -->", "<style>x{}</style>",
    "[ref]\n\n[ref]: javascript:alert(1)", "[x](mailto:a@b.c)", "\\<b\\>", "`<b>`", "\n", " ", "text",
]
markdown = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=8).map("".join)


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser reads them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def scheme(url: str) -> str | None:
    """The scheme a browser reads in a link address (after dropping leading spaces and tabs/newlines inside)."""
    cleaned = "".join(ch for ch in url.lstrip("\x00 \t\n\r\f") if ch not in "\t\n\r")
    head = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return head.split(":", 1)[0].lower() if ":" in head else None


def assert_safe(html: str) -> None:
    for tag, attributes in Tags(html).found:
        assert tag in TAGS, (tag, html)
        assert set(attributes) <= TAGS[tag], (tag, attributes, html)
        if tag == "a":
            assert scheme(attributes["href"]) in (None, "http", "https", "mailto"), html
            assert attributes["rel"] == "noopener noreferrer"
        if "style" in attributes:
            assert attributes["style"] in ("text-align:left", "text-align:right", "text-align:center"), html
    allowed = {tag: attributes - {"rel"} for tag, attributes in TAGS.items()}
    cleaned = nh3.clean(html, tags=set(TAGS), attributes=allowed, url_schemes={"http", "https", "mailto"},
                        link_rel="noopener noreferrer", filter_style_properties={"text-align"})
    assert Tags(cleaned).found == Tags(html).found, html


@settings(max_examples=300, deadline=None)
@given(markdown)
def test_any_markdown_renders_to_allowed_tags_attributes_and_links_only(text):
    assert_safe(to_html(text))
    assert_safe(to_inline_html(text))
    assert "<" not in to_plain_text(text)


def test_raw_html_is_shown_as_text_and_unsafe_links_are_not_links():
    assert to_inline_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert to_inline_html("[a](javascript:alert(1))") == "[a](javascript:alert(1))"
    assert to_inline_html("[a](data:text/html,x)") == "[a](data:text/html,x)"


def test_what_authors_write_renders_as_intended():
    assert to_inline_html("*Mostly* `true`, see [the FAQ](source-faq.ipynb#faq-x)") == (
        '<em>Mostly</em> <code>true</code>, see <a href="source-faq.ipynb#faq-x" rel="noopener noreferrer">the FAQ</a>'
    )
    assert to_html("- one\n- two") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    assert to_html("# Title") == "<p>Title</p>"
    assert to_inline_html("![A leg](leg.png)") == "A leg"
    assert to_html("```python\nx < 1\n```") == "<pre><code>x &lt; 1\n</code></pre>"
    assert to_plain_text("*Vein* & `code` <b>") == "Vein &amp; code &lt;b&gt;"
