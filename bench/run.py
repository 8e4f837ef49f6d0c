"""The benchmark suite: each scenario timed as a whole process, median of N runs after a warm-up,
with pages and peak memory. Writes bench/results.md. Run: python bench/run.py [--runs 5]

Not part of the test run. The LaTeX row needs pdflatex (apt-get install texlive-latex-extra);
the Typst row needs PyPI's `typst` (pip install typst).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
EXAMPLE = ROOT / "specs" / "stalin-terror"
WORKSHEETS = [sys.executable, "-m", "worksheets"]


@dataclass
class Result:
    name: str
    seconds: float
    pages: int
    peak_mb: float
    note: str = ""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def measure(name: str, command: list[str], cwd: Path, runs: int, pdfs=None, note: str = "") -> Result:  # type: ignore[no-untyped-def]
    """`pdfs`: the PDFs whose pages to count, or a function giving them after the build."""
    timed(command, cwd)  # warm-up (also makes the PDFs counted below)
    samples = [timed(command, cwd) for _ in range(runs)]
    pages = 0
    if pdfs:
        from pypdf import PdfReader

        pages = sum(len(PdfReader(p).pages) for p in (pdfs() if callable(pdfs) else pdfs) if p.exists())
    return Result(name, statistics.median(s for s, _ in samples), pages, max(m for _, m in samples), note)


def stress_spec(folder: Path, questions: int, sources: int = 20) -> Path:
    import yaml

    long = " ".join(f"Sentence {i} of a long adapted source about the topic, with dates such as 1936–38."
                    for i in range(30))
    spec = {
        "worksheet": {"title": f"Stress {questions}", "contents": [
            {"sources": [f"s{i}" for i in range(sources)]},
            {"questions": [f"q{i}" for i in range(questions)]}]},
        "sources": [{"id": f"s{i}", "text": long, "attribution": "Adapted from a generated source."}
                    for i in range(sources)],
        "questions": [{"id": f"q{i}", "prompt": f"Question {i}: explain one reason for event {i}.", "marks": 1 + i % 6,
                       "model_answer": "A reason, explained.", "mark_scheme": {"points": ["A reason", "Explained"]}}
                      for i in range(questions)],
    }
    path = folder / f"stress-{questions}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


FORMULAS = [  # the kinds a GCSE maths sheet holds, made distinct by their numbers
    r"\frac{{{a}}}{{{b}}} + \frac{{{c}}}{{{d}}}", r"x^{{{a}}} \times x^{{{b}}} = x^{{{c}}}",
    r"\sqrt{{{a}}} + \sqrt{{{b}}}",
    r"{a}x^2 - {b}x + {c} = 0", r"x = \frac{{-{b} \pm \sqrt{{{b}^2 - 4 \times {a} \times {c}}}}}{{2 \times {a}}}",
    r"\left( \frac{{{a}}}{{{b}}} \right)^{{{c}}}", r"{a}^{{-{b}}} = \dfrac{{1}}{{{a}^{{{b}}}}}", r"y = {a}x + {b}",
    r"\sin {a}^\circ \approx 0.{b}", r"\begin{{aligned}} {a}x + y &= {b} \\ x - y &= {c} \end{{aligned}}",
]


def maths_spec(folder: Path, formulas: int, plain: bool) -> Path:
    """A maths worksheet of `formulas` formulas (a prompt's and a model answer's for each question), or the
    same worksheet with each formula as its plain reading."""
    import yaml

    from worksheets.plan.maths import read

    def formula(n: int) -> str:
        tex = FORMULAS[n % len(FORMULAS)].format(a=2 + n % 7, b=3 + n % 11, c=1 + n % 5, d=5 + n % 13)
        return read(tex) if plain else f"${tex}$"

    questions = [{"id": f"q{i}", "prompt": f"Work out {formula(2 * i)}, showing your method.", "marks": 2,
                  "model_answer": f"{formula(2 * i + 1)}, so the answer follows.", "answer": {"lines": 3}}
                 for i in range(formulas // 2)]
    spec = {"worksheet": {"title": "Maths bench", "contents": [{"questions": [q["id"] for q in questions]}]},
            "questions": questions}
    path = folder / f"maths-{'plain' if plain else 'typeset'}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def stem_spec(folder: Path, spaces: bool) -> Path:
    """A 20-question maths worksheet mixing squared paper, graphs, number lines, numeric answers and a table
    to complete, in every tier and style; or the same questions with ruled lines for every answer."""
    import yaml

    kinds = [{"answer": {"grid": "60mm"}}, {"answer": {"graph": {"x": [-3, 3], "y": [-2, 10]}}},
             {"answer": {"number_line": {"from": -5, "to": 5}}}, {"answer": {"lines": 3}, "answer_line": True}]
    questions: list[dict[str, object]] = []
    for i in range(20):
        if i % 5 == 4:
            questions.append({"id": f"q{i}", "type": "numeric", "prompt": f"Work out the area of a {i + 2} cm "
                              "square.", "value": (i + 2) ** 2, "tolerance": "5%", "units": "cm²", "marks": 2,
                              "answer": {"grid": "40mm"} if spaces else {"lines": 3}})
        elif i % 5 == 3:
            questions.append({"id": f"q{i}", "type": "table", "prompt": "Complete the table for $y = 2x + 1$.",
                              "table": "| $x$ | 0 | 1 | 2 |\n|---|---|---|---|\n| $y$ | 1 | [[3]] | [[5]] |"})
        else:
            space = kinds[i % len(kinds)] if spaces else {"answer": {"lines": 4}}
            questions.append({"id": f"q{i}", "prompt": f"Question {i + 1}: draw or work it out.", "marks": 3,
                              **space})
    spec = {"worksheet": {"title": "STEM bench", "tiers": ["support", "core", "challenge"],
                          "styles": ["standard", "large-print", "dyslexia"],
                          "contents": [{"questions": [q["id"] for q in questions]}]}, "questions": questions}
    path = folder / f"stem-{'spaces' if spaces else 'lines'}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def per_student_spec(folder: Path, students: int, classes: int = 1) -> tuple[Path, Path]:
    """A maths worksheet with a pool (4 of 8 drawn) and random values in 6 questions, `per_student: true`,
    and a class list of `students` students in `classes` classes."""
    import yaml

    pool = [{"id": f"p{i}", "prompt": f"Expand ${i + 2}(x + {i + 1})$.", "marks": 1,
             "model_answer": f"${i + 2}x + {(i + 2) * (i + 1)}$"} for i in range(8)]
    solve = [{"id": f"s{i}", "type": "numeric", "params": {"a": {"int": [2, 9]}, "x": {"int": [1, 12]},
                                                           "b": {"int": [1, 30]}}, "where": "a != x",
              "prompt": "Solve ${{a}}x + {{b}} = {{a*x + b}}$.", "value": "{{x}}", "marks": 2} for i in range(4)]
    pick = [{"id": f"c{i}", "type": "choice", "params": {"n": {"int": [2, 9]}, "r": {"decimal": [1, 3],
                                                                                      "places": 1}},
             "prompt": "What is ${{n}} \\times {{r}}$?", "options": ["{{n*r}}", "{{n + r}}", "{{n*r + 1}}"],
             "correct": 0} for i in range(2)]
    spec = {"worksheet": {"title": "Per-student bench", "per_student": True,
                          "contents": [{"questions": {"from": [q["id"] for q in pool], "draw": 4}},
                                       {"questions": [q["id"] for q in solve + pick]}]},
            "questions": pool + solve + pick}
    path = folder / "per-student.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    tiers = ["support", "core", "core"]
    rows = ["name,tier,class"] + [f"Student {i},{tiers[i % 3]},{i % classes + 7}x" for i in range(students)]
    listing = folder / f"year{students}.csv"
    listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, listing


def moodle_file(folder: Path, questions: int) -> Path:
    """A Moodle XML file of `questions` questions of five types, as an LMS exports them."""
    from html import escape

    def q(i: int) -> str:
        text = escape(f"<p>Question {i}: what is {i} + {i}?</p>")
        kind = ("multichoice", "truefalse", "numerical", "essay", "matching")[i % 5]
        body = {"multichoice": f'<answer fraction="100"><text>{2 * i}</text></answer>'
                               f'<answer fraction="0"><text>{2 * i + 1}</text></answer><single>true</single>',
                "truefalse": '<answer fraction="100"><text>true</text></answer>'
                             '<answer fraction="0"><text>false</text></answer>',
                "numerical": f'<answer fraction="100"><text>{2 * i}</text><tolerance>0</tolerance></answer>',
                "essay": "<responseformat>editor</responseformat><graderinfo format=\"html\"><text>"
                         + escape("<p>Any sensible sum.</p>") + "</text></graderinfo>",
                "matching": "".join(f"<subquestion format=\"html\"><text>{a}</text><answer><text>{b}</text>"
                                    "</answer></subquestion>" for a, b in (("one", "1"), ("two", "2"), ("three", "3")))}
        return (f'<question type="{kind}"><name><text>Q{i}</text></name><questiontext format="html"><text>{text}'
                f"</text></questiontext><defaultgrade>1</defaultgrade>{body[kind]}</question>")

    path = folder / f"lms-{questions}.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(q(i) for i in range(questions))
                    + "\n</quiz>\n", encoding="utf-8")
    return path


def scanned_pile(folder: Path, students: int) -> tuple[Path, Path, list[Path]]:
    """A scan_marking class set of the per-student bench worksheet, built, and its pages as 150 dpi greyscale
    PNGs with a stroke in the first box of each question, as a copier gives them back: (spec, list, scans)."""
    import json

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    spec, listing = per_student_spec(folder, students)
    text = spec.read_text(encoding="utf-8").replace("per_student: true", "per_student: true\n  scan_marking: true")
    spec = folder / "scanned.yaml"
    spec.write_text(text, encoding="utf-8")
    subprocess.run([*WORKSHEETS, "build", spec.name, "--class-list", listing.name, "-q"], cwd=folder, check=True)
    record = json.loads((folder / "output" / "scanned" / f"scanned-class-{listing.stem}.json").read_text())
    pdf = pdfium.PdfDocument(str(folder / "output" / "scanned" / f"scanned-class-{listing.stem}.pdf"))
    scans, at = [], 0
    for student in record["students"]:
        count = max(box[0] for box in student["boxes"].values())
        for number in range(1, count + 1):
            image = pdf[at + number - 1].render(scale=150 / 72).to_pil().convert("L")
            for key, (page, x, y, size) in student["boxes"].items():
                if page == number and key.endswith(":0"):  # the first option, or 0 marks, of each question
                    box = [x * 150 / 72 + 3, image.height - (y + size) * 150 / 72 + 3,
                           (x + size) * 150 / 72 - 3, image.height - y * 150 / 72 - 3]
                    ImageDraw.Draw(image).line(box, fill=20, width=3)
            scans.append(folder / f"scan-{len(scans):03d}.png")
            image.save(scans[-1])
        at += count + count % 2
    return spec, listing, scans


def crossword_ms() -> float:
    """Milliseconds to lay out a 15-word crossword (best of 20 orders, in-process)."""
    import random

    from worksheets.qtypes.crossword_grid import Layout, lay_out

    words = ["PHOTOSYNTHESIS", "CHLOROPHYLL", "STOMATA", "XYLEM", "PHLOEM", "ROOT", "SHOOT", "GLUCOSE", "OXYGEN",
             "WATER", "LIGHT", "CARBON", "NITRATE", "OSMOSIS", "DIFFUSION"]
    times = []
    for seed in range(20):
        start = time.perf_counter()
        assert isinstance(lay_out(words, 21, random.Random(seed)), Layout)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def word_search_ms() -> float:
    """Milliseconds to lay out a 20-word 15x15 word search with backwards words (best of 20, in-process)."""
    import random

    from worksheets.qtypes.wordsearch import BACKWARDS, FORWARDS, place

    words = ["PHOTOSYNTHESIS", "CHLOROPHYLL", "STOMATA", "XYLEM", "PHLOEM", "ROOT", "SHOOT", "GLUCOSE", "OXYGEN",
             "WATER", "LIGHT", "CARBON", "NITRATE", "MINERAL", "OSMOSIS", "DIFFUSION", "CELL", "WALL", "LEAF", "STEM"]
    times = []
    for seed in range(20):
        start = time.perf_counter()
        assert place(words, 15, random.Random(seed), FORWARDS + BACKWARDS) is not None
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def repeated_size(folder: Path, times: int) -> int:
    """The handout's size in bytes with one formula written `times` times."""
    import yaml

    formula = r"$x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}$"
    text = "\n\n".join(f"Line {n}: {formula}" for n in range(times))
    spec = {"worksheet": {"title": "Repeat", "mark_scheme": False, "contents": [{"text": text}]}}
    path = folder / f"repeat-{times}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    subprocess.run([*WORKSHEETS, "build", path.name, "--force", "-q"], cwd=folder, check=True)
    return (folder / "output" / path.stem / f"{path.stem}-student.pdf").stat().st_size


EDIT_LOOP = """
import json, statistics, sys
from pathlib import Path
from worksheets.app.build import Options
from worksheets.app.workers import keep_warm
from worksheets.app.watch import State, rebuild

keep_warm()
runs = int(sys.argv[1])
bank = Path("bank.yaml")
original = bank.read_text(encoding="utf-8")
old = "prompt: Explain one reason"
assert old in original
state = State()
options = Options(out=Path("output-watch"))
rebuild([Path("terror.yaml")], options, state)
seconds = []
try:
    for edit in range(runs + 1):  # the first edit is the warm-up
        bank.write_text(original.replace(old, f"prompt: Explain (draft {edit}) one reason"), encoding="utf-8")
        rebuild([Path("terror.yaml")], options, state)
        assert state.ok, state.problems
        seconds.append(state.seconds)
finally:
    bank.write_text(original, encoding="utf-8")
print(json.dumps({"seconds": statistics.median(seconds[1:]), "outputs": [str(p) for p in state.outputs]}))
"""


def edit_loop(ex: Path, runs: int) -> Result:
    """The watch loop: one warm process, one question's wording changed and saved, timed from the
    save being seen to the PDFs being written (the median over `runs` edits, each new text)."""
    import json

    process = subprocess.Popen([sys.executable, "-c", EDIT_LOOP, str(runs)], cwd=ex, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    out, err = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"edit loop failed:\n{err.decode()}")
    report = json.loads(out)
    from pypdf import PdfReader

    pages = sum(len(PdfReader(ex / p).pages) for p in report["outputs"])
    return Result("9. edit loop: `watch` rebuild after one question's wording changes", report["seconds"], pages,
                  usage.ru_maxrss / 1024, f"{len(report['outputs'])} PDFs show that question: all re-rendered")


def department(work: Path, runs: int) -> list[Result]:
    """Scenario 15: a department's 40 worksheets on 3 shared banks, built from empty, then after an edit."""
    import shlex

    from department import edit, make, printing, script  # bench/department.py, beside this file

    folder = work / "department"
    folder.mkdir()
    specs, booklets, classes = make(folder)
    build_all = script(["WORKSHEETS_RENDER_CACHE=on", *(shlex.quote(part) for part in WORKSHEETS)], specs, booklets,
                       classes)
    every = lambda: sorted((folder / "output").glob("*/*.pdf"))  # noqa: E731
    first = measure("15. department: 40 worksheets x 3 tiers, 2 booklets, 2 class sets of 30, from empty",
                    ["bash", "-c", f"rm -rf output && {build_all}"], folder, max(1, runs // 2), every)
    cache = folder / "output" / ".worksheets-cache"
    before = {p: p.stat().st_mtime_ns for p in cache.glob("*/*.bin")}
    subprocess.run(["bash", "-c", f"{edit(folder)} && {build_all}"], cwd=folder, check=True)
    renders = sum(1 for p in cache.glob("*/*.bin") if before.get(p) != p.stat().st_mtime_ns)
    again = measure("15b. department: rebuild after one question's wording changes in a shared bank",
                    ["bash", "-c", f"{edit(folder)} && {build_all}"], folder, runs,
                    note=f"{renders} documents re-rendered: the {printing(folder)} worksheets that print it (3 tiers, "
                         "handout and mark scheme each); the rest from the render cache")
    return [first, again]


def compile_package() -> None:
    """Write the package's bytecode, as `pip install` does: where PYTHONDONTWRITEBYTECODE is set (it is here) a
    source checkout would otherwise be compiled again in every timed process, which no installed copy pays."""
    subprocess.run([sys.executable, "-c", "import compileall, pathlib, worksheets; "
                    "compileall.compile_dir(pathlib.Path(worksheets.__file__).parent, quiet=1)"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = max(1, args.runs)
    compile_package()
    os.environ["WORKSHEETS_RENDER_CACHE"] = "off"  # every row renders for real but the department's (15, 15b)
    work = Path(tempfile.mkdtemp(prefix="worksheets-bench-"))
    shutil.copytree(EXAMPLE, work / "ex")
    ex = work / "ex"
    out = ex / "output"
    results: list[Result] = []

    results.append(measure("1. `worksheets --help`", [*WORKSHEETS, "--help"], ex, runs))
    results.append(measure("1b. `worksheets check` (example)", [*WORKSHEETS, "check", "terror.yaml"], ex, runs))
    core = [*WORKSHEETS, "build", "terror.yaml", "--tier", "core", "--force"]
    results.append(measure("2. example, core: handout + mark scheme", core, ex, runs,
                           [out / "terror/terror-student.pdf", out / "terror/terror-markscheme.pdf"]))
    results.append(measure("2b. unchanged rebuild (manifest)", core[:-1], ex, runs, note="nothing re-rendered"))
    subprocess.run([*WORKSHEETS, "build", "terror.yaml", "-q"], cwd=ex, check=True)  # what 1c finds unchanged
    results.append(measure("1c. `worksheets check` (example, unchanged since it was built)",
                           [*WORKSHEETS, "check", "terror.yaml"], ex, runs, note="answered from the build's record"))
    every = [*WORKSHEETS, "build", "terror.yaml", "--style", "standard", "--style", "large-print",
             "--style", "dyslexia", "--force"]
    results.append(measure("3. example, 3 tiers x 3 styles", every, ex, runs,
                           lambda: sorted((out / "terror").glob("terror-*.pdf"))))

    tiers, styles = ["support", "core", "challenge"], ["standard"] * 6 + ["dyslexia", "large-print"]
    rows = ["name,tier,style"] + [f"Student {i},{tiers[i % 3]},{styles[i % 8]}" for i in range(30)]
    (ex / "class30.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    results.append(measure("4. class set of 30 (mixed tiers and styles)",
                           [*WORKSHEETS, "build", "terror.yaml", "--class-list", "class30.csv", "--force"], ex, runs,
                           [out / "terror/terror-class-class30.pdf"]))

    parts = "\n".join("    - worksheet: terror.yaml" for _ in range(7))
    (ex / "big.yaml").write_text(f"booklet:\n  title: Big\n  parts:\n{parts}\n"
                                 "  impose: a5-booklet\n  mark_schemes: none\n", encoding="utf-8")
    results.append(measure("5. ~200-page booklet, contents, outline, a5-booklet",
                           [*WORKSHEETS, "build", "big.yaml", "--force"], ex, runs, [out / "big/big-booklet.pdf"]))

    for count in (100, 300, 1000):
        spec = stress_spec(ex, count)
        results.append(measure(f"6. stress: {count} questions, 20 long sources",
                               [*WORKSHEETS, "build", spec.name, "--force"], ex, max(1, runs // 2),
                               [out / f"{spec.stem}/{spec.stem}-student.pdf",
                                out / f"{spec.stem}/{spec.stem}-markscheme.pdf"]))

    results.append(edit_loop(ex, runs))
    from editor import save_to_page  # bench/editor.py, beside this file

    shown, whole, documents, peak = save_to_page(ex, runs, WORKSHEETS)
    results.append(Result("16. editor: a save to the page on screen redrawn (`worksheets edit`, example)", shown, 0,
                          peak, f"goal: under 0.5 s; the whole build of its {documents} PDFs ends after {whole:.2f} s"))

    maths_rows = []
    for plain in (False, True):
        spec = maths_spec(ex, 100, plain)
        name = "10b. the same worksheet, formulas as plain text" if plain else \
            "10. maths: 100 formulas, handout + mark scheme"
        maths_rows.append(measure(name, [*WORKSHEETS, "build", spec.name, "--force"], ex, runs,
                                  [out / f"{spec.stem}/{spec.stem}-student.pdf",
                                   out / f"{spec.stem}/{spec.stem}-markscheme.pdf"]))
    typeset = maths_spec(ex, 100, False)
    maths_rows.append(measure("10c. the 100 formulas set afresh (formula cache off)",
                              ["env", "WORKSHEETS_CACHE=off", *WORKSHEETS, "build", typeset.name, "--force"], ex, runs,
                              note="every formula laid out by ziamath in this process"))
    results += maths_rows
    stem_rows = []
    for spaces in (True, False):
        spec = stem_spec(ex, spaces)
        name = "11. maths: 20 questions with grids, graphs, numeric, 3 tiers x 3 styles" if spaces else \
            "11b. the same 20 questions on ruled lines"
        stem_rows.append(measure(name, [*WORKSHEETS, "build", spec.name, "--force"], ex, runs,
                                 lambda spec=spec: sorted((out / spec.stem).glob("*.pdf"))))
    results += stem_rows
    copy_rows = []
    for students, classes in ((30, 1), (240, 8)):
        spec, listing = per_student_spec(ex, students, classes)
        name = ("12. per_student class set of 30, every copy distinct, with its keys" if students == 30 else
                "12b. a year group of 240 (8 classes), each student's own copy")
        copy_rows.append(measure(name, [*WORKSHEETS, "build", spec.name, "--class-list", listing.name, "--force"],
                                 ex, max(1, runs // 2) if students > 30 else runs,
                                 [out / spec.stem / f"{spec.stem}-class-{listing.stem}.pdf"]))
    results += copy_rows
    for fmt, title in (("moodle", "Moodle XML"), ("gift", "GIFT"), ("qti", "a QTI package"), ("docx", "Word")):
        results.append(measure(f"13. export the example (3 tiers) to {title}",
                               [*WORKSHEETS, "export", "terror.yaml", "--format", fmt, "-q"], ex, runs))
    spec, listing, scans = scanned_pile(ex, 10)
    results.append(measure(f"14. mark {len(scans)} scanned pages at 150 dpi (10 students' own copies)",
                           [*WORKSHEETS, "mark", spec.name, *[p.name for p in scans], "--class-list", listing.name],
                           ex, runs))
    department_rows = department(work, runs)
    results += department_rows
    lms = moodle_file(ex, 500)
    results.append(measure("13b. import a 500-question Moodle XML file",
                           [*WORKSHEETS, "import", lms.name, "--out", "imported.yaml", "-q"], ex, runs))
    once, thirty = repeated_size(ex, 1), repeated_size(ex, 30)

    plain = measure("floor: plain reportlab, same content",
                    [sys.executable, str(HERE / "plain_reportlab.py"), str(work)],
                    ex, runs, [work / "plain-handout.pdf", work / "plain-markscheme.pdf"])
    results.append(plain)
    reference = work / "reference"
    shutil.copytree(HERE / "reference", reference)
    latex = None
    if shutil.which("pdflatex"):
        script = "for f in handout markscheme; do pdflatex -interaction=nonstopmode $f.tex >/dev/null; " \
                 "pdflatex -interaction=nonstopmode $f.tex >/dev/null; done"
        latex = measure("7. LaTeX exam class, two pdflatex passes each", ["bash", "-c", script], reference, runs,
                        [reference / "handout.pdf", reference / "markscheme.pdf"])
        results.append(latex)
    typst_result = None
    try:
        import typst  # noqa: F401

        code = ("import typst; [typst.compile(f + '.typ', output=f + '.pdf', "
                f"font_paths=[{str(ROOT / 'fonts')!r}]) for f in ('handout', 'markscheme')]")
        typst_result = measure("8. Typst (PyPI typst)", [sys.executable, "-c", code], reference, runs,
                               [reference / "handout.pdf", reference / "markscheme.pdf"])
        results.append(typst_result)
    except ImportError:
        pass

    ours = next(r for r in results if r.name.startswith("2."))
    ratios = [f"- scenario 2 / plain reportlab: {ours.seconds / plain.seconds:.2f}x (budget: at most 1.2x)"]
    if latex:
        ratios.append(f"- scenario 2 / LaTeX exam: {ours.seconds / latex.seconds:.2f}x (budget: at most 0.5x)")
    if typst_result:
        ratios.append(f"- scenario 2 / Typst: {ours.seconds / typst_result.seconds:.2f}x")
        class_set = next(r for r in results if r.name.startswith("4."))
        ratios.append(f"- scenario 4 / Typst x 30 copies (estimated): "
                      f"{class_set.seconds / (typst_result.seconds * 15):.2f}x")
    ratios.append(f"- scenario 10 / 10b (formulas typeset / as plain text): "
                  f"{maths_rows[0].seconds / maths_rows[1].seconds:.2f}x (budget: at most 1.3x); with every "
                  f"formula set afresh (10c / 10b): {maths_rows[2].seconds / maths_rows[1].seconds:.2f}x")
    ratios.append(f"- one formula 30 times / once, the handout's size: {thirty / once:.2f}x "
                  f"({once / 1024:.1f} KB, {thirty / 1024:.1f} KB: each repeat adds {(thirty - once) / 29:.0f} bytes)")
    ratios.append(f"- scenario 11 / 11b (answer spaces drawn / ruled lines): "
                  f"{stem_rows[0].seconds / stem_rows[1].seconds:.2f}x")
    ratios += [f"- per-student copies: {row.seconds / n * 1000:.0f} ms a copy for {n} students "
               f"({row.seconds:.2f} s, peak {row.peak_mb:.0f} MB; goal for 30: under 3 s)"
               for row, n in zip(copy_rows, (30, 240), strict=True)]
    documents = len(list((work / "department" / "output").glob("*/*.pdf")))
    example_docs = 18  # scenario 3: 3 tiers x 3 styles, a handout and a mark scheme each
    ratios.append(f"- department, first build: {department_rows[0].seconds / documents * 1000:.0f} ms a PDF over "
                  f"{documents} PDFs (three commands); the example's 3 tiers x 3 styles (scenario 3, one command): "
                  f"{next(r for r in results if r.name.startswith('3.')).seconds / example_docs * 1000:.0f} ms a PDF "
                  f"over {example_docs}")
    watch_row = next(r for r in results if r.name.startswith("9."))
    editor_row = next(r for r in results if r.name.startswith("16."))
    ratios.append(f"- scenario 16 / 9 (the editor's page on screen / watch's whole rebuild after the same edit): "
                  f"{editor_row.seconds / watch_row.seconds:.2f}x")
    ratios.append(f"- a 20-word 15x15 word search laid out in-process: {word_search_ms():.1f} ms (budget: 50 ms)")
    ratios.append(f"- a 15-word crossword laid out in-process: {crossword_ms():.1f} ms (budget: 50 ms)")
    cpu = platform.processor() or "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    lines = [
        "# Benchmark results",
        "",
        f"{datetime.date.today().isoformat()} on {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"median of {runs} runs after a warm-up, each a whole process.",
        "",
        "| scenario | median (s) | pages | peak memory (MB) | note |",
        "|---|---:|---:|---:|---|",
        *[f"| {r.name} | {r.seconds:.3f} | {r.pages or ''} | {r.peak_mb:.0f} | {r.note} |" for r in results],
        "",
        "Ratios measured in the same run:",
        "",
        *ratios,
        "",
        "Peak memory is the largest resident size of any one process of the run: the kernel's figure from wait4, "
        "which covers the render processes too.",
        "",
    ]
    (HERE / "results.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
