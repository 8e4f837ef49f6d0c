"""What the quiz formats (Moodle XML, GIFT, QTI) share: which question types each cannot hold, a question's
name in an LMS's bank, numbers as an LMS reads them, and a written question's mark scheme as the marker's
notes (Moodle's grader information, QTI's item feedback)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from worksheets import document as d
from worksheets.document.prose import Prose, plain


def holds(format: str, q: d.Question) -> bool:
    """Whether the format has a question type for this one (its `claims` in FORMATS); a note names the rest."""
    from worksheets.writers import FORMATS

    claims = FORMATS[format].claims
    return claims is None or q.kind in claims
NAME_CHARS = 60
KINDS = {"choice": "multiple-choice question", "true-false": "true-false question", "cloze": "gap fill",
         "matching": "matching question", "ordering": "ordering question", "numeric": "numeric question",
         "table": "table to complete", "label": "diagram to label", "wordsearch": "word search",
         "crossword": "crossword", "written": "written question"}
"""How a note names each question type."""


def kind_name(kind: str) -> str:
    """'an ordering question', 'a word search': a question type as a note says it."""
    name = KINDS.get(kind, f"{kind} question")
    return ("an " if name[0] in "aeiou" else "a ") + name


def question_name(q: d.Question) -> str:
    """`3. Explain why the NKVD...`: the number and the prompt's start, as a bank lists it."""
    text = " ".join(plain(q.prompt).split())
    short = text if len(text) <= NAME_CHARS else text[:NAME_CHARS].rsplit(" ", 1)[0] + "..."
    return f"{q.number}. {short}" if short else q.number


def minus(text: str) -> str:
    """A printed number as an LMS parses it: the true minus sign back to a hyphen."""
    return text.replace("\u2212", "-")


def tolerance(detail: d.Numeric) -> str:
    """How far from the value an answer may be: half the accepted range."""
    if not detail.low:
        return "0"
    return f"{(float(minus(detail.high)) - float(minus(detail.low))) / 2:.10g}"


def grader_info(q: d.Question, html: Callable[[Prose], str]) -> str:
    """A written question's mark scheme as HTML for the marker: model answer, points, levels, content."""
    s = q.scheme
    out = []
    if q.model_answer:
        out.append(f"<p><strong>Model answer</strong></p>{html(q.model_answer)}")
    if s.points:
        items = "".join(f"<li>{html(p.text)} [{p.marks}]</li>" for p in s.points)
        out.append(f"<p><strong>Marking points</strong></p><ul>{items}</ul>")
    if s.levels:
        rows = "".join(f"<tr><td>Level {level.level}</td><td>{escape(level.band)}</td><td>"
                       f"{html(level.descriptor)}</td></tr>" for level in s.levels)
        out.append(f'<p><strong>Levels of response</strong></p><table border="1" cellpadding="4">{rows}</table>')
    if s.indicative:
        items = "".join(f"<li>{html(item)}</li>" for item in s.indicative)
        out.append(f"<p><strong>Indicative content</strong></p><ul>{items}</ul>")
    if s.guidance:
        out.append(f"<p><strong>Guidance</strong></p>{html(s.guidance)}")
    return "".join(out)
