"""The names the tool knows, said once: tiers, styles, papers, roles, formats and their codes.

The spec models, the CLI, the themes and the output file names all read these, so a new
tier or style is added here and nowhere else is spelled out by hand.
"""

from __future__ import annotations

from typing import Literal, get_args

TierName = Literal["support", "core", "challenge"]
"""The versions of a worksheet for a mixed class, easiest first."""
TIERS: tuple[TierName, ...] = get_args(TierName)
DEFAULT_TIER: TierName = "core"
TIER_CODES: dict[str, str] = {"support": "S", "core": "C", "challenge": "X"}
"""The discreet footer code of each tier (students are not labelled by tier)."""
TIER_TITLES: dict[str, str] = {"support": "Support", "core": "Core", "challenge": "Challenge"}
"""How a mark scheme names its tier."""
SCAFFOLD_TIER: TierName = "support"
"""The tier that prints scaffolds (hints, sentence starters, word banks, writing frames) and wider lines."""
EXTENSION_TIER: TierName = "challenge"
"""The tier that adds `extension: true` questions."""

StyleName = Literal["standard", "large-print", "dyslexia"]
"""The looks of a page: standard, large print (16 pt and up) and dyslexia-friendly."""
STYLES: tuple[StyleName, ...] = get_args(StyleName)
DEFAULT_STYLE: StyleName = "standard"
STYLE_CODES: dict[str, str] = {"standard": "", "large-print": "L", "dyslexia": "D"}
"""Added to the tier's code in the footer."""

PaperName = Literal["A4", "letter"]
"""Paper a teacher can ask for (an a5-booklet's own pages are laid out on A5)."""
PAPERS: tuple[PaperName, ...] = get_args(PaperName)

Role = Literal["student", "markscheme", "sources"]
"""What one output is for: the student's handout, the marker's scheme, or the source insert."""
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_TITLES: dict[str, str] = {"student": "handout", "markscheme": "mark scheme", "sources": "source insert"}
"""How a message names a role's document."""
SEES_ANSWERS: frozenset[str] = frozenset({"markscheme"})
"""The roles whose document keeps model answers and mark schemes; every other role gets the student view."""

FormatName = Literal["pdf", "moodle", "gift", "qti", "docx"]
"""The output formats (see writers.FORMATS)."""
EXPORT_FORMATS: tuple[FormatName, ...] = ("moodle", "gift", "qti", "docx")
"""The formats `worksheets export` writes (a build writes PDF)."""

ShuffleName = Literal["both", "options", "questions", "none"]
HouseStyleName = Literal["plain", "aqa", "edexcel", "ocr"]
"""Exam boards' house styles: how questions are numbered, marks written, margins and front page printed."""
AudienceName = Literal["secondary", "primary"]
"""Who the page is for: secondary (exam furniture, marks) or primary (none of it, larger friendly type)."""
DEFAULT_AUDIENCE: AudienceName = "secondary"
"""What variants shuffle: the questions of each block, the options of choice questions, both, or neither."""

ImposeName = Literal["none", "a5-booklet", "a4-on-a3"]
"""How a booklet is imposed for saddle-stitched printing."""
SchemePlacement = Literal["separate", "appendix", "none"]
"""Where a booklet's mark schemes go."""


def version_code(tier: str, style: str, variant: str | None) -> str:
    """`SD`, `XA`, `C`...: the footer code that tells copies apart without labelling the student."""
    return TIER_CODES[tier] + STYLE_CODES[style] + (variant or "")
