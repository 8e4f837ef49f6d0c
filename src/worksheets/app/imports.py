"""`worksheets import`: a Moodle XML or GIFT file read into a worksheet spec of ours, written (with its
pictures in images/ beside it) all or nothing; what could not be carried over is listed, a line each."""

from __future__ import annotations

from pathlib import Path

from worksheets.errors import display_path


def default_out(source: Path) -> Path:
    """`quiz.xml` -> `quiz.yaml`, `terror-moodle.xml` -> `terror.yaml`, `terror.gift.txt` -> `terror.yaml`."""
    stem = source.name.split(".")[0].removesuffix("-moodle")
    return Path(f"{stem}.yaml")


def import_file(source: Path, out: Path | None) -> tuple[list[Path], list[str]]:
    """Read the file and write the spec and its pictures: (the files written, what was left out)."""
    from worksheets.app.write import cannot_write, write_all
    from worksheets.importers import read_any, spec_text

    imported = read_any(source, display_path(source))
    target = out or default_out(source)
    outputs = {target: spec_text(imported, source.name).encode("utf-8")}
    outputs.update({target.parent / "images" / name: data for name, data in sorted(imported.images.items())})
    try:
        write_all(outputs)
    except OSError as error:
        raise cannot_write(error, target.parent) from None
    return list(outputs), imported.notes
