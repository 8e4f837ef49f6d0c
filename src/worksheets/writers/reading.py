"""How hard a handout is to read: the words a student reads on it (its notes, instructions, questions, options,
hints: the teacher's own words; the sources apart, as they are quoted), counted and scored with textstat
(Flesch-Kincaid grade and SMOG, each + 5 for a reading age in years), with the longest words and sentences,
which are what a teacher shortens first."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from worksheets import document as d
from worksheets.document import prose as p

AGE = 5.0
"""A US school grade plus this is a reading age in years (grade 1 is read at six)."""
LONGEST = 5
"""How many of the longest words and sentences are named."""
TEXT_FIELDS = frozenset({"title", "subtitle", "caption"})
"""The plain-string fields a student reads (every prose field is read too)."""
END = re.compile(r"[.!?…:;]['\")\]]*$")


@dataclass(frozen=True)
class Figures:
    """The reading figures of one piece of text."""

    words: int
    """Words, as textstat counts them."""
    sentences: int
    """Sentences: each paragraph, title, option or statement is at least one."""
    age: float
    """Reading age in years: the Flesch-Kincaid grade + 5 (0 for no text)."""
    smog_age: float
    """Reading age by SMOG + 5 (0 below three sentences, where SMOG has no meaning)."""
    longest_words: tuple[str, ...]
    """The longest different words, longest first."""
    longest_sentences: tuple[str, ...]
    """The sentences of the most words, most first."""


@dataclass(frozen=True)
class VersionReading:
    """A version's figures: its own words, and its sources apart."""

    tier: str
    own: Figures
    """The teacher's words: everything the handout prints but the sources."""
    sources: Figures | None
    """The sources' words (None: no source has any)."""


def pieces(doc: d.Document) -> tuple[list[str], list[str]]:
    """The student's copy as units of text (a paragraph, a title, an option each): (own words, sources)."""
    own: list[str] = []
    quoted: list[str] = []
    _walk(doc.student_view(), own, quoted, False)
    return [t for t in own if t.strip()], [t for t in quoted if t.strip()]


def _walk(node: Any, own: list[str], quoted: list[str], in_source: bool) -> None:
    into = quoted if in_source else own
    if isinstance(node, p.Para):
        into.append(node.plain)
    elif isinstance(node, tuple | list):
        for item in node:
            _walk(item, own, quoted, in_source)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        source = in_source or isinstance(node, d.SourceBlock)
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            if isinstance(value, str):
                if field.name in TEXT_FIELDS or isinstance(node, d.HeadingBlock):
                    (quoted if source and field.name != "title" else own).append(value)
            elif field.name == "sentence_starters":
                own.extend(f"{starter} …" for starter in value)
            elif field.name not in ("model_answer", "scheme"):  # never on a student's copy; skipped all the same
                _walk(value, own, quoted, source and not (isinstance(node, d.SourceBlock) and field.name == "title"))


def _sentences(units: list[str]) -> list[str]:
    """The units as sentences: a unit that does not end as a sentence does is ended, then split at each end."""
    out: list[str] = []
    for unit in units:
        text = " ".join(unit.split())
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", text):
            if sentence.strip():
                out.append(sentence if END.search(sentence) else sentence + ".")
    return out


def figures(units: list[str]) -> Figures:
    """The reading figures of some units of text."""
    import textstat

    sentences = _sentences(units)
    text = " ".join(sentences)
    if not sentences:
        return Figures(0, 0, 0.0, 0.0, (), ())
    words = [w.strip(".,;:!?\"'()[]…–-") for w in text.split()]
    longest = sorted(dict.fromkeys(w for w in words if w.isalpha()), key=lambda w: (-len(w), w.lower()))
    by_length = sorted(sentences, key=lambda s: (-len(s.split()), s))
    smog = textstat.smog_index(text) if len(sentences) >= 3 else 0.0
    return Figures(int(textstat.lexicon_count(text)), len(sentences),
                   round(max(0.0, float(textstat.flesch_kincaid_grade(text))) + AGE, 1),
                   round(float(smog) + AGE, 1) if smog else 0.0,
                   tuple(longest[:LONGEST]), tuple(by_length[:LONGEST]))


def reading(doc: d.Document) -> VersionReading:
    """A version's reading figures."""
    own, quoted = pieces(doc)
    return VersionReading(doc.tier, figures(own), figures(quoted) if quoted else None)


def years(age: float) -> int:
    """A reading age as it is said: in whole years (12.4 is 12)."""
    return int(age + 0.5)


def too_hard(readings: list[VersionReading]) -> Iterator[tuple[VersionReading, VersionReading]]:
    """Each (support, core) pair where the support tier's own words read no easier than the core tier's: not a
    whole year younger (a tenth of a grade's difference is no help to a weak reader)."""
    by_tier = {r.tier: r for r in readings}
    support, core = by_tier.get("support"), by_tier.get("core")
    if support and core and support.own.words and core.own.words and years(support.own.age) >= years(core.own.age):
        yield support, core
