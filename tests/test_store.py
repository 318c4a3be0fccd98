"""The SQLite store: migrations, idempotent ingest, incremental stories, interrupted runs."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.errors import StoreError
from storyline.store import Store, ingest
from tests.conftest import EXAMPLE


def test_migrations_and_wal(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        assert store.version() >= 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db) as store:  # reopening runs no migration twice
        assert store.version() >= 1


def test_readonly_missing_store_is_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_reingest_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        first = ingest([str(EXAMPLE)], store)
        assert first.added == 5 and len(first.stories_touched) == 1
        second = ingest([str(EXAMPLE)], store)
        assert second.added == 0 and second.duplicates == 5
        copy = tmp_path / "copy.txt"
        copy.write_text((EXAMPLE / "000_afp.txt").read_text())
        third = ingest([str(copy)], store)  # same text from another place
        assert third.added == 0
        assert store.article_count() == 5


def test_incremental_batch_joins_existing_story(tmp_path: Path) -> None:
    files = sorted(EXAMPLE.glob("*.txt"))
    with Store(tmp_path / "s.db") as store:
        ingest([str(f) for f in files[:3]], store)
        ingest([str(f) for f in files[3:]], store)
        stories = store.stories()
        assert len(stories) == 1 and stories[0]["size"] == 5
        brief = store.story_brief(stories[0]["id"])
        assert brief and brief["id"] == stories[0]["id"] and len(brief["articles"]) == 5


def test_cli_ingest_and_stories(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner(mix_stderr=False)
    result = runner.invoke(main, ["ingest", str(EXAMPLE), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.stderr
    assert "5 added" in result.stderr
    listed = runner.invoke(main, ["stories", "--db", db, "--format", "json"])
    data = json.loads(listed.stdout)
    assert data["stories"][0]["size"] == 5 and data["stories"][0]["sources"] == 5
    md = runner.invoke(main, ["stories", "--db", db])
    assert "North Korean Diplomat" in md.stdout


def test_bad_input_keeps_stored_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner(mix_stderr=False)
    assert runner.invoke(main, ["ingest", str(EXAMPLE), "--db", db, "--quiet"]).exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "bin.txt").write_bytes(b"\x00\x00\x00")
    result = runner.invoke(main, ["ingest", str(bad), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "bin.txt" in result.stderr
    with Store(db, readonly=True) as store:
        assert store.article_count() == 5


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    for i in range(copies):
        for f in sorted(EXAMPLE.glob("*.txt")):
            (folder / f"{i:03d}_{f.name}").write_text(f.read_text() + f"\n\nUpdate {i}: reporting continues.\n")


def test_killed_ingest_completes_on_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 12)  # 60 distinct articles
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "storyline.cli", "ingest", str(corpus), "--db", str(db),
           "--batch-size", "4", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 8:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert 0 < stored < 60, "the kill should land mid-run"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert partial % 4 == 0, "a killed run keeps whole batches only"
        orphans = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)")
        assert orphans.fetchone()[0] == 0
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 60
        assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 60
        sizes = conn.execute("SELECT sum(size) FROM stories").fetchone()[0]
        assert sizes == 60


def test_store_brief_matches_one_shot_brief(tmp_path: Path, seed_brief: dict) -> None:
    """Regression: the timeline merge depended on article order, so the stored story (ordered by
    date) showed the November defection with 4 sources and the CLI brief with 5."""
    with Store(tmp_path / "s.db") as store:
        ingest([str(EXAMPLE)], store)
        stored = store.story_brief(store.stories()[0]["id"])
    assert stored is not None
    assert _events(stored) == _events(seed_brief["stories"][0])


def _events(story: dict) -> set:
    return {(t["date"], tuple(t["sources"])) for t in story["timeline"]}


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                  b'<rss><channel><item><description>&lol2;</description></item></channel></rss>')
HOSTILE = {
    "empty.txt": b"",
    "binary.bin": bytes(range(256)) * 4,
    "latin1.txt": ("Caf\u00e9 " * 40).encode("latin-1"),
    "bad.jsonl": b'{"text": "unterminated\n',
    "laughs.xml": BILLION_LAUGHS,
    "truncated.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A',
    "nothing.html": b"<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>",
}


def test_mixed_hostile_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in EXAMPLE.glob("*.txt"):
        (folder / f.name).write_text(f.read_text())
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "huge.txt").write_bytes(b"a" * 50_000_001)
    db = str(tmp_path / "s.db")
    result = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("storyline: skipped")]
    for name in [*HOSTILE, "huge.txt"]:
        assert any(name in line for line in skipped), (name, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    with Store(db, readonly=True) as store:
        assert store.article_count() == 5
