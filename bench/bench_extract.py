"""`make bench-extract`: Gloss's extractor against trafilatura on ../shared/data/extract-dev.

Runs the benchmark's own scorer (evaluate.py) on the pasted-text and saved-HTML forms of
every page, and trafilatura alone on the same HTML pages in the same run, then prints a table.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "extract-dev"
PY = shlex.quote(sys.executable)
TRAFILATURA = (
    f'{PY} -c "import sys, trafilatura; '
    "print(trafilatura.extract(open(sys.argv[1], encoding='utf-8', errors='replace').read()) "
    "or '')\" {input}"
)
RUNS = {
    "Gloss, pasted text": ("text", f"{PY} -m builder extract --body-only {{input}}"),
    "Gloss, saved HTML": ("html", f"{PY} -m builder extract --body-only {{input}}"),
    "trafilatura alone, saved HTML": ("html", TRAFILATURA),
}


def score(mode: str, command: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [
                sys.executable,
                str(DATA / "evaluate.py"),
                "--mode",
                mode,
                "--cmd",
                command,
                "--json",
                out.name,
                "--n-bootstrap",
                "200",
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        result = json.loads(Path(out.name).read_text())
        seconds = [p["seconds"] or 0 for p in result["per_page"].values()]
        return {**result["summary"], "slowest": max(seconds, default=0)}


def main() -> int:
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 1
    print(f"{'extractor':32} {'precision':>9} {'recall':>7} {'F1':>6} {'failed':>6} {'slowest':>8}")
    for name, (mode, command) in RUNS.items():
        summary = score(mode, command)
        print(
            f"{name:32} {summary['precision']:9.3f} {summary['recall']:7.3f} "
            f"{summary['f1']:6.3f} {summary['failures']:6d} {summary['slowest']:7.2f}s"
        )
    agree = header_agreement()
    print(f"headlines: the pasted text's is the saved HTML's (its publisher's own, from the "
          f"page's metadata) on {agree['title'][0]} of {agree['title'][1]} pages")
    print(f"authors: the pasted text's agrees with the saved HTML's on {agree['author'][0]} "
          f"of the {agree['author'][1]} pages whose HTML names one")
    return 0


def header_agreement() -> dict[str, tuple[int, int]]:
    """On how many pages the headline (and the author) read from the pasted text is the one
    the saved HTML declares: the scorer counts body text only, and a wrong headline is what
    a reader sees first. An author agrees when one name holds the other (`Victor Tangermann,
    Futurism` and `Victor Tangermann`)."""
    sys.path.insert(0, str(ROOT))
    from builder.ingest.pipeline import extract

    def norm(text: str | None) -> str:
        return re.sub(r"\W+", " ", (text or "").casefold()).strip()

    pages = sorted((DATA / "html").glob("*.html"))
    titles = authors = named = 0
    for page in pages:
        pasted = (DATA / "text" / page.stem).with_suffix(".txt")
        html = extract(page.read_text(encoding="utf-8", errors="replace"), "html")
        text = extract(pasted.read_text(encoding="utf-8", errors="replace"), "text")
        titles += norm(html.title) == norm(text.title)
        if html.author:
            named += 1
            a, b = norm(html.author), norm(text.author)
            authors += bool(b) and (a in b or b in a)
    return {"title": (titles, len(pages)), "author": (authors, named)}


if __name__ == "__main__":
    raise SystemExit(main())
