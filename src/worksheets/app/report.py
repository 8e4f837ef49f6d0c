"""`worksheets report`: how hard each tier of each worksheet is to read, printed as a table and written as
JSON beside its PDFs (all or nothing), with a warning where a support tier reads no easier than its core."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from worksheets.app.jobs import Options, plan_versions, worksheet_library
from worksheets.errors import Problem, SpecError, display_path
from worksheets.vocab import DEFAULT_STYLE
from worksheets.writers.reading import VersionReading, reading, too_hard, years


def read_spec(spec: Path, options: Options) -> list[VersionReading]:
    """Each tier of one worksheet spec, planned and read."""
    library = worksheet_library(spec, options, "report reads")
    assert library.worksheet is not None
    tiers = options.tiers or tuple(dict.fromkeys(library.worksheet.tiers))
    docs = plan_versions(library, spec.stem, [(tier, DEFAULT_STYLE, None) for tier in tiers], options)
    return [reading(doc) for doc in docs]


def report(specs: list[Path], options: Options) -> tuple[list[tuple[Path, list[VersionReading]]], list[str]]:
    """Read every spec, then write each one's JSON: ((spec, its tiers' readings) each, the warnings)."""
    from worksheets.app.write import cannot_write, check_folder, write_all

    results: list[tuple[Path, list[VersionReading]]] = []
    problems: list[Problem] = []
    for spec in specs:
        try:
            results.append((spec, read_spec(spec, options)))
        except SpecError as error:
            problems += [p for p in error.problems if p not in problems]
    if problems:
        raise SpecError(problems)
    warnings = [f"{display_path(spec)}: the support tier reads at age {years(support.own.age)} "
                f"({support.own.age:g}), no easier than the core tier ({years(core.own.age)}, {core.own.age:g}): "
                "shorten its sentences and its longest words"
                for spec, readings in results for support, core in too_hard(readings)]
    outputs = {options.out / spec.stem / f"{spec.stem}-reading.json": _json(spec, readings)
               for spec, readings in results}
    try:
        check_folder(options.out)
        write_all(outputs)
    except OSError as error:
        raise cannot_write(error, options.out) from None
    return results, warnings


def _json(spec: Path, readings: list[VersionReading]) -> bytes:
    data = {"format": "worksheets-reading", "version": 1, "worksheet": spec.stem,
            "tiers": [asdict(r) for r in readings], "support_no_easier": bool(list(too_hard(readings)))}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def table(spec: Path, readings: list[VersionReading]) -> list[str]:
    """The printed report of one spec: a line a tier, then each tier's longest words and sentence."""
    lines = [f"{display_path(spec)}", f"  {'tier':<10} {'words':>6} {'sentences':>9} {'age (FK)':>8} {'age (SMOG)':>10}"
             f" {'sources: age':>12}"]
    for r in readings:
        smog = f"{r.own.smog_age:g}" if r.own.smog_age else "-"
        sources = f"{r.sources.age:g}" if r.sources else "-"
        lines.append(f"  {r.tier:<10} {r.own.words:>6} {r.own.sentences:>9} {r.own.age:>8g} {smog:>10} {sources:>12}")
    for r in readings:
        if r.own.longest_words:
            lines.append(f"  {r.tier}: longest words: {', '.join(r.own.longest_words)}")
        if r.own.longest_sentences:
            lines.append(f"  {r.tier}: longest sentence ({len(r.own.longest_sentences[0].split())} words): "
                         f"{r.own.longest_sentences[0]}")
    return lines
