"""Characters content text may not hold, and when two texts look the same to a reader.

Refused anywhere: control characters (a tab and a line break aside), line and paragraph separators, lone
surrogates, Unicode noncharacters (U+FFFE, U+FDD0...; the XML exports cannot hold them) and bidirectional
controls (they reorder what a reader sees, so a text can read one way and mean another).
"""

from __future__ import annotations

import re
import unicodedata

_REFUSED = {
    "control character": r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff",
    "noncharacter": r"\ufdd0-\ufdef" + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(17)),
    "bidirectional control": r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069",
}
_REFUSED_ANY = re.compile("|".join(f"(?P<{kind.replace(' ', '_')}>[{chars}])" for kind, chars in _REFUSED.items()))
# Format characters (zero-width spaces and joiners, soft hyphens, byte order marks) and other default-ignorable
# code points: a reader sees nothing where they are.
_INVISIBLE = re.compile(r"[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\ufeff"
                        r"\U000e0000-\U000e0fff]")
_SPACES = re.compile(r"\s+")


def refused_character(text: str) -> str | None:
    """Why `text` cannot be content (the first refused character, named), or None."""
    found = _REFUSED_ANY.search(text)
    if found is None:
        return None
    return f"contains the {found.lastgroup.replace('_', ' ')} U+{ord(found.group()):04X}: remove it"


def invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or bool(_INVISIBLE.match(char))


def looks(text: str) -> str:
    """What a reader sees of `text`: composed (NFC), invisible characters dropped, runs of spaces as one."""
    shown = "".join(char for char in unicodedata.normalize("NFC", text) if not invisible(char))
    return _SPACES.sub(" ", shown).strip()


def untypable(char: str) -> bool:
    """A character no keyboard gives: invisible, private use, unassigned or a surrogate."""
    return invisible(char) or unicodedata.category(char) in ("Co", "Cn", "Cs")
