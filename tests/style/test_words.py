"""The page's own words in the worksheet's language: every key in every language of the catalogue, the plural
forms CLDR gives each language (Welsh has six), a handout and mark scheme built in Welsh and in French,
`labels:` over them, glossaries in the language's order, and the located problems of a wrong language or key."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import flat, pdf_text, write_file
from worksheets.style.collation import sort_key
from worksheets.style.words import Words, catalogue, keys, languages

SPEC = """worksheet:
  title: Y Rhyfel Oer
  language: {language}
  {labels}
  tiers: [core]
  contents:
    - sources: [poster]
    - questions: [why, pick, tf]
    - glossary: all
sources:
  - {{id: poster, title: Poster, text: "Words of the poster."}}
glossary:
  llyfr: a book
  lwc: luck
  chwarae: play
  cyfrif: count
  ddoe: yesterday
  dydd: day
questions:
  - {{id: why, prompt: "Pam? Use {{source:poster}}.", marks: 2}}
  - {{id: pick, type: choice, prompt: Pick, options: [a, b, c], correct: 1}}
  - {{id: tf, type: true-false, statements: [{{text: One, answer: true}}], marks: 1}}
"""


def _build(run, tmp_path, language: str, labels: str = "") -> tuple[str, str]:
    write_file(tmp_path, "oer.yaml", SPEC.format(language=language, labels=labels))
    result = run("build", "oer.yaml", "-q", cwd=tmp_path)
    assert result.code == 0, result.stderr
    folder = tmp_path / "output" / "oer"
    return flat(pdf_text(folder / "oer-student.pdf")), flat(pdf_text(folder / "oer-markscheme.pdf"))


def test_every_language_has_every_word_and_each_keeps_its_placeholders():
    english = catalogue()["en"]
    for language in languages():
        words = catalogue()[language]
        assert set(words) == set(english), language
        for key, text in words.items():
            forms = text if isinstance(text, dict) else {"other": text}
            assert "other" in forms, (language, key)
            wanted = set(re.findall(r"{(\w+)}", str(english[key]))) - {"spelled", "n"}
            for form in forms.values():
                assert wanted <= set(re.findall(r"{(\w+)}", form)), (language, key, form)


def test_welsh_counts_its_marks_in_its_own_plural_forms():
    welsh = Words("cy")
    assert [welsh.count("marks", n) for n in (1, 2, 3, 6, 7)] == [
        "[1 marc]", "[2 farc]", "[3 marc]", "[6 marc]", "[7 marc]"]
    assert Words("en").count("marks", 1) == "[1 mark]" and Words("en").count("marks", 2) == "[2 marks]"
    assert Words("fr").count("marks", 0) == "[0 point]" and Words("fr").count("marks", 2) == "[2 points]"
    assert Words("en").count("tick", 2, spelled="two") == "Tick two boxes."


def test_a_welsh_handout_and_mark_scheme_print_their_own_words_in_welsh(run, tmp_path):
    student, scheme = _build(run, tmp_path, "cy")
    for said in ("Enw:", "Dosbarth:", "Dyddiad:", "Tudalen 1 o 1", "[2 farc]", "[1 marc]", "Ffynhonnell A",
                 "Use Ffynhonnell A.", "Cywir", "Anghywir", "Ticiwch un blwch.", "DIWEDD Y CWESTIYNAU", "Geirfa",
                 "Gosodiad"):
        assert said in student, said
    for english in ("Name:", "Page 1", "mark]", "Source A", "True", "Tick one", "END OF QUESTIONS", "Glossary"):
        assert english not in student, english
    assert "Cynllun marcio: Y Rhyfel Oer" in scheme and "Crynodeb o'r marciau" in scheme
    assert "Canllawiau cyffredinol" in scheme and "Mark scheme" not in scheme
    # the glossary in the Welsh alphabet: c, ch, d, dd, l, ll
    glossary = student[student.index("Geirfa"):]
    order = [glossary.index(f"{term} ") for term in ("cyfrif", "chwarae", "dydd", "ddoe", "lwc", "llyfr")]
    assert order == sorted(order)


def test_labels_override_single_words_and_counted_ones(run, tmp_path):
    student, _ = _build(run, tmp_path, "fr", 'labels: {name: "Prénom et nom", marks: "({n} pts)"}')
    assert "Prénom et nom :" in student and "(2 pts)" in student and "Classe :" in student
    assert "Document A" in student and "Vrai" in student and "Faux" in student and "Cochez une case." in student


@pytest.mark.parametrize(("setting", "line"), [
    ("language: xx", "oer.yaml:3:13: worksheet.language: unknown language 'xx': expected one of en, cy, fr, de, es"),
    ("language: cy\n  labels: {nmae: Enw}",
     "oer.yaml:4:11: worksheet.labels: labels: 'nmae' names no word the page prints (did you mean name?); the words"),
])
def test_a_wrong_language_or_label_is_one_located_line(run, tmp_path, setting, line):
    text = SPEC.format(language="en", labels="").replace("language: en", setting)
    write_file(tmp_path, "oer.yaml", text)
    result = run("check", "oer.yaml", cwd=tmp_path)
    assert result.code == 1 and len(result.lines) == 1 and result.lines[0].startswith(line), result.lines


@given(st.lists(st.text(alphabet="abcdefghlnoprstuwyñâŵ ", min_size=1, max_size=8), max_size=12),
       st.sampled_from(["en", "cy", "fr", "de", "es"]))
def test_collation_is_a_total_order_that_keeps_every_word(words, language):
    key = sort_key(language)
    ordered = sorted(words, key=key)
    assert sorted(ordered) == sorted(words)
    assert all(key(a) <= key(b) for a, b in itertools.pairwise(ordered))
    backwards = ordered[::-1]  # a total order: where the words start makes no difference
    assert sorted(backwards, key=key) == ordered


def test_every_key_is_documented_in_the_catalogue_file():
    assert len(keys()) >= 60 and "marks" in keys() and "page_of" in keys()


def test_the_word_export_speaks_the_same_language(run, tmp_path):
    import docx

    write_file(tmp_path, "oer.yaml", SPEC.format(language="cy", labels=""))
    assert run("export", "oer.yaml", "--format", "docx", "-q", cwd=tmp_path).code == 0
    folder = tmp_path / "output" / "oer"
    document = docx.Document(str(folder / "oer-student.docx"))
    paragraphs = [docx.text.paragraph.Paragraph(p, document) for p in document.element.body.iter("{*}p")]
    text = "\n".join(p.text for p in paragraphs)
    for said in ("Enw:", "[2\u00a0farc]", "Ffynhonnell A", "Cywir", "Ticiwch un blwch.", "DIWEDD Y CWESTIYNAU",
                 "Geirfa"):
        assert said in text, said
    footer = "".join(t.text or "" for t in document.sections[0].footer._element.iter("{*}t"))
    assert "Tudalen" in footer and " o " in footer and "Page" not in footer
    scheme = "\n".join(p.text for p in docx.Document(str(folder / "oer-markscheme.docx")).paragraphs)
    assert "Cynllun marcio: Y Rhyfel Oer" in scheme and "Crynodeb o'r marciau" in scheme


LEVELLED = """worksheet:
  title: Y Rhyfel Oer
  language: cy
  tiers: [core]
  contents:
    - questions: [how, seq]
questions:
  - id: seq
    type: ordering
    items: [Un, Dau, Tri]
  - id: how
    prompt: Pa mor ddefnyddiol yw'r ffynhonnell?
    marks: 4
    mark_scheme:
      levels:
        - {marks: 3-4, descriptor: Ateb datblygedig.}
        - {marks: 1-2, descriptor: Ateb syml.}
"""


def docx_text(path) -> str:
    """Every paragraph of a Word file, table cells' too, a line each."""
    import docx

    document = docx.Document(str(path))
    return "\n".join(docx.text.paragraph.Paragraph(p, document).text for p in document.element.body.iter("{*}p"))


def test_a_mark_schemes_own_headings_speak_the_worksheets_language_in_pdf_and_word(run, tmp_path):
    """A levels grid's heading and zero band, and an ordering's correct order, are the page's own words, in both
    formats, never English."""
    import docx

    write_file(tmp_path, "oer.yaml", LEVELLED)
    assert run("build", "oer.yaml", "-q", cwd=tmp_path).code == 0
    assert run("export", "oer.yaml", "--format", "docx", "-q", cwd=tmp_path).code == 0
    folder = tmp_path / "output" / "oer"
    pdf = flat(pdf_text(folder / "oer-markscheme.pdf"))
    word = docx.Document(str(folder / "oer-markscheme.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    heading = [p.text for p in word.paragraphs]
    for text in (pdf, " ".join(heading + cells)):
        assert "Lefelau ymateb" in text and "Dim ymateb sy'n haeddu marc." in text and "Trefn gywir: " in text
        assert "Levels of response" not in text and "creditworthy" not in text and "Correct order" not in text


def test_a_word_graphs_axes_are_described_in_the_worksheets_language(run, tmp_path):
    """Word has no drawn axes: the line that describes them is the page's own words, with the language's decimal
    sign and a true minus."""
    write_file(tmp_path, "courbe.yaml", """worksheet:
  title: Une courbe
  language: fr
  contents:
    - questions: [trace]
questions:
  - id: trace
    prompt: Tracez la courbe.
    marks: 2
    answer: {graph: {x: [-2.5, 2.5], y: [0, 9]}}
""")
    assert run("export", "courbe.yaml", "--format", "docx", "-q", cwd=tmp_path).code == 0
    document = docx_text(tmp_path / "output" / "courbe" / "courbe-student.docx")
    assert "Axes : x de \u22122,5 à 2,5, y de 0 à 9" in document and "from" not in document


@pytest.mark.parametrize(("language", "fields", "printed"), [
    ("cy", "[Name, class, DATE, Candidate number]", ["Enw", "Dosbarth", "Dyddiad", "Candidate number"]),
    ("en", "[name, date]", ["Name", "Date"]),
])
def test_the_standard_student_fields_are_the_languages_words_however_they_are_written(run, tmp_path, language,
                                                                                   fields, printed):
    """Name, Class and Date, in any case, are the worksheet's own words; any other field prints as written."""
    write_file(tmp_path, "f.yaml", f"worksheet:\n  title: T\n  language: {language}\n  student_fields: {fields}\n"
                                   "  contents:\n    - questions: [q]\n"
                                   "questions:\n  - {id: q, prompt: Why?, marks: 1}\n")
    assert run("build", "f.yaml", "--no-mark-scheme", cwd=tmp_path).code == 0
    text = flat(pdf_text(tmp_path / "output" / "f" / "f-student.pdf"))
    assert all(f"{label}:" in text for label in printed), text
    assert "name:" not in text and "date:" not in text


def test_the_pdf_says_its_language_and_shows_its_title(run, tmp_path):
    from pypdf import PdfReader

    _build(run, tmp_path, "cy")
    for name in ("oer-student.pdf", "oer-markscheme.pdf"):
        root = PdfReader(tmp_path / "output" / "oer" / name).trailer["/Root"]
        assert root["/Lang"] == "cy" and bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


@given(st.lists(st.text(alphabet="abcAB xyZ09", max_size=6), min_size=1, max_size=12))
def test_plain_words_sort_without_the_table_exactly_as_with_it(words):
    from worksheets.style.collation import _collator

    full = _collator().sort_key
    assert sorted(words, key=sort_key("en", words)) == sorted(words, key=lambda w: (full(w), w))


DECIMALS = """worksheet:
  title: Câbles
  language: {language}
  contents:
    - questions: [cable, length]
questions:
  - id: cable
    prompt: "Un câble mesure {{{{a}}}} m, soit $L = {{{{a}}}}$ m."
    params: {{a: {{decimal: [1.5, 3.5], places: 1}}}}
    marks: 1
  - id: length
    type: numeric
    prompt: "Le double de {{{{a}}}} m ?"
    params: {{a: {{decimal: [1.5, 3.5], places: 1}}}}
    value: "{{{{a * 2}}}}"
    tolerance: 0.1
    units: m
    answer: {{number_line: {{from: -1, to: 1, step: 0.5}}}}
"""


@pytest.mark.parametrize("language, sign", [("fr", ","), ("de", ","), ("es", ","), ("en", "."), ("cy", ".")])
def test_numbers_the_page_prints_take_the_languages_decimal_sign(run, tmp_path, language, sign):
    write_file(tmp_path, "cables.yaml", DECIMALS.format(language=language))
    assert run("build", "cables.yaml", "-q", cwd=tmp_path).code == 0
    folder = tmp_path / "output" / "cables"
    handout, scheme = flat(pdf_text(folder / "cables-student.pdf")), flat(pdf_text(folder / "cables-markscheme.pdf"))
    drawn = re.search(r"mesure (\d)([.,])(\d) m", handout)
    assert drawn and drawn.group(2) == sign, handout
    assert f"L={drawn.group(1)}{sign}{drawn.group(3)}" in handout.replace(" ", "")  # in the formula too
    doubled = re.search(r"double de (\d)[.,](\d) m", handout)
    assert doubled
    value = float(f"{doubled.group(1)}.{doubled.group(2)}")
    assert f"0{sign}5" in handout and f"−0{sign}5" in handout  # the graph's ticks
    low, high = (f"{value * 2 - 0.1:g}".replace(".", sign), f"{value * 2 + 0.1:g}".replace(".", sign))
    assert low in scheme and high in scheme, scheme
    if sign == ",":
        assert not re.search(r"\d\.\d", handout + scheme), "a decimal point left in a comma language"
