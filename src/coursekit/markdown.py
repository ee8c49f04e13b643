"""Markdown from content files to safe HTML, in pure Python (so it also runs in the browser, in Pyodide).

markdown-it renders with raw HTML off (any `<tag>` in the text is shown as text), and its output is made
safe by construction: headings become paragraphs, images become their alt text, code blocks lose their
language class, and a link is kept only when its address is relative or http(s)/mailto (else it stays
text), with `rel="noopener noreferrer"`. What comes out is only these tags: p, br, em, strong, code, pre, a
(href, title, rel), ul, ol (start), li, blockquote, hr, table, thead, tbody, tr, th and td (a text-align
style). tests/test_markdown.py holds every output to that list, with nh3 as a second opinion.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

SCHEMES = frozenset({"http", "https", "mailto"})
# A link address's scheme is whatever comes before a ":" that precedes any "/", "?" or "#" (as browsers read it).
_HEAD = re.compile(r"^[^/?#]*")


def safe_link(url: str) -> bool:
    """Whether a (normalized, percent-encoded) link address is relative or uses an allowed scheme."""
    head = _HEAD.match(url).group(0)
    return ":" not in head or head.split(":", 1)[0].lower() in SCHEMES


def _words(tokens) -> str:
    """The text of inline tokens: words, code and images' alt text, without markup."""
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.children:
            parts.append(_words(token.children))
    return "".join(parts)


def _paragraph_open(self, tokens, idx, options, env) -> str:
    return "<p>"


def _paragraph_close(self, tokens, idx, options, env) -> str:
    return "</p>\n"


def _image(self, tokens, idx, options, env) -> str:
    return html.escape(_words(tokens[idx].children or []), quote=False)


def _fence(self, tokens, idx, options, env) -> str:
    return f"<pre><code>{html.escape(tokens[idx].content, quote=False)}</code></pre>\n"


def _link_open(self, tokens, idx, options, env) -> str:
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False}).enable("table")
    md.validateLink = safe_link
    md.add_render_rule("heading_open", _paragraph_open)
    md.add_render_rule("heading_close", _paragraph_close)
    md.add_render_rule("image", _image)
    md.add_render_rule("fence", _fence)
    md.add_render_rule("link_open", _link_open)
    return md


_MARKDOWN = _markdown()


def to_html(text: str) -> str:
    """Block Markdown (paragraphs, lists, ...) as safe HTML."""
    return _MARKDOWN.render(text).strip()


def to_inline_html(text: str) -> str:
    """One line of Markdown (emphasis, code, links) as safe HTML, without a wrapping <p>."""
    return _MARKDOWN.renderInline(text).strip()


def to_plain_text(text: str) -> str:
    """One line of Markdown reduced to its words, escaped, for elements that hold text only (<option>)."""
    tokens = _MARKDOWN.parseInline(text)
    return html.escape(_words(tokens[0].children or []) if tokens else "", quote=False).strip()


def escape(text: str) -> str:
    """Plain text (no Markdown) safe inside HTML text and attribute values."""
    return html.escape(text, quote=True)
