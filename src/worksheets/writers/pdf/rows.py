"""Tables that break well across pages: never a lone row on either side of a break, columns fitted to their
content, and full-width panels of stacked rows (sources, instructions, hints)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable, Table, TableStyle

from worksheets.writers.pdf.flow import unnested


class Rows(Table):
    """reportlab's Table, never leaving a lone row on either side of a page break: at least two body rows
    go on each side (when the table has enough), so no page holds a single row of it."""

    _rowSplitRange: tuple[int, int] | None  # reportlab's: the rows a split may fall before

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop:  # rows too tall for two a page: split as reportlab would
            return list(super().split(availWidth, availHeight))
        saved = self._rowSplitRange
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        count = len(self._cellvalues)
        if count < head + 2:  # one row: only a row taller than the room left splits, inside itself
            return list(super().split(availWidth, availHeight))
        if count < head + 4:  # two or three rows cannot be split without a lone one: all go on the next page
            return []
        if saved is None:
            self._rowSplitRange = (head + 2, count - 2)
        try:
            return list(super().split(availWidth, availHeight))
        finally:
            self._rowSplitRange = saved


class FittedRows(Rows):
    """A table whose columns are as wide as their content needs, shrunk in proportion to the width it is laid
    out in (known only then), so it is never wider than the frame."""

    _argW: list[float]  # reportlab's: the column widths asked for

    def __init__(self, data: list[list[Any]], least: list[float] | None = None, natural: list[float] | None = None,
                 **kwargs: Any) -> None:
        # reportlab makes the halves of a split table with colWidths: those are their widths then
        natural = natural or list(kwargs.pop("colWidths"))
        super().__init__(data, colWidths=natural, **kwargs)
        self.least, self.natural = least or natural, natural

    def _fitted(self, room: float) -> list[float]:
        """Natural widths if they fit; else each column its longest word, and the room left shared out in
        proportion to how much more each would like (so short columns are never squeezed)."""
        if sum(self.natural) <= room:
            return self.natural
        least = [min(a, b) for a, b in zip(self.least, self.natural, strict=True)]
        if sum(least) >= room:
            return [w * room / sum(least) for w in least]
        wants = [b - a for a, b in zip(least, self.natural, strict=True)]
        spare = room - sum(least)
        return [a + spare * want / sum(wants) for a, want in zip(least, wants, strict=True)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        widths = self._fitted(availWidth)
        if widths != self._argW:
            self._argW = self._colWidths = widths
            self.__dict__.pop("_width_calculated_once", None)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


def panel(
    rows: list[list[Flowable]],
    width: float,
    fill: float | None,
    border: float = 0.8,
    padding: float = 7.0,
    border_grey: float = 0.0,
    left_rule: float = 0.0,
) -> Table:
    """A full-width box of stacked rows that may split between and inside rows at a page break. Nothing is kept
    together inside a row: reportlab measures a keep in a cell as endless, and a row that is endless never fits."""
    table = Rows([[unnested(row)] for row in rows], colWidths=[width], splitByRow=1, splitInRow=1)
    stroke = Color(border_grey, border_grey, border_grey) if border_grey else black
    commands: list[tuple] = [
        ("LEFTPADDING", (0, 0), (-1, -1), padding + left_rule),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, 0), padding * 0.8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), padding * 0.6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if fill is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), Color(fill, fill, fill)))
    if border:
        commands.append(("BOX", (0, 0), (-1, -1), border, stroke))
    if left_rule:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), left_rule, black))
    table.setStyle(TableStyle(commands))
    return table
