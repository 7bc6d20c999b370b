"""Search benchmark: Gloss's sharded index beside stock lunr.py, on the same documents.

`python bench/bench_search.py [--sizes 1000 10000] [--no-stock] [--json FILE]`

For each corpus size (deterministic generated articles of ~900 words, plus entities) it
reports: index build time; bytes written (raw and gzip); bytes a first query loads; the
first query's time and the median of 50 queries in headless Chromium (Debian's, never a
downloaded one), each query as the page runs it (search + rows of the top 8 results).
Stock lunr.py builds one index of the same documents, written as one script; it is
queried with lunr.js in the same browser run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "bench"))

from gen_corpus import FIRST, LAST, PLACES  # noqa: E402  (one set of names for all benches)

from builder import search  # noqa: E402
from builder.search import FIELDS, SearchDoc, build_search_files, field_texts  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TARGETS = {1000: (1.5, 3_000_000, 30.0), 10000: (15.0, 5_000_000, 50.0)}

COMMON = """the of and to a in that is was he for it with as his on be at by i this had not
are but from or have an they which one you were her all she there would their we him been
has when who will more no if out so said what up its about into than them can only other
new some could time these two may then do first any my now such like our over man me even
most made after also did many before must through back years where much your way well
down should because each just those people how too little state good very make world still
own see men work long get here between both life being under never day same another know
while last might us great old year off come since against go came right used take three
government officials report weapons city council market prices energy winter negotiations
ceasefire border troops ministry budget election voters court ruling delay survey key
valley railway envoy harbour analysts economy inflation schools hospital supply chain
drought farmers harvest reform parliament coalition protest agreement talks statement week
month morning evening during although however across within without president minister
police attack military forces region country national public health company bank
investment percent million billion workers union strike hearing judge prosecutors
investigation evidence witness families children residents village village shelling
missile drone strikes aid food water electricity power plant gas oil pipeline exports
imports tariffs trade deal summit leaders allies sanctions refugees migrants asylum
climate flood storm heat wave emissions coal solar wind nuclear reactor inspectors
""".split()
SOURCES = ["Reuters", "The Guardian", "Le Monde", "Die Zeit", "El País", "AP", "BBC News"]


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """Common English words first, then made-up words with English-looking endings."""
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    onsets = [c for c in "bcdfghjklmnprstvwz"] + ["br", "cl", "st", "tr", "gr", "pl", "sh"]
    vowels = ["a", "e", "i", "o", "u", "ea", "ou", "io"]
    endings = ["", "", "s", "ed", "ing", "tion", "ment", "ness", "al", "er", "ly", "ity"]
    while len(words) < size:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, 3)))
        word += rng.choice(string.ascii_lowercase[:20]) + rng.choice(endings)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def corpus(n: int, seed: int = 7) -> list[SearchDoc]:
    """n articles (~900 words, Zipf-distributed vocabulary, names with accents and
    possessives) and ~300 entities, always the same for the same n and seed."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    cum, total = [], 0.0
    for rank in range(len(vocab)):
        total += 1 / (rank + 2.7) ** 1.07
        cum.append(total)
    people = [f"{f} {la}" for f in FIRST for la in LAST]
    rng.shuffle(people)
    people = people[:240]
    names = people + PLACES
    docs = []
    for i in range(n):
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(780, 1020))
        mentioned = rng.sample(names, 4)
        for _ in range(rng.randint(4, 12)):
            name = rng.choice(mentioned) + rng.choice(["", "", "", "’s", ","])
            words.insert(rng.randrange(len(words)), name)
        sentences, at = [], 0
        while at < len(words):
            step = rng.randint(8, 28)
            sentences.append(" ".join(words[at:at + step]).capitalize() + ".")
            at += step
        title = " ".join(rng.choices(vocab[:3000], k=rng.randint(5, 10))).capitalize()
        title = f"{title} in {rng.choice(PLACES)}"
        docs.append(SearchDoc(
            url=f"articles/article-{i}.html", kind="article", title=title,
            body=" ".join(sentences), dek=" ".join(rng.choices(vocab[:5000], k=18)),
            source=rng.choice(SOURCES), date=f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}"
            f"-{rng.randint(1, 28):02d}", names=tuple(dict.fromkeys(mentioned))))
    for j, name in enumerate(names):
        docs.append(SearchDoc(url=f"entities/entity-{j}.html", kind="entity", title=name,
                              body=f"{name} is named in the news, entry {j}.",
                              dek="person" if name in people else "place",
                              names=(name.split()[-1],) if name in people else ()))
    return docs


def queries(docs: list[SearchDoc], count: int = 50, seed: int = 3) -> list[str]:
    """Single words of mixed frequency, names without accents, pairs and prefixes."""
    rng = random.Random(seed)
    articles = [d for d in docs if d.kind == "article"]
    out = ["jose andres", "kremlin", "bogota", "delay", "survey negotiations", "kharki",
           "ceasefire talks", "negot"]
    while len(out) < count:
        doc = rng.choice(articles)
        words = [w.strip(".,").removesuffix("’s").lower() for w in doc.body.split()]
        words = [w for w in words if len(w) > 3]
        kind = len(out) % 4
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:
            out.append(" ".join(rng.sample(words, 2)))
        elif kind == 2:
            word = rng.choice(words)
            out.append(word[: max(3, len(word) - 2)])
        else:
            out.append(rng.choice(doc.names).lower())
    return out


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the build's worker)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build_gloss(docs: list[SearchDoc]) -> tuple[float, float, dict[str, bytes]]:
    """Build time (wall, CPU) with cold word and search memos, as in a first build.

    CPU time is reported too: on a shared 2-core machine wall time also counts others' work.
    It includes the forked worker's, so it can exceed the wall time.
    """
    search._TERMS.clear()
    search.forget_memo()
    start, cpu = time.perf_counter(), cpu_seconds()
    files = build_search_files(docs)
    return time.perf_counter() - start, cpu_seconds() - cpu, files


def build_stock(docs: list[SearchDoc]) -> tuple[float, float, bytes]:
    """Stock lunr.py over the same fields and boosts, serialised as one script."""
    from lunr import lunr

    fields = [{"field_name": f, "boost": b} for f, b in FIELDS]
    documents = [dict(zip([f for f, _ in FIELDS], field_texts(d), strict=True), id=str(i))
                 for i, d in enumerate(docs)]
    start, cpu = time.perf_counter(), time.process_time()
    index = lunr(ref="id", fields=fields, documents=documents)
    data = ("window.STOCK_INDEX=" + json.dumps(index.serialize(), separators=(",", ":"))
            + ";\n").encode()
    return time.perf_counter() - start, time.process_time() - cpu, data


HARNESS = """<!doctype html><html><head><meta charset="utf-8">
<script src="static/search.js" defer></script></head>
<body data-root=""><form class="site-search" role="search" action="search.html" method="get">
<label for="search-q">Search</label><input id="search-q" name="q" type="search"
autocomplete="off" aria-controls="search-suggestions">
<ul id="search-suggestions" role="listbox" hidden></ul></form></body></html>"""

STOCK = """<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>"""

MEASURE = """async (qs) => {
  const GS = window.GlossSearch;
  const t0 = performance.now();
  const e = await GS.engine();
  const first = await e.search(qs[0], true);
  await e.docs(first.results.slice(0, 8).map(r => r.ref));
  const firstMs = performance.now() - t0;
  const firstFiles = [...document.querySelectorAll('script[src]')].map(s => s.src);
  const times = [], counts = [];
  for (const q of qs) {
    const t = performance.now();
    const found = await e.search(q, true);
    await e.docs(found.results.slice(0, 8).map(r => r.ref));
    times.push(performance.now() - t);
    counts.push(found.results.length);
  }
  return {firstMs, firstFiles, times, counts,
          allFiles: [...document.querySelectorAll('script[src]')].map(s => s.src)};
}"""

MEASURE_STOCK = """async (qs) => {
  const load = src => new Promise((ok, fail) => { const s = document.createElement('script');
    s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
  const t0 = performance.now();
  await load('static/lunr.min.js');
  await load('stock-index.js');
  const idx = lunr.Index.load(window.STOCK_INDEX);
  const clean = q => q.replace(/[^\\w\\s]/g, ' ').trim();
  idx.search(clean(qs[0]));
  const firstMs = performance.now() - t0;
  const times = [], counts = [];
  for (const q of qs) {
    const t = performance.now();
    const r = clean(q) ? idx.search(clean(q)) : [];
    times.push(performance.now() - t);
    counts.push(r.length);
  }
  return {firstMs, times, counts};
}"""


def write_site(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    static = root / "static"
    static.mkdir(exist_ok=True)
    for name in ("search.js", "search-engine.js", "lunr.min.js"):
        (static / name).write_bytes((REPO / "theme" / "static" / name).read_bytes())
    (root / "bench.html").write_text(HARNESS, "utf-8")
    (root / "stock.html").write_text(STOCK, "utf-8")


def in_browser(root: Path, qs: list[str], stock: bool) -> tuple[dict, dict | None]:
    """Fresh browser contexts, so the first query really loads from disk."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((root / "bench.html").as_uri())
        page.focus("#search-q")  # what loads lunr.min.js and search-engine.js
        page.wait_for_function("window.GlossSearch && window.GlossSearch.engine")
        gloss = page.evaluate(MEASURE, qs)
        page.close()
        theirs = None
        if stock:
            page = browser.new_page()
            page.goto((root / "stock.html").as_uri())
            theirs = page.evaluate(MEASURE_STOCK, qs)
        browser.close()
    return gloss, theirs


def file_bytes(root: Path, urls: list[str]) -> int:
    """Bytes on disk of the scripts a page has loaded (search.js itself is on every page)."""
    total = 0
    for url in set(urls):
        path = Path(url.removeprefix("file://").split("?")[0])
        if path.name != "search.js" and path.is_relative_to(root):
            total += path.stat().st_size
    return total


def run(n: int, stock: bool) -> dict:
    docs = corpus(n)
    seconds, cpu, files = build_gloss(docs)
    raw = sum(len(v) for v in files.values())
    zipped = sum(gzip_size(v) for v in files.values())
    qs = queries(docs)
    row: dict = {"articles": n, "documents": len(docs), "gloss": {
        "build_s": round(seconds, 3), "build_cpu_s": round(cpu, 3), "files": len(files),
        "bytes": raw, "gzip": zipped}}
    stock_data = b""
    if stock:
        stock_s, stock_cpu, stock_data = build_stock(docs)
        row["stock"] = {"build_s": round(stock_s, 2), "build_cpu_s": round(stock_cpu, 2),
                        "bytes": len(stock_data),
                        "gzip": gzip_size(stock_data)}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp).resolve()
        write_site(root, files)
        if stock:
            (root / "stock-index.js").write_bytes(stock_data)
        gloss, theirs = in_browser(root, qs, stock)
        first = file_bytes(root, gloss["firstFiles"])
        row["gloss"].update(first_query_bytes=first, first_query_ms=round(gloss["firstMs"], 1),
                            median_ms=round(statistics.median(gloss["times"]), 2),
                            max_ms=round(max(gloss["times"]), 1),
                            bytes_after_50=file_bytes(root, gloss["allFiles"]),
                            hits=sum(1 for c in gloss["counts"] if c))
        if theirs:
            lunr_js = (root / "static" / "lunr.min.js").stat().st_size
            row["stock"].update(first_query_bytes=len(stock_data) + lunr_js,
                                first_query_ms=round(theirs["firstMs"], 1),
                                median_ms=round(statistics.median(theirs["times"]), 2),
                                hits=sum(1 for c in theirs["counts"] if c))
    build_t, first_t, query_t = TARGETS.get(n, (None, None, None))
    if build_t:
        g = row["gloss"]
        row["targets_met"] = {"build": g["build_s"] <= build_t,
                              "first_query_bytes": g["first_query_bytes"] <= first_t,
                              "median_query": g["median_ms"] <= query_t}
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-stock", action="store_true", help="skip stock lunr.py (slow)")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        row = run(n, not args.no_stock)
        rows.append(row)
        print(json.dumps(row, indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")


if __name__ == "__main__":
    main()
