"""Sorting words the way a language's dictionaries do (a glossary's terms): the Unicode Collation Algorithm
(pyuca, with its default table: accents and case after the letters, not code-point order), and for the
languages whose alphabets have letters of their own, that alphabet first: Welsh `ch`, `dd`, `ff`, `ng`, `ll`,
`ph`, `rh` and `th` are single letters after `c`, `d`, `f`, `g`, `l`, `p`, `r` and `t`; Spanish `ñ` comes after
`n`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any


def _alphabet(letters: str) -> tuple[str, ...]:
    return tuple(letters.split())


ALPHABETS = {
    "cy": _alphabet("a b c ch d dd e f ff g ng h i j l ll m n o p ph r rh s t th u w y"),
    "es": _alphabet("a b c d e f g h i j k l m n ñ o p q r s t u v w x y z"),
}
"""The alphabets, in order, of the languages whose letters the default table does not order as they do."""


@cache
def _collator() -> Any:
    from pyuca import Collator

    return Collator()


def _letters(word: str, alphabet: tuple[str, ...]) -> tuple[int, ...]:
    """The word as places in the alphabet (the longest letter first: `ll` before `l`); anything else after."""
    base = "".join(c for c in unicodedata.normalize("NFD", word.casefold().replace("ñ", "\x00"))
                   if not unicodedata.combining(c)).replace("\x00", "ñ")
    places: list[int] = []
    at = 0
    longest = sorted(alphabet, key=len, reverse=True)
    while at < len(base):
        letter = next((x for x in longest if base.startswith(x, at)), None)
        if letter is None:
            places.append(len(alphabet) + ord(base[at]))
            at += 1
        else:
            places.append(alphabet.index(letter))
            at += len(letter)
    return tuple(places)


PLAIN = re.compile(r"[A-Za-z0-9 ]*")
"""Words the default table orders as their letters do: spaces, then digits, then letters, a capital after its
small letter. Sorting only such words needs no table (loading it takes a fifth of a second)."""


def _plain_key(word: str) -> tuple[Any, ...]:
    return (word.casefold(), word.swapcase(), word)


def sort_key(language: str, words: Iterable[str] = ()) -> Callable[[str], tuple[Any, ...]]:
    """The key to sort a language's words by (ties broken by the default table, then the word itself); given
    the `words` to be sorted, a key that needs no table when every one is plain (and sorts them the same)."""
    alphabet = ALPHABETS.get(language.split("-")[0])
    if alphabet is None and all(PLAIN.fullmatch(word) for word in words) and words:
        return _plain_key
    collate = _collator().sort_key
    if alphabet is None:
        return lambda word: (collate(word), word)
    return lambda word: (_letters(word, alphabet), collate(word), word)
