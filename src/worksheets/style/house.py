"""Exam boards' house styles (`house_style:`): how each numbers its questions, writes their marks, and what it
prints in the margins and on the front page, as its papers do (`print-conventions.md`). `plain` is ours."""

from __future__ import annotations

import re
from dataclasses import dataclass

from worksheets.style.words import Words


@dataclass(frozen=True)
class House:
    """One board's conventions."""

    name: str
    """plain, aqa, edexcel or ocr."""
    boxed_numbers: bool = False
    """Question numbers in boxes, two digits and parts after a point (AQA: 0 1, 0 1 . 1)."""
    marks_style: str = "words"
    """'words' ([4 marks], in the page's language), 'brackets' ((4), Edexcel) or 'bare' ([4], OCR)."""
    question_totals: bool = False
    """'(Total for Question 2 = 12 marks)' after every question (Edexcel)."""
    margin: str = ""
    """The key of the words printed down the margins ('' none): AQA's box warning, Edexcel's area warning."""
    both_margins: bool = False
    """The margin words go down both margins (Edexcel), not the right one only (AQA)."""
    candidate_boxes: bool = False
    """Centre number and candidate number boxes on the front page (AQA)."""
    asterisk: bool = False
    """An asterisk before each question that assesses extended response (OCR)."""

    def label(self, number: str, label: str) -> str:
        """A question's or part's printed label: its number ('3', '3(a)') as the board prints it."""
        if not self.boxed_numbers:
            return label
        match = re.fullmatch(r"(\d+)(?:\(([a-z]+)\))?", number)
        if match is None:
            return label
        digits = " ".join(f"{int(match.group(1)):02d}")
        if match.group(2) is None:
            return digits
        part = sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(match.group(2))))
        return f"{digits} . {part}"

    def marks(self, marks: int, words: Words) -> str:
        """A question's marks as the board writes them at the right margin."""
        if self.marks_style == "brackets":
            return f"({marks})"
        if self.marks_style == "bare":
            return f"[{marks}]"
        return words.count("marks", marks)


HOUSES = {
    "plain": House("plain"),
    "aqa": House("aqa", boxed_numbers=True, margin="margin_aqa", candidate_boxes=True),
    "edexcel": House("edexcel", marks_style="brackets", question_totals=True, margin="margin_edexcel",
                     both_margins=True),
    "ocr": House("ocr", marks_style="bare", asterisk=True),
}
"""Every house style, by name."""


def house(name: str) -> House:
    """The house style of a name (plain for one not known)."""
    return HOUSES.get(name, HOUSES["plain"])
