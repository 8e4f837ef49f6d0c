"""Cold-start rows (1, 1b, 2, 2b) of two installs of worksheets, timed interleaved in one run.

For a change that must not slow start-up: install the commit before into another venv and
compare. Each round runs every row once per side, alternating which side goes first, so a
slow phase of a shared machine hits both alike; the medians and their ratio are printed.

    python bench/ab.py BEFORE_PYTHON AFTER_PYTHON [--rounds 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "specs" / "stalin-terror"
ROWS = {
    "1. `worksheets --help`": ["--help"],
    "1b. `worksheets check` (example)": ["check", "terror.yaml"],
    "2. example, core: handout + mark scheme": ["build", "terror.yaml", "--tier", "core", "--force", "-q"],
    "2b. unchanged rebuild (manifest)": ["build", "terror.yaml", "--tier", "core", "-q"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", help="the Python of the install to compare against")
    parser.add_argument("after", help="the Python of the install under test")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    sides = {"before": args.before, "after": args.after}
    work = Path(tempfile.mkdtemp(prefix="worksheets-ab-"))
    for side in sides:
        shutil.copytree(EXAMPLE, work / side)
    times: dict[tuple[str, str], list[float]] = {(row, side): [] for row in ROWS for side in sides}
    for round_ in range(args.rounds + 1):  # round 0 warms the disk cache and is not counted
        order = list(sides) if round_ % 2 else list(reversed(sides))
        for row, command in ROWS.items():
            for side in order:
                start = time.perf_counter()
                subprocess.run([sides[side], "-m", "worksheets", *command], cwd=work / side, check=True,
                               capture_output=True)
                if round_:
                    times[row, side].append(time.perf_counter() - start)
    print(f"| scenario | before (s) | after (s) | after / before |  ({args.rounds} rounds, medians)")
    print("|---|---:|---:|---:|")
    for row in ROWS:
        before, after = statistics.median(times[row, "before"]), statistics.median(times[row, "after"])
        print(f"| {row} | {before:.3f} | {after:.3f} | {after / before:.2f}x |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
