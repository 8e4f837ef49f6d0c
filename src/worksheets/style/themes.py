"""Fonts, sizes and spacing for each style; the handout and mark scheme share one theme.

Content never chooses its look: a writer asks the theme of the document's style (and tier).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from worksheets.vocab import SCAFFOLD_TIER, StyleName

MM = 72 / 25.4


@dataclass(frozen=True)
class Theme:
    """Everything about how one style looks; sizes in points."""

    name: str  # the style's name
    font: str  # body family
    source_font: str  # family for the words of a source
    body: float  # body size, points
    leading: float  # body line height, points
    small: float  # captions, header, footer, attribution
    heading: float  # section and block headings
    title: float  # the worksheet's title
    line_pitch: float  # answer-line spacing, points
    italic: bool = True  # False: emphasis is shown in bold
    justify: bool = False  # justified body text
    paragraph_space: float = 4.0  # after each paragraph
    page_tint: tuple[float, float, float] | None = None  # RGB behind every page (a cream page for dyslexia)
    box_grey: float = 0.90  # source-box fill; copies well on black-and-white copiers
    rule_grey: float = 0.55  # answer lines
    margin_left: float = 20 * MM  # binding / hole-punch edge
    margin_right: float = 15 * MM
    margin_top: float = 18 * MM
    margin_bottom: float = 18 * MM
    callouts_beside: bool = False  # a section's callouts may float beside its body (one column otherwise)


THEMES: dict[StyleName, Theme] = {
    "standard": Theme(
        name="standard", font="Sans", source_font="Serif", body=11, leading=14.5, small=8.5,
        heading=14, title=20, line_pitch=8 * MM, callouts_beside=True,
    ),
    "large-print": Theme(
        name="large-print", font="Sans", source_font="Sans", body=17, leading=23, small=16,
        heading=21, title=26, line_pitch=13 * MM, paragraph_space=7,
        margin_top=26 * MM, margin_bottom=26 * MM,  # room for 16 pt header and footer clear of the copier's edge
    ),
    "dyslexia": Theme(
        name="dyslexia", font="Literacy", source_font="Literacy", body=12.5, leading=12.5 * 1.5, small=12,
        heading=16, title=22, line_pitch=9 * MM, italic=False, paragraph_space=9,
        page_tint=(1.0, 0.984, 0.918), box_grey=0.93,
    ),
}


SUPPORT_LINE_PITCH = 9.5 * MM  # the support tier writes on lines at least this far apart


def theme_for(style: str) -> Theme:
    """The theme of a style."""
    return THEMES[style]  # type: ignore[index]


def tier_theme(style: str, tier: str, audience: str = "secondary") -> Theme:
    """The style's theme, with wider writing lines for the support tier (9.5 mm at least), and for primary
    pupils in the literacy font at 14 pt or more."""
    theme = theme_for(style)
    if tier == SCAFFOLD_TIER and theme.line_pitch < SUPPORT_LINE_PITCH:
        theme = dataclasses.replace(theme, line_pitch=SUPPORT_LINE_PITCH)
    if audience == "primary":
        theme = primary(theme)
    return theme


PRIMARY_BODY = 14.0  # points at least: a young reader's text


def primary(theme: Theme) -> Theme:
    """The theme for primary pupils: Andika (a literacy font with single-storey a and g, made for beginning
    readers) for everything, the body at 14 pt or more and the rest in proportion, never smaller."""
    body = max(theme.body, PRIMARY_BODY)
    grow = body / theme.body
    return dataclasses.replace(
        theme, font="Literacy", source_font="Literacy", body=body, leading=max(theme.leading * grow, body * 1.45),
        small=max(theme.small, 11.0), heading=max(theme.heading * grow, 18.0), title=max(theme.title * grow, 24.0),
        italic=False, justify=False, paragraph_space=max(theme.paragraph_space, 8.0))
