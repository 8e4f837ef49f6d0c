"""The words a page prints by itself ("Name", "Page 1 of 4", "[2 marks]", "True"), in the worksheet's language,
from one data file (`words.yaml`, which a teacher can extend with a language) with the worksheet's own
`labels:` over them; counted words take the language's plural forms (CLDR's rules, through babel)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Every language's words, as the data file has them (language -> key -> text, or category -> text)."""
    import yaml

    text = resources.files("worksheets.style").joinpath("words.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: a tenth of the time, every command pays it
    data: dict[str, dict[str, Any]] = yaml.load(text, Loader=loader)
    return data


def languages() -> tuple[str, ...]:
    """The languages the catalogue has, in its order."""
    return tuple(catalogue())


def keys() -> tuple[str, ...]:
    """Every word a page prints, by its key (the English catalogue has them all)."""
    return tuple(catalogue()[DEFAULT_LANGUAGE])


def counted(key: str) -> bool:
    """The word depends on a number: a mapping of plural forms."""
    return isinstance(catalogue()[DEFAULT_LANGUAGE][key], dict)


@dataclass(frozen=True)
class Words:
    """The page's own words for one worksheet: its language's, with its labels over them."""

    language: str = DEFAULT_LANGUAGE
    """The language's code (en, cy, fr, de, es...), as the PDF's /Lang and babel know it."""
    labels: tuple[tuple[str, str], ...] = ()
    """The teacher's overrides (key, text), in the order written; a counted word's override is every form."""

    @classmethod
    def of(cls, doc: Any) -> Words:
        """A planned document's words (anything with `language` and `labels`, as `document.Document` has)."""
        return cls(doc.language, tuple(doc.labels))

    def _entry(self, key: str) -> Any:
        for name, text in self.labels:
            if name == key:
                return text
        words = catalogue().get(self.language, {})
        return words.get(key, catalogue()[DEFAULT_LANGUAGE][key])

    def __call__(self, key: str, **values: object) -> str:
        """The word `key`, its {placeholders} filled ('Source {letter}' with letter='A')."""
        entry = self._entry(key)
        if isinstance(entry, dict):
            return self.count(key, int(str(values.get("n", 0))), **values)
        return str(entry).format(**values)

    @property
    def decimal(self) -> str:
        """The language's decimal sign: '.' in English and Welsh, ',' in French, German and Spanish (CLDR's)."""
        return decimal_sign(self.language)

    def number(self, text: str) -> str:
        """A number the page prints by itself (a numeric answer, its range) in the language's way: 2,5 in French."""
        return text if self.decimal == "." else DECIMAL_POINT.sub(self.decimal, text)

    def count(self, key: str, n: int, **values: object) -> str:
        """A counted word for `n` in the language's plural form ('[1 mark]', '[2 marks]'; Welsh '[2 farc]')."""
        entry = self._entry(key)
        if not isinstance(entry, dict):
            return str(entry).format(n=n, **values)
        form = plural_form(self.language, n)
        return str(entry.get(form, entry["other"])).format(n=n, **values)


@cache
def plural_form(language: str, n: int) -> str:
    """The CLDR plural category of `n` in the language: 'one', 'two', 'few', 'many', 'zero' or 'other'."""
    from babel import Locale

    try:
        return str(Locale.parse(language).plural_form(abs(n)))
    except (ValueError, LookupError):  # a language babel does not know: one and other, as English has
        return "one" if n == 1 else "other"


DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
"""A full stop between digits: the decimal point of a number written the English way."""


@cache
def decimal_sign(language: str) -> str:
    """The language's decimal sign, from CLDR (through babel); '.' for a language babel does not know."""
    from babel.numbers import get_decimal_symbol

    try:
        return str(get_decimal_symbol(language))
    except (ValueError, LookupError):
        return "."


def preload(language: str) -> None:
    """Read a language's plural rules and decimal sign now (CLDR's data files, through babel, are read on first
    use): done before renderers fork, so each does not read them again for its first document."""
    for n in (0, 1, 2):
        plural_form(language, n)
    decimal_sign(language)


ENGLISH = Words()
"""The words of a worksheet that says nothing of its language."""
