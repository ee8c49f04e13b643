"""An HTML fragment as a notebook output: what the lesson helpers return for a notebook to show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Html:
    """An HTML fragment that notebooks display as a `text/html` output."""

    html: str

    def _repr_html_(self) -> str:
        return self.html
