"""The red flags (`content/red-flags.yml`): warning signs by tier of care, checked, and rendered as MyST Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from coursekit.course.glossary import CITE_ROLE, TERM_ROLE
from coursekit.markdown import to_html
from coursekit.models import Items, Model, Slug, Text
from coursekit.source import ContentError, Problem, read_yaml, validate_document

ROLE = re.compile(r"\{([a-z-]+)\}`[^`]*`")
BIB_KEY = re.compile(r"^@\w+\{([^,\s]+),", flags=re.M)


def _restricted_markdown(value: str) -> str:
    """Markdown that may use the {term} role and nothing else MyST could run: no HTML, directives or other roles."""
    for match in ROLE.finditer(value):
        if match.group(1) != "term":
            role = match.group(1)
            raise ValueError(f"only the {{term}} role is allowed, not {{{role}}}: list sources under `sources`")
    rest = ROLE.sub("", value)
    for forbidden, what in (("<", "HTML"), ("```", "a directive"), ("~~~", "a directive"), (":::", "a directive"),
                            ("{{", "a substitution"), ("](", "a link")):
        if forbidden in rest:
            raise ValueError(f"must not contain {what} ({forbidden!r})")
    return value


def _plain(value: str) -> str:
    if re.search(r"[*_`{}<>\[\]]", value):
        raise ValueError("is plain text: no Markdown, roles or HTML")
    return value


SignText = Annotated[Text, AfterValidator(_restricted_markdown)]
Plain = Annotated[Text, AfterValidator(_plain)]


class Tier(Model):
    id: Slug
    title: Plain


class Sign(Model):
    id: Slug
    tier: Slug
    text: SignText
    # Advice clinicians give that the cited sources do not state: shown after the citation, marked as such.
    expert_advice: SignText | None = None
    figure: Plain | None = None
    sources: Items[Slug] = ()
    shown_in: Items[Slug] = ()


class RedFlags(Model):
    # How to get emergency help (with example numbers): the page and every lesson's section open with it.
    emergency_help: SignText | None = None
    tiers: list[Tier] = Field(min_length=1)
    signs: list[Sign] = Field(min_length=1)

    def in_tier(self, tier_id: str, lesson_id: str | None = None) -> list[Sign]:
        return [s for s in self.signs if s.tier == tier_id and (lesson_id is None or lesson_id in s.shown_in)]


def bib_keys(path: Path) -> set[str]:
    """The entry keys of a BibTeX file."""
    return set(BIB_KEY.findall(path.read_text(encoding="utf-8")))


def _unknown(document, loc: list, known: Iterable[str] | None, value: str, what: str) -> list[Problem]:
    if known is None or value in known:
        return []
    return [document.problem(loc, f"no {what} has id {value!r}")]


def load_red_flags(path: Path, sources: set[str] | None = None, lessons: set[str] | None = None) -> RedFlags:
    """Load and validate a `red-flags.yml`; raise ContentError listing every problem.

    Tiers and sign ids are unique; each sign names a tier of the file and, when given, known
    source keys (of references.bib) and lesson ids.
    """
    document = read_yaml(path)
    red_flags, problems = validate_document(document, RedFlags, items="signs")
    if red_flags is not None:
        tier_ids = [tier.id for tier in red_flags.tiers]
        for i, tier_id in enumerate(tier_ids):
            if tier_id in tier_ids[:i]:
                first = document.line(["tiers", tier_ids.index(tier_id), "id"])
                problems.append(document.problem(["tiers", i, "id"], f"duplicate id (first used on line {first})"))
        for i, sign in enumerate(red_flags.signs):
            problems += _unknown(document, ["signs", i, "tier"], tier_ids, sign.tier, "tier")
            for j, key in enumerate(sign.sources):
                problems += _unknown(document, ["signs", i, "sources", j], sources, key, "entry of references.bib")
            for j, lesson_id in enumerate(sign.shown_in):
                problems += _unknown(document, ["signs", i, "shown_in", j], lessons, lesson_id, "lesson")
    if problems:
        raise ContentError(problems)
    return red_flags


@dataclass(frozen=True)
class Markdown:
    """MyST Markdown that notebooks display. The book shows its `text/markdown` form, parsed as MyST, whose roles
    link the glossary and the references. JupyterLab and Notebook 7 show its `text/html` form: each term links to the
    lesson's Glossary cell, and the citations are left to the lesson's References cell (the kernel has neither the
    glossary nor the lesson's citation numbers)."""

    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def _repr_html_(self) -> str:
        text = TERM_ROLE.sub(lambda role: f"[{' '.join(role.group(1).split())}](#glossary)", self.markdown)
        return to_html(CITE_ROLE.sub("", text))


EXPERT_ADVICE = "*Expert advice (not from the sources cited):*"


def sign_markdown(sign: Sign) -> str:
    """One sign as MyST Markdown, its sources cited after its text, then any expert advice, marked as such."""
    cite = f"{{cite}}`{','.join(sign.sources)}`" if sign.sources else ""
    advice = f" {EXPERT_ADVICE} {' '.join(sign.expert_advice.split())}" if sign.expert_advice else ""
    return " ".join(sign.text.split()) + cite + advice


def emergency_help_markdown(red_flags: RedFlags) -> str:
    """The how-to-get-emergency-help paragraph, or nothing when the file has none."""
    return " ".join(red_flags.emergency_help.split()) + "\n\n" if red_flags.emergency_help else ""


def _list(signs: list[Sign]) -> str:
    return "\n".join(f"- {sign_markdown(sign)}" for sign in signs)


def tier_markdown(red_flags: RedFlags, tier_id: str) -> Markdown:
    """Every sign of one tier as a Markdown list (the "When to seek care" page); the most urgent tier
    opens with how to get emergency help."""
    opening = emergency_help_markdown(red_flags) if tier_id == red_flags.tiers[0].id else ""
    return Markdown(opening + _list(red_flags.in_tier(tier_id)))


def lesson_markdown(red_flags: RedFlags, lesson_id: str) -> Markdown:
    """How to get emergency help, then the signs one lesson shows under their tiers' titles, most urgent first."""
    blocks = [
        f"**{tier.title}**\n\n{_list(red_flags.in_tier(tier.id, lesson_id))}"
        for tier in red_flags.tiers
        if red_flags.in_tier(tier.id, lesson_id)
    ]
    return Markdown(emergency_help_markdown(red_flags) + "\n\n".join(blocks))
