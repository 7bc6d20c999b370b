"""`gloss suggest`: propose glossary entries for the names the articles use and it lacks.

Rule-based and offline: candidates come from `ner_rules`, variants of one name are
merged (`Scholz`, `Mr. Scholz` → `Olaf Scholz`), the type is guessed from cues and a
description is mined from the text with its sentence as evidence.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.glossary.ner_data import (
    EVENT_HEADS,
    FIRST_NAMES,
    NAME_PARTICLES,
    NATIONALITIES,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_NOUNS,
    ROLE_NOUNS,
    ordinary_words,
)
from builder.glossary.ner_rules import Mention, find_mentions
from builder.glossary.places import is_known_place
from builder.glossary.suggest_describe import describe

_PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "across",
        "outside",
        "inside",
        "around",
        "via",
        "towards",
        "toward",
        "throughout",
    ]
)
_ORG_NOUNS_AFTER = frozenset(
    ["newspaper", "agency", "company", "firm", "group", "party", "bank", "network", "channel"]
)
_PERSON_VERBS = frozenset(["said", "says", "told", "added", "asked", "believes", "thinks", "wrote"])
_PLACE_SUFFIXES = ("stan", "land", "burg", "bourg", "grad", "ville", "polis", "sk", "shire")


@dataclass
class Suggestion:
    """One proposed glossary entry."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    description: str | None = None
    evidence: str | None = None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "count": self.count,
            "description": self.description,
            "evidence": self.evidence,
        }


@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, m: Mention) -> None:
        self.forms[m.name] += 1
        self.mentions.append(m)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[0].isupper() and w.casefold() not in NAME_PARTICLES)


def _canonical(forms: Counter[str]) -> str:
    """The fullest form: most words, then most used, then with its abbreviation's full
    stop (`Lear Corp.`; a sentence's full stop ends `… and Lear Corp`), then first seen."""
    order = {f: i for i, f in enumerate(forms)}
    return max(forms, key=lambda f: (len(f.split()), not f.isupper(), forms[f],
                                     f.endswith("."), -order[f]))


def _key(name: str) -> str:
    """Forms of one name: case and an abbreviation's full stop aside."""
    return name.casefold().rstrip(".")


_HEAD_WORDS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS
_SIDES = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern",
                    "western", "new", "upper", "lower"])


def group_mentions(mentions: list[Mention]) -> list[_Group]:
    """Merge the variants of one name within a document.

    A short form joins the one longer form it ends (`Scholz` → `Olaf Scholz`) or starts
    (`Deportivo` → `Deportivo Coruna`), or whose initials it is (`WCK`); an ambiguous
    short form (`Jones` with `Chipper Jones` and `Andruw Jones`) stays on its own.
    """
    by_key: dict[str, _Group] = {}
    for m in mentions:
        by_key.setdefault(_key(m.name), _Group()).add(m)
    keys = sorted(by_key, key=lambda k: len(k.split()), reverse=True)
    places = {k: is_known_place(_canonical(g.forms)) for k, g in by_key.items()}
    person_like = {k: _looks_like_person(_canonical(g.forms).split()) for k, g in by_key.items()}
    parent: dict[str, str] = {}
    for short in keys:
        sw = tuple(short.split())
        hosts = []
        for long in keys:
            lw = tuple(long.split())
            if len(lw) <= len(sw) or (lw[-len(sw):] == sw and set(lw[:-len(sw)]) <= _SIDES):
                continue  # `East Stirling`, `New York`: another place than `Stirling`, `York`
            if lw[-len(sw):] == sw and places[short] and not person_like[long]:
                continue  # `France` is no short `Air France` (`Jordan` is `Michael Jordan`)
            if (
                lw[-len(sw) :] == sw
                # `Deportivo` in `Deportivo Coruna`; not `Hong Kong` in `Hong Kong Stock
                # Exchange`, nor `Manchester` in `Manchester United`: another entity
                or lw[: len(sw)] == sw and lw[-1].rstrip(".") not in _HEAD_WORDS
                or len(sw) == 1
                and len(sw[0]) > 1
                and _is_acronym(by_key[short])
                and (_initials(tuple(_canonical(by_key[long].forms).split())).casefold() == sw[0])
            ):
                hosts.append(long)
        roots = {_root(parent, h) for h in hosts}
        if len(roots) == 1:
            parent[short] = roots.pop()
    groups: dict[str, _Group] = {}
    for key in reversed(keys):  # longest last, so a root exists before its members
        root = _root(parent, key)
        g = groups.setdefault(root, _Group())
        for m in by_key[key].mentions:
            g.add(m)
    return list(groups.values())


def _is_acronym(g: _Group) -> bool:
    return all(f.replace(".", "").isupper() for f in g.forms)


def _root(parent: dict[str, str], key: str) -> str:
    while key in parent:
        key = parent[key]
    return key


_DESC_CUT = re.compile(r"\s(?:in|of|on|at|for|with|near|from|that|which|who|whose|and|to)\s")


def description_head(description: str) -> str:
    """The head noun of a description: `the devastated port city in the Donbas` → `city`."""
    words = _DESC_CUT.split(description, maxsplit=1)[0].split()
    return words[-1].casefold().strip(".,;:’'") if words else ""


def _nationality_of(word: str) -> bool:
    stem = word.casefold()[:4]
    return len(word) > 4 and word.isalpha() and any(n.startswith(stem) for n in NATIONALITIES)


_INITIAL = re.compile(r"(?:[A-Z]\.)+")  # `A.`, `J.J.`


# Function words no personal name holds (unlike `May`, `Major` or `Will`, which the list of
# function words also has).
_NEVER_IN_NAMES = frozenset("""the a an of on in at to for and or it its my our your their
this that these those what not with from by is are was were we you they he she i""".split())


def _looks_like_person(words: list[str]) -> bool:
    """Two or three plain capitalised words, none of them an ordinary noun of names; the
    first may be initials (`A. Dale`, `J.J. Kenny`)."""
    if len(words) not in (2, 3):
        return False
    first = 1 if _INITIAL.fullmatch(words[0]) else 0
    if any(w.casefold() in _NEVER_IN_NAMES for w in words):
        return False  # `The Hill`, `On It`: a name of something, or no name
    ordinary = ordinary_words()
    if not first and all(w.casefold() in ordinary for w in words):
        return False  # `Solar System`, `Complete Collection`: words, none of them a name's
        # (after an initial, a surname may be a word: `M. Butcher`, `S. Law`)
    return all(
        w[0].isupper()
        and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not w.isupper()
        and w.casefold() not in NOT_PERSON_WORDS
        for w in words[first:]
    )


PLACE_LIST_VOTES = 2  # a name on places.py's list: as much as `Russia` beside `Russian`
PREPOSITION_VOTES = 2  # at most, from `in`, `at`, `from`… before the name


def guess_type(name: str, mentions: list[Mention], description: str | None = None) -> str:
    """person / place / organization / event / other, from cues in and around the name."""
    words = name.split()
    # The head of `Bank of England` or `League for Democracy` is the word before `of`.
    joint = next((i for i, w in enumerate(words[1:-1], 1) if w in ("of", "for", "on")), None)
    last = words[(joint or len(words)) - 1].casefold().rstrip(".")
    votes: Counter[str] = Counter()
    person_like = _looks_like_person(words)
    if last in ORG_HEADS or len(words) >= 2 and words[0].casefold() in ORG_OPENERS:
        votes["organization"] += 3
    if last in PLACE_HEADS:
        votes["place"] += 3
    if last in EVENT_HEADS or re.search(r"\b(?:19|20)\d\d$", name):
        votes["event"] += 3
    if len(words) >= 2 and words[0].casefold() in FIRST_NAMES:
        votes["person"] += 3
    if name.replace(".", "").isupper() and len(name) > 1:
        votes["organization"] += 1 if is_known_place(name) else 2  # `NASA`; not `U.S.`
    if words[-1].endswith(_PLACE_SUFFIXES):
        votes["place"] += 1
    if is_known_place(name):
        votes["place"] += PLACE_LIST_VOTES
    if len(words) == 1 and _nationality_of(words[0]):
        votes["place"] += 2  # `Russia` beside `Russian`, `Norway` beside `Norwegian`
    head = description_head(description or "")
    if head in PLACE_HEADS or head in PLACE_NOUNS:
        votes["place"] += 3
    elif head in ORG_HEADS:
        votes["organization"] += 3
    elif head in ROLE_NOUNS or head in PERSON_NOUNS:
        votes["person"] += 3
    elif head in EVENT_HEADS:
        votes["event"] += 3
    prepositions = 0
    for m in mentions:
        if m.dateline:
            votes["place"] += 3
        if any(t.casefold().rstrip(".") in PERSON_TITLES for t in m.title):
            votes["person"] += 2
        if m.before in ROLE_NOUNS:
            votes["person"] += 2
        if m.before in _PLACE_PREPOSITIONS and prepositions < PREPOSITION_VOTES:
            votes["place"] += 1  # (`at WeWork`, `on Twitter` many times over: no place)
            prepositions += 1
        if m.after in _PERSON_VERBS and len(m.words) == 1 and person_like:
            votes["person"] += 1  # `Scholz said` beside `Olaf Scholz`
        if m.after in PLACE_NOUNS:
            votes["place"] += 2  # `the Donbas region`, `the Kharkiv oblast`
        elif m.after in _ORG_NOUNS_AFTER:
            votes["organization"] += 1  # `London’s Telegraph newspaper`
    if person_like:
        # each use of the full name outweighs a `to`/`from` before it or its surname alone
        votes["person"] += 2 * max(1, sum(len(m.words) == len(words) for m in mentions))
    if sum(map(_in_results_row, mentions)) * 2 > len(mentions) and not votes["person"]:
        votes["organization"] += 3  # `Stoke 4 3 1 0 7 4 10`: a team in a results table
    if not votes:
        return "person" if person_like else "other"
    return votes.most_common(1)[0][0]


def _in_results_row(m: Mention) -> bool:
    """A name followed by a number in a short line of numbers: a row of a results table or
    league standings (`Stoke 4 3 1 0 7 4 10`, `Scunthorpe 2 Hereford 1`)."""
    if not m.after[:1].isdigit():
        return False
    tokens = m.sentence.split()
    return len(tokens) <= 16 and sum(t[:1].isdigit() for t in tokens) >= 2


def _describe(mentions: list[Mention]) -> tuple[str | None, str | None]:
    for m in mentions:
        desc = describe(m)
        if desc:
            return desc, m.sentence
    return None, (mentions[0].sentence if mentions else None)


def suggest_entities(texts: list[str], known_names: set[str]) -> list[Suggestion]:
    """The names in `texts` that no known name or alias covers, most mentioned first."""
    known = {_key(k) for k in known_names}
    merged: dict[str, Suggestion] = {}
    mentions: dict[str, list[Mention]] = {}  # every article's, for the type
    for text in texts:
        for g in group_mentions(find_mentions(text)):
            forms = list(g.forms)
            if any(_key(f) in known for f in forms):
                continue
            name = _canonical(g.forms)
            key = _key(name)
            s = merged.get(key)
            if s is None:
                desc, evidence = _describe(g.mentions)
                s = merged[key] = Suggestion(name, "other", description=desc, evidence=evidence)
            elif s.description is None:
                s.description, s.evidence = _describe(g.mentions)
            mentions.setdefault(key, []).extend(g.mentions)
            s.count += len(g.mentions)
            for f in forms:
                if _key(f) != key and f not in s.aliases:
                    s.aliases.append(f)
    for key, s in merged.items():  # the cues of all the articles, not the first one's
        s.type = guess_type(s.name, mentions[key], s.description)
    return one_owner_each(sorted(merged.values(), key=lambda s: (-s.count, s.name.casefold())))


def one_owner_each(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions with each name and alias in one of them only, as the glossary asks.

    Articles are read one at a time, so one may have `Donald Trump … Trump` and another
    only `Trump`, or `Apple Thunderbolt … Apple` beside `Apple`. A name that is the last
    word of one person's entry, and no other entry's alias, joins that entry (`Trump`);
    other names keep their own entry and leave the others' aliases (`Apple`); an alias two
    entries share stays with the more mentioned."""
    holders: dict[str, list[Suggestion]] = {}
    for s in suggestions:
        for alias in s.aliases:
            holders.setdefault(_key(alias), []).append(s)
    kept = []
    for s in suggestions:
        held = holders.get(_key(s.name), [])
        person = held[0] if len(held) == 1 else None
        if (person is not None and person.type == "person" and s.type in ("person", "other")
                and _key(person.name.split()[-1]) == _key(s.name)):
            person.count += s.count
            person.description = person.description or s.description
            person.evidence = person.evidence or s.evidence
            person.aliases += s.aliases
        else:
            kept.append(s)
    names = {_key(s.name) for s in kept}
    claimed: set[str] = set()
    for s in sorted(kept, key=lambda s: -s.count):  # the more mentioned first
        aliases = []
        for alias in s.aliases:
            key = _key(alias)
            if key not in names and key not in claimed:
                claimed.add(key)
                aliases.append(alias)
        s.aliases = aliases
    return sorted(kept, key=lambda s: (-s.count, s.name.casefold()))


# --- inputs and the glossary file -------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"(?m)^\s{0,3}#{1,6}\s.*$")
_MD_TABLE_HEAD = re.compile(r"(?m)^\|.*\|[ \t]*\n\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")
_WORD_JOIN = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
_MD_MARK = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)|[*_`]+")


def markdown_text(body: str) -> str:
    """Plain text of a Markdown body as the annotator reads it: no headings, and each link's
    text a break (an entry named only there would have no mention to link on any page);
    markup removed, and `Director_Park` two words."""
    body = _MD_TABLE_HEAD.sub("", _MD_HEADING.sub("", body))  # (`| Pos | Player |`)
    body = _MD_LINK.sub(" · ", _WORD_JOIN.sub(" ", body))
    return _MD_MARK.sub("", body)


def read_article_text(path: Path) -> str:
    """The text of a content article's body, or of a raw file (.txt/.html/.md)."""
    from builder.frontmatter import parse

    if path.suffix.lower() in (".md", ".markdown"):
        # the body only: the headline, like the headings, is never annotated
        return markdown_text(parse(path.read_text(encoding="utf-8")).body)
    if path.suffix.lower() in (".html", ".htm"):
        from builder.ingest.pipeline import extract, read_raw

        extracted = extract(read_raw(path), "html")
    else:
        # Plain text: every line but the known boilerplate phrasings (sign-in, copyright,
        # share...). The article cleaner's choice of the main span is made for reading and
        # drops datelines, tables and result lines, which are full of names.
        from builder.ingest.boilerplate import is_boilerplate
        from builder.ingest.decode import decode

        lines = decode(path.read_bytes()).split("\n")
        return "\n".join(line for line in lines if not is_boilerplate(line))
    return "\n\n".join([extracted.title or ""] + [b.text for b in extracted.blocks])


def known_names(glossary: Path) -> set[str]:
    """Every name and alias of the glossary (empty when there is no glossary yet).

    Entries the loader rejects still count as known, so a half-written entry is not
    proposed again.
    """
    from builder.glossary.load import load_glossary

    try:
        text = glossary.read_text(encoding="utf-8")
    except OSError:
        return set()
    entities, _problems = load_glossary(text, str(glossary))
    names = {n for e in entities for n in (e.name, *e.aliases)}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return names
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict):
            raw = [entry.get("name"), *(entry.get("aliases") or [])]
            names.update(str(n) for n in raw if n)
    return names


def yaml_entries(suggestions: list[Suggestion]) -> str:
    """Glossary entries as YAML text, to append to the file without rewriting it."""

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    chunks = []
    for s in suggestions:
        lines = [f"- name: {q(s.name)}", f"  type: {s.type}"]
        if s.aliases:
            lines.append(f"  aliases: [{', '.join(q(a) for a in s.aliases)}]")
        if s.description:
            lines.append(f"  description: {q(s.description)}")
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


def append_to_glossary(glossary: Path, suggestions: list[Suggestion]) -> None:
    text = glossary.read_text(encoding="utf-8") if glossary.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    sep = "\n" if text.strip() else ""
    glossary.parent.mkdir(parents=True, exist_ok=True)
    glossary.write_text(text + sep + yaml_entries(suggestions), encoding="utf-8")


def _input_paths(paths: list[Path], content: Path) -> list[Path]:
    if not paths:
        return sorted((content / "articles").glob("*.md"))
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    q
                    for q in p.iterdir()
                    if q.is_file() and q.suffix.lower() in (".md", ".txt", ".html", ".htm")
                )
            )
        else:
            out.append(p)
    return out


def suggest_command(paths: list[Path], content: Path, as_json: bool, write: bool) -> int:
    """Print (and with `write`, append to the glossary) the entities the glossary lacks."""
    texts: list[str] = []
    for path in _input_paths(paths, content):
        try:
            texts.append(read_article_text(path))
        except (OSError, ValueError) as err:  # IngestError and decode errors are ValueErrors
            print(f"error: {path}: {err}", file=sys.stderr)
            return 1
    glossary = content / "glossary.yaml"
    suggestions = suggest_entities(texts, known_names(glossary))
    if as_json:
        print(json.dumps([s.as_dict() for s in suggestions], ensure_ascii=False, indent=1))
    else:
        for s in suggestions:
            desc = f" — {s.description}" if s.description else ""
            aliases = f" (also {', '.join(s.aliases)})" if s.aliases else ""
            print(f"{s.name} [{s.type}] ×{s.count}{aliases}{desc}")
    if write and suggestions:
        append_to_glossary(glossary, suggestions)
        print(f"added {len(suggestions)} entries to {glossary}", file=sys.stderr)
    return 0
