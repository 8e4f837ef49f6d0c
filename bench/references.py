"""Write the example worksheet (core tier) as content.json, LaTeX `exam` class and Typst sources,
so the benchmark can time other tools on the same content. Run: python bench/references.py"""

from __future__ import annotations

import json
import re
from pathlib import Path

from worksheets import document as d
from worksheets.document.prose import ListBlock, Para, plain
from worksheets.library import build_library
from worksheets.plan import plan

HERE = Path(__file__).parent
SPEC = HERE.parent / "specs" / "stalin-terror" / "terror.yaml"


def prose(p: tuple) -> list[str]:
    out = []
    for block in p:
        if isinstance(block, Para):
            out.append(block.plain.replace("\n", " "))
        elif isinstance(block, ListBlock):
            out += ["• " + plain(item) for item in block.items]
    return out


def closed(q: d.Question) -> tuple[list[str], str]:
    """A closed question's printed choices, and its key as the mark scheme gives it."""
    detail = q.detail
    if isinstance(detail, d.Choice):
        return ([f"{d.letters(i)}  {plain(o)}" for i, o in enumerate(detail.options)],
                ", ".join(d.letters(i) for i in detail.correct))
    if isinstance(detail, d.TrueFalse):
        return ([plain(s) for s in detail.statements],
                "; ".join(f"{plain(s)}: {'True' if t else 'False'}"
                          for s, t in zip(detail.statements, detail.answers, strict=True)))
    if isinstance(detail, d.Cloze):
        return ([" · ".join(detail.word_bank)] if detail.word_bank else [],
                "; ".join(f"({i + 1}) {a}" for i, a in enumerate(detail.answers)))
    if isinstance(detail, d.Matching):
        return ([f"{i + 1}. {plain(a)}    {d.letters(i)}. {plain(b)}"
                 for i, (a, b) in enumerate(zip(detail.left, detail.right, strict=True))],
                ", ".join(f"{i + 1} → {d.letters(k)}" for i, k in enumerate(detail.key)))
    if isinstance(detail, d.Ordering):
        return ([f"{d.letters(i)}  {plain(o)}" for i, o in enumerate(detail.items)],
                ", ".join(d.letters(i) for i in detail.order))
    return [], ""


def content() -> dict:
    """Everything the core handout and mark scheme print, as plain text, for the other tools to set."""
    doc = plan(build_library(SPEC, SPEC.parent.parent.parent), "terror", "core")
    blocks: list[dict] = []
    grading = []
    for block in doc.blocks:
        if isinstance(block, d.SectionBlock):
            blocks.append({"kind": "section", "title": block.title or "", "paras": prose(block.body),
                           "callouts": [{"title": c.title, "paras": prose(c.text)} for c in block.callouts]})
        elif isinstance(block, d.SourceBlock):
            blocks.append({"kind": "source", "title": f"{block.label}: {block.title or ''}",
                           "paras": prose(block.attribution) + prose(block.text)})
        elif isinstance(block, d.GlossaryBlock):
            blocks.append({"kind": "glossary", "entries": [[term, plain(meaning)] for term, meaning in block.entries]})
        elif isinstance(block, (d.HeadingBlock, d.TextBlock)):
            blocks.append({"kind": "section", "title": getattr(block, "text", ""),
                           "paras": prose(getattr(block, "body", ())), "callouts": []})
        elif isinstance(block, d.QuestionsBlock):
            blocks.append({"kind": "section", "title": block.title or "", "paras": prose(block.intro), "callouts": []})
            for q in block.questions:
                grading.append([q.number, q.marks])
                for item in [q] if not q.parts else list(q.parts):
                    choices, key = closed(item)
                    blocks.append({"kind": "question", "number": item.number,
                                   "prompt": " ".join(prose(item.prompt)), "marks": item.marks,
                                   "lines": item.answer.lines if item.answer.kind == "lines" else 0,
                                   "box": round(item.answer.height / 72 * 25.4) if item.answer.kind == "box" else 0,
                                   "choices": choices, "key": key,
                                   "answer": prose(item.model_answer) + prose(item.scheme.guidance),
                                   "points": [f"{plain(pt.text)} ({pt.marks})" for pt in item.scheme.points],
                                   "levels": [[lv.band, plain(lv.descriptor)] for lv in item.scheme.levels],
                                   "indicative": [plain(i) for i in item.scheme.indicative]})
    return {"title": doc.title, "subtitle": doc.subtitle, "total": doc.total_marks,
            "instructions": prose(doc.instructions), "time": doc.time_allowed or "",
            "grading": grading if doc.grading_table else [], "blocks": blocks}


def latin(text: str) -> str:
    """pdflatex with T1 cannot set Cyrillic or Greek without extra packages: keep the rest."""
    return re.sub(r"[^\x00-\u017f‘’“”–—…·•]", "?", text)


def tex_escape(text: str) -> str:
    text = latin(text)
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"), ("_", r"\_"),
                 ("{", r"\{"), ("}", r"\}"), ("~", r"\textasciitilde{}"), ("^", r"\textasciicircum{}"),
                 ("•", r"\textbullet{}")):
        text = text.replace(a, b)
    return text


def tex_items(items: list[str]) -> str:
    if not items:
        return ""
    return r"\begin{itemize}" + "".join(r"\item " + tex_escape(i.lstrip("• ")) for i in items) + r"\end{itemize}"


def latex(c: dict, scheme: bool) -> str:
    """The worksheet for the exam class, as its users would write it."""
    head = (r"\documentclass[11pt,a4paper" + (",answers" if scheme else "") + "]{exam}\n"
            r"\usepackage[utf8]{inputenc}\usepackage[T1]{fontenc}\usepackage{helvet}\usepackage{framed}\usepackage{tabularx}"
            r"\renewcommand{\familydefault}{\sfdefault}"
            "\n" r"\usepackage[margin=18mm]{geometry}\pointname{ marks}\pointformat{[\thepoints]}"
            r"\checkboxchar{\fbox{\phantom{x}}}"
            "\n" r"\footer{}{Page \thepage\ of \numpages}{}" "\n\\begin{document}\n"
            f"\\begin{{center}}{{\\Large\\bfseries {tex_escape(c['title'])}}}\\\\ "
            f"{tex_escape(c['subtitle'] or '')}\\end{{center}}\n"
            r"\makebox[\textwidth]{Name:\enspace\hrulefill\ Class:\enspace\hrulefill\ Date:\enspace\hrulefill}" "\n\n")
    if not scheme:
        head += (r"\begin{framed}\textbf{Instructions}" + tex_items(c["instructions"]) + tex_escape(c["time"])
                 + r"\end{framed}" + "\n")
    head += f"Total: {c['total']} marks\n\n"
    if c["grading"] and not scheme:
        head += (r"\begin{tabular}{|l|" + "c|" * len(c["grading"]) + r"}\hline Question & "
                 + " & ".join(n for n, _ in c["grading"]) + r"\\\hline Marks & "
                 + " & ".join(str(k) for _, k in c["grading"])
                 + r"\\\hline Awarded" + " & " * len(c["grading"]) + r"\\\hline\end{tabular}" + "\n\n")
    body, in_questions = [], False
    for block in c["blocks"]:
        if block["kind"] == "question":
            if not in_questions:
                body.append(r"\begin{questions}")
                in_questions = True
            body.append(f"\\question[{block['marks']}] {tex_escape(block['prompt'])}")
            if block["choices"] and not scheme:
                body.append(r"\begin{checkboxes}" + "".join(r"\choice " + tex_escape(x) for x in block["choices"])
                            + r"\end{checkboxes}")
            if scheme:
                solution = [tex_escape(p) for p in block["answer"]]
                if block["key"]:
                    solution.append(r"\textbf{Answer:} " + tex_escape(block["key"]))
                solution.append(tex_items(block["points"]))
                if block["levels"]:
                    solution.append(r"\begin{tabularx}{\linewidth}{|l|X|}\hline " + "".join(
                        f"{tex_escape(b)} & {tex_escape(t)}" + r"\\\hline " for b, t in block["levels"])
                        + r"\end{tabularx}")
                if block["indicative"]:
                    solution.append(r"\textbf{Indicative content}" + tex_items(block["indicative"]))
                body.append(r"\begin{solution}" + "\n\n".join(x for x in solution if x) + r"\end{solution}")
            elif block["lines"]:
                body.append(f"\\fillwithlines{{{block['lines'] * 8}mm}}")
            elif block["box"]:
                body.append(f"\\makeemptybox{{{block['box']}mm}}")
            continue
        if in_questions:
            body.append(r"\end{questions}")
            in_questions = False
        if scheme:
            continue
        if block["kind"] == "section":
            if block["title"]:
                body.append(f"\\section*{{{tex_escape(block['title'])}}}")
            body += [tex_escape(p) + "\n" for p in block["paras"]]
            body += [r"\begin{framed}\textbf{" + tex_escape(k["title"]) + "}\n\n"
                     + "\n\n".join(tex_escape(p) for p in k["paras"]) + r"\end{framed}" for k in block["callouts"]]
        elif block["kind"] == "glossary":
            body.append(r"\section*{Glossary}\begin{tabularx}{\linewidth}{|l|X|}\hline " + "".join(
                f"\\textbf{{{tex_escape(t)}}} & {tex_escape(m)}" + r"\\\hline " for t, m in block["entries"])
                + r"\end{tabularx}")
        else:
            body.append(r"\begin{framed}\textbf{" + tex_escape(block["title"]) + "}\n\n"
                        + "\n\n".join(tex_escape(p) for p in block["paras"]) + r"\end{framed}")
    if in_questions:
        body.append(r"\end{questions}")
    return head + "\n".join(body) + "\n\\end{document}\n"


def typ_escape(text: str) -> str:
    return re.sub(r"([#$*_`<>@\[\]\\/~=+-])", r"\\\1", text)


def typ_items(items: list[str]) -> list[str]:
    return [f"- {typ_escape(i.lstrip('• '))}" for i in items]


def typst(c: dict, scheme: bool) -> str:
    """The worksheet in Typst, as its users would write it."""
    out = ['#set page(paper: "a4", margin: 18mm, footer: context align(center)[Page #counter(page).display() of '
           '#counter(page).final().first()])',
           '#set text(font: "Liberation Sans", size: 11pt)',
           f'#align(center)[#text(size: 20pt, weight: "bold")[{typ_escape(c["title"])}] \\ '
           f'{typ_escape(c["subtitle"] or "")}]',
           "Name: #box(width: 6cm, repeat[.]) Class: #box(width: 3cm, repeat[.]) Date: #box(width: 3cm, repeat[.])", ""]
    if not scheme:
        out.append("#block(fill: luma(235), inset: 8pt, width: 100%)[*Instructions*\n"
                   + "\n".join(typ_items(c["instructions"])) + f"\n\n{typ_escape(c['time'])}]")
    out += [f"*Total: {c['total']} marks*", ""]
    if c["grading"] and not scheme:
        cells = ", ".join(["[Question]", *(f"[{n}]" for n, _ in c["grading"]),
                           "[Marks]", *(f"[{k}]" for _, k in c["grading"]),
                           "[Awarded]", *("[]" for _ in c["grading"])])
        out.append(f"#table(columns: {len(c['grading']) + 1}, {cells})")
    for block in c["blocks"]:
        if block["kind"] == "question":
            out.append(f"*{block['number']}* {typ_escape(block['prompt'])} #h(1fr) *[{block['marks']} marks]*")
            if scheme:
                out += [typ_escape(p) for p in block["answer"]]
                if block["key"]:
                    out.append(f"*Answer:* {typ_escape(block['key'])}")
                out += typ_items(block["points"])
                if block["levels"]:
                    cells = ", ".join(f"[{typ_escape(b)}], [{typ_escape(t)}]" for b, t in block["levels"])
                    out.append(f"#table(columns: (2cm, 1fr), {cells})")
                if block["indicative"]:
                    out += ["*Indicative content*", *typ_items(block["indicative"])]
            else:
                if block["choices"]:
                    cells = ", ".join(f"[{typ_escape(x)}], [#box(width: 4mm, height: 4mm, stroke: 0.8pt)]"
                                      for x in block["choices"])
                    out.append(f"#table(columns: (1fr, 8mm), stroke: none, {cells})")
                if block["lines"]:
                    out.append(f"#for i in range({block['lines']}) [#v(5mm) #line(length: 100%, stroke: 0.5pt + gray)]")
                elif block["box"]:
                    out.append(f"#rect(width: 100%, height: {block['box']}mm)")
            out.append("")
        elif not scheme and block["kind"] == "section":
            if block["title"]:
                out.append(f"== {typ_escape(block['title'])}")
            out += [typ_escape(p) + "\n" for p in block["paras"]]
            for k in block["callouts"]:
                paras = " \\ ".join(typ_escape(p) for p in k["paras"])
                out.append(f"#block(fill: luma(235), inset: 8pt, width: 100%)[*{typ_escape(k['title'])}* \\ {paras}]")
        elif not scheme and block["kind"] == "glossary":
            cells = ", ".join(f"[*{typ_escape(t)}*], [{typ_escape(m)}]" for t, m in block["entries"])
            out += ["== Glossary", f"#table(columns: (4cm, 1fr), {cells})"]
        elif not scheme:
            paras = " \\ ".join(typ_escape(p) for p in block["paras"])
            out.append(f"#block(fill: luma(230), stroke: 1pt, inset: 8pt, width: 100%)"
                       f"[*{typ_escape(block['title'])}* \\ {paras}]")
    return "\n".join(out) + "\n"


def main() -> None:
    c = content()
    folder = HERE / "reference"
    folder.mkdir(exist_ok=True)
    (folder / "content.json").write_text(json.dumps(c, ensure_ascii=False, indent=1), encoding="utf-8")
    for scheme, name in ((False, "handout"), (True, "markscheme")):
        (folder / f"{name}.tex").write_text(latex(c, scheme), encoding="utf-8")
        (folder / f"{name}.typ").write_text(typst(c, scheme), encoding="utf-8")
    print(f"wrote {folder}/content.json, handout/markscheme .tex and .typ")


if __name__ == "__main__":
    main()
