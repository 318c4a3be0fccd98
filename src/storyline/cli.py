"""The command line: a thin layer over ``storyline.pipeline``, ``storyline.store`` and
``storyline.web``. Exit status: 0 all inputs read, 1 some rejected, 2 usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from storyline.errors import StorylineError
from storyline.options import Options

FORMATS = click.Choice(["json", "md", "html"])


def _report_errors(errors: list[str]) -> int:
    for line in errors:
        click.echo(f"storyline: skipped {line}", err=True)
    return 1 if errors else 0


def _write(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"storyline: wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Cross-check many news reports of the same events into one cited brief."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--model", default=None, help="spaCy package or path (default: best installed).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def brief(paths: tuple[str, ...], fmt: str, out: str | None, model: str | None, quiet: bool) -> None:
    """Read articles (files, folders, globs, feeds, URLs; - for JSON Lines on stdin), group them
    into stories and write one brief per story."""
    from storyline.brief.render import to_json, to_markdown
    from storyline.pipeline import run

    progress = not quiet and sys.stderr.isatty()
    try:
        result = run(paths, Options(model=model, progress=progress))
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from None
    status = _report_errors(result.errors)
    if not result.articles:
        raise click.ClickException("no article could be read from the inputs given")
    if fmt == "json":
        _write(to_json(result) + "\n", out)
    elif fmt == "md":
        _write(to_markdown(result), out)
    else:
        from storyline.web.views import render_brief_html

        _write(render_brief_html(result), out)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
