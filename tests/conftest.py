from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_brief() -> dict:
    """The JSON brief of the bundled five-outlet story, through the real CLI."""
    from click.testing import CliRunner

    from storyline.cli import main

    result = CliRunner(mix_stderr=False).invoke(main, ["brief", str(EXAMPLE), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path
