"""The Word file itself: paper, margins, the style's fonts and sizes as Word styles, the running header and
the "Page X of Y" footer, and saving it so the same document always gives the same bytes."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from worksheets.style.themes import MM, Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.docx.ooxml import field, grey, leader_tab, page_background, set_fonts

PAPER = {"A4": (210 * MM, 297 * MM), "letter": (612.0, 792.0), "A5": (148 * MM, 210 * MM)}
"""Each paper's width and height, points."""
WORD_FONTS = {"Sans": "Arial", "Serif": "Times New Roman", "Literacy": "Andika"}
"""The theme's families as Word names them: Arial and Times New Roman have the metrics of the bundled
Liberation faces (LibreOffice sets them in those); Andika is the dyslexia style's literacy font."""
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def word_font(family: str) -> str:
    """The Word font name of a theme family."""
    return WORD_FONTS.get(family, "Arial")


def text_size(paper: str, theme: Theme) -> tuple[float, float]:
    """The width and height of the text area, points."""
    width, height = PAPER.get(paper, PAPER["A4"])
    return (width - theme.margin_left - theme.margin_right, height - theme.margin_top - theme.margin_bottom)


def new_document(paper: str, theme: Theme, title: str, subject: str) -> Any:
    """An empty Word document with the style's page, fonts and paragraph styles, and fixed properties."""
    import docx

    document = docx.Document(io.BytesIO(blank(paper, theme)))
    props = document.core_properties
    props.title, props.subject, props.author, props.last_modified_by = title, subject, "worksheets", "worksheets"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    props.comments = props.keywords = props.category = ""
    return document


@functools.lru_cache(maxsize=16)
def blank(paper: str, theme: Theme) -> bytes:
    """The empty document of a paper and style, made once a process: setting up its styles takes longer
    than writing most worksheets' text, and `prepare` makes them before renderers fork."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    width, height = PAPER.get(paper, PAPER["A4"])
    section.page_width, section.page_height = Pt(width), Pt(height)
    section.left_margin, section.right_margin = Pt(theme.margin_left), Pt(theme.margin_right)
    section.top_margin, section.bottom_margin = Pt(theme.margin_top), Pt(theme.margin_bottom)
    section.header_distance = section.footer_distance = Pt(8 * MM)
    _trim(document)  # first: finding a style by name looks through them all
    _styles(document, theme)
    if theme.page_tint is not None:
        page_background(document, "".join(f"{round(c * 255):02X}" for c in theme.page_tint))
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _style(document: Any, name: str, font: str, size: float, bold: bool = False, after: float = 0.0,
           before: float = 0.0) -> Any:
    """A paragraph style (made if Word has none of that name) in one font, size and weight, black."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles["Normal"]
    set_fonts(style.element.get_or_add_rPr(), font)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    ppr = style.element.pPr
    if ppr is not None:  # Word's Title has a rule under it, its Header and Footer tab stops of their own
        for extra in ppr.xpath("w:pBdr | w:tabs"):
            ppr.remove(extra)
    return style


def _styles(document: Any, t: Theme) -> None:
    """Normal, headings, title and the worksheet's own styles from the theme."""
    font, source = word_font(t.font), word_font(t.source_font)
    for rpr in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr"):
        set_fonts(rpr, font)
    normal = _style(document, "Normal", font, t.body, after=t.paragraph_space)
    normal.paragraph_format.line_spacing = t.leading / t.body
    title = _style(document, "Title", font, t.title, bold=True, after=t.title * 0.25)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = _style(document, "Subtitle", font, t.body * 1.15)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Heading 1", "Heading 2"):
        heading = _style(document, name, font, t.heading, bold=True, after=t.heading * 0.4, before=t.heading * 0.9)
        heading.paragraph_format.keep_with_next = True
    sub = _style(document, "Heading 3", font, t.body * 1.1, bold=True, after=t.body * 0.25, before=t.body * 0.6)
    sub.paragraph_format.keep_with_next = True
    _style(document, "Source Text", source, t.body, after=t.paragraph_space)
    _style(document, "Cell", font, t.body, after=1)
    _style(document, "Small", font, t.small)
    caption = _style(document, "Picture Caption", font, max(t.small, t.body - 1), after=t.paragraph_space)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _style(document, "Attribution", font, max(t.small, t.body - 1), after=t.paragraph_space)
    for name in ("Header", "Footer"):
        _style(document, name, font, t.small)


KEPT_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Source Text", "Cell", "Small",
               "Picture Caption", "Attribution", "Header", "Footer")
"""The paragraph styles a worksheet uses (`_styles` sets each); with what they are based on, linked to or followed
by, and Word's defaults, they are all a document keeps."""


def _trim(document: Any) -> None:
    """Only the styles a worksheet uses, with no second copy of them for Word 2010 (stylesWithEffects) and no
    template preview picture: python-docx's template has 164 styles (a third of a megabyte), which every
    document would otherwise carry, compress and save."""
    styles = document.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    keep = {style.get(qn("w:styleId")) for style in by_id.values() if style.get(qn("w:default")) == "1"}
    keep |= {name.replace(" ", "") for name in KEPT_STYLES}
    todo = list(keep)
    while todo:
        style = by_id.get(todo.pop())
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag)) if style is not None else None
            if ref is not None and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
    for rels, kind in ((document.part.rels, "/stylesWithEffects"), (document.part.package.rels, "/thumbnail")):
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(kind)]:
            del rels[rid]  # and the template's preview picture, which is not this document's


def furniture(document: Any, t: Theme, width: float, header_left: str, header_right: str, footer_left: str,
              first_page_header: bool, numbered: bool = True, words: Words = ENGLISH, margin: str = "") -> None:
    """The running header (title at the left, version at the right; from page 2 unless asked) and the footer:
    the version code at the left, "Page X of Y" in the middle, as fields Word keeps up to date; an exam board's
    margin words ("Do not write outside the box") on a line of their own at the foot (Word has no margin text)."""
    section = document.sections[0]
    section.different_first_page_header_footer = not first_page_header
    p = section.header.paragraphs[0]
    leader_tab(p, width, "none")
    p.add_run(header_left)
    if header_right:
        p.add_run(f"\t{header_right}")
    for footer in (section.footer, section.first_page_footer):
        p = footer.paragraphs[0]
        leader_tab(p, width / 2, "none", "center")
        leader_tab(p, width, "none")
        p.add_run(f"{footer_left}\t")
        if numbered:
            before, rest = words("page_of", page="\x00", pages="\x01").split("\x00")
            between, after = rest.split("\x01")
            p.add_run(before)  # 'Page ', 'Tudalen '... with Word's own fields for the numbers
            field(p, "PAGE", "1")
            p.add_run(between)
            field(p, "NUMPAGES", "1")
            if after:
                p.add_run(after)
        for run in p.runs:
            run.font.color.rgb = RGBColor.from_string(grey(0.25))
        if margin:
            note = footer.add_paragraph()
            note.alignment = WD_ALIGN_PARAGRAPH.CENTER
            note.add_run(margin).bold = True


class _Entries:
    """Where python-docx's package writer puts each part (`write(partname, blob)`): a zip entry with one fixed
    date and mode, compressed once."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self.target = target

    def write(self, partname: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(partname.membername, date_time=ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self.target.writestr(entry, blob)


def saved(document: Any) -> bytes:
    """The document's bytes, every zip entry with one fixed date and mode: the same document, the same file."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        entries: Any = _Entries(target)  # what PackageWriter writes to: its own zip writer, duck-typed
        # python-docx's own steps of saving a package, written through `entries` instead of its zip writer
        PackageWriter._write_content_types_stream(entries, parts)
        PackageWriter._write_pkg_rels(entries, package.rels)
        PackageWriter._write_parts(entries, parts)
    return out.getvalue()
