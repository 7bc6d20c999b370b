"""Where a build keeps what it writes besides the pages (all of .cache/ is safe to delete)."""

from __future__ import annotations

from pathlib import Path

MANIFEST = ".gloss-manifest.json"  # in output/: each file written, with its digest
CACHE = Path(".cache") / "build.pickle"  # the last `gloss build`'s memory (build.py)
STORE = CACHE.parent / "store"  # the big parts of that memory (builder/segments.py)
INPUTS_STAMP = CACHE.parent / "inputs.json"  # what each output's last build read (batch.py)
