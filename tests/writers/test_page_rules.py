"""What a head of department checks on every page, measured on the PDFs of the example and of the subject
examples (maths, chemistry, French, English, primary) in every tier and style, and in a variant:

- the words of the running header and of the footer never run into each other;
- no page's body is empty, or holds only the end marker;
- each question's number is on the page where its answer space starts;
- each source is on, or facing, the page of the first question that uses it (duplex: 2k and 2k+1 face).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from helpers import EXAMPLE, TESTS
from worksheets import document as d
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.style.themes import tier_theme
from worksheets.writers.contract import render, unit
from worksheets.writers.pdf.handout import next_to_first_use, together

EXAMPLES = TESTS.parent / "examples"
SPECS = [EXAMPLE / "terror.yaml", EXAMPLE / "recall-quiz.yaml", *sorted(EXAMPLES.glob("*.yaml"))]


def _versions() -> list[tuple[Path, str, str, str | None]]:
    out = []
    for spec in SPECS:
        ws = build_library(spec, spec.parent).worksheet
        assert ws is not None
        out += [(spec, tier, style, None) for tier in ws.tiers for style in ws.styles]
        out.append((spec, ws.tiers[-1], ws.styles[-1], "B"))
    return out


VERSIONS = _versions()


@cache
def _laid_out(spec: Path, tier: str, style: str, variant: str | None,
              role: str = "student") -> tuple[d.Document, bytes]:
    doc = plan(build_library(spec, spec.parent), spec.stem, tier, style, variant)
    return doc, render(unit(doc, role)).data  # type: ignore[arg-type]


def _name(version: tuple[Path, str, str, str | None]) -> str:
    spec, tier, style, variant = version
    return "-".join(x for x in (spec.stem, tier, style, variant) if x)


def _pages(version: tuple[Path, str, str, str | None], role: str = "student"):
    doc, data = _laid_out(*version, role)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        laid = [(p.height, p.extract_words(), p.lines + p.rects) for p in pdf.pages]
    return doc, tier_theme(doc.style, doc.tier), laid


@pytest.fixture(params=VERSIONS, ids=[_name(v) for v in VERSIONS], scope="module")
def pages(request):
    """(document, theme, pdfplumber pages) of one version's handout."""
    return _pages(request.param)


@pytest.fixture(params=VERSIONS, ids=[_name(v) for v in VERSIONS], scope="module")
def both(request):
    """The handout's and the mark scheme's pages of one version."""
    return [_pages(request.param), _pages(request.param, "markscheme")]


def _overlap(a: dict, b: dict) -> bool:
    across = a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5
    return across and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


def _bands(theme, height: float, words: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """(header, body, footer) words of a page."""
    head = [w for w in words if w["bottom"] <= theme.margin_top]
    foot = [w for w in words if w["top"] >= height - theme.margin_bottom]
    body = [w for w in words if w not in head and w not in foot]
    return head, body, foot


def test_header_and_footer_words_never_touch(both):
    for _, theme, laid in both:
        for number, (height, words, _) in enumerate(laid, 1):
            head, _, foot = _bands(theme, height, words)
            for band in (head, foot):
                clashes = [(a["text"], b["text"]) for i, a in enumerate(band) for b in band[i + 1:] if _overlap(a, b)]
                assert not clashes, f"page {number}: {clashes}"


def test_no_page_body_is_empty_or_only_the_end_marker(both):
    for role, (_, theme, laid) in zip(("student", "markscheme"), both, strict=True):
        for number, (height, words, _) in enumerate(laid, 1):
            _, body, _ = _bands(theme, height, words)
            text = " ".join(w["text"] for w in body)
            assert body, f"{role} page {number} is empty"
            assert text != "END OF QUESTIONS", f"{role} page {number} holds only the end marker"


def _has_space(q: d.Question) -> bool:
    return q.detail is not None or (q.answer.kind in ("lines", "box") and (q.answer.lines or q.answer.height) > 0)


def _label_spots(theme, laid, label: str) -> list[tuple[int, float]]:
    """(page, top) of every word `label` at the left margin, in reading order."""
    return [(number, w["top"]) for number, (height, words, _) in enumerate(laid, 1)
            for w in _bands(theme, height, words)[1] if w["text"] == label and abs(w["x0"] - theme.margin_left) < 1]


def test_each_question_number_is_on_the_page_where_its_answer_space_starts(pages):
    doc, theme, laid = pages
    after = (0, -1.0)
    for q in doc.questions:
        spots = [s for s in _label_spots(theme, laid, q.label) if s > after]
        assert spots, f"question {q.label} not found"
        page, top = after = spots[0]
        if q.parts or not _has_space(q):
            continue
        _, words, drawn = laid[page - 1]
        below = [g for g in drawn if g["top"] > top] + [w for w in words if w["top"] > top + 1 and w["text"] in "ABCD"]
        assert below, f"question {q.label} on page {page} has no answer space below it on that page"


def test_each_source_is_on_or_facing_the_page_of_its_first_question(pages):
    """Where the question next after the source is the first to use it (else other questions stand between
    them, and keeping them together is impossible)."""
    doc, theme, laid = pages
    if doc.source_insert:
        return
    can_move = next_to_first_use(doc)
    for label, number in doc.first_uses().items():
        if label not in can_move:
            continue
        source_pages = [n for n, (h, words, _) in enumerate(laid, 1) if label in " ".join(w["text"] for w in words)]
        question = next(q for q in doc.questions if q.number == number)
        question_page = _label_spots(theme, laid, question.label)[0][0]
        assert source_pages, label
        assert together(source_pages[0], question_page), (label, source_pages[0], question, question_page)


SCHEME_HEADINGS = ("Indicative content: students may include", "Model answer", "Levels of response", "Guidance",
                   "(one mark each unless shown)")


def test_no_mark_scheme_page_ends_with_a_heading(both):
    _, theme, laid = both[1]
    for number, (height, words, _) in enumerate(laid[:-1], 1):
        body = _bands(theme, height, words)[1]
        last = max(w["bottom"] for w in body)
        line = " ".join(w["text"] for w in sorted(body, key=lambda w: w["x0"]) if abs(w["bottom"] - last) < 2)
        assert not line.endswith(SCHEME_HEADINGS), f"page {number} ends with {line!r}"
