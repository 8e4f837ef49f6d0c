"""Output file names (the contract's section 8), said once for every format and kind of output."""

from __future__ import annotations

from pathlib import Path

from worksheets.vocab import DEFAULT_STYLE, DEFAULT_TIER


def output_name(stem: str, role: str, tier: str = DEFAULT_TIER, style: str = DEFAULT_STYLE,
                variant: str | None = None, format: str = "pdf") -> str:
    """`terror-support-dyslexia-A-student.pdf`: tier, then style, then variant letter, then the role."""
    parts = [stem]
    if tier != DEFAULT_TIER:
        parts.append(tier)
    if style != DEFAULT_STYLE:
        parts.append(style)
    if variant:
        parts.append(variant)
    if _says_role(format):
        parts.append(role)
    return "-".join(parts) + _suffix(format)


def class_set_name(stem: str, class_list: str, format: str = "pdf") -> str:
    """`terror-class-7b.pdf`: every student's copy, named after the class list."""
    return f"{stem}-class-{class_list}{_suffix(format)}"


def class_keys_name(stem: str, class_list: str) -> str:
    """`terror-class-7b-keys.pdf`: each student's own answer key (per_student class sets)."""
    return f"{stem}-class-{class_list}-keys{_suffix('pdf')}"


def class_record_name(stem: str, class_list: str) -> str:
    """`terror-class-7b.json`: what each student's copy holds, for marking."""
    return f"{stem}-class-{class_list}.json"


def versions_record_name(stem: str) -> str:
    """`terror-record.json`: what each version's copies hold, for marking copies printed without a class list."""
    return f"{stem}-record.json"


BOOKLET_FILES = {"booklet": "booklet", "print": "booklet-print", "markschemes": "markschemes"}
"""A booklet's outputs by kind: the reading-order booklet, its imposed print file, its mark schemes."""


def booklet_name(stem: str, kind: str) -> str:
    """`NAME-booklet.pdf`, `NAME-booklet-print.pdf` or `NAME-markschemes.pdf`."""
    return f"{stem}-{BOOKLET_FILES[kind]}{_suffix('pdf')}"


def _says_role(format: str) -> bool:
    from worksheets.writers import FORMATS

    return FORMATS[format].role_in_name


def _suffix(format: str) -> str:
    from worksheets.writers import FORMATS

    return FORMATS[format].suffix


def under(path: Path, out: Path) -> str | None:
    """A file's name relative to the output folder, as the browser page links it; None if it lies outside (or its
    path loops)."""
    try:
        return path.resolve().relative_to(out.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None
