"""The `worksheets` command. Thin: each verb calls app/ (and the stages), imported only when used."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from worksheets.vocab import PAPERS, STYLES, TIERS

if TYPE_CHECKING:
    from worksheets.app.jobs import Options

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn YAML worksheet specs into print-ready PDF handouts and mark schemes.",
)

# options shared by several commands
PortOption = Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1; 0 picks a free one.")]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder; each spec gets a subfolder named after it.")]
RootOption = Annotated[Path | None, typer.Option(
    "--root", help="Files named in specs must lie inside this folder (default: the current folder).")]
TierOption = Annotated[list[str] | None, typer.Option(
    "--tier", help=f"Build this tier ({', '.join(TIERS)}) instead of the spec's list; repeatable.")]
StyleOption = Annotated[list[str] | None, typer.Option(
    "--style", help=f"Build this style ({', '.join(STYLES)}) instead of the spec's list; repeatable.")]
VariantsOption = Annotated[int | None, typer.Option(
    "--variants", min=1, max=26, help="Build N shuffled versions A, B, ...")]
NoMarkSchemeOption = Annotated[bool, typer.Option("--no-mark-scheme", help="Do not build mark schemes.")]
PaperOption = Annotated[str | None, typer.Option(
    "--paper", help=f"Paper size: {' or '.join(PAPERS)} (overrides the spec).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")]

EXIT_SPEC = 1
EXIT_INTERNAL = 70


def _fail(problems: list[object]) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(EXIT_SPEC)


def _run(action, debug: bool):  # type: ignore[no-untyped-def]
    """Run a stage: spec problems become their lines; a bug becomes one line asking for a report."""
    from worksheets.errors import SpecError

    try:
        return action()
    except SpecError as error:
        _fail(list(error.problems))
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as error:  # the promise is: no traceback without --debug
        if debug:
            raise
        from worksheets.errors import shown

        typer.echo(
            shown(f"worksheets: internal error ({type(error).__name__}: {error}); please report it, "
                  "with the spec, at the project's issue tracker (run again with --debug for details)"),
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL) from None


class _progress_bar:  # used as a context manager, like a function
    """A rich progress bar on a terminal when there are several documents to render; nothing otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if total < 3:
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()
            self.task = self.bar.add_task("rendering", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _choices(values: list[str], allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    for value in values:
        if value not in allowed:
            raise typer.BadParameter(f"'{value}' is not one of: {', '.join(allowed)}", param_hint=option)
    return tuple(dict.fromkeys(values))


@app.command()
def build(
    specs: Annotated[list[Path], typer.Argument(help="Worksheet or booklet spec files (.yaml).")],
    out: OutOption = Path("output"),
    root: RootOption = None,
    tier: TierOption = None,
    style: StyleOption = None,
    variants: VariantsOption = None,
    class_list: Annotated[Path | None, typer.Option("--class-list", help=(
        "CSV with a 'name' column and optional 'tier', 'style' and 'class' columns: one personalised copy per "
        "student in one PDF, plus the mark schemes of the versions used (with per_student: each student's own "
        "copy, their answer keys and a JSON record)."))] = None,
    no_mark_scheme: NoMarkSchemeOption = False,
    paper: PaperOption = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0, max=2**31, help=(
        "Draw, shuffle and pick random values with this seed instead of the spec's: a retake paper."))] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Rebuild even if nothing changed since the last build.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print only problems: no progress bar, no file list.")] = False,
    debug: DebugOption = False,
) -> None:
    """Build the PDFs of each spec into OUT/<spec name>/."""
    import dataclasses

    from worksheets.app.build import build as run_build

    options = dataclasses.replace(_build_options(out, root, tier, style, variants, no_mark_scheme, paper),
                                  class_list=class_list, force=force, seed=seed)
    removed: list[Path] = []
    with _progress_bar(quiet) as progress:
        results = _run(lambda: run_build(list(specs), options, progress, removed), debug)
    from worksheets.errors import display_path, shown

    if not quiet:
        for path, written in results:
            typer.echo(f"{'wrote' if written else 'up to date:'} {shown(display_path(path))}")
        for path in removed:
            typer.echo(f"removed {shown(display_path(path))} (the spec no longer makes it)")


@app.command()
def check(
    specs: Annotated[list[Path], typer.Argument(help="Spec files to validate.")],
    root: RootOption = None,
    debug: DebugOption = False,
) -> None:
    """Validate specs and the banks they use; writes nothing. Warnings (a picture without alt text) are
    printed as FILE:LINE:COLUMN lines too, but do not fail the check."""
    from worksheets.app.build import Options, job_paths, plan_all
    from worksheets.app.manifest import checked
    from worksheets.errors import Problem

    options = Options(root=root, check_only=True)
    known = [checked(spec, options) for spec in specs]  # built from these very files: nothing new to find
    made = [path for found in known if found for path in found[0]]
    if all(found is not None for found in known) and len(set(made)) == len(made):  # else: which would overwrite
        notes = list(dict.fromkeys(note for found in known if found for note in found[1]))
        count = len(made)
    else:
        found: dict[Path, list[Problem]] = {}
        planned = _run(lambda: plan_all(list(specs), options, found), debug)
        notes = list(dict.fromkeys(str(note) for spec_notes in found.values() for note in spec_notes))
        count = sum(len(job_paths(job)) for _, jobs, _ in planned for job in jobs)
    for note in notes:
        typer.echo(f"warning: {note}", err=True)
    typer.echo(f"ok: {len(specs)} spec{'s' if len(specs) != 1 else ''}, "
               f"{count} PDF{'s' if count != 1 else ''} would be built")


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="Folder to create, e.g. 'cold-war'.")],
    template: Annotated[str, typer.Option(
        "--template",
        help="Starting point: history-sources, science-recall, maths, science, primary or blank.")] = "history-sources",
    debug: DebugOption = False,
) -> None:
    """Create a folder with a working, commented spec and content bank to start from."""
    from worksheets.app.new import create

    folder = _run(lambda: create(Path(name), template), debug)
    typer.echo(f"created {folder}/ ; build it with: worksheets build {folder}/{folder.name}.yaml")


@app.command()
def schema() -> None:
    """Print the JSON Schema of worksheet, booklet and bank specs (for editors' autocompletion)."""
    from worksheets.spec.schema import dumps

    typer.echo(dumps())


@app.command()
def preview(
    spec: Annotated[Path, typer.Argument(help="A worksheet or booklet spec.")],
    out: OutOption = Path("output"),
    page: Annotated[list[int] | None, typer.Option(
        "--page", help="Page to render (from 1); repeatable. Default: all.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="student or markscheme (default: both).")] = None,
    root: RootOption = None,
    debug: DebugOption = False,
) -> None:
    """Build (if needed) and write PNG thumbnails of the pages beside the PDFs."""
    from worksheets.app.build import Options
    from worksheets.app.build import build as run_build
    from worksheets.app.preview import thumbnails
    from worksheets.errors import display_path, shown

    if role is not None and role not in ("student", "markscheme"):
        raise typer.BadParameter("use student or markscheme", param_hint="--role")
    results = _run(lambda: run_build([spec], Options(out=out, root=root)), debug)
    pdfs = [path for path, _ in results if _previewable(path) and (role is None or path.stem.endswith(f"-{role}"))]
    for pdf in pdfs:
        for image in _run(lambda pdf=pdf: thumbnails(pdf, page), debug):
            typer.echo(f"wrote {shown(display_path(image))}")


def _previewable(path: Path) -> bool:
    """Whether the output's format has pages to show as thumbnails."""
    from worksheets.writers import format_of

    fmt = format_of(path)
    return fmt is not None and fmt.preview


def _build_options(out: Path, root: Path | None, tier: list[str] | None, style: list[str] | None,
                   variants: int | None, no_mark_scheme: bool, paper: str | None) -> Options:
    from worksheets.app.build import Options

    if paper is not None:
        paper = {p.lower(): p for p in PAPERS}.get(paper.lower(), paper)
        _choices([paper], PAPERS, "--paper")
    return Options(out=out, root=root, tiers=_choices(tier or [], TIERS, "--tier"),
                   styles=_choices(style or [], STYLES, "--style"), variants=variants, mark_scheme=not no_mark_scheme,
                   paper=paper)


def _print_state(state) -> None:  # type: ignore[no-untyped-def]
    from worksheets.errors import display_path

    if state.ok:
        typer.echo(f"build {state.number}: ok in {state.seconds:.2f} s ({len(state.outputs)} PDFs in "
                   f"{display_path(state.outputs[0].parent) if state.outputs else '-'})")
    else:
        typer.echo(f"build {state.number}: {len(state.problems)} problem(s); the last good PDFs are kept", err=True)
        for line in state.problems:
            typer.echo(line, err=True)


@app.command()
def watch(
    specs: Annotated[list[Path], typer.Argument(help="Worksheet or booklet spec files.")],
    out: OutOption = Path("output"),
    root: RootOption = None,
    tier: TierOption = None,
    style: StyleOption = None,
    variants: VariantsOption = None,
    no_mark_scheme: NoMarkSchemeOption = False,
    paper: PaperOption = None,
) -> None:
    """Rebuild whenever a spec, a bank or an image changes (Ctrl-C to stop)."""
    from worksheets.app.watch import watch as run_watch

    options = _build_options(out, root, tier, style, variants, no_mark_scheme, paper)
    typer.echo("watching for changes; Ctrl-C to stop")
    run_watch(list(specs), options, _print_state)


@app.command()
def serve(
    spec: Annotated[Path, typer.Argument(help="A worksheet or booklet spec.")],
    out: OutOption = Path("output"),
    port: PortOption = 8000,
    root: RootOption = None,
    tier: TierOption = None,
    style: StyleOption = None,
    edit: Annotated[bool, typer.Option("--edit", help="Edit the spec and its banks in the page (see `edit`).")] = False,
) -> None:
    """Show the pages of the latest build in a browser, reloading after every rebuild."""
    _serve(spec, _build_options(out, root, tier, style, None, False, None), port, edit)


@app.command()
def edit(
    spec: Annotated[Path, typer.Argument(help="A worksheet or booklet spec.")],
    out: OutOption = Path("output"),
    port: PortOption = 8000,
    root: RootOption = None,
    tier: TierOption = None,
    style: StyleOption = None,
) -> None:
    """Edit the spec and its banks in a browser page beside their pages: save to rebuild (same as serve --edit)."""
    _serve(spec, _build_options(out, root, tier, style, None, False, None), port, True)


def _serve(spec: Path, options: Options, port: int, editing: bool) -> None:
    """Serve the pages (and with `editing` the editor) while rebuilding on every change, until Ctrl-C."""
    from worksheets.app.edit import Editor, builder
    from worksheets.app.preview import prune, refresh
    from worksheets.app.serve import make_server, serve_in_background, warm
    from worksheets.app.watch import State, rebuild
    from worksheets.app.watch import watch as run_watch

    if editing:  # the editor opens the spec: it must be a file (serve waits for one to appear)
        from worksheets.errors import Loc, Problem, display_path
        from worksheets.spec.files import MISSING, file_problem

        trouble = file_problem(spec)
        if trouble is not None:
            reason = "no such file (`worksheets new NAME` makes a spec to start from)" if trouble == MISSING else \
                f"cannot be edited: it is {trouble}"
            _fail([Problem(Loc(display_path(spec)), reason)])
    state = State()

    def prepare(outputs) -> None:  # type: ignore[no-untyped-def]
        for pdf in filter(_previewable, outputs):
            # the editor's page asks for the pages it shows, drawn then (serve.page_image): only drop the old ones
            (prune if editing else refresh)(pdf)

    editor = None
    if editing:
        editor = Editor(spec, options, state)
        editor.after_save = builder(lambda: rebuild([spec], options, state, _print_state, prepare),
                                    lambda line: typer.echo(line, err=True))
    try:
        server = make_server(state, spec.stem, options.out, port, editor)
    except OSError as error:  # the port is taken (8000 often is), or not ours to use
        typer.echo(f"worksheets: cannot listen on 127.0.0.1:{port}: {error.strerror} (--port 0 picks a free one)",
                   err=True)
        raise typer.Exit(1) from None
    warm(editing)
    serve_in_background(server)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    typer.echo(f"{'editing' if editor else 'serving'} {address}{f'?token={editor.token}' if editor else ''} ; "
               "Ctrl-C to stop")
    try:
        run_watch([spec], options, _print_state, state=state, prepare=prepare)
    finally:
        server.shutdown()


from worksheets.cli import loop  # noqa: E402, F401 - registers export, import, report and mark on `app`


def _terminate(signum: int, frame: object) -> None:
    """A polite kill (SIGTERM) unwinds like Ctrl-C, so temporary files are removed."""
    raise KeyboardInterrupt


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app(prog_name="worksheets")
    except KeyboardInterrupt:
        typer.echo("worksheets: interrupted; nothing was left half-written", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
