"""Gather a worksheet spec and the banks it uses into one checked, id-addressed library.

Banks are loaded once (following `uses:` recursively, confined to the root),
ids must be unique across every file, and every id that a worksheet, a set or
a question names must exist. Problems from all files are reported together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from worksheets.errors import Loc, Problem, ProblemList, SpecError
from worksheets.library.pictures import check_figures, check_image, check_picture
from worksheets.spec.bank import Bank, QuestionSet
from worksheets.spec.base import Model
from worksheets.spec.content import Section, Source
from worksheets.spec.files import confine, links_to, need_file
from worksheets.spec.problems import validation_problems
from worksheets.spec.values import problems as value_problems
from worksheets.spec.worksheet import GlossaryRef, QuestionsRef, SectionRef, SourcesRef, Worksheet, WorksheetFile
from worksheets.spec.yaml import Loaded, Map, load_file, locate, parse_file, read_file, text_digest

BANK_KEYS = ("sections", "sources", "questions", "question_sets", "glossary")
REFERENCE = re.compile(r"\{(source|question):([^{}\s]*)\}")
MAX_FILES = 200


@dataclass
class Library:
    """Everything one worksheet can draw on, by id."""

    spec: Loaded
    worksheet: Worksheet | None  # None when a content bank is checked on its own
    sections: dict[str, Section] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    questions: dict[str, Any] = field(default_factory=dict)
    question_sets: dict[str, QuestionSet] = field(default_factory=dict)
    glossary: dict[str, tuple[str, Loc]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    images: dict[str, Path] = field(default_factory=dict)
    figures: dict[tuple[str, str], tuple[Path, str]] = field(default_factory=dict)
    """Pictures named in prose: (the file that names it, the name as written) -> (checked path, digest)."""
    image_digests: dict[str, str] = field(default_factory=dict)  # so a picture replaced under its name re-renders
    links: dict[Path, Path] = field(default_factory=dict)
    """Paths as written that reach an input through a symbolic link, and the input each reaches (see `links_to`)."""
    notes: list[Problem] = field(default_factory=list)
    """Warnings: located, but nothing to stop a build (a picture without alt text; problems with `accessible`)."""
    read: dict[Path, str] = field(default_factory=dict)
    """The hash of the text of each YAML file as it was read: the same files holding the same text build the same
    library (see built.py)."""

    @property
    def inputs(self) -> list[Path]:
        """Every file the library was gathered from: its YAML files and every picture it shows, and the links that
        led to them (a build is up to date only while none of them changed)."""
        return list(dict.fromkeys([*self.files, *self.images.values(), *(path for path, _ in self.figures.values()),
                                   *self.links]))


def spec_kind(loaded: Loaded) -> str:
    """'worksheet', 'booklet' or 'bank', from the top-level keys."""
    data = loaded.data
    if not isinstance(data, Map):
        raise SpecError(
            Problem(
                getattr(data, "loc", Loc(loaded.name, 1, 1)),
                "expected a mapping with a top-level key such as 'worksheet:', 'booklet:' or 'questions:'",
            )
        )
    if "worksheet" in data:
        return "worksheet"
    if "booklet" in data:
        return "booklet"
    if any(key in data for key in BANK_KEYS):
        return "bank"
    first = next(iter(data), None)
    where = data.key_locs[first] if first is not None else data.loc
    raise SpecError(
        Problem(where, "not a worksheets file: expected a top-level key 'worksheet:', 'booklet:' or one of "
                + ", ".join(f"'{k}:'" for k in BANK_KEYS))
    )


def validate(loaded: Loaded, model: type[Model]) -> Any:
    """Validate one file's data against a model, or raise every problem as a SpecError."""
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        raise SpecError(validation_problems(error, loaded, model)) from None


def build_library(spec_path: Path, root: Path, loaded: Loaded | None = None) -> Library:
    """Load a worksheet spec (unless given) and its banks, check every id and reference, or raise SpecError.
    Built once in a process for the same files holding the same bytes (a booklet's parts and the same specs on
    their own share one; `watch` keeps them): a library is never changed once built."""
    from worksheets.library import built

    if (known := built.known(spec_path, root)) is not None:
        return known
    library = _build(spec_path, root, loaded)
    built.remember(spec_path, root, library)
    return library


def _build(spec_path: Path, root: Path, loaded: Loaded | None) -> Library:
    loaded = loaded or load_file(spec_path)
    kind = spec_kind(loaded)
    if kind != "worksheet":
        raise SpecError(Problem(Loc(loaded.name, 1, 1), f"expected a worksheet spec, found a {kind}"))
    problems = ProblemList()
    spec = validate(loaded, WorksheetFile)
    library = Library(loaded, spec.worksheet, files=[loaded.path], read={loaded.path: loaded.digest})
    banks: list[tuple[Loaded, Bank]] = [(loaded, spec)]
    seen = {loaded.path.resolve()}
    queue: list[tuple[Loaded, Worksheet | Bank, list[str]]] = [(loaded, spec.worksheet, spec.worksheet.uses)]
    while queue:
        owner, _, uses = queue.pop(0)
        for position, name in enumerate(uses):
            where = locate(owner.data, ("worksheet", "uses", position), Loc(owner.name, 1, 1))
            try:
                path = confine(owner.path, name, root, where, "uses")
                library.links.update(links_to(owner.path, name, path))  # a second link to a bank seen: recorded too
                if path in seen:
                    continue
                seen.add(path)
                if len(seen) > MAX_FILES:
                    raise SpecError(Problem(where, f"uses: more than {MAX_FILES} files"))
                need_file(path, name, where, "uses", f"uses: no such file '{name}'")
                bank_loaded, bank = _bank(path, name, where)
            except SpecError as error:
                problems.extend(error.problems)
                continue
            library.files.append(path)
            library.read[path] = bank_loaded.digest
            banks.append((bank_loaded, bank))
    problems.check()
    _collect(library, banks, problems)
    problems.check()
    _check_references(library, root, problems)
    problems.check()
    return library


def _bank(path: Path, name: str, where: Loc) -> tuple[Loaded, Bank]:
    """Load and validate one bank that a spec uses, or raise SpecError; once a process for the same text."""
    from worksheets.library import built

    text = read_file(path)
    digest = text_digest(text)
    if (kept := built.bank(path, digest)) is not None:
        return kept
    loaded = parse_file(path, text, digest)
    kind = spec_kind(loaded)
    if kind != "bank":
        raise SpecError(Problem(where, f"uses: '{name}' is a {kind} spec, not a content bank"))
    bank = validate(loaded, Bank)
    built.keep_bank(loaded, bank)
    return loaded, bank


def check_bank(path: Path, root: Path, loaded: Loaded) -> Library:
    """Check a content bank on its own: its keys, ids, and the references inside it."""
    problems = ProblemList()
    bank = validate(loaded, Bank)
    library = Library(loaded, None, files=[loaded.path])
    _collect(library, [(loaded, bank)], problems)
    problems.check()
    _check_references(library, root, problems)
    problems.check()
    return library


def _collect(library: Library, banks: list[tuple[Loaded, Bank]], problems: ProblemList) -> None:
    first_seen: dict[str, Loc] = {}

    def claim(item_id: str | None, loc: Loc, what: str) -> bool:
        if item_id is None:
            return True
        if item_id in first_seen:
            problems.add(loc, f"duplicate id '{item_id}' ({what}; first defined at {first_seen[item_id]})")
            return False
        first_seen[item_id] = loc
        return True

    for loaded, bank in banks:
        for section in bank.sections:
            if section.id is None:
                problems.add(section.loc, "sections: a bank section needs an 'id'")
            elif claim(section.id, section.where("id"), "section"):
                library.sections[section.id] = section
        for source in bank.sources:
            if claim(source.id, source.where("id"), "source"):
                library.sources[source.id] = source
        for question in bank.questions:
            if claim(question.id, question.where("id"), "question"):
                library.questions[question.id] = question
        for qset in bank.question_sets:
            if claim(qset.id, qset.where("id"), "question set"):
                library.question_sets[qset.id] = qset
        glossary_data = loaded.data.get("glossary") if isinstance(loaded.data, Map) else None
        for term, definition in bank.glossary.items():
            loc = glossary_data.key_locs[term] if isinstance(glossary_data, Map) else Loc(loaded.name, 1, 1)
            if term in library.glossary:
                problems.add(loc, f"glossary: term '{term}' is defined twice (first at {library.glossary[term][1]})")
            else:
                library.glossary[term] = (definition, loc)


def _need(problems: ProblemList, kind: str, ident: str, table: dict[str, Any], loc: Loc, field_name: str) -> None:
    """An id that must name an item of a kind: else a problem, with a did-you-mean."""
    if ident not in table:
        import difflib

        close = difflib.get_close_matches(ident, list(table), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.add(loc, f"{field_name}: no {kind} with id '{ident}'{hint}")


def _check_references(library: Library, root: Path, problems: ProblemList) -> None:
    """Every id the worksheet, a set or a question names exists; images are checked and found."""
    ws = library.worksheet
    for index, item in enumerate(ws.contents if ws is not None else []):
        _check_contents_item(library, item, f"worksheet.contents[{index}]", problems)
    _check_pools_apart(library, problems)
    for qset in library.question_sets.values():
        for ident in qset.questions:
            _need(problems, "question", ident, library.questions, qset.where("questions"), f"question set '{qset.id}'")
    for question in library.questions.values():
        for ident in getattr(question, "sources", []):
            _need(problems, "source", ident, library.sources, question.where("sources"),
                  f"question '{question.id}' sources")
        for name, relative in question.pictures():
            check_picture(library, relative, root, question.where(name), name, problems)
            if getattr(question, "alt", "") is None:
                library.notes.append(Problem(question.where(name), f"{name}: no alt text for '{relative}': say what "
                                             "it shows in 'alt:' (a screen reader reads it out)"))
        for loc, message in value_problems(question):
            problems.add(loc, message)
    for source in library.sources.values():
        if source.image is not None:
            check_image(library, source, root, problems)
            if source.alt is None:
                library.notes.append(Problem(source.where("image"), f"image: no alt text for '{source.image}': say "
                                             "what it shows in 'alt:' (alt: \"\" for a picture that is only "
                                             "decoration)"))
    _check_text_references(library, root, problems)
    if library.worksheet is not None and library.worksheet.accessible:
        problems.extend([Problem(n.loc, f"{n.message} (the worksheet is accessible: true)") for n in library.notes])
        library.notes = []


def _check_contents_item(library: Library, item: Model, field: str, problems: ProblemList) -> None:
    """The ids one contents block names."""
    if isinstance(item, SectionRef) and isinstance(item.section, str):
        _need(problems, "section", item.section, library.sections, item.where("section"), f"{field}.section")
    elif isinstance(item, SourcesRef):
        for ident in item.sources:
            _need(problems, "source", ident, library.sources, item.where("sources"), f"{field}.sources")
    elif isinstance(item, QuestionsRef):
        if isinstance(item.questions, str):
            if item.questions not in library.question_sets and item.questions not in library.questions:
                _need(problems, "question set", item.questions, library.question_sets, item.where("questions"),
                      f"{field}.questions")
        else:
            for ident in item.questions:
                _need(problems, "question", ident, library.questions, item.where("questions"), f"{field}.questions")
        if item.draw is not None:
            _check_draw(library, item, field, problems)
    elif isinstance(item, GlossaryRef) and item.glossary != "all":
        for term in item.glossary:
            if term not in library.glossary:
                problems.add(item.where("glossary"), f"{field}.glossary: no glossary term '{term}'")


def pool_ids(library: Library, item: QuestionsRef) -> list[str]:
    """The known question ids a questions block names: its set's, or its list's."""
    named = item.questions
    ids = list(library.question_sets[named].questions) if isinstance(named, str) and named in library.question_sets \
        else [named] if isinstance(named, str) else list(named)
    return [i for i in ids if i in library.questions]


def _check_draw(library: Library, item: QuestionsRef, field: str, problems: ProblemList) -> None:
    """A draw takes no more than its pool holds, and the pool's questions carry equal marks (so every copy has
    the same total)."""
    assert item.draw is not None
    pool = pool_ids(library, item)
    if pool and item.draw > len(pool):
        problems.add(item.where("draw"), f"{field}.draw: {item.draw} is more than the {len(pool)} questions of "
                     "the pool to draw from")
    marks = {ident: library.questions[ident].total for ident in pool}
    if len(set(marks.values())) > 1:
        listed = ", ".join(f"'{ident}' {n} mark{'' if n == 1 else 's'}" for ident, n in marks.items())
        problems.add(item.where("questions"), f"{field}.questions: the questions of a draw must carry equal marks, "
                     f"so every copy has the same total ({listed})")


def _check_pools_apart(library: Library, problems: ProblemList) -> None:
    """A question in a draw's pool is in no other block: a copy could print it twice."""
    ws = library.worksheet
    contents = ws.contents if ws is not None else []
    blocks = [(i, item) for i, item in enumerate(contents) if isinstance(item, QuestionsRef)]
    for index, item in blocks:
        if item.draw is None:
            continue
        pool = set(pool_ids(library, item))
        for other, elsewhere in blocks:
            shared = sorted(pool & set(pool_ids(library, elsewhere))) if other != index else []
            if shared:
                problems.add(item.where("questions"), f"worksheet.contents[{index}].questions: question "
                             f"'{shared[0]}' is in this draw's pool and in worksheet.contents[{other}] too: a copy "
                             "could print it twice")
                break


def _check_text_references(library: Library, root: Path, problems: ProblemList) -> None:
    """Every {source:ID} and {question:ID} in any prose field must name a known item, and every picture
    shown in prose must be a printable file inside the root."""
    tables = {"source": library.sources, "question": library.questions}
    def check(text: str, loc: Loc, name: str) -> None:
        for match in REFERENCE.finditer(text):
            kind, ident = match.groups()
            if ident not in tables[kind]:
                problems.add(loc, f"{name}: no {kind} with id '{ident}' (in {match.group(0)})")

    for obj in _models(library):
        for name, value in obj.field_values():
            for text in (value if isinstance(value, (list, tuple)) else [value]):
                if isinstance(text, str):
                    check(text, obj.where(name), name)
                    if "![" in text:
                        check_figures(library, text, root, obj.where(name), name, problems)
    for term, (meaning, loc) in library.glossary.items():
        check(meaning, loc, f"glossary '{term}'")


def _models(library: Library) -> list[Model]:
    """Every model object reachable from the library (for text checks)."""
    found: list[Model] = []

    def walk(value: Any) -> None:
        if isinstance(value, Model):
            found.append(value)
            for _, child in value.field_values():
                walk(child)
        elif isinstance(value, (list, tuple)):
            for child in value:
                walk(child)

    if library.worksheet is not None:
        walk(library.worksheet)
    for table in (library.sections, library.sources, library.questions, library.question_sets):
        walk(list(table.values()))
    return found
