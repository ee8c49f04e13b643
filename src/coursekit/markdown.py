"""Markdown from content files to safe HTML: rendered by markdown-it, then allowlist-sanitized by nh3."""

from __future__ import annotations

import html

import nh3
from markdown_it import MarkdownIt

# Raw HTML in Markdown is not passed through at all; nh3 then removes anything else not allowed.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "sub", "sup",
    "table", "thead", "tbody", "tr", "th", "td", "del", "hr",
}
_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


def to_html(text: str) -> str:
    """Block Markdown (paragraphs, lists, ...) as sanitized HTML."""
    return sanitize(_MARKDOWN.render(text)).strip()


def to_inline_html(text: str) -> str:
    """One line of Markdown (emphasis, code, links) as sanitized HTML, without a wrapping <p>."""
    return sanitize(_MARKDOWN.renderInline(text)).strip()


def escape(text: str) -> str:
    """Plain text (no Markdown) safe inside HTML text and attribute values."""
    return html.escape(text, quote=True)
