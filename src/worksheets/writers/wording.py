"""What every handout and mark scheme says, in whichever format it is written and in the document's language:
a closed question's fixed instruction, a numeric answer, the marker's general guidance and the line naming the
version."""

from __future__ import annotations

from worksheets import document as d
from worksheets.style.words import Words
from worksheets.vocab import DEFAULT_STYLE


def tick_label(value: float, decimal: str = ".") -> str:
    """A number an axis or number line prints by a tick: a true minus sign (as maths prints it) and the
    language's decimal sign."""
    return f"{value:g}".replace("-", "\u2212").replace(".", decimal)


NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
"""Small numbers as English spells them in an instruction ('Tick two boxes.')."""


def instruction(q: d.Question, words: Words) -> str | None:
    """The fixed instruction under a prompt, if its type has one ('Tick one box.', 'Ticiwch ddau flwch.')."""
    if isinstance(q.detail, d.Choice):
        n = q.detail.ticks
        return words.count("tick", n, spelled=NUMBER_WORDS.get(n, str(n)))
    return None


def numeric_answer(detail: d.Numeric, words: Words) -> str:
    """A numeric question's key, its numbers in the language's way: 'Answer: 2.5 m (accept 2.4 to 2.6 m)',
    'Réponse : 2,5 m (accepter de 2,4 à 2,6 m)'."""
    units = f"\u00a0{detail.units}" if detail.units else ""
    shown = words.number(f"{detail.value}") + units
    if detail.low:
        shown += " " + words("accept_range", low=words.number(detail.low), high=words.number(detail.high) + units)
    return words("answer_is", answer=shown)


def guidance(doc: d.Document) -> tuple[str, ...]:
    """The general guidance at the head of every mark scheme."""
    words = Words.of(doc)
    return tuple(words(f"guidance_{n}") for n in range(1, 5))


def version_line(doc: d.Document) -> str:
    """The tier (when the spec has several), the style and the variant, for the title and header."""
    words = Words.of(doc)
    parts = [words("tier", tier=words(doc.tier))] if doc.tiered else []
    if doc.style != DEFAULT_STYLE:
        parts.append(f"{doc.style} style")
    if doc.variant:
        parts.append(words("version", letter=doc.variant))
    return " · ".join(parts)
