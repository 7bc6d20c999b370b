"""Documents → a prebuilt Lunr 2.x index, written as script files that load under file://.

The browser (vendored lunr.js 2.3.9 plus theme/static/search-engine.js) is the reference: every
term written here is exactly what lunr.js's pipeline makes of the word — its tokenizer,
Gloss's `glossFold` (case, accents, possessives), its trimmer, stop words and stemmer, all
ported below because lunr.py's stemmer differs (`delay` → `delai`). Scores are lunr.js's
BM25 computed in the same order of float operations, so a query gives the same documents
in the same order as an index lunr.js built itself (tests/test_search.py checks it in node).

Layout written under the site root (each file assigns `window.GLOSS_SEARCH_PARTS[key]`):
  search/index.js    manifest: fields, boosts, pipeline, shard boundaries and sizes
  search/t<N>.js     term shards: a sorted range of terms with their postings and scores
  search/d<N>.js     document table in blocks of DOC_BLOCK: url, kind, title, source, date,
                     dek, and a short text that snippets are cut from
search-engine.js expands the shards a query needs into a Lunr 2.x serialized index
(`invertedIndex`, `fieldVectors`) and loads it with `lunr.Index.load`. Lunr scores a
document by the dot product of the query and field vectors over the query's terms only,
so an index holding just those terms ranks exactly as the whole one would.
"""

from __future__ import annotations

import json
import math
import multiprocessing as mp
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Container
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from operator import itemgetter


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: an article or an entity."""

    url: str  # relative to the site root, e.g. "articles/x/index.html"
    kind: str  # "article" | "entity"
    title: str  # article title or entity name
    body: str = ""  # article body (plain text) or entity description
    dek: str = ""  # article dek; an entity's type
    source: str = ""
    date: str = ""
    names: tuple[str, ...] = ()  # entity names an article mentions; an entity's aliases


# Field order matters: lunr numbers terms in order of first appearance, field by field.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10), ("names", 5), ("dek", 3), ("source", 2), ("body", 1),
)
PIPELINE = ("glossFold", "trimmer", "stopWordFilter", "stemmer")
LUNR_VERSION = "2.3.9"
K1, B = 1.2, 0.75
SHARD_BYTES = 48_000  # target raw size of one term shard
DOC_BLOCK = 32  # documents per table file
TEXT_CHARS = 480  # stored text per document, for snippets

# --- lunr.js's text pipeline, ported -------------------------------------------------

# lunr.tokenizer splits on the separator search-engine.js sets as lunr.tokenizer.separator:
# JS `\s` (not Python's set), hyphens and dashes (news text writes "Bogotá—José"), slash
# and ellipsis.
_SEPARATOR = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    "\\-\u2010-\u2015\u2026/]+"
)
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # JS sees these as two code units
_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
            "ß": "ss", "ı": "i", "ħ": "h", "ŀ": "l"}
_LETTER = re.compile("[" + "".join(_LETTERS) + "]")
_POSSESSIVE = re.compile("['\u2019\u02bc]s?(\\W*)\\Z", re.ASCII)
_WORDY = re.compile(r"\w", re.ASCII)
_LEAD, _TAIL = re.compile(r"^\W+", re.ASCII), re.compile(r"\W+\Z", re.ASCII)

STOP_WORDS = frozenset("""a able about across after all almost also am among an and any are
as at be because been but by can cannot could dear did do does either else ever every for
from get got had has have he her hers him his how however i if in into is it its just least
let like likely may me might most must my neither no nor not of off often on only or other
our own rather said say says she should since so some than that the their them then there
these they this tis to too twas us wants was we were what when where which while who whom
why will with would yet you your""".split())


# str.split() splits on JS's `\s` too, except U+FEFF; and on these, where JS does not.
_PYTHON_ONLY_SPACES = "\x1c\x1d\x1e\x1f\x85"
_NOT_PYTHON_SPACES = "\ufeff-\u2010\u2011\u2012\u2013\u2014\u2015\u2026/"  # the rest of _SEPARATOR


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-case the whole string, split on whitespace and hyphens.

    str.split() in C takes half the time of the regex split: the other separators become
    spaces first. The regex remains for the rare text with a space only Python sees.
    """
    text = text.lower()
    if any(c in text for c in _PYTHON_ONLY_SPACES):
        return [t for t in _SEPARATOR.split(text) if t]
    for c in _NOT_PYTHON_SPACES:
        if c in text:
            text = text.replace(c, " ")
    return text.split()


def fold(word: str) -> str:
    """glossFold (search-engine.js has the same): accents off, possessive off; "" if no letter left.

    Runs before lunr's trimmer, which would otherwise cut accented letters at word edges
    (`bogotá` → `bogot`) and leave `kremlin’s` unlike `kremlin`.
    """
    if word.isalnum() and word.isascii():  # most words: nothing to fold
        return word
    if not word.isascii():
        word = _MARKS.sub("", unicodedata.normalize("NFKD", word))
        word = _LETTER.sub(lambda m: _LETTERS[m.group()], _ASTRAL.sub("", word))
    word = _POSSESSIVE.sub(r"\1", word, count=1)
    return word if _WORDY.search(word) else ""


def trim(word: str) -> str:
    """lunr.trimmer: strip non-word characters (ASCII sense, as in JS) at both ends."""
    return _TAIL.sub("", _LEAD.sub("", word, count=1), count=1)


_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
          "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
          "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
          "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
          "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}
_C, _V = "[^aeiou][^aeiouy]*", "[aeiouy][aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?\\Z")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_S_V = re.compile(f"^({_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]\\Z")
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou",
          "ism", "ate", "iti", "ous", "ive", "ize")
# Each step's endings by length, longest first: lunr's `^(.+?)(ending|…)$` takes the longest
# ending that leaves a letter before it. String tests do what its regexes did, faster.
_STEP2_BY_LENGTH = tuple(sorted({len(e) for e in _STEP2}, reverse=True))
_STEP3_BY_LENGTH = tuple(sorted({len(e) for e in _STEP3}, reverse=True))
_STEP4_BY_LENGTH = tuple(sorted({len(e) for e in _STEP4}, reverse=True))
_STEP2_ENDS, _STEP3_ENDS = tuple(_STEP2), tuple(_STEP3)
_STEP4_ENDS = (*_STEP4, "sion", "tion")


def _ending(w: str, endings: Container[str], lengths: tuple[int, ...]) -> int:
    """Length of the longest of `endings` that w ends with after at least one letter, or 0."""
    for n in lengths:
        if len(w) > n and w[-n:] in endings:
            return n
    return 0


def stem(w: str) -> str:
    """lunr.js 2.3.9's Porter stemmer, step for step (lunr.py's differs: `delay` → `delai`).

    Its suffix regexes are string tests here (a word has no line break for `.` to miss);
    the measure regexes (_MGR0, _MEQ1, _MGR1, _S_V, _CVC) are lunr's own.
    """
    if len(w) < 3:
        return w
    first_y = w[0] == "y"
    if first_y:
        w = "Y" + w[1:]
    # Step 1a: sses → ss, ies → i, s → "" (not after s).
    if w[-1] != "s":
        pass
    elif w.endswith("sses") and len(w) > 4 or w.endswith("ies") and len(w) > 3:
        w = w[:-2]
    elif w[-2] != "s":
        w = w[:-1]
    # Step 1b: eed → ee if m > 0; ed, ing → "" if a vowel stays, then tidy the end.
    if w.endswith("eed") and len(w) > 3:
        if _MGR0.search(w[:-3]):
            w = w[:-1]
    elif (w.endswith("ed") and len(w) > 2 or w.endswith("ing") and len(w) > 3) and _S_V.search(
            s := w[:-2] if w[-1] == "d" else w[:-3]):
        w = s
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif len(w) > 1 and w[-1] == w[-2] and w[-1] not in "aeiouylsz":
            w = w[:-1]
        elif _CVC.search(w):
            w += "e"
    # Step 1c: y → i after a consonant that is not the first letter.
    if w[-1] == "y" and len(w) > 2 and w[-2] not in "aeiou":
        w = w[:-1] + "i"
    if w.endswith(_STEP2_ENDS) and (n := _ending(w, _STEP2, _STEP2_BY_LENGTH)) and _MGR0.search(
            w[:-n]):
        w = w[:-n] + _STEP2[w[-n:]]
    if w.endswith(_STEP3_ENDS) and (n := _ending(w, _STEP3, _STEP3_BY_LENGTH)) and _MGR0.search(
            w[:-n]):
        w = w[:-n] + _STEP3[w[-n:]]
    if not w.endswith(_STEP4_ENDS):
        pass
    elif n := _ending(w, _STEP4, _STEP4_BY_LENGTH):
        if _MGR1.search(w[:-n]):
            w = w[:-n]
    elif w.endswith(("sion", "tion")) and len(w) > 4 and _MGR1.search(w[:-3]):
        w = w[:-3]
    # Step 5: e → "" if m > 1, or m = 1 and not *o; ll → l if m > 1.
    if w[-1] == "e" and len(w) > 1 and (_MGR1.search(s := w[:-1])
                                        or (_MEQ1.search(s) and not _CVC.search(s))):
        w = s
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if first_y:
        w = "y" + w[1:]
    return w


class _Terms(dict):
    """Token → index term ("" when the pipeline drops it), computed once per distinct token."""

    def __missing__(self, token: str) -> str:
        word = fold(token)
        word = word if word.isalnum() and word.isascii() else trim(word)
        term = "" if word in STOP_WORDS else stem(word)
        self[token] = term
        return term


_TERMS = _Terms()


def term_of(token: str) -> str:
    """What lunr.js's index pipeline makes of one tokenizer token ("" if dropped)."""
    return _TERMS[token]


def terms_of(text: str) -> list[str]:
    """A field's index terms, in order (memoised per distinct token: most repeat)."""
    lookup = _TERMS
    return [t for t in [lookup[w] for w in tokenize(text)] if t]


# --- the index --------------------------------------------------------------------------

def field_texts(doc: SearchDoc) -> tuple[str, ...]:
    """The text of each field in FIELDS order (an entity's type is shown, not searched)."""
    dek = doc.dek if doc.kind == "article" else ""
    return (doc.title, " ".join(doc.names), dek, doc.source, doc.body)


@dataclass
class Analysis:
    """Per field, each document's term counts and length, and lunr's term numbering."""

    fields: list[list[tuple[int, Counter, int]]]  # field → [(ref, counts, length)]
    index: dict[str, int]  # term → _index, in order of first appearance
    df: Counter  # term → number of (document, field) pairs holding it


def analyse(docs: list[SearchDoc]) -> Analysis:
    """One pass over the text in lunr.Builder.add's order (document, then field)."""
    fields: list[list[tuple[int, Counter, int]]] = [[] for _ in FIELDS]
    index: dict[str, int] = {}
    df: Counter = Counter()
    lookup = _TERMS.__getitem__
    for ref, doc in enumerate(docs):
        for f, text in enumerate(field_texts(doc)):
            tokens = tokenize(text)
            counts = Counter(map(lookup, tokens))
            length = len(tokens) - counts.pop("", 0)
            if not length:
                continue
            new = [t for t in counts if t not in index]
            if new:
                index.update(zip(new, range(len(index), len(index) + len(new)), strict=True))
            df.update(counts.keys())
            fields[f].append((ref, counts, length))
    return Analysis(fields, index, df)


Piece = tuple[int, int, str, str]  # first doc, last doc, later doc gaps, scores (text)


def chunk_postings(rows: list[tuple[int, Counter, int]], boost: int, average: float,
                   idf: dict[str, float], rank: dict[str, int]) -> dict[int, Piece]:
    """Rank of term → its postings among these (document, counts, length) rows.

    lunr.Builder's BM25 in its float operations, then Math.round(score·1000):
    idf·(k1+1)·tf / (k1·(1 − b + b·len/avg) + tf) · boost. Work per posting stays in
    comprehensions and C-level sorts: a Python loop per posting is what makes lunr.py slow.
    """
    k1p1 = K1 + 1
    ranks: list[int] = []
    refs: list[int] = []
    scores: list[int] = []
    for ref, counts, length in rows:
        norm = K1 * (1 - B + B * (length / average))
        # Math.round(x) for x ≥ 0 is n + (x − n ≥ 0.5) with n = int(x): ties go up.
        scores += [(n := int(x := idf[t] * (k1p1 * tf) / (norm + tf) * boost * 1000))
                   + (x - n >= 0.5) for t, tf in counts.items()]
        ranks += map(rank.__getitem__, counts)
        refs += [ref] * len(counts)
    order = sorted(range(len(ranks)), key=ranks.__getitem__)  # stable: refs stay ascending
    if len(order) > 1:
        refs, scores = list(itemgetter(*order)(refs)), list(itemgetter(*order)(scores))
    gaps = [0] + [b - a for a, b in zip(refs, refs[1:], strict=False)]
    out: dict[int, Piece] = {}
    start = 0
    for r, count in sorted(Counter(ranks).items()):
        end = start + count
        out[r] = (refs[start], refs[end - 1], ",".join(map(str, gaps[start + 1:end])),
                  ",".join(map(str, scores[start:end])))
        start = end
    return out


def join_pieces(a: Piece, b: Piece) -> Piece:
    """Postings of earlier documents, then later ones: one gap bridges the two."""
    gaps = ",".join(p for p in (a[2], str(b[0] - a[1]), b[2]) if p)
    return a[0], b[1], gaps, a[3] + "," + b[3]


def encode_piece(piece: Piece) -> str:
    """`[[doc gaps…],[score×1000…]]`: the first document whole, then gaps (fewer digits)."""
    first, _, gaps, scores = piece
    return f"[[{first}{',' if gaps else ''}{gaps}],[{scores}]]"


_JOB: tuple = ()  # what a forked worker computes: set just before the fork, read after it


def _job_postings(part: int) -> list[dict[int, Piece]]:
    return [chunk_postings(*args) for args in _JOB[part]]


def all_postings(jobs: list[list[tuple]]) -> list[list[dict[int, Piece]]]:
    """Each part's postings, the last parts in forked processes when the machine has cores.

    Workers read their input from a global inherited through fork (pickling millions of
    counts would cost more than the work); any failure falls back to doing it here.
    """
    global _JOB
    if (len(jobs) > 1 and (os.cpu_count() or 1) > 1 and not mp.current_process().daemon
            and "fork" in mp.get_all_start_methods()):
        _JOB = tuple(jobs)
        try:
            with ProcessPoolExecutor(len(jobs) - 1, mp_context=mp.get_context("fork")) as pool:
                later = [pool.submit(_job_postings, i) for i in range(1, len(jobs))]
                first = _job_postings(0)
                return [first, *(f.result() for f in later)]
        except (OSError, BrokenProcessPool):
            pass
        finally:
            _JOB = ()
    return [[chunk_postings(*args) for args in job] for job in jobs]


PARALLEL_POSTINGS = 400_000  # below this many postings a second process costs more than it saves


def shard_rows(analysis: Analysis, n_docs: int) -> list[str]:
    """Sorted JSON rows `[term, _index, field postings or 0…]`, as shards store them."""
    terms = sorted(analysis.index)
    rank = {t: i for i, t in enumerate(terms)}
    idf = {t: math.log(1 + abs((n_docs - d + 0.5) / (d + 0.5))) for t, d in analysis.df.items()}
    size = sum(analysis.df.values())
    halves = 2 if size >= PARALLEL_POSTINGS else 1
    jobs: list[list[tuple]] = [[] for _ in range(halves)]
    for f, rows in enumerate(analysis.fields):
        average = sum(length for _, _, length in rows) / n_docs
        cut = len(rows) // halves
        for h in range(halves):
            part = rows[h * cut:(h + 1) * cut if h < halves - 1 else len(rows)]
            jobs[h].append((part, FIELDS[f][1], average, idf, rank))
    parts = all_postings(jobs)
    per_field: list[dict[int, str]] = []
    for f in range(len(FIELDS)):
        merged = dict(parts[0][f])
        for later in parts[1:]:
            for r, piece in later[f].items():
                merged[r] = join_pieces(merged[r], piece) if r in merged else piece
        per_field.append({r: encode_piece(p) for r, p in merged.items()})
    index = analysis.index
    return [f"[{_json(t)},{index[t]},{','.join(p.get(r, '0') for p in per_field)}]"
            for r, t in enumerate(terms)]


def split_shards(rows: list[str], target: int = SHARD_BYTES) -> list[list[str]]:
    """Cut the sorted rows into contiguous runs of about `target` bytes."""
    shards: list[list[str]] = []
    size = target
    for row in rows:
        if size + len(row) > target:
            shards.append([])
            size = 0
        shards[-1].append(row)
        size += len(row) + 1
    return shards


_SPACE_BEFORE = re.compile(r"\s+(?=[,.;:!?)\]”’]|['’]s\b)")


def snippet_text(doc: SearchDoc) -> str:
    """The stored text snippets are cut from: the body's opening, ended at a word.

    Text taken from HTML can have a space where an inline tag ended ("Kremlin ’s", "x ,").
    """
    text = _SPACE_BEFORE.sub("", " ".join(doc.body[: TEXT_CHARS * 3].split()))
    if len(text) <= TEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, TEXT_CHARS)
    return text[: cut if cut > TEXT_CHARS // 2 else TEXT_CHARS] + " …"


def doc_row(doc: SearchDoc) -> list[str]:
    """One row of the document table (search-engine.js reads it by position)."""
    return [doc.url, doc.kind, doc.title, doc.source, doc.date, doc.dek, snippet_text(doc)]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def script(key: str, value: object) -> bytes:
    """A script that registers `value` under `key`: loads by <script src> under file://."""
    return script_json(key, _json(value))


def script_json(key: str, text: str) -> bytes:
    """Same, from JSON text. JSON.parse of a string literal parses faster than a JS literal."""
    text = text.replace("\\", "\\\\").replace("'", "\\'")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (f"(window.GLOSS_SEARCH_PARTS=window.GLOSS_SEARCH_PARTS||{{}})"
            f"[{_json(key)}]=JSON.parse('{text}');\n").encode()


def build_search_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """Relative output path → file content, for the manifest, term shards and doc table."""
    if len(_TERMS) > 2_000_000:  # a long-lived server: keep the word memo bounded
        _TERMS.clear()
    analysis = analyse(docs)
    shards = split_shards(shard_rows(analysis, len(docs)) if docs else [])
    files: dict[str, bytes] = {}
    bounds = []
    for n, rows in enumerate(shards):
        files[f"search/t{n}.js"] = data = script_json(f"t{n}", "[" + ",".join(rows) + "]")
        bounds.append([json.loads(rows[0])[0], len(data)])
    for n in range(0, len(docs), DOC_BLOCK):
        key = f"d{n // DOC_BLOCK}"
        files[f"search/{key}.js"] = script(key, [doc_row(d) for d in docs[n:n + DOC_BLOCK]])
    manifest = {"version": LUNR_VERSION, "fields": [f for f, _ in FIELDS],
                "boosts": [b for _, b in FIELDS], "pipeline": list(PIPELINE),
                "docs": len(docs), "block": DOC_BLOCK, "shards": bounds}
    files["search/index.js"] = script("index", manifest)
    return files
