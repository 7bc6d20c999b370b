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
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Container, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from operator import sub


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
# A result's snippet is cut around the first word that matched, wherever it is in the
# article, so the table stores the text whole (up to TEXT_CHARS), in small blocks: a
# query loads only the blocks of the results it shows.
DOC_BLOCK = 8  # documents per table file
TEXT_CHARS = 12_000  # stored text per document (~2,000 words), for snippets

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


Postings = dict[str, list[int]]  # term → one number per document holding it, ascending refs


@dataclass
class FieldPostings:
    """Per field, each term's documents and the term's count in each.

    Grouped by term as the documents are read, in order: no sort afterwards.
    """

    refs: list[Postings]  # field → term → documents holding it
    tfs: list[Postings]  # field → term → its count in each of those documents

    def select(self, keep: Callable[[str], bool]) -> FieldPostings:
        """The postings of the terms `keep` accepts."""
        return FieldPostings([{t: r for t, r in refs.items() if keep(t)} for refs in self.refs],
                             [{t: n for t, n in tfs.items() if keep(t)} for tfs in self.tfs])

    def extend(self, later: FieldPostings) -> None:
        """Add the postings of later documents after these."""
        for mine, theirs in zip(self.refs + self.tfs, later.refs + later.tfs, strict=True):
            for term, more in theirs.items():
                mine[term] = mine[term] + more if term in mine else more

    def df(self) -> Counter:
        """Term → number of (document, field) pairs holding it."""
        df: Counter = Counter()
        for refs in self.refs:
            df.update({t: len(docs) for t, docs in refs.items()})
        return df


@dataclass
class Part:
    """A run of consecutive documents, analysed."""

    postings: FieldPostings
    lengths: list[dict[int, int]]  # field → document → its number of tokens (if any)
    order: dict[str, int]  # its terms in order of first appearance (lunr numbers them so)


def _append_each(lists: Iterable[list], items: Iterable) -> None:
    """lists[i].append(items[i]) for each i, looped in C (a Python loop per posting is slow)."""
    deque(map(list.append, lists, items), maxlen=0)


def analyse(docs: list[SearchDoc], start: int = 0) -> Part:
    """One pass over the text in lunr.Builder.add's order (document, then field).

    `start` is the ref of docs[0] when the documents are a later run of the site's.
    """
    refs: list[Postings] = [defaultdict(list) for _ in FIELDS]
    tfs: list[Postings] = [defaultdict(list) for _ in FIELDS]
    lengths: list[dict[int, int]] = [{} for _ in FIELDS]
    order: dict[str, int] = {}
    lookup = _TERMS.__getitem__
    for ref, doc in enumerate(docs, start):
        for f, text in enumerate(field_texts(doc)):
            tokens = tokenize(text)
            counts = Counter(map(lookup, tokens))
            length = len(tokens) - counts.pop("", 0)
            if not length:
                continue
            order.update(counts)  # a dict keeps each key where it first came
            lengths[f][ref] = length
            _append_each(map(refs[f].__getitem__, counts), repeat(ref))
            _append_each(map(tfs[f].__getitem__, counts), counts.values())
    return Part(FieldPostings(refs, tfs), lengths, order)


@dataclass(frozen=True)
class Summary:
    """What scoring needs from each run of documents: lunr's numbering, df and lengths."""

    order: list[str]  # the run's terms in order of first appearance
    df: Counter
    lengths: list[dict[int, int]]


@dataclass(frozen=True)
class Totals:
    """Over all the documents: lunr's term numbering, df, idf, and BM25's length norms."""

    index: dict[str, int]  # term → _index, in order of first appearance
    df: Counter
    idf: dict[str, float]
    norms: list[dict[int, float]]  # field → document → k1·(1 − b + b·len/avg)


def summary_of(part: Part) -> Summary:
    """What a run's part of the totals needs, small enough to send between processes."""
    return Summary(list(part.order), part.postings.df(), part.lengths)


def totals(runs: list[Summary], n_docs: int) -> Totals:
    """Totals over consecutive runs of documents, as lunr.Builder computes them."""
    order = dict.fromkeys(chain.from_iterable(r.order for r in runs))
    index = dict(zip(order, range(len(order)), strict=True))
    df: Counter = Counter()
    for r in runs:
        df.update(r.df)
    idf = {t: math.log(1 + abs((n_docs - d + 0.5) / (d + 0.5))) for t, d in df.items()}
    norms = []
    for f in range(len(FIELDS)):
        lengths = {ref: n for r in runs for ref, n in r.lengths[f].items()}
        average = sum(lengths.values()) / n_docs
        norms.append({ref: K1 * (1 - B + B * (n / average)) for ref, n in lengths.items()})
    return Totals(index, df, idf, norms)


class _Numerals(dict):
    """int → its decimal text, memoised: postings repeat the same few thousand numbers."""

    def __missing__(self, n: int) -> str:
        self[n] = text = str(n)
        return text


_NUMERALS = _Numerals()


def postings_cell(docs: list[int], tfs: list[int], norms: dict[int, float], boost: int,
                  idf: float) -> str:
    """`[[doc gaps…],[score×1000…]]`: the first document whole, then gaps (fewer digits).

    lunr.Builder's BM25 in its float operations, then Math.round(score·1000):
    idf·(k1+1)·tf / (k1·(1 − b + b·len/avg) + tf) · boost.
    """
    k1p1 = K1 + 1
    # Math.round(x) for x ≥ 0 is n + (x − n ≥ 0.5) with n = int(x): ties go up.
    scores = [(n := int(x := idf * (k1p1 * tf) / (norms[ref] + tf) * boost * 1000))
              + (x - n >= 0.5) for ref, tf in zip(docs, tfs, strict=True)]
    text = _NUMERALS.__getitem__
    gaps = [docs[0], *map(sub, docs[1:], docs)]
    return f"[[{','.join(map(text, gaps))}],[{','.join(map(text, scores))}]]"


def term_rows(terms: list[str], postings: FieldPostings, index: dict[str, int],
              idf: dict[str, float], norms: list[dict[int, float]]) -> list[str]:
    """JSON rows `[term, _index, field postings or 0…]` for these terms, as shards store them."""
    fields = list(zip(postings.refs, postings.tfs, norms, [b for _, b in FIELDS], strict=True))
    rows = []
    for term in terms:
        w = idf[term]
        cells = [postings_cell(refs[term], tfs[term], norm, boost, w) if term in refs else "0"
                 for refs, tfs, norm, boost in fields]
        rows.append(f"[{_json_string(term)},{index[term]},{','.join(cells)}]")
    return rows


def middle_term(df: Counter) -> str:
    """The term that cuts the sorted terms into two runs of about as many postings ("" if none)."""
    terms = sorted(df)
    half = sum(df.values()) / 2
    return next((t for t, n in zip(terms, accumulate(map(df.__getitem__, terms)), strict=True)
                 if n >= half), "")


_DOCS: list[SearchDoc] = []  # a forked worker's input: set just before the fork, read after it
_PART: Part | None = None  # the worker's analysed documents, kept between its tasks


def _analyse_later(start: int) -> tuple[Summary, str, FieldPostings]:
    """The worker's first task: read its documents; send back their summary, where to cut
    the terms, and its postings of the terms before the cut, which this process scores."""
    global _PART
    _PART = analyse(_DOCS[start:], start)
    summary = summary_of(_PART)
    cut = middle_term(summary.df)
    return summary, cut, _PART.postings.select(lambda term: term < cut)


def _rows_from(cut: str, earlier: FieldPostings, terms: list[str], index: dict[str, int],
               idf: dict[str, float], norms: list[dict[int, float]]) -> list[str]:
    """The worker's second task: the rows of the terms from the cut on."""
    assert _PART is not None
    earlier.extend(_PART.postings.select(lambda term: term >= cut))
    return term_rows(terms, earlier, index, idf, norms)


PARALLEL_CHARS = 1_000_000  # below this much text a second process costs more than it saves


def can_fork() -> bool:
    """Whether a forked worker can take half the work: two cores, fork, not a daemon."""
    return ((os.cpu_count() or 1) > 1 and not mp.current_process().daemon
            and "fork" in mp.get_all_start_methods())


def text_sizes(docs: list[SearchDoc]) -> list[int]:
    """Characters of searchable text in each document: a measure of the work it makes."""
    return [sum(map(len, field_texts(d))) for d in docs]


def rows_in_two_processes(docs: list[SearchDoc], sizes: list[int],
                          meanwhile: Callable[[], object]) -> list[str]:
    """shard_rows, with a forked worker doing half: read by documents, scored by terms.

    The worker reads the later half of the documents while this process reads the first;
    then each scores the terms on one side of a cut, with the other's postings of them.
    The worker reads the documents from a global inherited through fork (pickling them
    would cost more than the work) and keeps its postings between its two tasks: it is the
    pool's only process. `meanwhile` runs while this process waits for the worker's half.
    """
    global _DOCS
    _DOCS = docs
    try:
        with ProcessPoolExecutor(1, mp_context=mp.get_context("fork")) as pool:
            total = sum(sizes)
            half = next(i for i, n in enumerate(accumulate(sizes)) if n >= total / 2)
            later = pool.submit(_analyse_later, half)
            mine = analyse(docs[:half])
            summary = summary_of(mine)
            meanwhile()
            theirs, cut, their_lower = later.result()
            t = totals([summary, theirs], len(docs))
            terms = sorted(t.index)
            at = bisect_left(terms, cut)
            lower, upper = terms[:at], terms[at:]
            rows_after = pool.submit(_rows_from, cut,
                                     mine.postings.select(lambda term: term >= cut), upper,
                                     {term: t.index[term] for term in upper},
                                     {term: t.idf[term] for term in upper}, t.norms)
            postings = mine.postings.select(lambda term: term < cut)
            postings.extend(their_lower)
            return term_rows(lower, postings, t.index, t.idf, t.norms) + rows_after.result()
    finally:
        _DOCS = []


def shard_rows(docs: list[SearchDoc], meanwhile: Callable[[], object]) -> list[str]:
    """Sorted JSON rows `[term, _index, field postings or 0…]`, as shards store them.

    `meanwhile` is other work of this build, done while a worker finishes if there is one
    (idempotent: it runs again if the worker fails).
    """
    sizes = text_sizes(docs)
    if sum(sizes) >= PARALLEL_CHARS and can_fork():
        try:
            return rows_in_two_processes(docs, sizes, meanwhile)
        except (OSError, BrokenProcessPool):
            pass  # no second process after all: do it all here
    part = analyse(docs)
    t = totals([summary_of(part)], len(docs))
    meanwhile()
    return term_rows(sorted(t.index), part.postings, t.index, t.idf, t.norms)


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
    """The stored text snippets are cut from: the body (its start, if long), ended at a word.

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


def _json_string(text: str) -> str:
    """_json(text), without json.dumps's Python overhead for the plain words most terms are."""
    return f'"{text}"' if text.isalnum() and text.isascii() else _json(text)


def script(key: str, value: object) -> bytes:
    """A script that registers `value` under `key`: loads by <script src> under file://."""
    return script_json(key, _json(value))


def script_json(key: str, text: str) -> bytes:
    """Same, from JSON text. JSON.parse of a string literal parses faster than a JS literal."""
    text = text.replace("\\", "\\\\").replace("'", "\\'")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (f"(window.GLOSS_SEARCH_PARTS=window.GLOSS_SEARCH_PARTS||{{}})"
            f"[{_json(key)}]=JSON.parse('{text}');\n").encode()


_BLOCKS: dict[tuple[str, tuple[SearchDoc, ...]], bytes] = {}  # the last table, by block


def doc_table_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """search/d<N>.js: the document table in blocks of DOC_BLOCK documents.

    Blocks whose documents are unchanged since the last call are reused: the live server
    rebuilds the index on every pause in edits, and the table holds every article's text.
    """
    global _BLOCKS
    files, blocks = {}, {}
    for n in range(0, len(docs), DOC_BLOCK):
        key = f"d{n // DOC_BLOCK}"
        block = (key, tuple(docs[n:n + DOC_BLOCK]))
        data = _BLOCKS.get(block)
        if data is None:
            data = script(key, [doc_row(d) for d in block[1]])
        files[f"search/{key}.js"] = blocks[block] = data
    _BLOCKS = blocks
    return files


def build_search_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """Relative output path → file content, for the manifest, term shards and doc table."""
    if len(_TERMS) > 2_000_000:  # a long-lived server: keep the word memo bounded
        _TERMS.clear()
    tables: dict[str, bytes] = {}
    shards = split_shards(
        shard_rows(docs, meanwhile=lambda: tables.update(doc_table_files(docs))) if docs else [])
    files: dict[str, bytes] = {}
    bounds = []
    for n, rows in enumerate(shards):
        files[f"search/t{n}.js"] = data = script_json(f"t{n}", "[" + ",".join(rows) + "]")
        bounds.append([json.loads(rows[0])[0], len(data)])
    files.update(tables)
    manifest = {"version": LUNR_VERSION, "fields": [f for f, _ in FIELDS],
                "boosts": [b for _, b in FIELDS], "pipeline": list(PIPELINE),
                "docs": len(docs), "block": DOC_BLOCK, "shards": bounds}
    files["search/index.js"] = script("index", manifest)
    return files
