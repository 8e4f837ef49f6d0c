"""The planner's state for one version, and the services question types lower with.

The first pass numbers the questions and letters the sources; text is then substituted
({source:ID}, {question:ID}) and every character checked printable in the version's style.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from worksheets import document as d
from worksheets.document.labels import letter_index, letters
from worksheets.errors import Loc, ProblemList
from worksheets.library import REFERENCE, Library
from worksheets.plan.chem import ce_problem
from worksheets.plan.dollars import EATEN
from worksheets.plan.markdown import parse, parse_cloze
from worksheets.plan.shuffle import permutation, variant_order
from worksheets.plan.tiers import in_tier
from worksheets.spec import questions as sq
from worksheets.spec.base import Model, parse_length
from worksheets.spec.worksheet import QuestionsRef, SourcesRef
from worksheets.style.fonts import cannot_print, unprintable
from worksheets.style.words import ENGLISH
from worksheets.vocab import SCAFFOLD_TIER

LINES_PER_MARK = 2.5
MIN_LINES = 3


def default_lines(marks: int) -> int:
    """Answer lines for a question worth `marks`: about 2-3 a mark (4 marks -> 10, 8 -> 20)."""
    return max(MIN_LINES, math.ceil(LINES_PER_MARK * marks))


class Planner:
    """One version (tier, style, variant) or one student's copy being planned: numbers, letters, draws and
    values, and the problems found."""

    def __init__(self, library: Library, tier: str, style: str, variant: str | None, copy: str | None = None,
                 seed: int | None = None) -> None:
        self.lib = library
        self.tier = tier
        self.style = style
        self.variant = variant
        self.copy = copy
        self.seed = seed if seed is not None else (library.worksheet.seed if library.worksheet is not None else None)
        # what makes this copy's draws, shuffles and values its own (nothing extra for a plain version)
        self.copy_key: tuple[str, ...] = ((f"seed-{self.seed}",) if self.seed is not None else ()) + (
            (f"student-{copy}",) if copy is not None else ())
        self.shuffled = bool(variant or copy)  # variants and students' own copies shuffle; a plain version does not
        self.scan_marking = bool(library.worksheet and library.worksheet.scan_marking)
        self.words = library.worksheet.words() if library.worksheet is not None else ENGLISH
        self.audience = library.worksheet.audience if library.worksheet is not None else "secondary"
        """The words the page itself prints (default prompts, 'Source A'), in the worksheet's language."""
        self.values: dict[str, tuple[tuple[str, str], ...]] = {}  # each question's drawn values, as printed
        self.problems = ProblemList()
        self.source_letter: dict[str, str] = {}
        self.question_number: dict[str, str] = {}
        self.printed_sources: set[str] = set()
        shuffle = library.worksheet.shuffle if library.worksheet is not None else "both"
        self.shuffles_questions = shuffle in ("both", "questions")
        self.shuffles_options = shuffle in ("both", "options")  # of choice questions, in variants

    # --- first pass: which questions and sources appear, and their numbers and letters ---

    @property
    def draw_key(self) -> str:
        """Names this copy for a type's own random layout (a word search's grid): the variant, seed, student."""
        return "|".join((self.variant or "", *self.copy_key))

    def shuffle(self, count: int, *key: str) -> list[int]:
        """A deterministic order of `count` items; each variant, and each student's copy, has its own."""
        if self.variant and self.copy is None:
            return variant_order(count, letter_index(self.variant), *key, *self.copy_key)
        return permutation(count, *key, *self.copy_key)

    def question(self, ident: str) -> Any:
        """The bank question as this copy prints it: with params, its own values filled into every text."""
        q = self.lib.questions[ident]
        if not q.params:
            return q
        from worksheets.spec.values import instance, seeded

        made = instance(q, seeded(*self.copy_key, self.variant or "", "values", ident), self.words.decimal)
        if made is None:
            self.problems.add(q.where("where" if q.condition else "params"), f"question '{ident}': no draw of its "
                              "params met its condition and gave texts that work out")
            return q
        self.values[ident] = tuple(sorted(made[1].items()))
        return made[0]

    def in_tier(self, item: Any) -> bool:
        """Whether an item appears in this version's tier."""
        return in_tier(item, self.tier)

    def question_ids(self, item: QuestionsRef) -> list[str]:
        """The ids a questions block prints in this version, in order (shuffled in variants)."""
        ids = self._question_ids(item)
        if item.draw is not None:
            ids = self._drawn(item, ids)
        if self.shuffled and len(ids) > 1 and self.shuffles_questions and not item.keep_order:
            # variants shuffle the question order within each block; extension questions keep their places
            # (the stretch stays at the end, not first on the paper)
            moving = [i for i in ids if not getattr(self.lib.questions[i], "extension", False)]
            order = iter([moving[i] for i in self.shuffle(len(moving), "block", *moving)])
            ids = [next(order) if i in moving else i for i in ids]
        return ids

    def _drawn(self, item: QuestionsRef, ids: list[str]) -> list[str]:
        """The questions this copy draws from the block's pool (those in its tier)."""
        from worksheets.plan.draws import drawn

        assert item.draw is not None
        if len(ids) < item.draw:
            self.problems.add(item.where("draw"), f"draw: only {len(ids)} of the pool's questions are in the "
                              f"{self.tier} tier, fewer than the {item.draw} to draw")
            return ids
        variant = letter_index(self.variant) if self.variant and self.copy is None else None
        return drawn(ids, item.draw, variant, "pool", str(item.questions), *self.copy_key)

    def _question_ids(self, item: QuestionsRef) -> list[str]:
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
        """Number the questions and letter the sources, in the order they first appear."""
        assert self.lib.worksheet is not None
        count = 0
        for index, item in enumerate(self.lib.worksheet.contents):
            if isinstance(item, SourcesRef):
                for ident in item.sources:
                    if in_tier(self.lib.sources[ident], self.tier):
                        self._letter(ident)
            elif isinstance(item, QuestionsRef):
                for ident in self.question_ids(item):
                    if ident in self.question_number:
                        self.problems.add(item.where("questions"), f"worksheet.contents[{index}].questions: "
                                          f"question '{ident}' appears twice in this worksheet")
                        continue
                    count += 1
                    self.question_number[ident] = str(count)
                    for source in getattr(self.lib.questions[ident], "sources", []):
                        self._letter(source)

    def _letter(self, ident: str) -> None:
        if ident not in self.source_letter:
            self.source_letter[ident] = letters(len(self.source_letter))

    # --- text ---

    def prose(self, text: str | None, owner: Model, field: str) -> d.Prose:
        """A prose field, substituted and checked."""
        if not text:
            return ()
        self._formulas(text, owner.where(field), field)
        prose = parse(self.substitute(text, owner.where(field), field))
        return self._pictured(prose, owner.where(field)) if "![" in text else prose

    def _pictured(self, prose: d.Prose, loc: Loc) -> d.Prose:
        """The prose with each picture's checked file and digest (a picture that failed its check is left
        out: its problem is already reported)."""
        out: list[d.ProseBlock] = []
        for block in prose:
            if isinstance(block, d.Figure):
                found = self.lib.figures.get((loc.file, block.name))
                if found is None:
                    continue
                block = replace(block, path=found[0], digest=found[1])
            elif isinstance(block, d.ListBlock):  # a picture may be a list item's
                block = replace(block, items=tuple(self._pictured(item, loc) for item in block.items))
            out.append(block)
        return tuple(out)

    def picture(self, name: str, owner: Model, field: str, alt: str | None = None) -> d.Figure:
        """A picture a question names, with the file and digest the library checked (none if it failed: its
        problem is already reported), and its alt text."""
        found = self.lib.figures.get((owner.where(field).file, name))
        return d.Figure(name, "", *found, alt=alt) if found else d.Figure(name, "", alt=alt)

    def cloze_prose(self, text: str, owner: Model, field: str) -> d.Prose:
        """A cloze's text (answers already taken out), its `[[N]]` marks as gaps."""
        self._formulas(text, owner.where(field), field)
        return parse_cloze(self.substitute(text, owner.where(field), field))

    def glossary_prose(self, text: str, loc: Loc, field: str) -> d.Prose:
        """A glossary meaning (its place is the glossary's), substituted and checked."""
        self._formulas(text, loc, field)
        return parse(self.substitute(text, loc, field))

    def _formulas(self, text: str, loc: Loc, field: str) -> None:
        """A formula or `\\ce` that cannot be set is a problem at the prose's place, one line each."""
        if EATEN.search(text):
            from worksheets.plan.maths import eaten

            for problem in eaten(text):
                self.problems.add(loc, f"{field}: {problem}")
        if "$" in text:
            from worksheets.plan.maths import problems

            for problem in problems(text):
                self.problems.add(loc, f"{field}: {problem}")
            text = _outside_maths(text)
        unread = ce_problem(text) if "\\ce" in text else None
        if unread:
            self.problems.add(loc, f"{field}: {unread}")

    def glyphs(self, text: str, loc: Loc, field: str) -> None:
        """Every character must be printable in this style's fonts, not a blank box."""
        if EATEN.search(text):  # a maths command YAML unescaped is reported as that, not as a control character
            from worksheets.plan.maths import eaten

            if eaten(text):
                return
        shown = unprintable(text, self.style)
        if not shown and self.audience == "primary":  # printed in the literacy font, as the dyslexia style is
            shown = unprintable(text, "dyslexia")
        if shown:
            self.problems.add(loc, cannot_print(field, shown, self.style))

    def check(self, text: str, owner: Model, field: str) -> None:
        """Text printed as it is, with no references to substitute: every character must be printable."""
        self.glyphs(text, owner.where(field), field)

    def substitute(self, text: str, loc: Loc, field: str) -> str:
        """The text with {source:ID} and {question:ID} replaced by what this version prints."""
        self.glyphs(text, loc, field)

        def replace(match: re.Match[str]) -> str:
            kind, ident = match.groups()
            if kind == "source":
                if ident in self.source_letter:
                    return self.words("source", letter=self.source_letter[ident])
                self.problems.add(loc, f"{field}: {match.group(0)} is not printed in the {self.tier} version "
                                       "of this worksheet")
            else:
                if ident in self.question_number:
                    return self.question_number[ident]
                self.problems.add(loc, f"{field}: {match.group(0)} is not in the {self.tier} version of this worksheet")
            return match.group(0)

        return REFERENCE.sub(replace, text)

    def title(self, owner: Model, field: str) -> str | None:
        """A one-line text field (a title, a caption), substituted; None if not given."""
        text = getattr(owner, field)
        return self.plain(self.substitute(text, owner.where(field), field), owner.where(field), field) if text else None

    def plain(self, text: str, loc: Loc, field: str) -> str:
        """Plain text (a title) with each formula as its reading ('Area πr²'): it is never typeset."""
        if "$" not in text:
            return text
        from worksheets.plan.dollars import spans
        from worksheets.plan.maths import problem, read

        self._formulas(text, loc, field)
        found, _ = spans(text)
        for span in reversed(found):
            if problem(span.tex) is None:
                text = text[:span.start] + read(span.tex) + text[span.end:]
        return text

    # --- pieces every question type may use ---

    def answer(self, answer: sq.AnswerSpace | None, marks: int, line: sq.AnswerLine | None = None) -> d.AnswerArea:
        """The room for a written answer: as asked, else lines from the marks; and its answer line."""
        area = self._space(answer, marks)
        if line is not None:
            area = replace(area, answer_line=d.AnswerLine(self.plain(line.label, line.where("label"), "label"),
                                                          self.plain(line.units, line.where("units"), "units")))
        return area

    def _space(self, answer: sq.AnswerSpace | None, marks: int) -> d.AnswerArea:
        if answer is None:  # primary pupils write on handwriting ruling, a row for about every two lines
            if self.audience == "primary":
                return d.AnswerArea("handwriting", lines=max(2, math.ceil(default_lines(marks) / 2)))
            return d.AnswerArea("lines", lines=default_lines(marks))
        if answer.box is not None:
            return d.AnswerArea("box", height=parse_length(answer.box) or 0.0)
        if answer.grid is not None:
            return d.AnswerArea("grid", height=parse_length(answer.grid) or 0.0,
                                square=parse_length(answer.square or "5mm") or 0.0)
        if answer.graph is not None:
            graph = answer.graph
            return d.AnswerArea("graph", height=parse_length(graph.height or "90mm") or 0.0,
                                x=(graph.x[0], graph.x[1], graph.x_step or graph.step),
                                y=(graph.y[0], graph.y[1], graph.y_step or graph.step))
        if answer.number_line is not None:
            line = answer.number_line
            return d.AnswerArea("number_line", x=(line.from_, line.to, line.step))
        if answer.handwriting is not None:
            return d.AnswerArea("handwriting", lines=answer.handwriting)
        if answer.lines == 0:
            return d.AnswerArea("none")
        return d.AnswerArea("lines", lines=answer.lines if answer.lines is not None else default_lines(marks))

    def scheme(self, scheme: sq.MarkScheme | None) -> d.Scheme:
        """How a question is marked."""
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

    def scaffold(self, scaffold: sq.Scaffold | None) -> d.Scaffold | None:
        """Support-tier help; nothing in the other tiers."""
        if self.tier != SCAFFOLD_TIER or not scaffold:
            return None
        return d.Scaffold(
            hint=self.prose(scaffold.hint, scaffold, "hint"),
            sentence_starters=tuple(self.substitute(t, scaffold.where("sentence_starters"), "sentence_starters")
                                    for t in scaffold.sentence_starters),
            word_bank=tuple(self.substitute(t, scaffold.where("word_bank"), "word_bank") for t in scaffold.word_bank),
            frame=tuple(self.substitute(t, scaffold.where("frame"), "frame") for t in scaffold.frame),
        )

    def source_labels(self, ids: list[str]) -> tuple[str, ...]:
        """'Source A'... for the sources a question names (those printed in this version)."""
        return tuple(self.words("source", letter=self.source_letter[s]) for s in ids if s in self.source_letter)


def _outside_maths(text: str) -> str:
    """The text with its formulas taken out (a `\\ce` inside maths is checked with the formula)."""
    from worksheets.plan.dollars import spans

    found, _ = spans(text)
    for span in reversed(found):
        text = text[:span.start] + text[span.end:]
    return text
