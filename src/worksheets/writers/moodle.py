"""Moodle XML: every question of a version as the elements Moodle's question importer reads, in a category
named after the worksheet. Choice is multichoice, true-false one truefalse item per statement, matching
match, ordering ordering, cloze multianswer (drag-and-drop into text, ddwtos, with a word bank), numeric
numerical with its tolerance and units, written questions essays whose grader information holds the mark
scheme; sections and sources are description items. Pictures travel inside as base64 `<file>`s named
`@@PLUGINFILE@@/...`; maths is `\\( ... \\)`. A type Moodle cannot take is named in a note and left out."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import replace
from functools import singledispatch
from typing import Any

from worksheets import document as d
from worksheets.document.layout import NO_PAGES
from worksheets.document.prose import Figure, plain
from worksheets.vocab import DEFAULT_TIER, TIER_TITLES
from worksheets.writers.contract import Rendered, RenderUnit
from worksheets.writers.html import Pictures, prose_html, short_html, text_html
from worksheets.writers.quiz import grader_info, holds, kind_name, minus, question_name, tolerance

PLUGINFILE = "@@PLUGINFILE@@/"
FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5",
             9: "11.11111", 10: "10"}
"""The grades Moodle accepts for one of N correct options (its list of fractions)."""
CLOZE_SPECIAL = str.maketrans({c: f"\\{c}" for c in "}#~/\"\\"})


def _text(parent: ET.Element, tag: str, html: str, pictures: Pictures | None = None) -> ET.Element:
    """`<tag format="html"><text>...</text></tag>`, with the pictures the HTML names as `<file>`s."""
    element = ET.SubElement(parent, tag, format="html")
    ET.SubElement(element, "text").text = html
    for name, data in (pictures.files.items() if pictures else ()):
        ET.SubElement(element, "file", name=name, path="/", encoding="base64").text = base64.b64encode(data).decode()
    return element


def _question(kind: str, name: str, html: str, pictures: Pictures, marks: float, ident: str) -> ET.Element:
    """A question's shared elements: name, text (with its pictures), marks, feedback, id."""
    q = ET.Element("question", type=kind)
    ET.SubElement(ET.SubElement(q, "name"), "text").text = name
    _text(q, "questiontext", html, pictures)
    _text(q, "generalfeedback", "")
    ET.SubElement(q, "defaultgrade").text = f"{marks:g}"
    ET.SubElement(q, "penalty").text = "0"
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = ident
    return q


def _answer(parent: ET.Element, fraction: str, html: str, fmt: str = "html") -> ET.Element:
    answer = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = html
    _text(answer, "feedback", "")
    return answer


def _stem(q: d.Question, pictures: Pictures, intro: str = "") -> str:
    return intro + prose_html(q.prompt, pictures)


@singledispatch
def _closed(detail: object, q: d.Question, name: str) -> list[ET.Element]:
    raise TypeError(f"no Moodle XML for {type(detail).__name__}")


@_closed.register
def _(detail: d.Choice, q: d.Question, name: str) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    element = _question("multichoice", name, _stem(q, pictures), pictures, q.marks, q.id)
    right = FRACTIONS.get(len(detail.correct), "100")
    wrong = "0" if detail.ticks == 1 else f"-{right}"
    for index, option in enumerate(detail.options):
        _answer(element, right if index in detail.correct else wrong, short_html(option, pictures))
    for tag, value in (("single", "true" if detail.ticks == 1 else "false"), ("shuffleanswers", "true"),
                       ("answernumbering", "ABCD")):
        ET.SubElement(element, tag).text = value
    return [element]


@_closed.register
def _(detail: d.TrueFalse, q: d.Question, name: str) -> list[ET.Element]:
    out = []
    marks = q.marks / len(detail.statements)
    for index, (statement, truth) in enumerate(zip(detail.statements, detail.answers, strict=True)):
        pictures = Pictures(PLUGINFILE)
        html = _stem(q, pictures) + prose_html(statement, pictures)
        element = _question("truefalse", f"{name} ({index + 1})", html, pictures, marks, f"{q.id}-{index + 1}")
        _answer(element, "100" if truth else "0", "true", "moodle_auto_format")
        _answer(element, "0" if truth else "100", "false", "moodle_auto_format")
        out.append(element)
    return out


@_closed.register
def _(detail: d.Matching, q: d.Question, name: str) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    element = _question("matching", name, _stem(q, pictures), pictures, q.marks, q.id)
    ET.SubElement(element, "shuffleanswers").text = "true"
    used = set(detail.key)
    pairs = [(short_html(left, pictures), plain(detail.right[j])) for left, j in zip(detail.left, detail.key,
                                                                                      strict=True)]
    pairs += [("", plain(right)) for j, right in enumerate(detail.right) if j not in used]  # right items to spare
    for left_html, right_text in pairs:
        sub = _text(element, "subquestion", left_html)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right_text
    return [element]


@_closed.register
def _(detail: d.Ordering, q: d.Question, name: str) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    element = _question("ordering", name, _stem(q, pictures), pictures, q.marks, q.id)
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    for position in detail.order:
        _answer(element, "1", short_html(detail.items[position], pictures))
    return [element]


@_closed.register
def _(detail: d.Cloze, q: d.Question, name: str) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    if detail.word_bank:
        bank = list(detail.word_bank)
        html = _stem(q, pictures) + prose_html(detail.text, pictures,
                                               lambda gap: f"[[{bank.index(detail.answers[gap.number - 1]) + 1}]]")
        element = _question("ddwtos", name, html, pictures, q.marks, q.id)
        ET.SubElement(element, "shuffleanswers").text = "1"
        for word in bank:
            box = ET.SubElement(element, "dragbox")
            ET.SubElement(box, "text").text = word
            ET.SubElement(box, "group").text = "1"
            ET.SubElement(box, "infinite")
        return [element]
    weight = q.marks // len(detail.answers) if q.marks % len(detail.answers) == 0 else 1

    def gap(node: d.Gap) -> str:
        return f"{{{weight}:SHORTANSWER:={detail.answers[node.number - 1].translate(CLOZE_SPECIAL)}}}"

    html = _stem(q, pictures) + prose_html(detail.text, pictures, gap)
    return [_question("multianswer", name, html, pictures, weight * len(detail.answers), q.id)]


@_closed.register
def _(detail: d.Numeric, q: d.Question, name: str) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    element = _question("numerical", name, _stem(q, pictures), pictures, q.marks, q.id)
    answer = _answer(element, "100", minus(detail.value), "moodle_auto_format")
    ET.SubElement(answer, "tolerance").text = tolerance(detail)
    if detail.units:
        units = ET.SubElement(element, "units")
        unit = ET.SubElement(units, "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = detail.units
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "0" if detail.units else "3"),
                       ("unitsleft", "0")):
        ET.SubElement(element, tag).text = value
    return [element]


def _essay(q: d.Question, name: str, intro: str = "") -> ET.Element:
    pictures = Pictures(PLUGINFILE)
    element = _question("essay", name, _stem(q, pictures, intro), pictures, q.marks, q.id)
    for tag, value in (("responseformat", "editor"), ("responserequired", "1"),
                       ("responsefieldlines", str(min(40, max(5, q.answer.lines or 10)))), ("attachments", "0")):
        ET.SubElement(element, tag).text = value
    grader = Pictures(PLUGINFILE)
    _text(element, "graderinfo", grader_info(q, lambda prose: prose_html(prose, grader)), grader)
    _text(element, "responsetemplate", "")
    return element


def _written(q: d.Question, name: str) -> list[ET.Element]:
    if not q.parts:
        return [_essay(q, name)]
    stem = prose_html(q.prompt, Pictures(PLUGINFILE))  # the stem's pictures go with each part's text below
    return [_essay(replace(part, id=f"{q.id}-{part.label.strip('()')}"), f"{question_name(part)}", stem)
            for part in q.parts]


def _description(name: str, html: str, pictures: Pictures, ident: str) -> ET.Element:
    return _question("description", name, html, pictures, 0, ident)


@singledispatch
def _block(block: object, doc: d.Document, notes: list[str]) -> list[ET.Element]:
    return []  # headings, text, glossaries and page breaks belong to the printed page, not the quiz


@_block.register
def _(block: d.QuestionsBlock, doc: d.Document, notes: list[str]) -> list[ET.Element]:
    out: list[ET.Element] = []
    for q in block.questions:
        name = question_name(q)
        if q.detail is None:
            out += _written(q, name)
        elif not holds("moodle", q):
            notes.append(f"{doc.source}: question {q.number} ({kind_name(q.kind)}) cannot go in Moodle XML: left out")
        else:
            out += _closed(q.detail, q, name)
    return out


@_block.register
def _(block: d.SourceBlock, doc: d.Document, notes: list[str]) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    title = f"Source {block.letter}" + (f": {block.title}" if block.title else "")
    html = f"<h3>{text_html(title)}</h3>" + prose_html(block.text, pictures)
    if block.image is not None:
        html += prose_html((Figure(str(block.image), block.caption or "", block.image),), pictures)
    if block.attribution:
        html += f'<div style="font-style:italic">{prose_html(block.attribution, pictures)}</div>'
    return [_description(title, html, pictures, f"source-{block.letter}")]


@_block.register
def _(block: d.SectionBlock, doc: d.Document, notes: list[str]) -> list[ET.Element]:
    pictures = Pictures(PLUGINFILE)
    title = block.title or "Notes"
    html = (f"<h3>{text_html(block.title)}</h3>" if block.title else "") + prose_html(block.body, pictures) + "".join(
        f"<p><strong>{text_html(c.title)}</strong></p>{prose_html(c.text, pictures)}" for c in block.callouts)
    return [_description(title, html, pictures, f"section-{title}")]


def render(unit: RenderUnit) -> Rendered:
    """The version as a Moodle XML quiz file, and a note for each question left out."""
    doc = unit.document
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    tier = f" ({TIER_TITLES[doc.tier]} tier)" if doc.tier != DEFAULT_TIER else ""
    ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/top/{doc.title}{tier}"
    _text(category, "info", text_html(doc.subtitle or ""))
    notes: list[str] = []
    for block in doc.blocks:
        quiz.extend(_block(block, doc, notes))
    ET.indent(quiz, space=" ")
    data = ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
    return Rendered(data, NO_PAGES, tuple(notes))


def detail_handlers() -> tuple[Any, ...]:
    """The dispatcher each question type this format claims needs a handler in."""
    return (_closed,)
