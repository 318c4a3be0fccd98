"""Same input, same output: the brief of a multi-story corpus, through the real CLI in a
subprocess, must be byte-identical under different PYTHONHASHSEED values.

The corpus is the bundled seed story plus a second story written here (three short reports of
a dock strike, with two men named equally often before "he said" so a tie must be broken); with
../shared present, a few NeuS val triplets are added as plain-text files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT, SHARED

STRIKE = {
    "strike_a.txt": """Dock workers walk out at Port Valdera

VALDERA, March 3 (Harbour Wire) - Dock workers at Port Valdera walked out on Monday after talks
over night-shift pay collapsed, union leader Marco Ferrante said.

Ferrante met port director Luca Benetti for six hours on Sunday. Benetti and Ferrante left
without a statement.

"We will stay out until the night shift is paid like the day shift," he said.

"The port cannot afford a settlement that doubles the wage bill," Benetti told reporters,
adding that 40 ships were waiting offshore.
""",
    "strike_b.txt": """Valdera port strike strands 40 ships

A strike by dock workers at Port Valdera left 40 ships waiting offshore on Monday, the port
authority said.

"Nobody wants this strike, but nobody listened to us for a year," union leader Marco Ferrante
said. According to the port authority, about 1,200 workers joined the walkout.

Port director Luca Benetti said the union's demand "would double the wage bill overnight." A
spokeswoman for Benetti, Giulia Russo, said: "The director remains open to talks."
""",
    "strike_c.txt": """Talks to end Valdera dock strike to resume Wednesday

Talks between the dock workers' union and Port Valdera management will resume on Wednesday,
two days after about 1,200 workers walked out over night-shift pay.

Benetti and Ferrante spoke by phone on Tuesday. "It was a useful call," he said. "We are
closer than we were on Sunday."

The strike has stranded 40 ships, the port authority said.
""",
}
NEUS_TRIPLETS = 4


def _corpus(folder: Path) -> Path:
    for path in sorted(EXAMPLE.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for name, text in STRIKE.items():
        (folder / name).write_text(text, encoding="utf-8")
    neus = SHARED / "data" / "neus_roundups" / "val.source"
    if neus.is_file():
        from storyline.evaluation import read_neus_triplets

        articles, gold = read_neus_triplets(neus)
        for i, article in enumerate(a for a in articles if gold[a.id] < NEUS_TRIPLETS):
            (folder / f"neus_{i:02d}.txt").write_text(f"{article.title or ''}\n\n{article.text}\n",
                                                      encoding="utf-8")
    return folder


def _brief(folder: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed,
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "storyline.cli", "brief", str(folder), "--format", "json",
                             "--quiet"], capture_output=True, env=env, check=True, timeout=900)
    return result.stdout


def test_brief_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    first = _brief(folder, "0")
    second = _brief(folder, "1")  # 0 and 1 gave different briefs before the tie fixes
    assert first, "the brief is empty"
    assert b'"stories"' in first
    assert first == second, "the brief changed with PYTHONHASHSEED (a tie broken in set or dict order)"
