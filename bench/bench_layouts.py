"""The pasted-text cleaner on pages in other sites' layouts (bench/layouts/, see its README).

For each page: is the headline, author and date the expected one, how many of the body's
paragraphs were kept, and how many lines that are not the article's were left in. The
extraction benchmark (bench_extract.py) scores bodies only, on 88 real pages; these pages
check the headline block on layouts it does not have.

    python bench/bench_layouts.py [-v] [--dir FOLDER]

--dir scores another folder of pages written the same way (NAME.txt beside NAME.json); the
pages of its subfolders (further sets) are scored too, each set summed apart, then all.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.ingest.pipeline import extract  # noqa: E402

PAGES = ROOT / "bench" / "layouts"


def norm(text: str | None) -> str:
    """Compared as read: case, spacing, quote marks and accents' forms aside."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split())


def names(author: str | None) -> set[str]:
    return {p for p in re.split(r"\s*(?:,|\band\b|&)\s*", norm(author)) if p}


def author_verdict(expected: str | None, got: str | None) -> str:
    want, have = names(expected), names(got)
    if want == have:
        return "ok"
    if want and have and all(any(w in h or h in w for h in have) for w in want):
        return "partial"
    return "WRONG"


def score(page: Path) -> dict:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    got = extract(page.read_text(encoding="utf-8"), "text")
    titles = {norm(t) for t in [expected["title"], *expected.get("title_alternatives", [])]}
    body = [norm(b.text) for b in got.blocks]
    want = [norm(p) for p in expected["body_paragraphs"]]
    optional = {norm(p) for p in expected.get("optional_paragraphs", [])}
    return {
        "page": page.stem,
        "title": "ok" if norm(got.title) in titles else "WRONG",
        "author": author_verdict(expected["author"], got.author),
        "date": "ok" if (got.date or "")[:10] == (expected["date"] or "") else "WRONG",
        "expected": len([p for p in want if p not in optional]),
        "kept": len([p for p in want if p in body and p not in optional]),
        "leaked": [b.text for b, n in zip(got.blocks, body, strict=True)
                   if n not in want and n not in optional],
        "got": {"title": got.title, "author": got.author, "date": got.date},
    }


def summary(results: list[dict]) -> str:
    count = lambda field, value="ok": sum(r[field] == value for r in results)  # noqa: E731
    return (f"headline {count('title')} of {len(results)}, author {count('author')} "
            f"(+{count('author', 'partial')} in part), date {count('date')}; body paragraphs "
            f"kept {sum(r['kept'] for r in results)} of {sum(r['expected'] for r in results)}, "
            f"lines left in that are not the article's {sum(len(r['leaked']) for r in results)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", action="store_true", help="show what was read wrong or left in")
    parser.add_argument("--dir", type=Path, default=PAGES, help="folder of pages to score")
    args = parser.parse_args()
    verbose = args.v
    # the folder's pages, then each set in a folder of its own (bench/layouts/set2, …)
    folders = [args.dir, *sorted(f for f in args.dir.iterdir() if f.is_dir())]
    sets = {folder: [score(page) for page in sorted(folder.glob("*.txt"))] for folder in folders}
    sets = {folder: results for folder, results in sets.items() if results}
    print(f"{'page':24} {'title':6} {'author':8} {'date':6} {'kept':>9} {'leaked':>6}")
    for folder, results in sets.items():
        if len(sets) > 1:
            print(f"-- {folder.name}")
        for r in results:
            print(f"{r['page']:24} {r['title']:6} {r['author']:8} {r['date']:6} "
                  f"{r['kept']:>4} / {r['expected']:<3} {len(r['leaked']):>6}")
            if verbose and (r["leaked"] or "WRONG" in (r["title"], r["author"], r["date"])):
                print(f"    read: {r['got']}")
                for line in r["leaked"]:
                    print(f"    left in: {line[:110]}")
    print()
    if len(sets) > 1:
        for folder, results in sets.items():
            print(f"{folder.name}: {summary(results)}")
    print(summary([r for results in sets.values() for r in results]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
