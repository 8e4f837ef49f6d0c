"""QTI 1.2 items as Canvas reads them: one `<item>` per question, its `question_type` and `points_possible` in
`itemmetadata`, its text as HTML `mattext`, and `resprocessing` that sets SCORE (0 to 100) from the response
idents, in the element vocabulary Canvas's own quiz export writes. Choice is multiple_choice_question (one right)
or multiple_answers_question, true-false one true_false_question per statement (its marks split), matching
matching_question, cloze fill_in_multiple_blanks_question (`[blank1]` in the text, a response_lid a blank) or,
with a word bank, multiple_dropdowns_question, numeric numerical_question with its margin, written questions
essay_question; a question's mark scheme is its general feedback (`general_fb`), which Canvas shows after a
submission. Identifiers are hashes of the package's seed and the question's id and number: the same document
always gives the same idents, and two tiers' packages never share one (Canvas matches re-imports by them)."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import singledispatch

from worksheets import document as d
from worksheets.document.prose import Prose, plain
from worksheets.writers.html import GapHtml, Pictures, prose_html, text_html
from worksheets.writers.quiz import grader_info, minus, question_name

FILEBASE = "$IMS-CC-FILEBASE$/images/"
"""How an item's HTML names a picture in the package: Canvas resolves the token to the imported files."""
RESPONSE = "response1"


@dataclass
class Package:
    """What the items of one package share: the seed their identifiers hash from, and the pictures they show."""

    seed: str
    """Names the version (worksheet, tier, variant, copy): its items' identifiers are its own."""
    pictures: Pictures = field(default_factory=lambda: Pictures(FILEBASE))
    """Every picture any item shows, once each, for the package's images/ folder."""

    def ident(self, *parts: object) -> str:
        """A deterministic identifier for PARTS (an XML name: it starts with a letter)."""
        text = "/".join(str(part) for part in (self.seed, *parts))
        return "g" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    def html(self, prose: Prose, gap: GapHtml | None = None) -> str:
        """Prose as item HTML, its pictures collected for the package."""
        return prose_html(prose, self.pictures, gap)


def points(value: float) -> str:
    """Marks as Canvas's points_possible: '2', '0.33'."""
    return f"{round(value, 2):g}"


def split(marks: int, count: int) -> list[float]:
    """Marks shared over COUNT items in hundredths, the last taking what is left, so they add up to MARKS."""
    each = int(marks * 100 / count) / 100
    return [each] * (count - 1) + [round(marks - each * (count - 1), 2)]


def material(parent: ET.Element, html: str, texttype: str = "text/html") -> ET.Element:
    """`<material><mattext texttype=...>` holding HTML (escaped by the serialiser, as Canvas writes it)."""
    mattext = ET.SubElement(ET.SubElement(parent, "material"), "mattext", texttype=texttype)
    mattext.text = html
    return mattext


def item(pkg: Package, key: str, title: str, kind: str, marks: float, html: str) -> tuple[ET.Element, ET.Element]:
    """An item's shell: ident, title, metadata and its text; returns the item and its `<presentation>`."""
    element = ET.Element("item", ident=pkg.ident("item", key), title=title)
    fields = ET.SubElement(ET.SubElement(element, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", kind), ("points_possible", points(marks)),
                         ("assessment_question_identifierref", pkg.ident("bank", key))):
        pair = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(pair, "fieldlabel").text = label
        ET.SubElement(pair, "fieldentry").text = entry
    presentation = ET.SubElement(element, "presentation")
    material(presentation, html)
    return element, presentation


def condition(scoring: ET.Element, go_on: str | None = None) -> tuple[ET.Element, ET.Element]:
    """A `<respcondition>` (continue=Yes/No, or Canvas's default) and its `<conditionvar>`."""
    rule = ET.SubElement(scoring, "respcondition", {"continue": go_on} if go_on else {})
    return rule, ET.SubElement(rule, "conditionvar")


def setvar(rule: ET.Element, value: str, action: str = "Set") -> None:
    ET.SubElement(rule, "setvar", action=action, varname="SCORE").text = value


def varequal(parent: ET.Element, respident: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, "varequal", respident=respident)
    element.text = value
    return element


def scoring(pkg: Package, element: ET.Element, q: d.Question) -> ET.Element:
    """The item's `<resprocessing>` with SCORE declared; the question's mark scheme, if it has one, as the
    general feedback (`general_fb`, shown whatever the answer)."""
    rules = ET.SubElement(element, "resprocessing")
    ET.SubElement(ET.SubElement(rules, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE",
                  vartype="Decimal")
    feedback = grader_info(q, pkg.html)
    if feedback:
        rule, test = condition(rules, "Yes")
        ET.SubElement(test, "other")
        ET.SubElement(rule, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        material(ET.SubElement(ET.SubElement(element, "itemfeedback", ident="general_fb"), "flow_mat"), feedback)
    return rules


def choices(presentation: ET.Element, respident: str, labels: list[tuple[str, str]], cardinality: str | None = None,
            texttype: str = "text/html", prompt: tuple[str, str] | None = None) -> ET.Element:
    """A `<response_lid>`: its PROMPT (text, texttype) if it has one (a matching's left item, a blank's name),
    then a `<render_choice>` offering LABELS, each (ident, text)."""
    lid = ET.SubElement(presentation, "response_lid", {"ident": respident} | (
        {"rcardinality": cardinality} if cardinality else {}))
    if prompt:
        material(lid, *prompt)
    render = ET.SubElement(lid, "render_choice")
    for ident, text in labels:
        material(ET.SubElement(render, "response_label", ident=ident), text, texttype)
    return lid


def adding(rules: ET.Element, right: list[tuple[str, str]]) -> None:
    """Partial credit, as Canvas scores matching and blanks: an equal share of 100 for each (respident, the right
    response's ident)."""
    share = f"{100 / len(right):.2f}"
    for respident, ident in right:
        rule, test = condition(rules)
        varequal(test, respident, ident)
        setvar(rule, share, "Add")


def key_of(q: d.Question, *more: object) -> str:
    """What an item's identifiers hash from: the question's bank id and number (a part's id is its question's)."""
    return "/".join(str(part) for part in (q.id, q.number, *more))


@singledispatch
def closed(detail: object, q: d.Question, pkg: Package) -> list[ET.Element]:
    """The items of a closed question, by its detail's type."""
    raise TypeError(f"no QTI item for {type(detail).__name__}")


@closed.register
def _(detail: d.Choice, q: d.Question, pkg: Package) -> list[ET.Element]:
    single = detail.ticks == 1 and len(detail.correct) == 1
    kind = "multiple_choice_question" if single else "multiple_answers_question"
    element, presentation = item(pkg, key_of(q), question_name(q), kind, q.marks, pkg.html(q.prompt))
    idents = [pkg.ident(key_of(q), "option", index) for index in range(len(detail.options))]
    choices(presentation, RESPONSE, [(ident, pkg.html(option)) for ident, option in zip(idents, detail.options,
                                                                                          strict=True)],
            "Single" if single else "Multiple")
    rule, test = condition(scoring(pkg, element, q), "No")
    if single:
        varequal(test, RESPONSE, idents[detail.correct[0]])
    else:
        every = ET.SubElement(test, "and")  # all the right ones ticked and none of the others
        for index, ident in enumerate(idents):
            varequal(every if index in detail.correct else ET.SubElement(every, "not"), RESPONSE, ident)
    setvar(rule, "100")
    return [element]


@closed.register
def _(detail: d.TrueFalse, q: d.Question, pkg: Package) -> list[ET.Element]:
    out = []
    stem = pkg.html(q.prompt)
    shares = split(q.marks, len(detail.statements))
    for index, (statement, truth, share) in enumerate(zip(detail.statements, detail.answers, shares, strict=True)):
        key = key_of(q, "statement", index)
        element, presentation = item(pkg, key, f"{question_name(q)} ({index + 1})", "true_false_question", share,
                                     stem + pkg.html(statement))
        yes, no = pkg.ident(key, "true"), pkg.ident(key, "false")
        choices(presentation, RESPONSE, [(yes, "True"), (no, "False")], "Single", "text/plain")
        rule, test = condition(scoring(pkg, element, q), "No")
        varequal(test, RESPONSE, yes if truth else no)
        setvar(rule, "100")
        out.append(element)
    return out


@closed.register
def _(detail: d.Matching, q: d.Question, pkg: Package) -> list[ET.Element]:
    element, presentation = item(pkg, key_of(q), question_name(q), "matching_question", q.marks, pkg.html(q.prompt))
    rights = [(pkg.ident(key_of(q), "right", j), plain(right)) for j, right in enumerate(detail.right)]
    lefts = [f"response_{pkg.ident(key_of(q), 'left', i)}" for i in range(len(detail.left))]
    for respident, left in zip(lefts, detail.left, strict=True):
        choices(presentation, respident, rights, texttype="text/plain", prompt=(pkg.html(left), "text/html"))
    adding(scoring(pkg, element, q), [(respident, rights[j][0]) for respident, j in zip(lefts, detail.key,
                                                                                         strict=True)])
    return [element]


@closed.register
def _(detail: d.Cloze, q: d.Question, pkg: Package) -> list[ET.Element]:
    html = pkg.html(q.prompt) + pkg.html(detail.text, lambda gap: f"[blank{gap.number}]")
    bank = list(detail.word_bank)
    kind = "multiple_dropdowns_question" if bank else "fill_in_multiple_blanks_question"
    element, presentation = item(pkg, key_of(q), question_name(q), kind, q.marks, html)
    right = []
    for number, answer in enumerate(detail.answers, start=1):
        words = bank if answer in bank else [answer]  # a dropdown offers the whole bank; a blank takes the answer
        labels = [(pkg.ident(key_of(q), "blank", number, index), word) for index, word in enumerate(words)]
        choices(presentation, f"response_blank{number}", labels, texttype="text/plain",
                prompt=(f"blank{number}", "text/plain"))
        right.append((f"response_blank{number}", labels[words.index(answer)][0]))
    adding(scoring(pkg, element, q), right)
    return [element]


@closed.register
def _(detail: d.Numeric, q: d.Question, pkg: Package) -> list[ET.Element]:
    units = f"<p>Give your answer in {text_html(detail.units)}.</p>" if detail.units else ""
    element, presentation = item(pkg, key_of(q), question_name(q), "numerical_question", q.marks,
                                 pkg.html(q.prompt) + units)  # Canvas has no units: the text asks for them
    answer = ET.SubElement(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    ET.SubElement(ET.SubElement(answer, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
    rule, test = condition(scoring(pkg, element, q), "No")
    either = ET.SubElement(test, "or")  # the exact value, or anything within the margin
    varequal(either, RESPONSE, minus(detail.value))
    if detail.low:
        within = ET.SubElement(either, "and")
        ET.SubElement(within, "vargte", respident=RESPONSE).text = minus(detail.low)
        ET.SubElement(within, "varlte", respident=RESPONSE).text = minus(detail.high)
    setvar(rule, "100")
    return [element]


def essay(q: d.Question, pkg: Package, stem: str = "") -> ET.Element:
    """A written question (or part) as an essay_question, its mark scheme as the general feedback."""
    element, presentation = item(pkg, key_of(q), question_name(q), "essay_question", q.marks,
                                 stem + pkg.html(q.prompt))
    answer = ET.SubElement(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    ET.SubElement(ET.SubElement(answer, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    _, test = condition(scoring(pkg, element, q), "No")  # marked by hand: no score is set
    ET.SubElement(test, "other")
    return element


def written(q: d.Question, pkg: Package) -> list[ET.Element]:
    """A written question as one essay, or one essay a part, each with the question's stem before it."""
    if not q.parts:
        return [essay(q, pkg)]
    stem = pkg.html(q.prompt)
    return [essay(part, pkg, stem) for part in q.parts]


def text_only(pkg: Package, key: str, title: str, html: str) -> ET.Element:
    """Something to read (notes, a source) as a text_only_question: no points, nothing to answer."""
    element, _ = item(pkg, key, title, "text_only_question", 0, html)
    return element
