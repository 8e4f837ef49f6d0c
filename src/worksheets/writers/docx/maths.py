"""Formulas as editable Word equations: LaTeX to MathML (latex2mathml), MathML to OMML (mathml2omml), the
result an `m:oMath` element; a formula either cannot convert is written as its plain reading instead."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from docx.oxml import parse_xml

from worksheets.document.prose import DisplayMath, Math

OMML = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
UNKNOWN = re.compile(r">\s*\\[A-Za-z]+")
"""A command latex2mathml did not know, passed through as text (`<mi>\\ce</mi>`): not a formula to keep."""


@lru_cache(maxsize=512)
def omml(tex: str, display: bool = False) -> str | None:
    """The formula as OMML markup with its namespaces declared, or None if it cannot be converted."""
    import latex2mathml.converter
    import mathml2omml

    try:
        mathml = latex2mathml.converter.convert(tex, display="block" if display else "inline")
        if UNKNOWN.search(mathml):
            return None
        converted: str = mathml2omml.convert(mathml)
    except Exception:  # noqa: BLE001 - both converters raise anything on LaTeX they do not know; the reading stands in
        return None
    if not converted.startswith("<m:oMath>"):
        return None
    return converted.replace("<m:oMath>", f'<m:oMath xmlns:m="{OMML}" xmlns:w="{WORD}">', 1)


def equation(node: Math | DisplayMath) -> Any | None:
    """A new `m:oMath` element for the formula (None: it cannot be converted)."""
    markup = omml(node.tex, isinstance(node, DisplayMath) or node.display)
    if markup is None:
        return None
    try:
        element = parse_xml(markup)
    except ValueError:  # lxml's syntax error is a ValueError
        return None
    _square_roots(element)
    return element


def _square_roots(element: Any) -> None:
    """Each root without a degree given one, hidden: Word and LibreOffice otherwise show an empty box for it."""
    for rad in element.iter(f"{{{OMML}}}rad"):
        if rad.find(f"{{{OMML}}}deg") is None:
            props = parse_xml(f'<m:radPr xmlns:m="{OMML}"><m:degHide m:val="1"/></m:radPr>')
            rad.insert(0, props)
            props.addnext(parse_xml(f'<m:deg xmlns:m="{OMML}"/>'))


def display(node: DisplayMath) -> Any | None:
    """An `m:oMathPara` holding the displayed formula, centred on its line (None: it cannot be converted)."""
    element = equation(node)
    if element is None:
        return None
    para = parse_xml(f'<m:oMathPara xmlns:m="{OMML}"><m:oMathParaPr><m:jc m:val="center"/></m:oMathParaPr>'
                     "</m:oMathPara>")
    para.append(element)
    return para
