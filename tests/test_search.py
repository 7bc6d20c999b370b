"""Search index: Gloss's prebuilt index answers like one lunr.js builds itself.

The browser is the reference. Node runs the vendored lunr.js and theme/static/search-engine.js on
the same documents: it builds a lunr index of its own and queries both it and the shard
files builder/search.py wrote, with the same query code; results must be the same
documents in the same order with the same scores. Node ships on these machines
(.ci/run installs it); without it those tests skip, saying so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support import search_index_content, search_part

import builder.search as search
from builder.search import (
    DOC_BLOCK,
    FIELDS,
    SearchDoc,
    build_search_files,
    field_texts,
    fold,
    forget_memo,
    read_memo,
    save_memo,
    search_files,
    stem,
    term_of,
    terms_of,
    tokenize,
)

REPO = Path(__file__).resolve().parents[1]
LUNR = REPO / "theme" / "static" / "lunr.min.js"
SEARCH_JS = REPO / "theme" / "static" / "search-engine.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: the lunr.js "
                                "comparison needs it (apt-get install nodejs)")

NAMES = ["José Andrés", "Bogotá", "Zürich", "Kraków", "São Paulo", "Łukasz Nowak",
         "Søren Kierkegaard", "Kremlin", "Olaf Scholz", "Chloé Dubois", "Gdańsk",
         "Jürgen Müller", "Zoë Yılmaz", "Québec", "Nîmes", "Tromsø", "Anna-Lena Æbelø"]
WORDS = ("delay delays delayed survey surveys surveyed key keys keyed keyboard running runs "
         "studies study generalization happiness relational conditional yelling yield "
         "government officials report weapons city council market prices energy winter "
         "negotiations ceasefire border troops ministry budget election voters court ruling "
         "valley railway envoy harbour analysts economy inflation schools hospital supply "
         "chain drought farmers harvest reform parliament coalition protest agreement talks "
         "statement week month year morning evening during after before the a of to in and "
         "that for on with as was said by it from at is his her their ceasefires sanctions "
         "Bogotá—José, and/or wait…what – cafés naïve résumé façade coöperation über fiancée "
         "piñata o'brien rock’n’roll "
         "covid-19 3.5% $20 u.s. e-mail re-election well-known 2024 1990s").split()
ODD = ["Київ", "東京", "🙂", "—", "“quoted”", "(brackets)", "‘single’", "ﬁnance", "Ångström",
       "ŀl", "ß", "İstanbul", "ΣΟΦΙΑ", "a’’", "'s", "dogs’", "James’s", "Kremlin’s,"]


def corpus(seed: int = 9, n: int = 140) -> list[SearchDoc]:
    """Articles and entities with accents, possessives, hyphens and odd characters."""
    rng = random.Random(seed)

    def sentence() -> str:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 16))]
        for _ in range(rng.randint(0, 2)):
            name = rng.choice(NAMES) + rng.choice(["", "", "’s", "'s", ",", "."])
            words.insert(rng.randrange(len(words) + 1), name)
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words) + 1), rng.choice(ODD))
        return " ".join(words).capitalize() + rng.choice([".", "!", "?", "…"])

    docs = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS + NAMES) for _ in range(rng.randint(3, 8))).title()
        body = " ".join(sentence() for _ in range(rng.randint(3, 30)))
        names = tuple(dict.fromkeys(rng.sample(NAMES, rng.randint(0, 3))))
        docs.append(SearchDoc(url=f"articles/a{i}.html", kind="article", title=title,
                              body=body, dek=sentence() if rng.random() < 0.6 else "",
                              source=rng.choice(["Reuters", "Le Monde", "Zeit", ""]),
                              date=f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                              names=names))
    for i, name in enumerate(NAMES):
        docs.append(SearchDoc(url=f"entities/e{i}.html", kind="entity", title=name,
                              body=sentence(), dek="person", names=(name.split()[-1],)))
    return docs


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def queries(docs: list[SearchDoc], seed: int = 4) -> list[tuple[str, bool]]:
    """(query, last word is a prefix) pairs drawn from the documents' own words."""
    rng = random.Random(seed)
    surface = [w for d in docs for w in re.split(r"\s+", d.title + " " + d.body) if w]
    out = [("delay", False), ("Delays", False), ("survey", False), ("key", False),
           ("jose andres", False), ("José Andrés", False), ("JOSE ANDRÉS", False),
           ("bogota", False), ("Bogotá", False), ("Kremlin’s", False), ("kremlin's", False),
           ("kremlin", False), ("zurich", False), ("krakow", False), ("lukasz", False),
           ("soren", False), ("sao paulo", False), ("tromso", False), ("dogs", False),
           ("cafe", False), ("naive", False), ("resume", False), ("re-election", False),
           ("covid", False), ("o'brien", False), ("finance", False), ("angstrom", False),
           ("istanbul", False), ("james", False), ("the", False), ("the delay", False),
           ("jos", True), ("bogo", True), ("del", True), ("surv", True), ("kremlin’", True),
           ("scholz gov", True), ("ceasefire neg", True), ("київ", False), ("Київ", False),
           ("σοφια", False), ("ΣΟΦΙΑ", False), ("киї", True)]
    for _ in range(160):
        out.append((rng.choice(surface), False))
    for _ in range(60):
        out.append((" ".join(rng.sample(surface, rng.randint(2, 3))), False))
    for _ in range(50):
        word = strip_accents(rng.choice(surface)).lower()
        out.append((word[: rng.randint(2, max(2, len(word)))], True))
    for _ in range(20):
        out.append((strip_accents(rng.choice(NAMES)).lower(), rng.random() < 0.5))
    return out


NASTY = ["foo:", "~", "+", "-", "*", "^", "\"unbalanced", "title:delay", "delay~2", "+delay",
         "-delay", "del*", "^3", "a" * 500, "delay " * 100, "", "   ", "‘", "\u0000", "💥💥",
         "(", ")", "[", "\\", "%", "?q=1&x", "<script>alert(1)</script>", "e-", "-e"]

NODE_SCRIPT = r"""
const fs = require('fs'), path = require('path'), vm = require('vm');
const [lunrPath, searchPath, dir, inputPath] = process.argv.slice(2);
const lunr = require(lunrPath);
const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
const ctx = vm.createContext({console});
ctx.window = ctx;
vm.runInContext(fs.readFileSync(searchPath, 'utf8'), ctx);
const GS = ctx.GlossSearch;
function loadPart(key) {
  vm.runInContext(fs.readFileSync(path.join(dir, 'search', key + '.js'), 'utf8'), ctx);
  return Promise.resolve(ctx.GLOSS_SEARCH_PARTS[key]);
}
const engine = new GS.Engine(lunr, loadPart,
  {maxExpansions: Infinity, prefixBudget: Infinity, minPrefix: 2});
const reference = lunr(function () {
  this.pipeline.reset();
  this.searchPipeline.reset();
  this.pipeline.add(GS.glossFold, GS.glossTrimmer, lunr.stopWordFilter, lunr.stemmer);
  this.ref('id');
  input.fields.forEach((f, i) => this.field(f, {boost: input.boosts[i]}));
  input.docs.forEach((texts, i) => {
    const doc = {id: String(i)};
    input.fields.forEach((f, j) => { doc[f] = texts[j]; });
    this.add(doc);
  });
});
const folds = input.folds.map(GS.foldWord);
const terms = input.words.map(w => lunr.tokenizer(w).map(t => engine.text.term(t.toString())));
(async () => {
  const out = [];
  for (const [q, prefix] of input.queries) {
    const mine = await engine.search(q, prefix);
    const plan = engine.text.plan(q, prefix, 2);
    const theirs = plan.clauses.length ? GS.runQuery(lunr, reference, plan.clauses) : [];
    out.push({q, mine: mine.results.map(r => [r.ref, r.score]),
              theirs: theirs.map(r => [Number(r.ref), r.score])});
  }
  let nasty = 0;
  for (const q of input.nasty) { await engine.search(q, true); await engine.search(q, false);
                                 nasty += 1; }
  process.stdout.write(JSON.stringify({folds, terms, results: out, nasty}));
})().catch(e => { console.error(e && e.stack || e); process.exit(1); });
"""


def run_node(tmp_path: Path, docs: list[SearchDoc], words: list[str], folds: list[str],
             qs: list[tuple[str, bool]], files: dict[str, bytes] | None = None) -> dict:
    """Writes the site's search files (`files`, else made from docs), runs the node
    comparison, returns what it printed."""
    for rel, data in (build_search_files(docs) if files is None else files).items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    spec = {"fields": [f for f, _ in FIELDS], "boosts": [b for _, b in FIELDS],
            "docs": [list(field_texts(d)) for d in docs], "words": words, "folds": folds,
            "queries": qs, "nasty": NASTY}
    (tmp_path / "input.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    (tmp_path / "compare.js").write_text(NODE_SCRIPT, "utf-8")
    done = subprocess.run([NODE, str(tmp_path / "compare.js"), str(LUNR), str(SEARCH_JS),
                           str(tmp_path), str(tmp_path / "input.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def node_run(tmp_path_factory) -> tuple[list[SearchDoc], list[tuple[str, bool]], dict, list]:
    docs = corpus()
    words = sorted({w for d in docs for text in field_texts(d) for w in text.split()}
                   | set(WORDS) | set(ODD) | set(NAMES))
    folds = sorted({t for w in words for t in tokenize(w)})
    qs = queries(docs)
    return docs, qs, run_node(tmp_path_factory.mktemp("site"), docs, words, folds, qs), words


@needs_node
def test_fold_is_the_same_function_in_python_and_js(node_run):
    docs, _, out, words = node_run
    folds = sorted({t for w in words for t in tokenize(w)})
    assert out["folds"] == [fold(t) for t in folds]


@needs_node
def test_every_index_term_is_what_lunr_js_makes_of_the_word(node_run):
    _, _, out, words = node_run
    python = [[term_of(t) for t in tokenize(w)] for w in words]
    wrong = [(w, p, j) for w, p, j in zip(words, python, out["terms"], strict=True) if p != j]
    assert wrong == []


@needs_node
def test_prebuilt_index_answers_like_one_lunr_js_built(node_run):
    _, qs, out, _ = node_run
    assert len(out["results"]) == len(qs) >= 300
    differ = [r for r in out["results"] if r["mine"] != r["theirs"]]
    assert differ == []
    found = [r for r in out["results"] if r["mine"]]
    assert len(found) > 0.8 * len(qs)  # the comparison is not vacuous


@needs_node
def test_hostile_queries_are_calm(node_run):
    assert node_run[2]["nasty"] == len(NASTY)


@needs_node
def test_case_accents_and_possessives_never_matter(node_run):
    results = {r["q"]: r["mine"] for r in node_run[2]["results"]}
    assert results["jose andres"] == results["José Andrés"] == results["JOSE ANDRÉS"] != []
    assert results["bogota"] == results["Bogotá"] != []
    assert results["kremlin"] == results["Kremlin’s"] == results["kremlin's"] != []
    assert results["delay"] and results["survey"] and results["key"]
    # words in other scripts are words too (lunr's own trimmer kept nothing of them)
    assert results["київ"] == results["Київ"] != []
    assert results["σοφια"] == results["ΣΟΦΙΑ"] != []


def test_stemmer_follows_lunr_js_not_lunr_py():
    assert [stem(w) for w in ("delay", "key", "survey", "running", "happiness")] == [
        "delay", "key", "survey", "run", "happi"]


def test_fold_accents_possessives_and_non_words():
    assert fold("bogotá") == "bogota"
    assert fold("kremlin’s") == "kremlin"
    assert fold("kremlin’s,") == "kremlin,"
    assert fold("łukasz") == "lukasz"
    assert fold("—") == ""
    assert fold("київ") == "киів"  # a word in any script, its marks off as accents are
    assert fold("東京") == "東京"
    assert terms_of("The Kremlin’s delay in Bogotá—José’s survey") == [
        "kremlin", "delay", "bogota", "jose", "survey"]


def test_files_layout_short_refs_and_table():
    docs = corpus(n=70)
    files = build_search_files(docs)
    assert "search/index.js" in files
    blocks = [k for k in files if re.fullmatch(r"search/d\d+\.js", k)]
    assert len(blocks) == -(-len(docs) // DOC_BLOCK)
    manifest = search_part(files["search/index.js"])
    assert manifest["docs"] == len(docs) and manifest["version"] == "2.3.9"
    assert manifest["pipeline"] == ["glossFold", "glossTrimmer", "stopWordFilter", "stemmer"]
    firsts = [s[0] for s in manifest["shards"]]
    assert firsts == sorted(firsts)
    rows = [r for n in range(len(firsts)) for r in search_part(files[f"search/t{n}.js"])]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert search_part(files["search/d0.js"])[0][:3] == [docs[0].url, "article", docs[0].title]
    assert all(len(data) < 200_000 for data in files.values())


def test_empty_site_still_writes_a_manifest():
    files = build_search_files([])
    assert search_part(files["search/index.js"])["shards"] == []


def test_scripts_escape_quotes_and_backslashes():
    doc = SearchDoc(url="a.html", kind="article", title="It's a \\ back'slash \u2028 line")
    files = build_search_files([doc])
    assert search_part(files["search/d0.js"])[0][2] == doc.title


def test_postings_split_across_processes_equal_one_process(monkeypatch):
    docs = corpus(n=90)
    serial = build_search_files(docs)
    monkeypatch.setattr(search, "PARALLEL_CHARS", 0)
    assert build_search_files(docs) == serial
    monkeypatch.setattr(search.os, "cpu_count", lambda: 1)  # one core: all in this process
    assert build_search_files(docs) == serial


def test_no_worker_when_the_other_core_is_taken(monkeypatch):
    # `gloss build` makes the index in a child beside the page layout: no worker of its own
    docs = corpus(n=90)
    serial = build_search_files(docs)
    monkeypatch.setattr(search, "PARALLEL_CHARS", 0)

    def no_worker(*args, **kwargs):
        raise AssertionError("forked a worker")

    monkeypatch.setattr(search, "rows_in_two_processes", no_worker)
    files: dict[str, bytes] = {}
    search.search_files(docs, files.__setitem__, second_core=False)
    assert files == serial


# --- the memo: what earlier builds made, reused ---------------------------------------


def from_scratch(docs: list[SearchDoc]) -> dict[str, bytes]:
    """The index as a process that never saw a document makes it (the memo put back after)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_MEMO", search.Memo())
        return build_search_files(docs)


def edited(docs: list[SearchDoc], at: int, **changes: object) -> list[SearchDoc]:
    return [*docs[:at], dataclasses.replace(docs[at], **changes), *docs[at + 1:]]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(autouse=True)
def no_memo_between_tests():
    forget_memo()
    yield
    forget_memo()


def test_an_analysis_is_each_field_s_terms_counted_in_order():
    docs = corpus(n=30)
    docs.append(edited(docs, 0, body="Delays " * 300 + "and a delay.")[0])  # past a byte
    for doc in docs:
        for text, (length, terms, counts) in zip(field_texts(doc), search.analysis_of(doc),
                                                 strict=True):
            expected = terms_of(text)
            assert length == len(expected)
            assert list(terms) == list(dict.fromkeys(expected))
            assert list(counts) == [expected.count(t) for t in terms]


# Letters whose lower case is not one-to-one or depends on its neighbours (the capital sigma
# before a format character and a capital is not final), separators of both kinds, spaces
# only Python or only JS sees, apostrophes.
_TRICKY = "aAzZéÉßİIıΣσςΟΑ  -—/…\ufeff\u00a0\u2009\x1c\x85’'.,0"


@settings(max_examples=300)
@given(st.text(alphabet=_TRICKY, max_size=40))
@example("ΟΔΟΣ\ufeffΑ")  # split at the BOM after lower-casing: σ, not ς
@example("İstanbul’s STRASSE Straße")
def test_an_analysis_lowercases_as_the_tokenizer_does(text):
    doc = SearchDoc(url="a.html", kind="article", title=text, body=text, names=(text,))
    for field, (length, terms, counts) in zip(field_texts(doc), search.analysis_of(doc),
                                              strict=True):
        expected = terms_of(field)  # lower-cased whole, then split
        assert (length, list(terms)) == (len(expected), list(dict.fromkeys(expected)))
        assert list(counts) == [expected.count(t) for t in terms]


def test_an_index_made_with_the_memo_equals_one_made_from_scratch():
    # Each edit leaves the memo holding the analyses of the documents before it: any one
    # of them answered from there would show in the index.
    docs = corpus(n=60)
    assert build_search_files(docs) == from_scratch(docs)
    rng = random.Random(2)
    steps = [
        edited(docs, 5, body=docs[5].body + " Delay in Bogotá, said the Kremlin’s envoy."),
        edited(docs, 5, body=docs[5].body.replace(" ", "  ")),  # same words: same analysis
        edited(docs, 7, names=("Zoë Yılmaz", "Kremlin")),  # the names field alone
        edited(docs, 7, title="A new title", names=("Zoë Yılmaz",)),
        edited(docs, 8, url="articles/moved.html"),  # in the table only, not the terms
        edited(docs, 9, dek="", source=""),  # fields emptied
        edited(docs, 9, body="delay " * 300 + docs[9].body),  # a count past a byte
        docs[:20] + docs[21:],  # a document deleted: every later one moves
        [docs[3], *docs],  # one added first, and the same document twice
        rng.sample(docs, len(docs)),  # reordered
        docs[:1],
        [],
        docs,  # back to the first: the memo holds none of it any more
    ]
    for step in steps:
        assert build_search_files(step) == from_scratch(step)


def put_into(files: dict[str, bytes]):
    """A `put` for search_files: keeps each file, returns its digest."""
    def put(path: str, data: bytes) -> str:
        files[path] = data
        return sha(data)
    return put


def test_unchanged_table_blocks_are_kept_not_made_again(monkeypatch):
    docs = corpus(n=60)
    first: dict[str, bytes] = {}
    assert search_files(docs, put_into(first), None, {}) == set()
    existing = {path: sha(data) for path, data in first.items()}
    tables = {p for p in existing if p.startswith("search/d")}
    assert len(tables) == -(-len(docs) // DOC_BLOCK)

    made: list[SearchDoc] = []
    row = search.doc_row
    monkeypatch.setattr(search, "doc_row", lambda d: made.append(d) or row(d))
    later = edited(docs, 2 * DOC_BLOCK + 1, body="A rewritten body.")
    files: dict[str, bytes] = {}
    kept = search_files(later, put_into(files), None, existing)
    assert kept == tables - {"search/d2.js"} and kept.isdisjoint(files)
    assert made == later[2 * DOC_BLOCK:3 * DOC_BLOCK]  # the edited block's documents only
    scratch = from_scratch(later)
    assert files == {p: scratch[p] for p in files}
    assert {p: sha(scratch[p]) for p in kept} == {p: existing[p] for p in kept}
    assert set(files) | kept == set(scratch)

    # A block output/ holds otherwise than the memo knows is made again, never kept.
    files.clear()
    kept = search_files(later, put_into(files), None, {**existing, "search/d0.js": "other"})
    assert "search/d0.js" not in kept and files["search/d0.js"] == scratch["search/d0.js"]
    # Without a digest to compare with, nothing is kept.
    assert set(build_search_files(later)) == set(scratch)


def test_the_saved_memo_is_read_once_and_damage_only_costs_time(tmp_path, monkeypatch):
    docs = corpus(n=60)
    path = tmp_path / "memo" / "search.pickle"
    build_search_files(docs)
    save_memo(path)  # all new: saved
    assert path.is_file()

    def analysed() -> list[SearchDoc]:
        """Documents analysed from their text by a fresh process reading the saved memo."""
        later = edited(docs, 4, body="Changed.")
        expected = from_scratch(later)
        forget_memo()
        read_memo(path)
        seen: list[SearchDoc] = []
        analysis_of = search.analysis_of
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search, "analysis_of", lambda d: seen.append(d) or analysis_of(d))
            assert build_search_files(later) == expected
        return seen

    assert [d.body for d in analysed()] == ["Changed."]
    saved = path.read_bytes()
    assert b"delay" in saved
    for damaged in [saved[:-1], saved[:100], b"", saved[:60] + b"x" + saved[61:],
                    saved.replace(b"gloss search memo", b"gloss search memX"),
                    saved.replace(b"delay", b"dxlay")]:  # still a pickle, of wrong terms
        path.write_bytes(damaged)
        assert len(analysed()) == len(docs)  # no memo, and no error
    path.write_bytes(saved)
    monkeypatch.setattr(search, "_memo_header", lambda: b"other code")  # code changed
    assert len(analysed()) == len(docs)


def test_an_unchanged_site_does_not_save_its_memo_again(tmp_path):
    docs = corpus(n=60)
    path = tmp_path / "search.pickle"
    build_search_files(docs)
    save_memo(path)
    path.unlink()
    build_search_files(docs)
    save_memo(path)
    assert not path.exists()


def test_a_worker_s_analyses_are_kept_for_the_next_build(monkeypatch):
    # Read in two processes, the documents' analyses still all reach the memo: the next
    # build, in one process (where analyses made can be counted), makes none again.
    docs = corpus(n=90)
    later = edited(docs, 70, title="Retitled, late in the documents")
    serial, serial_later = from_scratch(docs), from_scratch(later)
    monkeypatch.setattr(search, "PARALLEL_CHARS", 0)
    assert build_search_files(docs) == serial
    monkeypatch.setattr(search, "PARALLEL_CHARS", 10**12)
    seen: list[SearchDoc] = []
    analysis_of = search.analysis_of
    monkeypatch.setattr(search, "analysis_of", lambda d: seen.append(d) or analysis_of(d))
    assert build_search_files(docs) == serial
    assert seen == []
    assert build_search_files(later) == serial_later
    assert seen == [later[70]]


def test_a_documents_digest_takes_its_body_by_key_where_it_has_one():
    digest, replace = search.doc_digest, dataclasses.replace
    doc = SearchDoc(url="articles/a.html", kind="article", title="A", body="Kyiv at night.")
    assert digest(doc) != digest(replace(doc, body="Lviv at night."))
    keyed = replace(doc, body_key="k1")
    assert digest(keyed) == digest(replace(keyed, body="any text: the key stands for it"))
    assert digest(keyed) != digest(replace(keyed, body_key="k2"))
    assert digest(keyed) != digest(doc)
    assert digest(replace(doc, body="key:k1")) != digest(keyed)  # a body that reads like one


def test_snippet_text_closes_the_gaps_that_inline_tags_left():
    doc = SearchDoc(url="a.html", kind="article", title="t",
                    body="The Kremlin \n’s  answer ,\u00a0he said\t( briefly ) : no 's x")
    assert search.snippet_text(doc) == "The Kremlin’s answer, he said ( briefly): no's x"
    long = SearchDoc(url="b.html", kind="article", title="t", body="word " * 5000)
    text = search.snippet_text(long)
    assert text.endswith(" …") and len(text) <= search.TEXT_CHARS + 2
    assert text[:-2] == ("word " * 5000)[: len(text) - 2]


@pytest.mark.parametrize("body", [
    "Single spaced, as plain_text leaves it.", "no\u00a0break", "thin\u2009space",
    "ideographic\u3000space", " leading", "trailing ", "two  spaces", "line\nbreak",
    "tab\there", "\u2028separator", "x\x1fy", "", " ", "é ü — “quoted”"])
def test_snippet_text_is_single_spaced_whatever_the_white_space(body):
    doc = SearchDoc(url="a.html", kind="article", title="t", body=body)
    assert search.snippet_text(doc) == search._SPACE_BEFORE.sub("", " ".join(body.split()))


def patch_steps(docs: list[SearchDoc]) -> list[tuple[list[SearchDoc], bool | None]]:
    """Edits, each of the documents the one before left: (documents, whether an index of
    those before is patched into theirs, rewriting few shards; None: patched, rewriting
    many)."""
    steps: list[tuple[list[SearchDoc], bool | None]] = []

    def step(new: list[SearchDoc], patched: bool | None) -> list[SearchDoc]:
        steps.append((new, patched))
        return new

    d = step(edited(docs, 5, body=docs[5].body + " Zygote quokka delay in Bogotá."), True)
    d = step(edited(d, 5, body=docs[5].body), True)  # the new words gone again
    d = step(edited(d, 7, names=("Zoë Yılmaz", "Kremlin")), True)  # the names field alone
    d = step(edited(d, 9, dek="", source="", title="Aardvark " + d[9].title), True)
    d = step(edited(d, 3, body="Ångström " + d[3].body), True)  # before every term
    # whole bodies replaced, one by a count past a byte: their words are in every shard
    d = step(edited(edited(d, 2, body="delay " * 300), 40, body="A short body."), None)
    d = step([dataclasses.replace(x, body=x.body + " again") for x in d], False)  # many
    d = step(d[:20] + d[21:], False)  # a document deleted: every later one moves
    d = step(docs, False)
    step([dataclasses.replace(docs[0], body=docs[0].body + " once more"), *docs[1:]], True)
    return steps


def test_an_edit_of_a_few_documents_rewrites_only_the_shards_of_its_terms(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 1_500)  # many shards of a small corpus
    docs = corpus(n=80)
    on_disk: dict[str, bytes] = {}

    def build(step: list[SearchDoc]) -> tuple[set[str], set[str]]:
        """Into on_disk as a build writes output/: (files put, files kept)."""
        files: dict[str, bytes] = {}
        existing = {path: sha(data) for path, data in on_disk.items()}
        kept = search_files(step, put_into(files), None, existing, read=on_disk.__getitem__)
        assert kept.isdisjoint(files)
        on_disk.clear()
        on_disk.update({**{p: data for p, data in old.items() if p in kept}, **files})
        return set(files), kept

    old = dict(on_disk)
    build(docs)
    shards = sum(1 for path in on_disk if path.startswith("search/t"))
    assert shards > 15
    for step, patched in patch_steps(docs):
        old = dict(on_disk)
        put, kept = build(step)
        scratch = from_scratch(step)
        tables = {p for p in scratch if p.startswith("search/d")}
        assert {p for p in on_disk if not p.startswith("search/t")} == {*tables, "search/index.js"}
        assert {p: on_disk[p] for p in tables} == {p: scratch[p] for p in tables}
        # (the same postings: its shards may be cut and numbered otherwise)
        assert search_index_content(on_disk) == search_index_content(scratch)
        rewritten = {p for p in put if p.startswith("search/t")}
        if patched:
            assert 0 < len(rewritten) < shards / 2, len(rewritten)
        elif patched is None:
            assert rewritten
        else:
            assert rewritten == {p for p in scratch if p.startswith("search/t")}


def test_a_patched_index_is_not_patched_from_files_output_does_not_hold(monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 1_500)
    docs = corpus(n=80)
    first: dict[str, bytes] = {}
    search_files(docs, put_into(first), None, {}, read=first.__getitem__)
    existing = {path: sha(data) for path, data in first.items()}
    later = edited(docs, 5, body=docs[5].body + " Zygote quokka.")
    shards = {path for path in first if path.startswith("search/t")}
    for other, read in [({**existing, **dict.fromkeys(shards, "other")}, first.__getitem__),
                        (existing, lambda path: b"not a shard")]:
        search.forget_memo()
        search_files(docs, put_into({}), None, {}, read=first.__getitem__)
        files: dict[str, bytes] = {}
        search_files(later, put_into(files), None, other, read=read)
        assert shards <= set(files)  # made whole again
        assert search_index_content({**first, **files}) == search_index_content(from_scratch(later))


@needs_node
def test_a_patched_index_answers_like_one_lunr_js_built(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "SHARD_BYTES", 1_500)
    docs = corpus(n=80)
    on_disk: dict[str, bytes] = {}
    search_files(docs, put_into(on_disk), None, {}, read=on_disk.__getitem__)
    later = edited(edited(docs, 5, body=docs[5].body + " Zygote quokka delay in Bogotá."),
                   6, body="The survey of the Kremlin’s delay.")
    files: dict[str, bytes] = {}
    existing = {path: sha(data) for path, data in on_disk.items()}
    search_files(later, put_into(files), None, existing, read=on_disk.__getitem__)
    on_disk.update(files)
    words = sorted({w for d in later for text in field_texts(d) for w in text.split()})
    qs = [*queries(later), ("zygote", False), ("quokka delay", False), ("zyg", True),
          ("kremlin survey delay", False)]
    out = run_node(tmp_path, later, words, [], qs, files=on_disk)
    differ = [r for r in out["results"] if r["mine"] != r["theirs"]]
    assert differ == []


def test_a_new_process_patches_the_shards_from_the_saved_memo(tmp_path, monkeypatch):
    # The memo is saved whole, then what each edit changed beside it: a new process reads
    # both, and patches the shards output/ holds.
    monkeypatch.setattr(search, "SHARD_BYTES", 1_500)
    monkeypatch.setattr(search, "SAVE_SHARE", 0.5)  # (saved whole after a tenth, else)
    path = tmp_path / "search.pickle"
    docs = corpus(n=80)
    on_disk: dict[str, bytes] = {}

    def new_process_build(step: list[SearchDoc]) -> int:
        """Shards rewritten by a fresh process's build into on_disk, its memo saved."""
        forget_memo()
        read_memo(path)
        files: dict[str, bytes] = {}
        existing = {p: sha(data) for p, data in on_disk.items()}
        kept = search_files(step, put_into(files), None, existing, read=on_disk.__getitem__)
        save_memo(path)
        for gone in set(on_disk) - kept - set(files):
            del on_disk[gone]
        on_disk.update(files)
        assert search_index_content(on_disk) == search_index_content(from_scratch(step))
        return sum(1 for p in files if p.startswith("search/t"))

    whole = new_process_build(docs)
    assert path.is_file() and not (tmp_path / "search-recent.pickle").exists()
    step = docs
    for n in range(3):
        step = edited(step, 5 + n, body=step[5 + n].body + f" Zygote number {n}.")
        assert new_process_build(step) < whole / 2
        assert (tmp_path / "search-recent.pickle").is_file()
    (tmp_path / "search-recent.pickle").write_bytes(b"damaged")
    step = edited(step, 20, body=step[20].body + " Quokka.")
    assert new_process_build(step) == whole  # without it, the index is made whole again


def test_shards_output_does_not_hold_are_made_even_when_no_document_changed():
    docs = corpus(n=30)
    search_files(docs, put_into({}), None, {}, read=lambda path: b"")  # into another output
    files: dict[str, bytes] = {}
    kept = search_files(docs, put_into(files), None, {}, read=lambda path: b"")
    assert kept == set() and set(files) == set(from_scratch(docs))
