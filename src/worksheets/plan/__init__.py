"""Stage 3: one version of a worksheet (tier, style, variant) as the resolved Document.

Items are filtered by tier, questions numbered 1, 2, 3 with parts (a), (b), sources lettered
A, B, C in order of first appearance, references substituted and answer space sized from the
marks (`context`), then each contents block is lowered (`blocks`). Booklets are planned in
`booklet`, shuffles made in `shuffle`, prose parsed in `markdown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from worksheets.vocab import DEFAULT_STYLE, DEFAULT_TIER, TIER_TITLES

if TYPE_CHECKING:
    from worksheets import document as d
    from worksheets.library import Library
    from worksheets.plan.context import Planner
    from worksheets.spec.worksheet import Worksheet

GRADING_TABLE_FROM = 10  # questions; below this a worksheet gets no grading table unless asked


def plan(library: Library, stem: str, tier: str = DEFAULT_TIER, style: str = DEFAULT_STYLE,
         variant: str | None = None, copy: str | None = None, seed: int | None = None) -> d.Document:
    """Resolve one version of the library's worksheet, or one student's own copy (`copy`: their key), or raise
    SpecError; `seed` overrides the spec's."""
    from worksheets import document as d
    from worksheets.plan.blocks import blocks as lower_blocks
    from worksheets.plan.context import Planner

    planner = Planner(library, tier, style, variant, copy, seed)
    planner.number()
    ws = library.worksheet
    assert ws is not None
    blocks = lower_blocks(planner)
    if ws.audience == "primary":  # young readers find "the picture" by its number: Picture 1, Picture 2...
        blocks = list(_numbered_pictures(tuple(blocks), planner.words, [0]))
    instructions = planner.prose(ws.instructions, ws, "instructions")
    _check_glyphs(planner, library)
    if ws.audience == "primary" and ws.house_style != "plain":
        planner.problems.add(ws.where("house_style"), f"worksheet.house_style: {ws.house_style} is an exam board's "
                             "style, and a primary page prints no exam furniture: leave house_style out, or set "
                             "audience: secondary")
    planner.problems.check()
    return d.Document(
        stem=stem, source=library.spec.name, title=planner.plain(ws.title, ws.where("title"), "worksheet.title"),
        subtitle=ws.subtitle and planner.plain(ws.subtitle, ws.where("subtitle"), "worksheet.subtitle"), paper=ws.paper,
        student_fields=tuple(ws.fields()), house_style=ws.house_style, audience=ws.audience, language=ws.language,
        labels=tuple((ws.labels or {}).items()), instructions=instructions, time_allowed=ws.time_allowed,
        blocks=tuple(blocks), tier=tier, style=style, variant=variant, copy=copy,
        source_insert=ws.source_insert and copy is None, scan_marking=ws.scan_marking,
        grading_table=_grading_table(ws.grading_table, blocks), tier_label=_tier_label(ws, tier),
        tiered=len(set(ws.tiers)) > 1 or tier != DEFAULT_TIER,
    )


def _numbered_pictures(node: Any, words: Any, count: list[int]) -> Any:
    """The tree with each picture in prose captioned 'Picture N' (before its own caption), in reading order."""
    import dataclasses

    from worksheets import document as d

    if isinstance(node, d.Figure):
        count[0] += 1
        label = words("picture", n=count[0])
        return dataclasses.replace(node, caption=f"{label}: {node.caption}" if node.caption else label)
    if isinstance(node, tuple):
        return tuple(_numbered_pictures(item, words, count) for item in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changed = {f.name: _numbered_pictures(getattr(node, f.name), words, count)
                   for f in dataclasses.fields(node) if f.init}
        return dataclasses.replace(node, **changed)
    return node


def _check_glyphs(planner: Planner, library: Library) -> None:
    """The worksheet's one-line texts and the glossary's terms must be printable too."""
    assert library.worksheet is not None
    ws = library.worksheet
    for name in ("title", "subtitle", "time_allowed"):
        if getattr(ws, name):
            planner.glyphs(getattr(ws, name), ws.where(name), f"worksheet.{name}")
    for label in ws.fields():
        planner.glyphs(label, ws.where("student_fields"), "worksheet.student_fields")
    for term, (_, loc) in library.glossary.items():
        planner.glyphs(term, loc, "glossary")
    tier_label = _tier_label(ws, planner.tier)
    if tier_label:  # printed on the students' copies
        planner.glyphs(tier_label, ws.where("tier_labels" if ws.tier_labels else "show_tier_labels"), "tier_labels")


def _tier_label(ws: Worksheet, tier: str) -> str | None:
    """Students are not labelled by tier unless the spec asks (`show_tier_labels`, or `tier_labels` given)."""
    if ws.tier_labels is not None:
        return ws.tier_labels.get(tier, TIER_TITLES[tier])  # type: ignore[call-overload]
    return TIER_TITLES[tier] if ws.show_tier_labels else None


def _grading_table(setting: str | bool, blocks: list[d.Block]) -> bool:
    from worksheets import document as d

    if setting == "auto":
        return sum(len(b.questions) for b in blocks if isinstance(b, d.QuestionsBlock)) >= GRADING_TABLE_FROM
    return bool(setting)
