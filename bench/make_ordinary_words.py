"""Make builder/glossary/data/ordinary_words.txt.gz from SCOWL's American English list.

  apt-get install wamerican && python bench/make_ordinary_words.py

Ordinary words are those the list has only in lower case: `angry`, `shipments`, `net`;
not `bush` or `park`, which it also has capitalised (Bush, Park), nor `london`. Entity
suggestions read them to tell a word capitalised by its place (a sentence or table row
start) from a name. SCOWL's licence is beside the output (SCOWL-LICENSE).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

SOURCE = Path("/usr/share/dict/american-english")
TARGET = Path(__file__).resolve().parent.parent / "builder/glossary/data/ordinary_words.txt.gz"


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: apt-get install wamerican", file=sys.stderr)
        return 1
    words = [w for w in SOURCE.read_text(encoding="utf-8").split() if not w.endswith("'s")]
    capitalised = {w.casefold() for w in words if w[:1].isupper()}
    ordinary = sorted({w for w in words if w.islower()} - capitalised)
    # mtime=0: the same list gives the same bytes
    TARGET.write_bytes(gzip.compress("\n".join(ordinary).encode() + b"\n", 9, mtime=0))
    print(f"{len(ordinary)} words -> {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
