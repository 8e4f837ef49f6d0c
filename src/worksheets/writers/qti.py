"""IMS QTI 1.2 for Canvas: every question of a version as an item of one assessment, in a zip that Canvas's
"QTI .zip file" import reads. The zip holds `imsmanifest.xml` (IMS Content Packaging: the assessment as an
imsqti_xmlv1p2 resource, each picture a webcontent one), the assessment XML (`<questestinterop>` with one
`root_section`) and the pictures under images/, named by content and shown as `$IMS-CC-FILEBASE$/images/...`.
Sections and sources are text_only_question items (no points); the items themselves are in qti_items. A type
QTI cannot hold (its claims in FORMATS) is named in a note and left out. The zip's bytes depend only on the
document: fixed entry dates and order, and identifiers hashed from the version and the questions."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from functools import singledispatch
from typing import Any

from worksheets import document as d
from worksheets.document.layout import NO_PAGES
from worksheets.document.prose import Figure
from worksheets.vocab import DEFAULT_TIER, TIER_TITLES
from worksheets.writers.contract import Rendered, RenderUnit
from worksheets.writers.html import text_html
from worksheets.writers.qti_items import FILEBASE, Package, closed, text_only, written
from worksheets.writers.quiz import holds, kind_name

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
IMAGES = FILEBASE.split("/", 1)[1]
"""The pictures' folder inside the zip ("images/"): where `$IMS-CC-FILEBASE$/images/NAME` finds them."""
EPOCH = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's date: the zip's earliest, so two exports of one document are the same bytes."""


@singledispatch
def _block(block: object, doc: d.Document, pkg: Package, notes: list[str]) -> list[ET.Element]:
    return []  # headings, text, glossaries and page breaks belong to the printed page, not the quiz


@_block.register
def _(block: d.QuestionsBlock, doc: d.Document, pkg: Package, notes: list[str]) -> list[ET.Element]:
    out: list[ET.Element] = []
    for q in block.questions:
        if q.detail is None:
            out += written(q, pkg)
        elif not holds("qti", q):
            notes.append(f"{doc.source}: question {q.number} ({kind_name(q.kind)}) cannot go in a QTI package: "
                         f"left out")
        else:
            out += closed(q.detail, q, pkg)
    return out


@_block.register
def _(block: d.SourceBlock, doc: d.Document, pkg: Package, notes: list[str]) -> list[ET.Element]:
    title = f"Source {block.letter}" + (f": {block.title}" if block.title else "")
    html = f"<h3>{text_html(title)}</h3>" + pkg.html(block.text)
    if block.image is not None:
        html += pkg.html((Figure(str(block.image), block.caption or "", block.image),))
    if block.attribution:
        html += f'<div style="font-style:italic">{pkg.html(block.attribution)}</div>'
    return [text_only(pkg, f"source/{block.letter}", title, html)]


@_block.register
def _(block: d.SectionBlock, doc: d.Document, pkg: Package, notes: list[str]) -> list[ET.Element]:
    title = block.title or "Notes"
    html = (f"<h3>{text_html(block.title)}</h3>" if block.title else "") + pkg.html(block.body) + "".join(
        f"<p><strong>{text_html(c.title)}</strong></p>{pkg.html(c.text)}" for c in block.callouts)
    index = next(i for i, b in enumerate(doc.blocks) if b is block)  # two sections may share a title: their place
    # in the document tells them apart
    return [text_only(pkg, f"section/{index}", title, html)]


def _title(doc: d.Document) -> str:
    """The quiz's name in Canvas: the worksheet's title, and its tier when it is not the default one."""
    tier = f" ({TIER_TITLES[doc.tier]} tier)" if doc.tier != DEFAULT_TIER else ""
    variant = f" (version {doc.variant})" if doc.variant else ""
    copy = f" ({doc.copy})" if doc.copy else ""
    return f"{doc.title}{tier}{variant}{copy}"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def assessment(doc: d.Document, pkg: Package, notes: list[str]) -> bytes:
    """The assessment file: `<questestinterop><assessment><section ident="root_section">` and its items."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    test = ET.SubElement(root, "assessment", ident=pkg.ident("assessment"), title=_title(doc))
    section = ET.SubElement(test, "section", ident="root_section")
    for block in doc.blocks:
        section.extend(_block(block, doc, pkg, notes))
    return _xml(root)


def manifest(doc: d.Document, pkg: Package, quiz: str) -> bytes:
    """`imsmanifest.xml`: the assessment file as a QTI 1.2 resource, and every picture as web content."""
    root = ET.Element("manifest", identifier=pkg.ident("manifest"), xmlns=CP_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", identifier=pkg.ident("assessment"), type="imsqti_xmlv1p2")
    ET.SubElement(resource, "file", href=quiz)
    for name in sorted(pkg.pictures.files):
        picture = ET.SubElement(resources, "resource", identifier=pkg.ident("picture", name), type="webcontent",
                                href=IMAGES + name)
        ET.SubElement(picture, "file", href=IMAGES + name)
    return _xml(root)


def package(entries: list[tuple[str, bytes]]) -> bytes:
    """The zip of ENTRIES (name, bytes) in their order, each dated EPOCH: the same entries, the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.create_system = 3  # the same on every platform
            info.external_attr = 0o644 << 16
            # pictures are compressed already: stored; the XML is deflated
            info.compress_type = zipfile.ZIP_STORED if name.startswith(IMAGES) else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def render(unit: RenderUnit) -> Rendered:
    """The version as a Canvas QTI package, and a note for each question left out."""
    doc = unit.document
    pkg = Package("/".join((doc.stem, doc.tier, doc.variant or "", doc.copy or "")))
    notes: list[str] = []
    ident = pkg.ident("assessment")
    quiz = f"{ident}/{ident}.xml"  # where Canvas's own exports put the assessment
    body = assessment(doc, pkg, notes)
    entries = [("imsmanifest.xml", manifest(doc, pkg, quiz)), (quiz, body)]
    entries += [(IMAGES + name, pkg.pictures.files[name]) for name in sorted(pkg.pictures.files)]
    return Rendered(package(entries), NO_PAGES, tuple(notes))


def detail_handlers() -> tuple[Any, ...]:
    """The dispatcher each question type this format claims needs a handler in."""
    return (closed,)
