"""Helpers the tests share: the project root and running the CLI as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


def run_gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m builder ARGS` in cwd."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )
