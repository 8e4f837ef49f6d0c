"""The `worksheets` command's entry point. For a build, the renderers start warming up on another
core (see renderers.py) before the command line is even parsed."""

import sys


def main() -> None:
    if sys.argv[1:2] == ["build"]:
        from worksheets.renderers import start_warming

        start_warming()
    from worksheets.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
