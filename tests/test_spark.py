"""The Spark engine in local mode gives the same stories and briefs as the local engine.

Real Spark (pyspark, local[2]) and the real CLI. Inputs mix what Spark reads itself (JSON Lines,
Parquet) with what the driver reads (plain text files), so both reading paths are covered.
Skips when pyspark or Java is missing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

from .conftest import EXAMPLE

pyspark = pytest.importorskip("pyspark")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (OpenJDK 17)")]

#: NeuS val triplets used when ../shared is present (three outlets on one event each).
TRIPLETS = 12


def _neus_records(shared: Path | None) -> list[dict[str, str]]:
    if shared is None or not (shared / "data" / "neus_roundups" / "val.source").exists():
        return []
    from storyline.evaluation import read_neus_triplets

    articles, _ = read_neus_triplets(shared / "data" / "neus_roundups" / "val.source")
    return [{"title": a.title or "", "text": a.text, "outlet": a.outlet or ""} for a in articles[: 3 * TRIPLETS]]


def _corpus(tmp: Path) -> list[str]:
    """Seeds as .txt (driver), half the NeuS triplets as JSON Lines and half as Parquet (Spark)."""
    import pandas as pd

    from .conftest import SHARED

    records = _neus_records(SHARED if SHARED.is_dir() else None)
    half = len(records) // 2
    lines = [json.dumps(r) for r in records[:half]] + ["{not json"]
    (tmp / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [str(EXAMPLE), str(tmp / "more.jsonl")]
    if records[half:]:
        pd.DataFrame(records[half:]).to_parquet(tmp / "rest.parquet")
        paths.append(str(tmp / "rest.parquet"))
    return paths


def _brief(args: list[str]) -> tuple[int, dict, str]:
    result = CliRunner(mix_stderr=False).invoke(main, ["brief", *args, "--format", "json", "--quiet"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_spark_local_mode_matches_local_engine(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    code_local, local, err_local = _brief(paths)
    code_spark, spark, err_spark = _brief([*paths, "--engine", "spark", "--master", "local[2]"])
    assert code_local == code_spark == 1  # the malformed line is rejected by both, the rest read
    assert "malformed JSON line" in err_local and "malformed JSON line" in err_spark
    assert [s["articles"] for s in spark["stories"]] == [s["articles"] for s in local["stories"]]
    assert [a["id"] for a in spark["articles"]] == [a["id"] for a in local["articles"]]
    for ours, theirs in zip(spark["stories"], local["stories"]):
        assert ours == theirs  # every section: summary, entities, timeline, claims, conflicts...


def test_spark_jsonl_output_builds_a_desk_store(tmp_path: Path) -> None:
    """--format jsonl: one complete brief a line; with --for-store, `storyline load` turns it into a
    store (the cluster's briefs kept, no second NLP pass) that `ingest` can extend."""
    out = tmp_path / "stories.jsonl"
    result = CliRunner(mix_stderr=False).invoke(
        main, ["brief", str(EXAMPLE), "--engine", "spark", "--master", "local[2]", "--format", "jsonl",
               "--for-store", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(doc["schema"] == "storyline.brief/1" and len(doc["stories"]) == 1 for doc in lines)
    for doc in lines:
        assert {a["id"] for a in doc["articles"]} == set(doc["stories"][0]["articles"])
        assert all(a["text"] and a["annotation"] for a in doc["articles"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**lines[0], "articles": [{"id": "x"}]}) + "\n{oops\n", encoding="utf-8")
    db = str(tmp_path / "desk.db")
    loaded = CliRunner(mix_stderr=False).invoke(main, ["load", str(out), str(bad), "--db", db])
    assert loaded.exit_code == 1
    assert "--for-store" in loaded.stderr and "malformed JSON line" in loaded.stderr
    from storyline.store import Store

    with Store(db, readonly=True) as store:
        assert store.article_count() == sum(len(doc["articles"]) for doc in lines)
        for doc in lines:
            story = doc["stories"][0]
            assert store.story_brief(story["id"])["claims"] == story["claims"]
    again = CliRunner(mix_stderr=False).invoke(main, ["load", str(out), "--db", db])
    assert again.exit_code == 0 and "0 added" in again.stderr


def test_master_without_spark_engine_is_a_usage_error() -> None:
    result = CliRunner(mix_stderr=False).invoke(main, ["brief", str(EXAMPLE), "--master", "local[2]"])
    assert result.exit_code == 2
    assert "--master goes with --engine spark" in result.stderr
