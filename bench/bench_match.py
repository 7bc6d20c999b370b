"""Glossary matching speed: 1,000 articles against a 2,000-entry glossary (target < 2 s).

Times compiling the matcher once and finding every mention in every article body;
medians of 5 runs.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.frontmatter import parse  # noqa: E402
from builder.glossary.load import load_glossary  # noqa: E402
from builder.glossary.match import Matcher  # noqa: E402
from builder.model import Entity  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "1000",
                        "--out", tmp], check=True)
        bodies = [parse(p.read_text(encoding="utf-8")).body
                  for p in sorted(Path(tmp, "articles").glob("*.md"))]
        text = Path(tmp, "glossary.yaml").read_text(encoding="utf-8")
    entities, _ = load_glossary(text, "glossary.yaml")
    rng = random.Random(3)
    syllables = "ka lo mi ne ru sa te vo zu an el or ip ba".split()
    while len(entities) < 2000:
        name = " ".join("".join(rng.sample(syllables, 3)).title() for _ in range(2))
        entities.append(Entity(name, f"x{len(entities)}", "person", aliases=(name.split()[1],)))
    words = sum(len(b.split()) for b in bodies)
    compile_times, find_times, found = [], [], 0
    for _ in range(5):
        started = time.perf_counter()
        matcher = Matcher(entities)
        compile_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        found = sum(len(matcher.find(body)) for body in bodies)
        find_times.append(time.perf_counter() - started)
    total = statistics.median(compile_times) + statistics.median(find_times)
    print(f"{len(bodies)} articles ({words:,} words), {len(entities)} entries: "
          f"compile {statistics.median(compile_times) * 1000:.0f} ms, "
          f"match {statistics.median(find_times):.2f} s, {found:,} mentions; "
          f"total {total:.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
