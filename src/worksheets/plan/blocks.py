"""The second pass: each contents block of the worksheet lowered into document blocks.

A block kind maps to its lowering in LOWER (the spec's CONTENT_KINDS, one entry each); a
question is lowered by its registered question type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from worksheets import document as d
from worksheets.plan.context import Planner
from worksheets.qtypes import QUESTION_TYPES
from worksheets.spec.base import Model
from worksheets.spec.content import Section
from worksheets.spec.worksheet import (
    GlossaryRef,
    HeadingRef,
    PageBreak,
    QuestionsRef,
    SectionRef,
    SourcesRef,
    TextRef,
)
from worksheets.style.collation import sort_key
from worksheets.style.words import DEFAULT_LANGUAGE

CALLOUT_TITLES = {"note": "note", "did-you-know": "did_you_know", "key-term": "key_term"}
"""Each callout kind's default title, by its key in the page's words."""


def blocks(p: Planner) -> list[d.Block]:
    """Every block of this version, in order."""
    assert p.lib.worksheet is not None
    out: list[d.Block] = []
    for item in p.lib.worksheet.contents:
        out.extend(LOWER[type(item)](p, item))
    return out


def _section_ref(p: Planner, item: SectionRef) -> list[d.Block]:
    section = p.lib.sections[item.section] if isinstance(item.section, str) else item.section
    return [section_block(p, section)] if p.in_tier(section) else []


def section_block(p: Planner, section: Section) -> d.SectionBlock:
    """A section with its callouts."""
    for callout in section.callouts:
        if callout.title:
            p.check(callout.title, callout, "title")
    callouts = tuple(
        d.Callout(c.kind, c.title or p.words(CALLOUT_TITLES[c.kind]), p.prose(c.text, c, "text"))
        for c in section.callouts
    )
    return d.SectionBlock(p.title(section, "title"), p.prose(section.body, section, "body"), callouts)


def _sources_ref(p: Planner, item: SourcesRef) -> list[d.Block]:
    return [source_block(p, ident) for ident in item.sources
            if p.in_tier(p.lib.sources[ident]) and ident not in p.printed_sources]


def source_block(p: Planner, ident: str) -> d.SourceBlock:
    """A source, lettered; it is printed once, where it first appears."""
    p.printed_sources.add(ident)
    src = p.lib.sources[ident]
    return d.SourceBlock(
        letter=p.source_letter[ident], title=p.title(src, "title"), text=p.prose(src.text, src, "text"),
        image=p.lib.images.get(ident), image_digest=p.lib.image_digests.get(ident, ""), caption=p.title(src, "caption"),
        attribution=p.prose(src.attribution, src, "attribution"), number_every=src.lines.every if src.lines else 0,
        alt=p.title(src, "alt") if src.alt else src.alt,
    )


def _questions_ref(p: Planner, item: QuestionsRef) -> list[d.Block]:
    """The block's questions; a source a question names is printed just before it, if not yet printed."""
    ids = p.question_ids(item)
    if not ids:
        return []  # every question of the block is in other tiers: no empty heading
    title, intro = item.title, item.intro
    if title:
        p.check(title, item, "title")
    owner: Model = item
    if isinstance(item.questions, str) and item.questions in p.lib.question_sets:
        qset = p.lib.question_sets[item.questions]
        title = title or p.title(qset, "title")
        intro, owner = (intro, item) if intro else (qset.intro, qset)
    out: list[d.Block] = []
    questions: list[d.Question] = []
    intro_prose = p.prose(intro, owner, "intro")
    for ident in ids:
        q = p.lib.questions[ident]
        unprinted = [s for s in getattr(q, "sources", []) if s not in p.printed_sources]
        if unprinted:
            # a source is printed where it first appears: here, before the question naming it
            if questions or intro_prose or title:
                out.append(d.QuestionsBlock(title, intro_prose, tuple(questions)))
                title, intro_prose, questions = None, (), []
            out.extend(source_block(p, s) for s in unprinted)
        lowered = QUESTION_TYPES[q.type].lower(p.question(ident), p, p.question_number[q.id])
        questions.append(replace(lowered, values=p.values[ident]) if ident in p.values else lowered)
    if questions or intro_prose or title:
        out.append(d.QuestionsBlock(title, intro_prose, tuple(questions)))
    return out


def _heading(p: Planner, item: HeadingRef) -> list[d.Block]:
    return [d.HeadingBlock(p.substitute(item.heading, item.where("heading"), "heading"))]


def _text(p: Planner, item: TextRef) -> list[d.Block]:
    return [d.TextBlock(p.prose(item.text, item, "text"))]


def _glossary(p: Planner, item: GlossaryRef) -> list[d.Block]:
    terms = sorted(p.lib.glossary) if item.glossary == "all" else sorted(set(item.glossary))
    terms.sort(key=sort_key(p.lib.worksheet.language if p.lib.worksheet else DEFAULT_LANGUAGE, terms))
    return [d.GlossaryBlock(tuple(
        (t, p.glossary_prose(p.lib.glossary[t][0], p.lib.glossary[t][1], f"glossary '{t}'")) for t in terms
    ))]


def _page_break(p: Planner, item: PageBreak) -> list[d.Block]:
    return [d.PageBreakBlock()] if item.page_break else []


LOWER: dict[type, Callable[[Planner, Any], list[d.Block]]] = {
    SectionRef: _section_ref,
    SourcesRef: _sources_ref,
    QuestionsRef: _questions_ref,
    HeadingRef: _heading,
    TextRef: _text,
    GlossaryRef: _glossary,
    PageBreak: _page_break,
}
"""Each contents block kind's lowering."""
