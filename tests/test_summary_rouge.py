"""Quality gate: ROUGE-2 of story summaries against NeuS val human roundups.

Every NeuS val line (three outlets' articles) is built as one story through the library and its
summary, cut to 66 words, is scored against the roundup's ARTICLE part (title left out), with
Porter stemming (``storyline.brief.evaluate``). Measured 19.37 (lead-interleaved 16.68, LexRank
16.77; ``benchmarks/summary_rouge.py``, recorded in benchmarks/RESULTS.md).
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from storyline.brief.evaluate import lead_interleaved, read_roundups, rouge2
from storyline.nlp import annotate, load_model
from storyline.options import Options
from storyline.pipeline import build_story

#: Pinned floor, a little below the measured 19.35 (it had slipped to 19.00 when the summary read the
#: facts stage's looser groups; see storyline.brief.summary).
ROUGE2_FLOOR = 19.2
#: Storyline must beat the lead sentences of the articles interleaved by this much.
LEAD_MARGIN = 1.5


@pytest.mark.slow
def test_summary_rouge2_on_neus_val(shared_data: Path) -> None:
    folder = shared_data / "neus_roundups"
    roundups = read_roundups(folder / "val.source", folder / "val.target")
    docs = annotate([a for r in roundups for a in r.articles], load_model())
    by_id = {d.id: d for d in docs}
    ours, lead = [], []
    for r in roundups:
        story_docs = [by_id[a.id] for a in r.articles]
        summary = " ".join(line.text for line in build_story(story_docs, Options()).summary)
        ours.append(rouge2(summary, r.reference))
        lead.append(rouge2(lead_interleaved(story_docs), r.reference))
    score, baseline = statistics.mean(ours), statistics.mean(lead)
    assert score >= ROUGE2_FLOOR, f"summary ROUGE-2 {score:.2f} < {ROUGE2_FLOOR} on NeuS val"
    assert score >= baseline + LEAD_MARGIN, f"summary ROUGE-2 {score:.2f} vs lead-interleaved {baseline:.2f}"
