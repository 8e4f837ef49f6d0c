"""`worksheets new`: a folder with a bank and a worksheet spec that build as they are, commented so
every key explains itself, and a JSON Schema so editors complete keys and flag typos."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError, display_path

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
TEMPLATES = ("history-sources", "science-recall", "maths", "science", "primary", "blank")
SCHEMA_FILE = "worksheets.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE}\n"


def create(folder: Path, template: str = "history-sources") -> Path:
    """Write the starter files into a new folder; refuses to touch an existing one."""
    from worksheets.spec.schema import dumps

    if template not in TEMPLATES:
        raise SpecError(Problem(Loc(template), f"unknown template (choose one of: {', '.join(TEMPLATES)})"))
    if not NAME.match(folder.name):
        raise SpecError(Problem(Loc(str(folder)), "use letters, digits, '-' and '_' for the name"))
    if folder.exists():
        raise SpecError(Problem(Loc(display_path(folder)), "already exists: choose a new name"))
    source = files("worksheets.app") / "templates" / template
    title = folder.name.replace("-", " ").replace("_", " ").capitalize()
    folder.mkdir(parents=True)
    bank = (source / "bank.yaml").read_text(encoding="utf-8")
    spec = (source / "worksheet.yaml").read_text(encoding="utf-8").replace("{{title}}", title)
    (folder / "bank.yaml").write_text(SCHEMA_LINE + bank, encoding="utf-8")
    (folder / f"{folder.name}.yaml").write_text(SCHEMA_LINE + spec, encoding="utf-8")
    (folder / SCHEMA_FILE).write_text(dumps() + "\n", encoding="utf-8")
    if (source / "images").is_dir():  # the pictures its questions label
        (folder / "images").mkdir()
        for picture in sorted((source / "images").iterdir(), key=lambda p: p.name):
            (folder / "images" / picture.name).write_bytes(picture.read_bytes())
    return folder
