"""`worksheets new`: a folder with a bank and a worksheet spec that build as they are."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError, display_path

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def create(folder: Path) -> Path:
    """Write the starter files into a new folder; refuses to touch an existing one."""
    if not NAME.match(folder.name):
        raise SpecError(Problem(Loc(str(folder)), "use letters, digits, '-' and '_' for the name"))
    if folder.exists():
        raise SpecError(Problem(Loc(display_path(folder)), "already exists: choose a new name"))
    templates = files("worksheets") / "templates"
    title = folder.name.replace("-", " ").replace("_", " ").capitalize()
    folder.mkdir(parents=True)
    (folder / "bank.yaml").write_text((templates / "bank.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    spec = (templates / "worksheet.yaml").read_text(encoding="utf-8").replace("{{title}}", title)
    (folder / f"{folder.name}.yaml").write_text(spec, encoding="utf-8")
    return folder
