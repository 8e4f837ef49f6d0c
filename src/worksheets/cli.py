"""Stage 6: the `worksheets` command. Thin: each verb calls the stages, imported only when used."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn YAML worksheet specs into print-ready PDF handouts and mark schemes.",
)

EXIT_SPEC = 1
EXIT_INTERNAL = 70
PAPERS = ("A4", "letter")
TIERS = ("support", "core", "challenge")
STYLES = ("standard", "large-print", "dyslexia")


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
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback without --debug
        if debug:
            raise
        typer.echo(
            f"worksheets: internal error ({type(error).__name__}: {error}); please report it, "
            "with the spec, at the project's issue tracker (run again with --debug for details)",
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def _choices(values: list[str], allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    for value in values:
        if value not in allowed:
            raise typer.BadParameter(f"'{value}' is not one of: {', '.join(allowed)}", param_hint=option)
    return tuple(dict.fromkeys(values))


@app.command()
def build(
    specs: Annotated[list[Path], typer.Argument(help="Worksheet or booklet spec files (.yaml).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder; each spec gets a subfolder named after it.")] = Path("output"),
    root: Annotated[Optional[Path], typer.Option("--root", help="Files named in specs must lie inside this folder (default: the current folder).")] = None,
    tier: Annotated[Optional[list[str]], typer.Option("--tier", help="Build this tier (support, core, challenge) instead of the spec's list; repeatable.")] = None,
    style: Annotated[Optional[list[str]], typer.Option("--style", help="Build this style (standard, large-print, dyslexia) instead of the spec's list; repeatable.")] = None,
    variants: Annotated[Optional[int], typer.Option("--variants", min=1, max=26, help="Build N shuffled versions A, B, ...")] = None,
    class_list: Annotated[Optional[Path], typer.Option("--class-list", help="CSV with a 'name' column and optional 'tier' and 'style' columns: one personalised copy per student in one PDF, plus the mark schemes of the versions used.")] = None,
    no_mark_scheme: Annotated[bool, typer.Option("--no-mark-scheme", help="Do not build mark schemes.")] = False,
    paper: Annotated[Optional[str], typer.Option("--paper", help="Paper size: A4 or letter (overrides the spec).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if nothing changed since the last build.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    """Build the PDFs of each spec into OUT/<spec name>/."""
    from worksheets.build import Options
    from worksheets.build import build as run_build

    if paper is not None:
        paper = {"a4": "A4", "letter": "letter"}.get(paper.lower(), paper)
        _choices([paper], PAPERS, "--paper")
    options = Options(
        out=out, root=root, tiers=_choices(tier or [], TIERS, "--tier"), styles=_choices(style or [], STYLES, "--style"),
        variants=variants, mark_scheme=not no_mark_scheme, paper=paper, class_list=class_list, force=force,
    )
    results = _run(lambda: run_build(list(specs), options), debug)
    from worksheets.errors import display_path

    for path, written in results:
        typer.echo(f"{'wrote' if written else 'up to date:'} {display_path(path)}")


@app.command()
def check(
    specs: Annotated[list[Path], typer.Argument(help="Spec files to validate.")],
    root: Annotated[Optional[Path], typer.Option("--root", help="Files named in specs must lie inside this folder.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    """Validate specs and the banks they use; writes nothing."""
    from worksheets.build import Options, plan_all

    from worksheets.build import job_paths

    planned = _run(lambda: plan_all(list(specs), Options(root=root)), debug)
    count = sum(len(job_paths(job)) for _, jobs, _ in planned for job in jobs)
    typer.echo(f"ok: {len(specs)} spec{'s' if len(specs) != 1 else ''}, {count} PDF{'s' if count != 1 else ''} would be built")


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="Folder to create, e.g. 'cold-war'.")],
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    """Create a folder with a working example spec and content bank to start from."""
    from worksheets.scaffold import create

    folder = _run(lambda: create(Path(name)), debug)
    typer.echo(f"created {folder}/ ; build it with: worksheets build {folder}/{folder.name}.yaml")


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
