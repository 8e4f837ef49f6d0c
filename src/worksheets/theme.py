"""Fonts, sizes and spacing for each style; the handout and mark scheme share one theme.

Content never chooses its look: a renderer asks the theme of the document's style.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4


@dataclass(frozen=True)
class Theme:
    name: str
    font: str  # body family
    source_font: str  # family for the words of a source
    body: float  # body size, points
    leading: float  # body line height, points
    small: float  # captions, header, footer, attribution
    heading: float
    title: float
    line_pitch: float  # answer-line spacing, points
    italic: bool = True  # False: emphasis is shown in bold
    justify: bool = False
    paragraph_space: float = 4.0
    page_tint: tuple[float, float, float] | None = None
    box_grey: float = 0.90  # source-box fill; copies well on black-and-white copiers
    rule_grey: float = 0.55  # answer lines
    margin_left: float = 20 * MM  # binding / hole-punch edge
    margin_right: float = 15 * MM
    margin_top: float = 18 * MM
    margin_bottom: float = 18 * MM


THEMES = {
    "standard": Theme(
        name="standard", font="Sans", source_font="Serif", body=11, leading=14.5, small=8.5,
        heading=14, title=20, line_pitch=8 * MM,
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


def theme_for(style: str) -> Theme:
    return THEMES[style]
