"""Stage 3: one version of a worksheet (tier, style, variant) as a resolved Document.

Items are filtered by tier, questions numbered 1, 2, 3 with parts (a), (b),
sources lettered A, B, C in order of first appearance, references
substituted and answer space sized from the marks.
"""

from __future__ import annotations

import math
from typing import Any

from worksheets import document as d
from worksheets import model as m
from worksheets.document import letter_index, letters
from worksheets.errors import Loc, ProblemList
from worksheets.fonts import missing_glyphs
from worksheets.library import REFERENCE, Library
from worksheets.shuffle import permutation, variant_order
from worksheets.text import Prose, parse

LINES_PER_MARK = 2.5
MIN_LINES = 3


def default_lines(marks: int) -> int:
    """Answer lines for a question worth `marks`: about 2-3 a mark (4 marks -> 10, 8 -> 20)."""
    return max(MIN_LINES, math.ceil(LINES_PER_MARK * marks))


def in_tier(item: Any, tier: str) -> bool:
    """Whether a bank item appears in a tier (its `tiers:`, and extension questions in challenge only).

    A question whose parts are all in other tiers does not appear either."""
    tiers = getattr(item, "tiers", None)
    if tiers is not None and tier not in tiers:
        return False
    if getattr(item, "extension", False) and tier != "challenge":
        return False
    parts = getattr(item, "parts", None)
    if parts and not any(in_tier(part, tier) for part in parts):
        return False
    return True


class _Planner:
    def __init__(self, library: Library, tier: str, style: str, variant: str | None, stem: str) -> None:
        self.lib = library
        self.tier = tier
        self.style = style
        self.variant = variant
        self.stem = stem
        self.problems = ProblemList()
        self.source_letter: dict[str, str] = {}
        self.question_number: dict[str, str] = {}
        self.printed_sources: set[str] = set()

    # --- first pass: which questions and sources appear, and their numbers and letters ---

    def shuffle(self, count: int, *key: str) -> list[int]:
        """A deterministic order of `count` items; each variant has its own."""
        if self.variant:
            return variant_order(count, letter_index(self.variant), *key)
        return permutation(count, *key)

    def question_ids(self, item: m.QuestionsRef) -> list[str]:
        ids = self._question_ids(item)
        if self.variant and len(ids) > 1:
            # variants shuffle the question order within each block
            ids = [ids[i] for i in self.shuffle(len(ids), "block", *ids)]
        return ids

    def _question_ids(self, item: m.QuestionsRef) -> list[str]:
        if isinstance(item.questions, str):
            if item.questions in self.lib.question_sets:
                qset = self.lib.question_sets[item.questions]
                if not in_tier(qset, self.tier):
                    return []
                ids = list(qset.questions)
            else:
                ids = [item.questions]
        else:
            ids = list(item.questions)
        return [i for i in ids if in_tier(self.lib.questions[i], self.tier)]

    def number(self) -> None:
        count = 0
        for index, item in enumerate(self.lib.worksheet.contents):
            if isinstance(item, m.SourcesRef):
                for ident in item.sources:
                    if in_tier(self.lib.sources[ident], self.tier):
                        self._letter(ident)
            elif isinstance(item, m.QuestionsRef):
                for ident in self.question_ids(item):
                    if ident in self.question_number:
                        self.problems.add(
                            item.where("questions"),
                            f"worksheet.contents[{index}].questions: question '{ident}' appears twice in this worksheet",
                        )
                        continue
                    count += 1
                    self.question_number[ident] = str(count)
                    for source in getattr(self.lib.questions[ident], "sources", []):
                        self._letter(source)

    def _letter(self, ident: str) -> None:
        if ident not in self.source_letter:
            self.source_letter[ident] = letters(len(self.source_letter))

    # --- text ---

    def prose(self, text: str | None, owner: m.Model, field: str) -> Prose:
        if not text:
            return ()
        return parse(self.substitute(text, owner.where(field), field))

    def glyphs(self, text: str, loc: Loc, field: str) -> None:
        """Every character must be printable in this style's fonts, not a blank box."""
        missing = missing_glyphs(text, self.style)
        if missing:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:3]) + (" ..." if len(missing) > 3 else "")
            self.problems.add(loc, f"{field}: {shown} cannot be printed with the bundled fonts of the {self.style} "
                                   "style (they cover Latin, Greek and Cyrillic)")

    def substitute(self, text: str, loc: Loc, field: str) -> str:
        self.glyphs(text, loc, field)

        def replace(match: Any) -> str:
            kind, ident = match.groups()
            if kind == "source":
                if ident in self.source_letter:
                    return f"Source {self.source_letter[ident]}"
                self.problems.add(loc, f"{field}: {match.group(0)} is not printed in the {self.tier} version of this worksheet")
            else:
                if ident in self.question_number:
                    return self.question_number[ident]
                self.problems.add(loc, f"{field}: {match.group(0)} is not in the {self.tier} version of this worksheet")
            return match.group(0)

        return REFERENCE.sub(replace, text)

    # --- second pass: blocks ---

    def blocks(self) -> list[d.Block]:
        out: list[d.Block] = []
        for item in self.lib.worksheet.contents:
            if isinstance(item, m.SectionRef):
                section = self.lib.sections[item.section] if isinstance(item.section, str) else item.section
                if in_tier(section, self.tier):
                    out.append(self.section(section))
            elif isinstance(item, m.SourcesRef):
                for ident in item.sources:
                    if in_tier(self.lib.sources[ident], self.tier) and ident not in self.printed_sources:
                        out.append(self.source(ident))
            elif isinstance(item, m.QuestionsRef):
                out.extend(self.questions(item))
            elif isinstance(item, m.HeadingRef):
                out.append(d.HeadingBlock(self.substitute(item.heading, item.where("heading"), "heading")))
            elif isinstance(item, m.TextRef):
                out.append(d.TextBlock(self.prose(item.text, item, "text")))
            elif isinstance(item, m.GlossaryRef):
                out.append(self.glossary(item))
            elif isinstance(item, m.PageBreak) and item.page_break:
                out.append(d.PageBreakBlock())
        return out

    def section(self, section: m.Section) -> d.SectionBlock:
        callouts = tuple(
            d.Callout(c.kind, c.title or CALLOUT_TITLES[c.kind], self.prose(c.text, c, "text")) for c in section.callouts
        )
        title = self.substitute(section.title, section.where("title"), "title") if section.title else None
        return d.SectionBlock(title, self.prose(section.body, section, "body"), callouts)

    def source(self, ident: str) -> d.SourceBlock:
        self.printed_sources.add(ident)
        src = self.lib.sources[ident]
        return d.SourceBlock(
            letter=self.source_letter[ident],
            title=self.substitute(src.title, src.where("title"), "title") if src.title else None,
            text=self.prose(src.text, src, "text"),
            image=self.lib.images.get(ident),
            caption=self.substitute(src.caption, src.where("caption"), "caption") if src.caption else None,
            attribution=self.prose(src.attribution, src, "attribution"),
        )

    def questions(self, item: m.QuestionsRef) -> list[d.Block]:
        ids = self.question_ids(item)
        if not ids:
            return []  # every question of the block is in other tiers: no empty heading
        title, intro, owner = item.title, item.intro, item
        if isinstance(item.questions, str) and item.questions in self.lib.question_sets:
            qset = self.lib.question_sets[item.questions]
            title = title or (self.substitute(qset.title, qset.where("title"), "title") if qset.title else None)
            intro, owner = (intro, item) if intro else (qset.intro, qset)
        out: list[d.Block] = []
        questions: list[d.Question] = []
        intro_prose = self.prose(intro, owner, "intro")
        for ident in ids:
            q = self.lib.questions[ident]
            unprinted = [s for s in getattr(q, "sources", []) if s not in self.printed_sources]
            if unprinted:
                # a source is printed where it first appears: here, before the question naming it
                if questions or intro_prose or title:
                    out.append(d.QuestionsBlock(title, intro_prose, tuple(questions)))
                    title, intro_prose, questions = None, (), []
                out.extend(self.source(s) for s in unprinted)
            questions.append(self.question(q))
        if questions or intro_prose or title:
            out.append(d.QuestionsBlock(title, intro_prose, tuple(questions)))
        return out

    def question(self, q: Any) -> d.Question:
        number = self.question_number[q.id]
        if not isinstance(q, m.WrittenQuestion):
            return self.closed(q, number)
        parts = tuple(
            self.written(p, q.id, f"{number}({letters(i).lower()})", f"({letters(i).lower()})", q.sources)
            for i, p in enumerate(part for part in q.parts if in_tier(part, self.tier))
        )
        base = self.written(q, q.id, number, number, q.sources)
        if parts:
            return d.Question(
                id=q.id, number=number, label=number, kind=q.type, prompt=base.prompt,
                marks=sum(p.marks for p in parts), answer=d.AnswerArea("none"), model_answer=base.model_answer,
                scheme=base.scheme, scaffold=base.scaffold, sources=base.sources, parts=parts,
            )
        return base

    def written(self, q: Any, ident: str, number: str, label: str, sources: list[str]) -> d.Question:
        marks = int(q.marks or 0)
        return d.Question(
            id=ident,
            number=number,
            label=label,
            kind="written",
            prompt=self.prose(q.prompt, q, "prompt"),
            marks=marks,
            answer=self.answer(q.answer, marks),
            model_answer=self.prose(q.model_answer, q, "model_answer"),
            scheme=self.scheme(q.mark_scheme),
            scaffold=self.scaffold(q.scaffold) if self.tier == "support" and q.scaffold else None,
            sources=tuple(f"Source {self.source_letter[s]}" for s in sources if s in self.source_letter),
        )

    def closed(self, q: Any, number: str) -> d.Question:
        """A choice, true-false, cloze, matching or ordering question: its prompt, marks and key."""
        detail: d.Detail
        key = (q.id,)
        prompt = q.prompt or ""
        if isinstance(q, m.ChoiceQuestion):
            order = self.shuffle(len(q.options), *key, "options") if self.variant else list(range(len(q.options)))
            correct = sorted(order.index(i) for i in q.correct_list)
            detail = d.Choice(tuple(self.prose(q.options[i], q, "options") for i in order), tuple(correct))
        elif isinstance(q, m.TrueFalseQuestion):
            detail = d.TrueFalse(tuple((self.prose(st.text, st, "text"), st.answer) for st in q.statements))
            prompt = prompt or "Decide whether each statement is true or false. Tick one box in each row."
        elif isinstance(q, m.ClozeQuestion):
            counter = iter(range(1, 1000))
            marked = m.GAP.sub(lambda _: f"{d.GAP_OPEN}{next(counter)}{d.GAP_CLOSE}", q.text)
            answers = tuple(q.gaps)
            bank: tuple[str, ...] = ()
            if q.word_bank:
                words = list(dict.fromkeys([*answers, *q.distractors]))
                bank = tuple(words[i] for i in self.shuffle(len(words), *key, "word-bank"))
            detail = d.Cloze(self.prose(marked, q, "text"), answers, bank)
            prompt = prompt or ("Fill in the gaps, using words from the box." if bank else "Fill in the gaps.")
        elif isinstance(q, m.MatchingQuestion):
            order = self.shuffle(len(q.pairs), *key, "right")
            detail = d.Matching(
                tuple(self.prose(left, q, "pairs") for left, _ in q.pairs),
                tuple(self.prose(q.pairs[i][1], q, "pairs") for i in order),
                tuple(order.index(i) for i in range(len(q.pairs))),
            )
            prompt = prompt or "Match each item on the left to one on the right. Write its letter in the box."
        else:
            order = self.shuffle(len(q.items), *key, "items")
            detail = d.Ordering(
                tuple(self.prose(q.items[i], q, "items") for i in order),
                tuple(order.index(i) for i in range(len(q.items))),
            )
            prompt = prompt or f"Put these in order. Number the boxes from 1 (first) to {len(q.items)} (last)."
        return d.Question(
            id=q.id, number=number, label=number, kind=q.type,
            prompt=parse(self.substitute(prompt, q.where("prompt"), "prompt")) if prompt else (),
            marks=q.total, answer=d.AnswerArea("none"),
            model_answer=self.prose(q.model_answer, q, "model_answer"), scheme=self.scheme(q.mark_scheme),
            scaffold=self.scaffold(q.scaffold) if self.tier == "support" and q.scaffold else None,
            sources=tuple(f"Source {self.source_letter[s]}" for s in q.sources if s in self.source_letter),
            detail=detail,
        )

    def answer(self, answer: m.AnswerSpace | None, marks: int) -> d.AnswerArea:
        if answer is None:
            return d.AnswerArea("lines", lines=default_lines(marks))
        if answer.box is not None:
            return d.AnswerArea("box", height=m.parse_length(answer.box) or 0.0)
        if answer.lines == 0:
            return d.AnswerArea("none")
        return d.AnswerArea("lines", lines=answer.lines if answer.lines is not None else default_lines(marks))

    def scheme(self, scheme: m.MarkScheme | None) -> d.Scheme:
        if scheme is None:
            return d.Scheme()
        count = len(scheme.levels)
        return d.Scheme(
            guidance=self.prose(scheme.guidance, scheme, "guidance"),
            points=tuple(d.ScoringPoint(self.prose(p.text, p, "text"), p.marks) for p in scheme.points),
            levels=tuple(
                d.ScoringLevel(count - i, lv.marks.replace("-", "–"), self.prose(lv.descriptor, lv, "descriptor"))
                for i, lv in enumerate(scheme.levels)
            ),
            indicative=tuple(self.prose(text, scheme, "indicative") for text in scheme.indicative),
        )

    def scaffold(self, scaffold: m.Scaffold) -> d.Scaffold:
        return d.Scaffold(
            hint=self.prose(scaffold.hint, scaffold, "hint"),
            sentence_starters=tuple(self.substitute(t, scaffold.where("sentence_starters"), "sentence_starters")
                                    for t in scaffold.sentence_starters),
            word_bank=tuple(self.substitute(t, scaffold.where("word_bank"), "word_bank") for t in scaffold.word_bank),
            frame=tuple(self.substitute(t, scaffold.where("frame"), "frame") for t in scaffold.frame),
        )

    def glossary(self, item: m.GlossaryRef) -> d.GlossaryBlock:
        terms = sorted(self.lib.glossary) if item.glossary == "all" else sorted(set(item.glossary))
        terms.sort(key=str.casefold)
        return d.GlossaryBlock(tuple(
            (t, parse(self.substitute(self.lib.glossary[t][0], self.lib.glossary[t][1], f"glossary '{t}'"))) for t in terms
        ))


CALLOUT_TITLES = {"note": "Note", "did-you-know": "Did you know?", "key-term": "Key term"}


def plan(library: Library, stem: str, tier: str = "core", style: str = "standard", variant: str | None = None) -> d.Document:
    """Resolve one version of the library's worksheet, or raise SpecError."""
    planner = _Planner(library, tier, style, variant, stem)
    planner.number()
    ws = library.worksheet
    blocks = planner.blocks()
    instructions = planner.prose(ws.instructions, ws, "instructions")
    for name in ("title", "subtitle", "time_allowed"):
        if getattr(ws, name):
            planner.glyphs(getattr(ws, name), ws.where(name), f"worksheet.{name}")
    for label in ws.student_fields:
        planner.glyphs(label, ws.where("student_fields"), "worksheet.student_fields")
    for term, (_, loc) in library.glossary.items():
        planner.glyphs(term, loc, "glossary")
    planner.problems.check()
    return d.Document(
        stem=stem,
        source=library.spec.name,
        title=ws.title,
        subtitle=ws.subtitle,
        paper=ws.paper,
        student_fields=tuple(ws.student_fields),
        instructions=instructions,
        time_allowed=ws.time_allowed,
        blocks=tuple(blocks),
        tier=tier,
        style=style,
        variant=variant,
        source_insert=ws.source_insert,
        grading_table=_grading_table(ws.grading_table, blocks),
        tier_label=_tier_label(ws, tier),
        tiered=len(set(ws.tiers)) > 1 or tier != "core",
    )


def _tier_label(ws: m.Worksheet, tier: str) -> str | None:
    """Students are not labelled by tier unless the spec asks (`show_tier_labels`, or `tier_labels` given)."""
    if ws.tier_labels is not None:
        return ws.tier_labels.get(tier, tier.capitalize())  # type: ignore[call-overload]
    return tier.capitalize() if ws.show_tier_labels else None


GRADING_TABLE_FROM = 10  # questions; below this a worksheet gets no grading table unless asked


def _grading_table(setting: str | bool, blocks: list[d.Block]) -> bool:
    if setting == "auto":
        return sum(len(b.questions) for b in blocks if isinstance(b, d.QuestionsBlock)) >= GRADING_TABLE_FROM
    return bool(setting)
