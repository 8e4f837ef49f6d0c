"""Make the kept scans: Amy Shah's copy of the export quiz's class set, marked in pen, scanned at 150 dpi with
the faults of a real copier (each page turned a little, page 2 upside down, noise, JPEG), and the class record
the build wrote beside them. Run from the repository's root to make them again: python tests/specs/scans/make.py
(the test reads the kept ones, so a change to the printed page cannot quietly change what they hold)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
AMY = {"1:box:0": "cross", "2:box:0": "cross", "2:box:2": "fill", "3:box:0": "cross", "3:box:3": "cross",
       "4:mark:2": "cross", "9(a):mark:1": "fill", "9(b):mark:0": "dot"}


def main() -> None:
    sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent.parent / "app")]
    from PIL import Image
    from test_mark import _scans  # the same pens and copier the generated tests use

    from helpers import scan_quiz

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "quiz"
        scan_quiz(folder)
        (folder / "7b.csv").write_text("name,class\nAmy Shah,7b\nBen Ode,7b\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "worksheets", "build", "quiz.yaml", "--class-list", "7b.csv", "-q"],
                       cwd=folder, check=True)
        record = folder / "output" / "quiz" / "quiz-class-7b.json"
        scans = _scans(folder, json.loads(record.read_text(encoding="utf-8")), {"Amy Shah": AMY})
        for old in HERE.glob("*.jpg"):
            old.unlink()
        for path in scans:
            if path.name.startswith("scan-AmyShah"):  # saved again, as a copier's smaller files are
                with Image.open(path) as image:
                    image.save(HERE / path.name, quality=60)
        shutil.copy(record, HERE / "quiz-class-7b.json")


if __name__ == "__main__":
    main()
