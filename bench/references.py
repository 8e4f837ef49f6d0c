"""Write the example worksheet (core tier) as content.json, LaTeX `exam` class and Typst sources,
so the benchmark can time other tools on the same content. Run: python bench/references.py"""

from __future__ import annotations

import json
import re
from pathlib import Path

from worksheets import document as d
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.text import ListBlock, Para, plain

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


def content() -> dict:
    doc = plan(build_library(SPEC, SPEC.parent.parent.parent), "terror", "core")
    blocks = []
    for block in doc.blocks:
        if isinstance(block, d.SectionBlock):
            blocks.append({"kind": "section", "title": block.title or "", "paras": prose(block.body)})
        elif isinstance(block, d.SourceBlock):
            blocks.append({"kind": "source", "title": f"{block.label}: {block.title or ''}",
                           "paras": prose(block.attribution) + prose(block.text)})
        elif isinstance(block, d.QuestionsBlock):
            for q in block.questions:
                items = [q] if not q.parts else list(q.parts)
                for item in items:
                    blocks.append({"kind": "question", "number": item.number, "prompt": " ".join(prose(item.prompt)),
                                   "marks": item.marks, "lines": item.answer.lines or 4,
                                   "answer": prose(item.model_answer),
                                   "levels": [[lv.band, plain(lv.descriptor)] for lv in item.scheme.levels]})
    return {"title": doc.title, "subtitle": doc.subtitle, "total": doc.total_marks, "blocks": blocks}


def latin(text: str) -> str:
    """pdflatex with T1 cannot set Cyrillic or Greek without extra packages: keep the rest."""
    return re.sub(r"[^\x00-\u017f‘’“”–—…·•]", "?", text)


def tex_escape(text: str) -> str:
    text = latin(text)
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"), ("_", r"\_"),
                 ("{", r"\{"), ("}", r"\}"), ("~", r"\textasciitilde{}"), ("^", r"\textasciicircum{}"), ("•", r"\textbullet{}")):
        text = text.replace(a, b)
    return text


def latex(c: dict, scheme: bool) -> str:
    head = (r"\documentclass[11pt,a4paper" + (",answers" if scheme else "") + "]{exam}\n"
            r"\usepackage[utf8]{inputenc}\usepackage[T1]{fontenc}\usepackage{helvet}\usepackage{framed}\renewcommand{\familydefault}{\sfdefault}"
            "\n" r"\usepackage[margin=18mm]{geometry}\pointname{ marks}\pointformat{[\thepoints]}"
            "\n" r"\footer{}{Page \thepage\ of \numpages}{}" "\n\\begin{document}\n"
            f"\\begin{{center}}{{\\Large\\bfseries {tex_escape(c['title'])}}}\\\\ {tex_escape(c['subtitle'] or '')}\\end{{center}}\n"
            r"\makebox[\textwidth]{Name:\enspace\hrulefill\ Class:\enspace\hrulefill\ Date:\enspace\hrulefill}" "\n\n"
            f"Total: {c['total']} marks\n\n")
    body, in_questions = [], False
    for block in c["blocks"]:
        if block["kind"] == "question":
            if not in_questions:
                body.append(r"\begin{questions}")
                in_questions = True
            body.append(f"\\question[{block['marks']}] {tex_escape(block['prompt'])}")
            if scheme:
                body.append(r"\begin{solution}" + " ".join(tex_escape(p) for p in block["answer"]) + r"\end{solution}")
            else:
                body.append(f"\\fillwithlines{{{block['lines'] * 8}mm}}")
            continue
        if in_questions:
            body.append(r"\end{questions}")
            in_questions = False
        if scheme:
            continue
        if block["kind"] == "section":
            body.append(f"\\section*{{{tex_escape(block['title'])}}}")
            body += [tex_escape(p) + "\n" for p in block["paras"]]
        else:
            body.append(r"\begin{framed}\textbf{" + tex_escape(block["title"]) + "}\n\n"
                        + "\n\n".join(tex_escape(p) for p in block["paras"]) + r"\end{framed}")
    if in_questions:
        body.append(r"\end{questions}")
    return head + "\n".join(body) + "\n\\end{document}\n"


def typ_escape(text: str) -> str:
    return re.sub(r"([#$*_`<>@\[\]\\/~=+-])", r"\\\1", text)


def typst(c: dict, scheme: bool) -> str:
    out = ['#set page(paper: "a4", margin: 18mm, footer: context align(center)[Page #counter(page).display() of '
           '#counter(page).final().first()])',
           '#set text(font: "Liberation Sans", size: 11pt)',
           f'#align(center)[#text(size: 20pt, weight: "bold")[{typ_escape(c["title"])}] \\ {typ_escape(c["subtitle"] or "")}]',
           "Name: #box(width: 6cm, repeat[.]) Class: #box(width: 3cm, repeat[.]) Date: #box(width: 3cm, repeat[.])",
           f"*Total: {c['total']} marks*", ""]
    for block in c["blocks"]:
        if block["kind"] == "question":
            out.append(f"*{block['number']}* {typ_escape(block['prompt'])} #h(1fr) *[{block['marks']} marks]*")
            if scheme:
                out += [typ_escape(p) for p in block["answer"]]
                if block["levels"]:
                    cells = ", ".join(f"[{typ_escape(b)}], [{typ_escape(t)}]" for b, t in block["levels"])
                    out.append(f"#table(columns: (2cm, 1fr), {cells})")
            else:
                out.append(f"#for i in range({block['lines']}) [#v(5mm) #line(length: 100%, stroke: 0.5pt + gray)]")
            out.append("")
        elif not scheme and block["kind"] == "section":
            out.append(f"== {typ_escape(block['title'])}")
            out += [typ_escape(p) + "\n" for p in block["paras"]]
        elif not scheme:
            paras = " \\ ".join(typ_escape(p) for p in block["paras"])
            out.append(f"#block(fill: luma(230), stroke: 1pt, inset: 8pt, width: 100%)[*{typ_escape(block['title'])}* \\ {paras}]")
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
