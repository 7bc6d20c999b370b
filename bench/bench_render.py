"""Article body rendering: CPU per article for Markdown, glossary annotation and nh3.

Renders the bodies of 1,000 generated articles (or of --content DIR) as a build worker
does; prints CPU ms per article, medians of 5 passes (--passes). Annotation is the
difference between rendering with and without the annotator, taken within each pass (the
two run one after the other) so that a shared machine's drift cancels out; nh3 is timed
on its own.
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
    sanitise = markdown.sanitise
    markdown.sanitise = lambda html: html  # timed on its own below
    try:
        plain, annotated = markdown.BodyRenderer(None), markdown.BodyRenderer(annotator)
        html = [annotated.render(body).html for body in bodies]
        pairs = [(cpu_ms_once(bodies, plain.render), cpu_ms_once(bodies, annotated.render))
                 for _ in range(args.passes)]
    finally:
        markdown.sanitise = sanitise
    nh3 = cpu_ms(html, sanitise, args.passes)
    md = statistics.median(plain for plain, _ in pairs)
    annotation = statistics.median(both - plain for plain, both in pairs)
    print(f"{len(bodies)} articles, CPU ms per article (medians of {args.passes}): "
          f"Markdown {md:.2f}, annotation {annotation:.2f}, nh3 {nh3:.2f}; "
          f"total {md + annotation + nh3:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
