"""Plain trafilatura on one saved page: the baseline Gloss's HTML reader must beat."""

from __future__ import annotations

import sys
from pathlib import Path

import trafilatura


def main(path: str) -> int:
    html = Path(path).read_text(encoding="utf-8", errors="replace")
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(trafilatura.extract(html) or "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
