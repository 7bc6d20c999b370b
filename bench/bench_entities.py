"""Entity-suggestion benchmark: Gloss `suggest` against the capitalised-words baseline.

Runs the shared scorer (shared/data/ner-dev/evaluate.py: document-level entity-set
precision/recall/F1 on PER/LOC/ORG) twice in one go, once on `python -m builder suggest`
(with an empty content folder, so no glossary hides names) and once on the baseline
below, and prints both with the time each took; then how often Gloss's suggested type
(person, place, organization) is the gold one.

  python bench/bench_entities.py [--data ../shared/data/ner-dev] [--limit N]

The baseline is the one the data's README quotes: runs of capitalised words, with a
sentence-initial stop word removed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# shared/ lies beside the repository (or beside the folder of a git worktree)
DEFAULT_DATA = next(
    (
        p / "shared" / "data" / "ner-dev"
        for p in ROOT.parents
        if (p / "shared" / "data" / "ner-dev").is_dir()
    ),
    ROOT.parent / "shared" / "data" / "ner-dev",
)
_STOP = frozenset(
    re.split(
        r"\s+",
        "a an the this that these those in on at by for from to of with and or but if when "
        "while after before as it he she they we i his her their its our there here what who "
        "how why however meanwhile also then so",
    )
)
_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:\s+[A-Z][\w'’.&-]*)*")


def baseline(text: str) -> list[dict]:
    """Capitalised-word runs, a leading sentence-initial stop word dropped."""
    names: dict[str, None] = {}
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            for m in _CAP_RUN.finditer(sentence):
                words = m.group().rstrip(".").split()
                if m.start() == 0 and words and words[0].casefold() in _STOP:
                    words = words[1:]
                if words:
                    names[" ".join(words)] = None
    return [{"name": n, "aliases": []} for n in names]


def score(cmd: str, data: Path, limit: int | None) -> tuple[str, float]:
    args = [sys.executable, str(data / "evaluate.py"), "--cmd", cmd, "--data", str(data)]
    if limit:
        args += ["--limit", str(limit)]
    start = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return out.strip(), time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--baseline-doc", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.baseline_doc:  # the scorer calls us back for the baseline's suggestions
        print(json.dumps(baseline(a.baseline_doc.read_text(encoding="utf-8"))))
        return 0
    if not (a.data / "evaluate.py").exists():
        print(f"bench-entities: no scorer at {a.data}; pass --data", file=sys.stderr)
        return 2
    py = sys.executable
    with tempfile.TemporaryDirectory() as empty:
        runs = {
            "gloss": f"{py} -m builder --content {empty} suggest --json {{input}}",
            "baseline (capitalised words)": f"{py} {Path(__file__).resolve()} --baseline-doc "
            "{input}",
        }
        for label, cmd in runs.items():
            text, seconds = score(cmd, a.data, a.limit)
            print(f"== {label}  ({seconds:.1f}s)\n{text}\n")
    right, total = type_accuracy(a.data, a.limit)
    print(f"== gloss types: of the suggestions named as a gold PER/LOC/ORG mention, "
          f"{right} of {total} have its type ({right / max(total, 1):.3f}; "
          "person/place/organization)")
    return 0


_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}


def type_accuracy(data: Path, limit: int | None) -> tuple[int, int]:
    """How many suggestions whose name is a gold mention's get that mention's type (the
    scorer above counts names only; a glossary entry also needs its type right)."""
    from builder.glossary.suggest import suggest_entities

    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    right = total = 0
    for doc in sorted(gold)[:limit]:
        types: dict[str, str] = {}
        for m in gold[doc]:
            types.setdefault(m["text"].casefold(), m["type"])
        text = (data / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        for s in suggest_entities([text], set()):
            kind = types.get(s.name.casefold())
            if kind in _TYPES:
                total += 1
                right += _TYPES[kind] == s.type
    return right, total


if __name__ == "__main__":
    sys.exit(main())
