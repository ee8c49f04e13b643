"""The base of every content model: `Model` (strict: unknown keys are errors, nothing coerced) and the
field types the content files share: `Slug` (an id), `Text` (not empty, no refused character), `Items`."""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from coursekit.characters import refused_character

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 64


def _slug(value: str) -> str:
    if not SLUG.match(value):
        hint = "use lowercase letters, digits and single hyphens (like 'walking-helps')"
        raise ValueError(f"{value!r} is not an id: {hint}")
    if len(value) > SLUG_MAX:
        raise ValueError(f"is {len(value)} characters long; an id has at most {SLUG_MAX}")
    return value


def _not_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    if refused := refused_character(value):
        raise ValueError(refused)
    return value


Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, AfterValidator(_not_empty)]
ItemT = TypeVar("ItemT")
# A YAML sequence stored as an immutable tuple; its items stay strictly typed.
Items = Annotated[tuple[ItemT, ...], Field(strict=False)]


class Model(BaseModel):
    """Content data: unknown keys are errors, and nothing is coerced (`'yes'` is not true, `1` not
    a boolean, `'5'` not a number); numbers are finite."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, strict=True, allow_inf_nan=False
    )
