"""The command line: a thin layer over ``storyline.pipeline``, ``storyline.store`` and
``storyline.web``. Exit status: 0 all inputs read, 1 some rejected, 2 usage error."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from storyline.errors import StorylineError
from storyline.options import Options

FORMATS = click.Choice(["json", "jsonl", "md", "html"])


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
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True,
              help="jsonl: one story per line, each line a complete brief with its articles.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--model", default=None, help="spaCy package or path (default: best installed).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: compute the same brief on Apache Spark (pip install 'storyline[spark]').")
@click.option("--master", default=None, help="Spark master URL with --engine spark (default local[*]).")
@click.option("--for-store", is_flag=True,
              help="With --engine spark: keep each article's text and annotation in the output, "
                   "for 'storyline load' to build a desk store from it.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def brief(paths: tuple[str, ...], fmt: str, out: str | None, model: str | None, engine: str,
          master: str | None, for_store: bool, quiet: bool) -> None:
    """Read articles (files, folders, globs, feeds, URLs; - for JSON Lines on stdin), group them
    into stories and write one brief per story."""
    from storyline.brief.render import brief_dict, to_json, to_json_lines, to_markdown

    if (master or for_store) and engine != "spark":
        raise click.UsageError(f"{'--master' if master else '--for-store'} goes with --engine spark")
    if engine == "spark" and fmt == "html":
        raise click.UsageError("--engine spark writes json, jsonl or md; for HTML pages use --engine local, "
                               "or ingest the articles and open them with 'storyline serve'")
    progress = not quiet and sys.stderr.isatty()
    options = Options(model=model, progress=progress)
    try:
        if engine == "spark":
            from storyline.spark import run_spark

            result = run_spark(paths, options, master, for_store)
            data, errors = result.as_dict(), result.errors
        else:
            from storyline.pipeline import run

            local = run(paths, options)
            data, errors = brief_dict(local), local.errors
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from None
    status = _report_errors(errors)
    if not data["articles"]:
        raise click.ClickException("no article could be read from the inputs given")
    if fmt == "json":
        _write(to_json(data) + "\n", out)
    elif fmt == "jsonl":
        _write(to_json_lines(data), out)
    elif fmt == "md":
        _write(to_markdown(data), out)
    else:
        from storyline.web.views import render_brief_html

        _write(render_brief_html(local), out)
    sys.exit(status)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="storyline.db", show_default=True, help="The SQLite store.")
@click.option("--model", default=None, help="spaCy package or path (default: best installed).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per transaction (what an interrupted run can lose).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: str, model: str | None, batch_size: int, quiet: bool) -> None:
    """Add articles to the store, grouping them into stories (re-ingesting changes nothing)."""
    from storyline.store import ingest as ingest_into

    progress = not quiet and sys.stderr.isatty()
    _into_store(db, "updated", lambda store: ingest_into(paths, store, Options(model=model, progress=progress),
                                                         batch_size))


def _into_store(db: str, verb: str, add: Callable[[Any], Any]) -> None:
    """Open the store, add to it with ``add(store)`` (an ``IngestReport``), report, exit 0 or 1."""
    from storyline.store import Store

    try:
        with Store(db) as store:
            report = add(store)
            total = store.article_count()
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from None
    status = _report_errors(report.errors)
    click.echo(f"storyline: {report.added} added, {report.duplicates} already stored, "
               f"{len(report.errors)} rejected; {len(report.stories_touched)} stories {verb}; "
               f"{total} articles in {db}", err=True)
    sys.exit(status)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="storyline.db", show_default=True, help="The SQLite store.")
def load(paths: tuple[str, ...], db: str) -> None:
    """Build or extend a store from briefs computed on Spark (--format jsonl --for-store): no
    second NLP pass; later 'ingest' runs keep adding to it."""
    from storyline.store.load import load as load_into

    _into_store(db, "loaded", lambda store: load_into(paths, store))


@main.command()
@click.option("--db", default="storyline.db", show_default=True, help="The SQLite store.")
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="md", show_default=True)
def stories(db: str, fmt: str) -> None:
    """List the stories in the store, newest and biggest first."""
    import json

    from storyline.store import Store

    try:
        with Store(db, readonly=True) as store:
            rows = store.stories()
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({"stories": rows}, ensure_ascii=False, indent=2))
        return
    for r in rows:
        span = " .. ".join(sorted({r["first_published"] or "?", r["last_published"] or "?"}))
        follows = f"  (thread {r['thread']})" if r.get("thread") and r["thread"] != r["id"] else ""
        click.echo(f"{r['id']}  {r['size']:>4} articles  {r['sources']:>3} sources  {span}  {r['headline']}{follows}")


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", default="storyline.db", show_default=True, help="The SQLite store.")
@click.option("--interval", default=300.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds between polls (with 10% jitter).")
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--model", default=None, help="spaCy package or path (default: best installed).")
def watch(feeds: tuple[str, ...], db: str, interval: float, once: bool, model: str | None) -> None:
    """Follow RSS/Atom feeds (URLs or files): poll each with a conditional GET, fetch each new
    item's page when the feed holds no full text, and ingest what is new. SIGTERM or Ctrl-C
    stops cleanly between batches."""
    from storyline.store import Store
    from storyline.watch import stop_on_signals
    from storyline.watch import watch as follow

    def log(line: str) -> None:
        click.echo(f"storyline: {line}", err=True)

    with stop_on_signals() as stop:
        try:
            with Store(db) as store:
                log(f"watching {len(set(feeds))} feeds into {db}" + ("" if once else " (Ctrl+C to stop)"))
                rejected = follow(store, list(feeds), Options(model=model), interval, once, stop, log)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from None
    if stop.is_set():
        log("stopped")
    sys.exit(1 if once and rejected else 0)


@main.command()
@click.option("--db", default="storyline.db", show_default=True,
              help="The SQLite store (served read-only; an older store is upgraded once at start).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; loopback by default.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--verbose", is_flag=True, help="Log every request.")
def serve(db: str, host: str, port: int, verbose: bool) -> None:
    """The local web UI: story list, story pages, articles; every page has a .json twin."""
    from storyline.web.app import make_server

    try:
        server = make_server(db, host, port, verbose)
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    address = f"http://{host}:{server.server_address[1]}/"
    click.echo(f"storyline: serving {db} at {address} (Ctrl+C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("storyline: stopped", err=True)
    finally:
        server.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
