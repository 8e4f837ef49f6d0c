"""How things are counted on the page: letters for sources, options and versions."""

from __future__ import annotations

import string


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: source labels never run out."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


def letter_index(label: str) -> int:
    """A -> 0, Z -> 25, AA -> 26: the inverse of letters()."""
    index = 0
    for char in label:
        index = index * 26 + (ord(char) - ord("A") + 1)
    return index - 1
