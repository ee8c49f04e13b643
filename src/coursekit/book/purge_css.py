"""Unused rules out of a stylesheet: the theme's CSS (mostly Bootstrap) down to what the book's pages use.

A rule stays when one of its selectors names only classes that some page or script of the book uses. Classes
inside `:not()`, `:is()`, `:where()` and `:has()` are not required, and a selector with an escape stays, so
the result errs on keeping. At-rules other than `@media` and `@supports` (fonts, keyframes) stay as they are.
Whatever a script adds at run time is kept because every script's words count as used.
"""

from __future__ import annotations

import re

import tinycss2

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
FUNCTIONAL = re.compile(r":(?:not|is|where|has)\(")
WORD = re.compile(r"-?[_a-zA-Z][\w-]*")
GROUPING = ("media", "supports")


def used_words(pages: list[str], scripts: list[str]) -> set[str]:
    """Every class a page's HTML names, and every word of the scripts (what they may add at run time)."""
    words: set[str] = set()
    for html in pages:
        for classes in re.findall(r'class="([^"]*)"', html):
            words.update(classes.split())
    for script in scripts:
        words.update(WORD.findall(script))
    return words


def _without_functional(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :where(), :has() (nested brackets included)."""
    out, depth, at = [], 0, 0
    for match in FUNCTIONAL.finditer(selector):
        if match.start() < at:
            continue
        out.append(selector[at:match.start()])
        depth, at = 1, match.end()
        while depth and at < len(selector):
            depth += {"(": 1, ")": -1}.get(selector[at], 0)
            at += 1
    out.append(selector[at:])
    return "".join(out)


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside brackets or quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    for at, char in enumerate(prelude):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and not depth:
            parts.append(prelude[start:at].strip())
            start = at + 1
    return [*parts, prelude[start:].strip()]


def _kept(selector: str, used: set[str]) -> bool:
    return "\\" in selector or set(CLASS.findall(_without_functional(selector))) <= used


def _rules(rules: list, used: set[str]) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            wanted = [s for s in _selectors(tinycss2.serialize(rule.prelude)) if _kept(s, used)]
            if wanted:
                kept.append(f"{','.join(wanted)}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used)
            if inner:
                kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return kept


def purge(css: str, used: set[str]) -> str:
    """`css` with only the rules whose selectors `used` can match (see the module's docstring)."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "\n".join(_rules(rules, used)) + "\n"
