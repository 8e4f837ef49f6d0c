"""What every mark scheme says, in whichever format it is written: the marker's general guidance and the
line naming the version it marks."""

from __future__ import annotations

from worksheets import document as d
from worksheets.vocab import DEFAULT_STYLE, TIER_TITLES

GUIDANCE = (
    "Mark positively: credit what the student knows and can do, whatever the order of their points.",
    "Marking points: award one mark for each creditworthy point unless a different mark is shown, up to the "
    "question's total.",
    "Levels of response: decide the level that best fits the whole answer, then the mark within the band by how "
    "well it meets the descriptor.",
    "Indicative content is not exhaustive: credit any other valid, relevant material.",
)
"""The general guidance at the head of every mark scheme."""


def version_line(doc: d.Document) -> str:
    """The tier (when the spec has several), the style and the variant, for the title and header."""
    parts = [f"{TIER_TITLES[doc.tier]} tier"] if doc.tiered else []
    if doc.style != DEFAULT_STYLE:
        parts.append(f"{doc.style} style")
    if doc.variant:
        parts.append(f"Version {doc.variant}")
    return " · ".join(parts)
