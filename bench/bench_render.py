"""Article body rendering: CPU per article for Markdown, glossary annotation and nh3.

Renders the bodies of 1,000 generated articles (or of --content DIR) as a build worker
does, one step at a time: Markdown to HTML (pyromark), sanitising (nh3), then annotating
the clean HTML; prints CPU ms per article of each, medians of 5 passes (--passes).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import builder.render.markdown as markdown  # noqa: E402
from builder.frontmatter import parse  # noqa: E402
from builder.glossary.annotate import Annotator  # noqa: E402
from builder.glossary.load import load_glossary  # noqa: E402
from builder.glossary.match import Matcher  # noqa: E402
from builder.render.pages import article_path, entity_path  # noqa: E402
from builder.render.templates import root_of  # noqa: E402


def load(content: Path) -> tuple[list[str], Annotator]:
    bodies = [parse(p.read_text(encoding="utf-8")).body
              for p in sorted(Path(content, "articles").glob("*.md"))]
    entities, _ = load_glossary(Path(content, "glossary.yaml").read_text(encoding="utf-8"),
                                "glossary.yaml")
    root = root_of(article_path("x"))  # as the build links from an article page
    urls = {e.slug: root + entity_path(e.slug) for e in entities}
    return bodies, Annotator(Matcher(entities), urls)


def cpu_ms_once(items: list[str], fn: Callable[[str], object]) -> float:
    """CPU ms per item of one pass."""
    started = time.process_time()
    for item in items:
        fn(item)
    return (time.process_time() - started) * 1000 / len(items)


def cpu_ms(items: list[str], fn: Callable[[str], object], passes: int) -> float:
    """Median over passes of CPU ms per item."""
    return statistics.median(cpu_ms_once(items, fn) for _ in range(passes))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--content", type=Path, help="a content folder (default: generate 1,000)")
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args()
    if args.content:
        bodies, annotator = load(args.content)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "1000",
                            "--out", tmp], check=True, stdout=subprocess.DEVNULL)
            bodies, annotator = load(Path(tmp))
    html = [markdown.to_html(body) for body in bodies]
    clean = [markdown.sanitise(page) for page in html]
    md = cpu_ms(bodies, markdown.to_html, args.passes)
    nh3 = cpu_ms(html, markdown.sanitise, args.passes)
    annotation = cpu_ms(clean, annotator.annotate, args.passes)
    print(f"{len(bodies)} articles, CPU ms per article (medians of {args.passes}): "
          f"Markdown {md:.2f}, annotation {annotation:.2f}, nh3 {nh3:.2f}; "
          f"total {md + annotation + nh3:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
