"""PNG thumbnails of built pages, beside the PDFs, with pypdfium2 (no system tools needed)."""

from __future__ import annotations

from pathlib import Path

DPI = 60


def thumbnails(pdf: Path, pages: list[int] | None = None, dpi: int = DPI) -> list[Path]:
    """Write PDF-STEM-pN.png beside the PDF for each page (from 1), or every page; returns the files."""
    import pypdfium2 as pdfium

    from worksheets.app.write import cannot_write, write_atomic

    document = pdfium.PdfDocument(str(pdf))
    try:
        count = len(document)
        wanted = [p for p in (pages or range(1, count + 1)) if 1 <= p <= count]
        written = []
        for number in wanted:
            image = document[number - 1].render(scale=dpi / 72).to_pil()
            target = pdf.with_name(f"{pdf.stem}-p{number}.png")
            import io

            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=False)
            try:
                write_atomic(target, buffer.getvalue())
            except OSError as error:  # a full disk or a read-only folder: one line, not a traceback
                raise cannot_write(error, target.parent) from None
            written.append(target)
        return written
    finally:
        document.close()
