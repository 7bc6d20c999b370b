"""Documents → a prebuilt Lunr 2.x index, written as script files that load under file://.

The browser (vendored lunr.js 2.3.9 plus theme/static/search-engine.js) is the reference: every
term written here is exactly what lunr.js's pipeline makes of the word — its tokenizer,
Gloss's `glossFold` (case, accents, possessives) and `glossTrimmer`, its stop words and stemmer, all
ported below because lunr.py's stemmer differs (`delay` → `delai`). The shards hold each
term's count in each document; search-engine.js scores them with lunr.js's own BM25 code
path (its idf, the field lengths in the manifest), so a query gives the same documents
in the same order as an index lunr.js built itself (tests/test_search.py checks it in node).

Layout written under the site root (each file assigns `window.GLOSS_SEARCH_PARTS[key]`):
  search/index.js    manifest: fields, boosts, pipeline, BM25's k1 and b, the number of
                     documents and each field's length in each, shard boundaries and sizes
  search/t<N>.js     term shards: a sorted range of terms with their postings and counts
  search/d<N>.js     document table in blocks of DOC_BLOCK: url, kind, title, source, date,
                     dek, and a short text that snippets are cut from
search-engine.js expands the shards a query needs into a Lunr 2.x serialized index
(`invertedIndex`, `fieldVectors`) and loads it with `lunr.Index.load`. Lunr scores a
document by the dot product of the query and field vectors over the query's terms only,
so an index holding just those terms ranks exactly as the whole one would.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import pickle
import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, chain, repeat
from operator import sub
from pathlib import Path

from builder.atomic import write_atomic
from builder.forked import fork_child


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: an article or an entity."""

    url: str  # relative to the site root, e.g. "articles/x/index.html"
    kind: str  # "article" | "entity"
    title: str  # article title or entity name
    # article body (plain text) or entity description; or that text in UTF-8, decoded only
    # when read (`text`): after an edit most documents' analyses are known, their text unread
    body: str | bytes | memoryview = ""
    dek: str = ""  # article dek; an entity's type
    source: str = ""
    date: str = ""
    names: tuple[str, ...] = ()  # entity names an article mentions; an entity's aliases
    # a digest that stands for body, made where body was (the rendered article's): the
    # document's digest then need not hash its text (0.2 s of every build at 10,000)
    body_key: str = ""

    @functools.cached_property
    def text(self) -> str:
        """The body as text (decoded once: the analysis and the snippet both read it)."""
        body = self.body
        return body if isinstance(body, str) else str(body, "utf-8", "surrogatepass")


# Field order matters: lunr numbers terms in order of first appearance, field by field.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10), ("names", 5), ("dek", 3), ("source", 2), ("body", 1),
)
PIPELINE = ("glossFold", "glossTrimmer", "stopWordFilter", "stemmer")
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
# A word character in any script, as search-engine.js's `[\p{L}\p{N}_]` (Python's `\w`
# takes the same code points, but for those its Unicode tables do not know yet). lunr's own
# trimmer takes `\w` in JS's ASCII sense, which left nothing of a word in Cyrillic or Greek.
_WORDY = re.compile(r"\w")
_LEAD, _TAIL = re.compile(r"^\W+"), re.compile(r"\W+\Z")

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
    """lunr.tokenizer: lower-case the whole string, split on whitespace and hyphens."""
    return split_words(text.lower())


def split_words(text: str) -> list[str]:
    """lunr.tokenizer's split, without lower-casing (tokenize does that first).

    str.split() in C takes half the time of the regex split: the other separators become
    spaces first. The regex remains for the rare text with a space only Python sees.
    """
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
    """glossTrimmer: strip non-word characters at both ends (lunr.trimmer, in any script)."""
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


class _WrittenTerms(dict):
    """A token as the text writes it, not lower-cased → its index term (_TERMS).

    Lower-casing each distinct token once, not the whole text each time: analysing an
    article 140 → 120 µs. The same tokens as tokenize's wherever a letter's lower case does
    not depend on the letters around it: in Python, everywhere but at a capital sigma
    (final or not), whose texts analysis_of lower-cases whole.
    """

    def __missing__(self, token: str) -> str:
        lowered = token.lower()  # (a token in lower case already is one key of both memos)
        term = self[token] = _TERMS[token if lowered == token else lowered]
        return term


_WRITTEN_TERMS = _WrittenTerms()
_SIGMA = "\u03a3"


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
    return (doc.title, " ".join(doc.names), dek, doc.source, doc.text)


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
    order: dict[str, int]  # its terms in order of first appearance (lunr numbers them so)


def _append_each(lists: Iterable[list], items: Iterable) -> None:
    """lists[i].append(items[i]) for each i, looped in C (a Python loop per posting is slow)."""
    deque(map(list.append, lists, items), maxlen=0)


# (number of index tokens, terms in order of first appearance, the count of each: bytes
# when all are below 256, a byte each instead of eight)
FieldAnalysis = tuple[int, tuple[str, ...], bytes | tuple[int, ...]]
Analysis = tuple[FieldAnalysis, ...]  # one FieldAnalysis per field, in FIELDS order
_UNSEARCHED: FieldAnalysis = (0, (), b"")


def analysis_of(doc: SearchDoc) -> Analysis:
    """All that a document adds to the index, field by field: kept, so that a rebuild
    after one edit merges the other documents' analyses instead of reading their text."""
    fields = []
    for text in field_texts(doc):
        if _SIGMA in text:
            tokens, lookup = tokenize(text), _TERMS.__getitem__
        else:
            tokens, lookup = split_words(text), _WRITTEN_TERMS.__getitem__
        counts = Counter(map(lookup, tokens))
        length = len(tokens) - counts.pop("", 0)
        if not length:
            fields.append(_UNSEARCHED)
            continue
        try:
            tfs: bytes | tuple[int, ...] = bytes(counts.values())
        except ValueError:  # a count of 256 or more
            tfs = tuple(counts.values())
        fields.append((length, tuple(counts), tfs))
    return tuple(fields)


def merge(analyses: Iterable[Analysis], start: int = 0) -> Part:
    """The documents' postings, built in lunr.Builder.add's order (document, then field).

    `start` is the ref of the first document when they are a later run of the site's.
    """
    refs: list[Postings] = [defaultdict(list) for _ in FIELDS]
    tfs: list[Postings] = [defaultdict(list) for _ in FIELDS]
    order: dict[str, int] = {}
    for ref, analysis in enumerate(analyses, start):
        for f, (length, terms, counts) in enumerate(analysis):
            if not length:
                continue
            order.update(zip(terms, counts, strict=True))  # a dict keeps a key where it came
            _append_each(map(refs[f].__getitem__, terms), repeat(ref))
            _append_each(map(tfs[f].__getitem__, terms), counts)
    return Part(FieldPostings(refs, tfs), order)


def analyse(docs: list[SearchDoc], start: int = 0) -> Part:
    """The documents' postings, from their text (see merge)."""
    return merge(map(analysis_of, docs), start)


def analyses_of(docs: list[SearchDoc], known: list[Analysis | None]) -> list[Analysis]:
    """Each document's analysis: the one known, or made from its text."""
    return [a if a is not None else analysis_of(d) for d, a in zip(docs, known, strict=True)]


@dataclass(frozen=True)
class Summary:
    """What numbering the terms and cutting them in two need from each run of documents."""

    order: list[str]  # the run's terms in order of first appearance
    df: Counter  # term → number of (document, field) pairs holding it


def summary_of(part: Part) -> Summary:
    """What a run's part of the totals needs, small enough to send between processes."""
    return Summary(list(part.order), part.postings.df())


def term_numbers(orders: Iterable[Iterable[str]]) -> dict[str, int]:
    """lunr's `_index` of each term: its place in order of first appearance, over the terms
    of consecutive runs of documents, each in its order of first appearance."""
    order = dict.fromkeys(chain.from_iterable(orders))
    return dict(zip(order, range(len(order)), strict=True))


def field_lengths(analyses: list[Analysis]) -> list[list[int]]:
    """Each field's number of index tokens in each document, as BM25 weighs them."""
    return [[a[f][0] for a in analyses] for f in range(len(FIELDS))]


class _Numerals(dict):
    """int → its decimal text, memoised: postings repeat the same few thousand numbers."""

    def __missing__(self, n: int) -> str:
        self[n] = text = str(n)
        return text


_NUMERALS = _Numerals()


def postings_cell(docs: list[int], tfs: list[int]) -> str:
    """`[[doc gaps…],[tf…]]`: the first document whole, then gaps (fewer digits), and the
    term's count in each. search-engine.js scores them with lunr's BM25 from the field
    lengths in the manifest: an edit changes the average length, which would change every
    score stored here, but only the rows of the terms it adds or removes."""
    text = _NUMERALS.__getitem__
    gaps = [docs[0], *map(sub, docs[1:], docs)]
    return f"[[{','.join(map(text, gaps))}],[{','.join(map(text, tfs))}]]"


def term_rows(terms: list[str], postings: FieldPostings, index: dict[str, int]) -> list[str]:
    """JSON rows `[term, _index, field postings or 0…]` for these terms, as shards store them."""
    fields = list(zip(postings.refs, postings.tfs, strict=True))
    rows = []
    for term in terms:
        cells = [postings_cell(refs[term], tfs[term]) if term in refs else "0"
                 for refs, tfs in fields]
        rows.append(f"[{_json_string(term)},{index[term]},{','.join(cells)}]")
    return rows


def middle_term(df: Counter) -> str:
    """The term that cuts the sorted terms into two runs of about as many postings ("" if none)."""
    terms = sorted(df)
    half = sum(df.values()) / 2
    return next((t for t, n in zip(terms, accumulate(map(df.__getitem__, terms)), strict=True)
                 if n >= half), "")


_DOCS: list[SearchDoc] = []  # a forked worker's input: set just before the fork, read after it
_KNOWN: list[Analysis | None] = []  # the analyses of _DOCS known before, likewise
_PART: Part | None = None  # the worker's analysed documents, kept between its tasks


def _analyse_later(start: int) -> tuple[Summary, str, FieldPostings, dict[int, Analysis]]:
    """The worker's first task: read its documents; send back their summary, where to cut
    the terms, its postings of the terms before the cut, which this process scores, and the
    analyses it made (by ref), for the memo."""
    global _PART
    known = _KNOWN[start:]
    analyses = analyses_of(_DOCS[start:], known)
    _PART = merge(analyses, start)
    summary = summary_of(_PART)
    cut = middle_term(summary.df)
    made = {ref: a for ref, (a, k) in enumerate(zip(analyses, known, strict=True), start)
            if k is None}
    return summary, cut, _PART.postings.select(lambda term: term < cut), made


def _rows_from(cut: str, earlier: FieldPostings, terms: list[str], index: dict[str, int]
               ) -> list[str]:
    """The worker's second task: the rows of the terms from the cut on."""
    assert _PART is not None
    earlier.extend(_PART.postings.select(lambda term: term >= cut))
    return term_rows(terms, earlier, index)


PARALLEL_CHARS = 1_000_000  # below this much text to read a second process costs more than it saves


def can_fork() -> bool:
    """Whether a forked worker can take half the work: two cores, fork, not a daemon."""
    import multiprocessing as mp  # here: a one-article build has no worker (17 ms of import)

    return ((os.cpu_count() or 1) > 1 and not mp.current_process().daemon
            and "fork" in mp.get_all_start_methods())


def text_sizes(docs: list[SearchDoc]) -> list[int]:
    """Characters of searchable text in each document (bytes of an encoded body): a measure
    of the work it makes, taken without decoding any body."""
    return [len(d.title) + sum(map(len, d.names)) + len(d.dek) + len(d.source) + len(d.body)
            for d in docs]


def rows_in_two_processes(docs: list[SearchDoc], known: list[Analysis | None], sizes: list[int],
                          meanwhile: Callable[[], object]) -> tuple[list[str], list[Analysis]]:
    """shard_rows, with a forked worker doing half: read by documents, written by terms.

    The worker reads the later half of the documents while this process reads the first;
    then each writes the rows of the terms on one side of a cut, with the other's
    postings of them.
    The worker reads the documents from a global inherited through fork (pickling them
    would cost more than the work) and keeps its postings between its two tasks: it is the
    pool's only process. `meanwhile` runs while this process waits for the worker's half.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    global _DOCS, _KNOWN
    _DOCS, _KNOWN = docs, known
    try:
        with ProcessPoolExecutor(1, mp_context=mp.get_context("fork"),
                                 initializer=fork_child) as pool:
            total = sum(sizes)
            half = next(i for i, n in enumerate(accumulate(sizes)) if n >= total / 2)
            later = pool.submit(_analyse_later, half)
            analyses = analyses_of(docs[:half], known[:half])
            mine = merge(analyses)
            summary = summary_of(mine)
            meanwhile()
            theirs, cut, their_lower, made = later.result()
            analyses += [a if a is not None else made[ref]
                         for ref, a in enumerate(known[half:], half)]
            index = term_numbers([summary.order, theirs.order])
            terms = sorted(index)
            at = bisect_left(terms, cut)
            lower, upper = terms[:at], terms[at:]
            rows_after = pool.submit(_rows_from, cut,
                                     mine.postings.select(lambda term: term >= cut), upper,
                                     {term: index[term] for term in upper})
            postings = mine.postings.select(lambda term: term < cut)
            postings.extend(their_lower)
            rows = term_rows(lower, postings, index) + rows_after.result()
            return rows, analyses
    finally:
        _DOCS, _KNOWN = [], []


def shard_rows(docs: list[SearchDoc], known: list[Analysis | None],
               meanwhile: Callable[[], object], second_core: bool = True
               ) -> tuple[list[str], list[Analysis]]:
    """Sorted JSON rows `[term, _index, field postings or 0…]`, as shards store them, and
    every document's analysis (`known`: those already made, None for the others).

    `meanwhile` is other work of this build, done while a worker finishes if there is one
    (idempotent: it runs again if the worker fails). With `second_core` false there is
    none: a first `gloss build` makes the index in a child beside the page layout, and a
    worker of that child only took the core from it (build 4.28 → 3.87 s at 1,000
    articles, six alternated pairs).
    """
    sizes = text_sizes(docs)
    unread = sum(n for n, a in zip(sizes, known, strict=True) if a is None)
    if second_core and unread >= PARALLEL_CHARS and can_fork():
        from concurrent.futures.process import BrokenProcessPool

        try:
            return rows_in_two_processes(docs, known, sizes, meanwhile)
        except (OSError, BrokenProcessPool):
            pass  # no second process after all: do it all here
    analyses = analyses_of(docs, known)
    part = merge(analyses)
    index = term_numbers([part.order])
    meanwhile()
    return term_rows(sorted(index), part.postings, index), analyses


def split_shards(rows: list[str], target: int | None = None) -> list[list[str]]:
    """Cut the sorted rows into contiguous runs of about `target` bytes (SHARD_BYTES)."""
    target = SHARD_BYTES if target is None else target
    shards: list[list[str]] = []
    size = target
    for row in rows:
        if size + len(row) > target:
            shards.append([])
            size = 0
        shards[-1].append(row)
        size += len(row) + 1
    return shards


# After the spaces are made single: a pattern that begins with a plain character lets the
# regex engine jump from space to space (`\s+` had it try every place: 80 → 24 ms a build).
_SPACE_BEFORE = re.compile(r" (?=[,.;:!?)\]”’]|['’]s\b)")


def snippet_text(doc: SearchDoc) -> str:
    """The stored text snippets are cut from: the body (its start, if long), ended at a word.

    Text taken from HTML can have a space where an inline tag ended ("Kremlin ’s", "x ,").
    An article's text comes single-spaced already (plain_text): then it is not split into
    words and joined again (60 ms of a first build's index at 1,000 articles; the test
    is 25: no white space but single spaces, none at either end).
    """
    text = doc.text[: TEXT_CHARS * 3]
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    text = _SPACE_BEFORE.sub("", text)
    if len(text) <= TEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, TEXT_CHARS)
    return text[: cut if cut > TEXT_CHARS // 2 else TEXT_CHARS] + " …"


def doc_row(doc: SearchDoc) -> list[str]:
    """One row of the document table (search-engine.js reads it by position)."""
    return [doc.url, doc.kind, doc.title, doc.source, doc.date, doc.dek, snippet_text(doc)]


_first_value = json.JSONDecoder().raw_decode  # (value, end) of the JSON text at an index


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


# --- what earlier builds made, reused ------------------------------------------------


@dataclass(frozen=True)
class Shards:
    """The term shards as one build wrote them: what a later build needs to rewrite only the
    shards whose terms its edits change (`patch_shards`)."""

    keys: tuple[bytes, ...]  # the documents' digests, in the order of their refs
    firsts: tuple[str, ...]  # each shard's first term: where a term goes
    sizes: tuple[int, ...]  # each shard file's size, for the manifest
    digests: tuple[str, ...]  # each shard file's digest, as put (output/'s manifest has it)
    next_index: int  # the `_index` a new term takes: one more than any given


@dataclass
class Memo:
    """What this process, or an earlier build (read from .cache/), made that a build may reuse.

    Each entry is keyed by a digest of the documents it was made from, so it can never be
    stale, only unused; each build keeps just its own documents' (bounded by the site).
    """

    analyses: dict[bytes, Analysis] = field(default_factory=dict)  # document digest → analysis
    # table file → (digest of its documents' digests, digest of its content as written)
    blocks: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    shards: Shards | None = None  # the term shards as last written, if all were digested
    digests: dict[SearchDoc, bytes] = field(default_factory=dict)  # this process's, not saved
    read: bool = False  # whether the saved memo was looked for (once in a process)
    made: int = 0  # documents analysed or tabled since the memo was saved whole
    since: set[bytes] = field(default_factory=set)  # analyses made since then
    base: bytes = b""  # the check of the memo saved whole that this one extends
    changed: bool = False  # whether it changed since it was read or saved
    docs: int = 0  # documents in the last build


_MEMO = Memo()


def forget_memo() -> None:
    """Start from nothing, as a fresh process does (for tests and benchmarks)."""
    global _MEMO
    _MEMO = Memo()


def doc_digest(doc: SearchDoc) -> bytes:
    """A digest of all of a document: the lengths of its fields (names last), then the text;
    the body by its key where it has one.

    str.encode, not pickle: pickling a string keeps a UTF-8 copy of it alive inside the
    string (61 MB more for the text of 10,000 articles).
    """
    body = f"key:{doc.body_key}" if doc.body_key else f"text:{doc.text}"
    fields = (doc.url, doc.kind, doc.title, body, doc.dek, doc.source, doc.date, *doc.names)
    text = f"{','.join(map(str, map(len, fields)))}|{''.join(fields)}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def doc_digests(docs: list[SearchDoc]) -> list[bytes]:
    """Each document's digest, computed once in a process for equal documents (the memo
    keeps those of these documents only)."""
    known = _MEMO.digests
    keys = [known.get(d) or doc_digest(d) for d in docs] if known else list(map(doc_digest, docs))
    _MEMO.digests = dict(zip(docs, keys, strict=True))
    return keys


# Puts one of the index's files in place: (path, content) → the digest output/'s manifest
# records for it, or None if it is not digested (then no table block is ever kept).
Put = Callable[[str, bytes], str | None]


def table_files(docs: list[SearchDoc], keys: list[bytes], known: dict[str, tuple[bytes, str]],
                existing: Mapping[str, str], put: Put
                ) -> tuple[set[str], dict[str, tuple[bytes, str]]]:
    """search/d<N>.js: the document table in blocks of DOC_BLOCK documents, each put as it
    is made; returns the blocks kept and what each block was made of, with its digest.

    A block is kept, not made, when its documents are those of a block known to have been
    written with the digest `existing` has for it: the table holds every article's text
    (cutting its snippets takes 0.2 s at 1,000 articles), and an edit changes a block or two.
    """
    kept: set[str] = set()
    blocks: dict[str, tuple[bytes, str]] = {}
    digested = True
    for n in range(0, len(docs), DOC_BLOCK):
        key = f"d{n // DOC_BLOCK}"
        path = f"search/{key}.js"
        made_of = hashlib.blake2b(b"".join(keys[n:n + DOC_BLOCK]), digest_size=16).digest()
        last = known.get(path)
        if last is not None and last[0] == made_of and existing.get(path) == last[1]:
            kept.add(path)
            blocks[path] = last
            continue
        written = put(path, script(key, [doc_row(d) for d in docs[n:n + DOC_BLOCK]]))
        if written is None:
            digested = False
        else:
            blocks[path] = (made_of, written)
    return kept, blocks if digested else known


PATCH_SHARE = 0.02  # patch the shards when at most this share of the documents changed
PATCH_MIN = 8  # ...or this many
_SHARD_SCRIPT = re.compile(r"\A\(window\.GLOSS_SEARCH_PARTS=window\.GLOSS_SEARCH_PARTS\|\|\{\}\)"
                           r"\[\"t\d+\"\]=JSON\.parse\('(.*)'\);\n\Z", re.DOTALL)
_SCRIPT_ESCAPE = re.compile(r"\\(\\|'|u2028|u2029)")
_UNESCAPED = {"\\": "\\", "'": "'", "u2028": "\u2028", "u2029": "\u2029"}


def shard_rows_of(data: bytes) -> list[list] | None:
    """The rows a shard file holds (script_json read back); None if it is not one."""
    found = _SHARD_SCRIPT.match(data.decode("utf-8", "surrogatepass"))
    if found is None:
        return None
    text = _SCRIPT_ESCAPE.sub(lambda m: _UNESCAPED[m[1]], found[1])
    return json.loads(text)


def _changes(old: Analysis, new: Analysis, ref: int,
             into: dict[str, list[tuple[int, int, int]]]) -> None:
    """Each term whose count in one of the document's fields differs between its two
    analyses: term → (field, ref, new count; 0 where it is gone)."""
    for f, (before, after) in enumerate(zip(old, new, strict=True)):
        was = dict(zip(before[1], before[2], strict=True))
        now = dict(zip(after[1], after[2], strict=True))
        for term in was.keys() | now.keys():
            count = now.get(term, 0)
            if was.get(term, 0) != count:
                into.setdefault(term, []).append((f, ref, count))


def _patched_cell(cell: list | int, changes: list[tuple[int, int]]) -> list | int:
    """A field's postings of a term (`[[gaps], [counts]]`, or 0 for none) with these
    (ref, count) changes made; 0 when none is left."""
    postings = {} if not cell else dict(zip(accumulate(cell[0]), cell[1], strict=True))
    for ref, count in changes:
        if count:
            postings[ref] = count
        else:
            postings.pop(ref, None)
    if not postings:
        return 0
    refs = sorted(postings)
    return [[refs[0], *map(sub, refs[1:], refs)], [postings[r] for r in refs]]


def patch_shards(docs: list[SearchDoc], keys: list[bytes], known: list[Analysis | None],
                 memo_analyses: Mapping[bytes, Analysis], last: Shards,
                 existing: Mapping[str, str], read: Callable[[str], bytes]
                 ) -> tuple[list[Analysis], list[tuple[int, bytes]], Shards] | None:
    """The shards of the terms an edit of a few documents changed, patched from output/'s:
    (every document's analysis, (shard number, content) of each shard to write, the
    shards as they will be). None when the index must be made whole: many documents, or
    documents added or removed, changed; or output/ does not hold the shards `last` says.

    A term new to the index takes a new `_index`, not its place in lunr's order of first
    appearance: lunr scores by term, so only a sum of three or more terms' scores can differ,
    in its last bit.
    """
    if len(last.keys) != len(keys) or not last.firsts or any(
            existing.get(f"search/t{n}.js") != digest for n, digest in enumerate(last.digests)):
        return None  # (every shard as written: those kept, and those read back)
    changed = [ref for ref, (a, b) in enumerate(zip(last.keys, keys, strict=True)) if a != b]
    if len(changed) > max(PATCH_MIN, PATCH_SHARE * len(keys)):
        return None
    old = [memo_analyses.get(last.keys[ref]) for ref in changed]
    if None in old:
        return None
    analyses = analyses_of(docs, known)
    edits: dict[str, list[tuple[int, int, int]]] = {}
    for ref, before in zip(changed, old, strict=True):
        _changes(before, analyses[ref], ref, edits)  # type: ignore[arg-type]
    firsts = list(last.firsts)
    by_shard: dict[int, list[str]] = defaultdict(list)
    for term in sorted(edits):
        n = max(0, bisect_right(firsts, term) - 1)
        if term < firsts[n]:  # before every term: the first shard starts with it now
            firsts[n] = term
        by_shard[n].append(term)
    index = last.next_index
    files = []
    for n, terms in sorted(by_shard.items()):
        path = f"search/t{n}.js"
        try:
            rows = shard_rows_of(read(path))
        except (OSError, ValueError):
            return None
        if rows is None:
            return None
        at = {row[0]: row for row in rows}
        for term in terms:
            row = at.get(term)
            if row is None:
                row = at[term] = [term, index, *(0 for _ in FIELDS)]
                index += 1
            by_field: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for f, ref, count in edits[term]:
                by_field[f].append((ref, count))
            for f, changes in by_field.items():
                row[2 + f] = _patched_cell(row[2 + f], changes)
            if not any(row[2:]):  # in no document any more
                del at[term]
        data = script_json(f"t{n}", _json([at[term] for term in sorted(at)]))
        if len(data) > 4 * SHARD_BYTES:  # grown by many edits: cut the index anew
            return None
        files.append((n, data))
    return analyses, files, dataclasses.replace(last, keys=tuple(keys), firsts=tuple(firsts),
                                                next_index=index)


def search_files(docs: list[SearchDoc], put: Put, keys: list[bytes] | None = None,
                 existing: Mapping[str, str] | None = None, second_core: bool = True,
                 read: Callable[[str], bytes] | None = None) -> set[str]:
    """Put each file of the documents' index (manifest, term shards, document table), made
    with the memo; but not the table blocks output/ holds as they would be written
    (`existing`: path → the digest of each file there, as `put` gives them): their paths
    are returned. `keys` are the documents' doc_digests, if known. `second_core`: whether
    the index may take the other core too (not while the build lays out pages on it).
    `read` reads a file of output/: given, the shards an edit leaves alone are not put.
    """
    if len(_TERMS) + len(_WRITTEN_TERMS) > 2_000_000:  # a long-lived server: keep the
        _TERMS.clear()  # word memos bounded
        _WRITTEN_TERMS.clear()
    memo = _MEMO
    keys = doc_digests(docs) if keys is None else keys
    known = [memo.analyses.get(k) for k in keys]
    tables: list[tuple[set[str], dict[str, tuple[bytes, str]]]] = []

    def make_tables() -> None:  # while a worker reads, if there is one
        tables.append(table_files(docs, keys, memo.blocks, existing or {}, put))

    patched = None
    if read is not None and memo.shards is not None:
        patched = patch_shards(docs, keys, known, memo.analyses, memo.shards, existing or {},
                               read)
    if patched is not None:  # the shards of the terms a few documents changed
        analyses, files, shards = patched
        make_tables()
    else:
        rows, analyses = (shard_rows(docs, known, make_tables, second_core) if docs
                          else ([], []))
        cut = split_shards(rows)
        files = [(n, script_json(f"t{n}", "[" + ",".join(shard) + "]"))
                 for n, shard in enumerate(cut)]
        firsts = tuple(_first_value(shard[0], 1)[0] for shard in cut)  # a row's term alone
        # (terms are numbered 0, 1, … in order of first appearance: one row each)
        shards = Shards(tuple(keys), firsts, (0,) * len(cut), ("",) * len(cut), len(rows))
    sizes, digests = list(shards.sizes), list(shards.digests)
    for n, data in files:
        digests[n] = put(f"search/t{n}.js", data)  # type: ignore[call-overload]
        sizes[n] = len(data)
    kept, blocks = tables[-1] if tables else (set(), {})
    if patched is not None:  # the shards no edit changed stay as output/ holds them
        written = {n for n, _ in files}
        kept = kept | {f"search/t{n}.js" for n in range(len(digests)) if n not in written}
    bounds = [[first, size] for first, size in zip(shards.firsts, sizes, strict=True)]
    manifest = {"version": LUNR_VERSION, "fields": [f for f, _ in FIELDS],
                "boosts": [b for _, b in FIELDS], "pipeline": list(PIPELINE),
                "k1": K1, "b": B, "docs": len(docs), "block": DOC_BLOCK, "shards": bounds,
                "lengths": field_lengths(analyses)}
    put("search/index.js", script("index", manifest))
    made = [k for k, a in zip(keys, known, strict=True) if a is None]
    memo.made += len(made) + DOC_BLOCK * sum(
        1 for path, entry in blocks.items() if memo.blocks.get(path) != entry)
    memo.since.update(made)
    shards = (None if None in digests else
              dataclasses.replace(shards, sizes=tuple(sizes), digests=tuple(digests)))
    memo.changed |= bool(made) or blocks != memo.blocks or shards != memo.shards
    memo.analyses = dict(zip(keys, analyses, strict=True))
    memo.blocks = blocks
    memo.shards = shards
    memo.docs = len(docs)
    return kept


def build_search_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """Relative output path → file content, for the manifest, term shards and doc table."""
    files: dict[str, bytes] = {}
    search_files(docs, files.__setitem__)  # which returns None: nothing digested, all made
    return files


# The saved memo: a header naming the code that made it, a digest of the rest, a pickle.
_MEMO_MAGIC = b"gloss search memo\n"
SAVE_SHARE = 0.05  # save when this share of the documents was analysed or tabled anew


@functools.cache
def _memo_header() -> bytes:
    """The magic and a digest of what made the entries: this code, Python and its Unicode."""
    made_by = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16)
    made_by.update(f"{sys.version}\0{unicodedata.unidata_version}".encode())
    return _MEMO_MAGIC + made_by.digest()


def _memo_content(data: bytes) -> tuple[bytes, dict] | None:
    """(its check, what it holds) of a saved memo file; None if other code made it, or if
    it is damaged."""
    header = _memo_header()
    if not data.startswith(header):
        return None
    view = memoryview(data)[len(header):]
    check, payload = bytes(view[:16]), view[16:]
    if hashlib.blake2b(payload, digest_size=16).digest() != check:
        return None
    try:
        content = pickle.loads(payload)
    except Exception:  # a damaged pickle can raise anything: it is only no memo
        return None
    return (check, content) if isinstance(content, dict) else None


def _recent_path(path: Path) -> Path:
    """The file of what changed since the memo at `path` was saved whole."""
    return path.with_name(f"{path.stem}-recent{path.suffix}")


def read_memo(path: Path) -> None:
    """Take the memo an earlier build saved at `path` (whole, then what changed since, if
    that was saved over this whole), once in a process, if this one has none.

    A missing file, one other code made, or a damaged one only means making it all again.
    """
    memo = _MEMO
    if memo.read:
        return
    memo.read = True
    if memo.analyses or memo.blocks:
        return
    try:
        whole = _memo_content(path.read_bytes())
    except OSError:
        return
    if whole is None:
        return
    try:
        recent = _memo_content(_recent_path(path).read_bytes())
    except OSError:
        recent = None
    memo.base, content = whole
    memo.analyses, memo.blocks, memo.shards = (content["analyses"], content["blocks"],
                                               content["shards"])
    if recent is not None and recent[1]["base"] == memo.base:
        content = recent[1]
        memo.analyses.update(content["analyses"])
        memo.blocks, memo.shards, memo.made = content["blocks"], content["shards"], content["made"]
        memo.since = set(content["analyses"])


def _write_memo(path: Path, content: dict) -> bytes:
    payload = pickle.dumps(content, pickle.HIGHEST_PROTOCOL)
    check = hashlib.blake2b(payload, digest_size=16).digest()
    write_atomic(path, lambda handle: handle.writelines((_memo_header(), check, payload)))
    return check


def save_memo(path: Path) -> None:
    """Save what changed in the memo for later builds: the analyses made since it was last
    saved whole, the shards and table blocks as written, in a small file beside it; the
    whole memo again once a twentieth of the documents were analysed or tabled anew.

    Saving whole costs about what analysing a twentieth of the documents does (at 1,000
    and 10,000 articles); fewer made anew are made again by the next build, at less cost.
    The small file is what lets the next process patch the shards an edit changes.
    """
    memo = _MEMO
    if not memo.changed:
        return
    memo.changed = False
    with contextlib.suppress(OSError):
        if memo.made > SAVE_SHARE * memo.docs or not memo.base:
            memo.base = _write_memo(path, {"analyses": memo.analyses, "blocks": memo.blocks,
                                           "shards": memo.shards})
            memo.made, memo.since = 0, set()
            with contextlib.suppress(FileNotFoundError):
                _recent_path(path).unlink()
            return
        since = {k: memo.analyses[k] for k in memo.since if k in memo.analyses}
        _write_memo(_recent_path(path), {"base": memo.base, "analyses": since,
                                         "blocks": memo.blocks, "shards": memo.shards,
                                         "made": memo.made})
