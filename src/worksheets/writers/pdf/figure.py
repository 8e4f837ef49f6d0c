"""Pictures in prose: as wide as the text (never taller than half a page), centred, caption beneath."""

from __future__ import annotations

import io
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image

from worksheets.document.prose import Figure
from worksheets.writers.pdf import tagging
from worksheets.writers.pdf.flow import Keep, Paragraph

MAX_HEIGHT = 0.5  # of the frame's height, at most
PRINT_DPI = 200  # photos are downsampled to this for the size they print at (print conventions: 150-200)
MAX_UPSCALE = 2.25  # points a pixel: a small picture is enlarged at most three times its screen size (96 dpi)


def downsample(data: bytes, drawn_width: float) -> bytes:
    """The image at no more than PRINT_DPI for the width it is drawn at (same format, deterministic)."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as picture:
        target = max(1, round(drawn_width / 72 * PRINT_DPI))
        if picture.width <= target * 1.25:
            return data
        kind = "JPEG" if picture.format == "JPEG" else "PNG"
        height = max(1, round(picture.height * target / picture.width))
        converted = picture.convert("RGB" if kind == "JPEG" else picture.mode)
        smaller = converted.resize((target, height), PILImage.Resampling.LANCZOS)
        out = io.BytesIO()
        smaller.save(out, format=kind, **({"quality": 88} if kind == "JPEG" else {}))
        return out.getvalue()


class Picture(Flowable):
    """An image scaled to the width it is laid out in (known only then), capped at half a page's height."""

    def __init__(self, data: bytes, alt: str | None = None) -> None:
        from reportlab.lib.utils import ImageReader

        super().__init__()
        self.data = data
        self.alt = alt  # read out in the tagged PDF ('': decoration, an artifact)
        self.pixels = ImageReader(io.BytesIO(data)).getSize()
        self.drawn: tuple[float, float, bytes] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.pixels
        frame = getattr(self, "_frame", None)
        tallest = (frame._height if frame is not None else availWidth * 1.4) * MAX_HEIGHT
        scale = min(availWidth / w, tallest / h, MAX_UPSCALE)
        if self.drawn is None or abs(self.drawn[0] - w * scale) > 0.01:
            self.drawn = (w * scale, h * scale, downsample(self.data, w * scale))
        self.width = availWidth
        return availWidth, self.drawn[1]

    def draw(self) -> None:
        from reportlab.lib.utils import ImageReader

        assert self.drawn is not None
        width, height, data = self.drawn
        with figure_content(self.canv, self.alt):
            self.canv.drawImage(ImageReader(io.BytesIO(data)), (self.width - width) / 2, 0, width, height, mask="auto")


def figure_content(canvas: Any, alt: str | None) -> AbstractContextManager[None]:
    """A picture's drawing as a figure with its alt text in the tagged PDF, or an artifact if it is decoration
    (alt text '')."""
    return nullcontext() if alt == "" else tagging.content(canvas, "Figure", alt)


class AltImage(Image):
    """reportlab's Image (a source's picture), drawn as a figure with its alt text."""

    def __init__(self, *args: Any, alt: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.alt = alt

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # reportlab's names
        with figure_content(canvas, self.alt):
            super().drawOn(canvas, x, y, _sW)


def figure(block: Figure, style: ParagraphStyle, caption: ParagraphStyle) -> list[Flowable]:
    """The picture and its caption, kept together."""
    if block.path is None:
        raise ValueError(f"the picture '{block.name}' was not checked")
    data = Path(block.path).read_bytes()  # by content: the same picture gives the same bytes from any folder
    parts: list[Flowable] = [Picture(data, block.alt)]
    if block.caption:
        from worksheets.writers.pdf.prose import escape

        parts.append(Paragraph(escape(block.caption), caption))
    keep = Keep(parts)
    keep.spaceAfter = style.spaceAfter
    return [keep]
