"""Rule-based discovery of name mentions in one document.

Capitalised runs are the candidates; the rules remove the words that are capitalised
for other reasons (sentence starts, headlines, titles, nationality adjectives) and keep
the cues (title before, preposition before, dateline) the typing step needs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from builder.glossary.ner_data import (
    ACRONYM_STOP,
    COMMON_CAPS,
    COMPLEMENT_HEADS,
    EVENT_HEADS,
    EXECUTIVE_TITLES,
    FIRST_NAMES,
    FUNCTION_WORDS,
    GROUP_ADJECTIVES,
    IMPERATIVES,
    NAME_PARTICLES,
    NATIONALITIES,
    NEVER_ALONE,
    OF_HEADS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TRAILING_GENERIC,
    ordinary_words,
)
from builder.glossary.ner_tokens import Token, is_headline, split_sentences, tokenize
from builder.ingest.phrases import STOP_WORDS

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]*[A-Z])(?:,\s*(?P<region>[A-Z][\w .'’-]*?))?"
    r"\s*(?:\d{4}-\d{2}-\d{2}\b|\([\w .]+\)\s*[-—–]|[-—–]\s+(?=[^\n]*[a-z]))"
)
_DATELINE_LINES = range(1, 4)  # datelines follow the headline, never are it
# `DETROIT 48 86 .358 26 1/2`: a name in capitals heading a row of figures
_CAPS_ROW = re.compile(r"^(?P<name>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?= \(?\.?\d)")
_QUOTES = "\"'“‘”’([{-—–:*•"
_ABBREVIATED_SUFFIXES = frozenset(
    ["corp", "inc", "co", "ltd", "bros", "jr", "sr", "cos", "plc", "st", "mt", "ft"]
)
EDGE_STOP = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_HEADS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS
_GENERIC_HEADS = ORG_HEADS | EVENT_HEADS  # (a place head alone may be one: `the Gulf`)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_OPENING_PREPOSITIONS = frozenset(["at", "in", "from", "near"])
# Titles that are also ordinary words or start organisation names: strip them only
# before a name that has no organisation/place/event head.
_AMBIGUOUS_TITLES = frozenset(
    [
        "general",
        "major",
        "justice",
        "chief",
        "father",
        "brother",
        "sister",
        "private",
        "marshal",
        "chair",
        "director",
        "manager",
        "coach",
        "deputy",
        "acting",
        "former",
        "late",
        "st",
        "saint",
        "premier",  # `Premier League`, `Premier Oil`
        "president",
    ]
)


@dataclass(frozen=True)
class Mention:
    """One candidate name in a sentence, with the context the later steps need."""

    words: tuple[str, ...]
    sentence: str
    start: int  # offsets of the name in the sentence
    end: int
    title: tuple[str, ...] = ()  # title/nationality words stripped from the front
    before: str = ""  # the word before the name (casefolded), for `in X` cues
    after: str = ""  # the word after it
    sentence_start: bool = False
    dateline: bool = False

    @property
    def name(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class _Word:
    text: str  # possessive and lowercase hyphen tails removed
    token: Token
    breaks: bool  # the run must end after this word


def _clean(token: Token) -> _Word:
    """`Kremlin’s` → `Kremlin`; `NATO-member` → `NATO` (and end the run)."""
    text = token.text
    breaks = False
    if len(text) > 3 and text[-2] in "'’" and text[-1] in "sS":
        text, breaks = text[:-2], True
    head, apostrophe, _ = text.replace("’", "'").partition("'")
    if apostrophe and (head.casefold() in FUNCTION_WORDS or head == "I"):
        return _Word(head, token, True)  # `I'm`, `We've`: a pronoun, not a name
    if "-" in text:
        parts = text.split("-")
        if parts[-1][:1].isupper():
            return _Word(text, token, breaks)  # `Chester-le-Street`, `Inzamam-ul-Haq`
        lead: list[str] = []
        for part in parts:
            if not part or not part[0].isupper():
                break
            lead.append(part)
        if lead and len(lead) < len(parts):
            text, breaks = "-".join(lead), True
    return _Word(text, token, breaks)


def is_nationality(word: str) -> bool:
    """`Russian`, `Russians`, `Britons`, `South Korean`'s last word: MISC, not entities."""
    w = word.casefold()
    if w in NATIONALITIES:
        return True
    return w.endswith("s") and (w[:-1] in NATIONALITIES or w in {"britons", "kurds", "arabs"})


def is_group_word(word: str) -> bool:
    """Nationality or group adjective (`Western`, `Islamic`): never a name on its own."""
    w = word.casefold()
    return is_nationality(word) or w in GROUP_ADJECTIVES or w[:-1] in GROUP_ADJECTIVES


_PERIOD = re.compile(r"[QH][1-4]|FY\d*")  # `Q2 loss`, `H1 profit`, `FY96`


def _is_cap_word(text: str) -> bool:
    return text[:1].isupper() and not text.isdigit() and not _PERIOD.fullmatch(text)


_DASHES = frozenset("-—–")
_OPENING = frozenset("\"“‘(")


def clause_openers(tokens: list[Token]) -> set[int]:
    """Words that open a clause inside a sentence, where a capital proves as little as at a
    sentence start: after a dash standing between spaces (`Far East Gold - Moribund
    market`, `JAPAN - Yield for…`) or an opening quote or bracket (`"Return of…`)."""
    out = set()
    for i in range(1, len(tokens)):
        mark, word = tokens[i - 1], tokens[i]
        if not word.is_word:
            continue
        if i > 1 and tokens[i - 2].end == mark.start:
            continue  # a hyphen (`trade-weighted`), a closing quote
        # a dash has a space after it; an opening mark holds on to its word
        if mark.text in _DASHES if mark.end < word.start else mark.text in _OPENING:
            out.add(i)
    return out


def _runs(words: list[_Word | None]) -> list[list[int]]:
    """Indices of maximal capitalised runs; `of`, particles, `&` and initials may join."""
    runs: list[list[int]] = []
    cur: list[int] = []
    complement = False  # cur holds `<head> for/on <capitalised…>`, where `and` may join
    n = len(words)

    def next_cap(i: int) -> bool:
        return i < n and words[i] is not None and _is_cap_word(words[i].text)

    i = 0
    while i < n:
        w = words[i]
        if w is not None and _is_cap_word(w.text):
            cur.append(i)
            if w.breaks:
                runs.append(cur)
                cur, complement = [], False
            i += 1
            continue
        if cur and w is not None:
            low = w.text.casefold()
            last = words[cur[-1]]
            if low == "of" and last.text.casefold() in OF_HEADS and next_cap(i + 1):
                cur.append(i)
                i += 1
                continue
            if (low in ("for", "on") and last.text.casefold() in COMPLEMENT_HEADS
                    and next_cap(i + 1) and words[i + 1].text.casefold() not in NEVER_ALONE):
                cur.append(i)  # `Council on Foreign Relations`; not `League on Monday`
                complement = True
                i += 1
                continue
            if low == "and" and complement and next_cap(i + 1) and w.text.islower():
                cur.append(i)  # `Organisation for Security and Cooperation`
                i += 1
                continue
            j = i
            while j < n and words[j] is not None and words[j].text.casefold() in NAME_PARTICLES:
                j += 1  # particle chains: `van der`, `de la`
            if (
                (low in NAME_PARTICLES or low == "&")
                and next_cap(max(j, i + 1))
                and (w.text.islower() or low == "&")
            ):
                cur.append(i)
                i += 1
                continue
        if cur and w is None and i + 1 < n and next_cap(i + 1):
            # a full stop after an initial or an abbreviated title: `George W. Bush`, `Mr. X`
            last = words[cur[-1]].text
            if len(last) == 1 or last.casefold() in PERSON_TITLES:
                i += 1
                continue
        if cur:
            runs.append(cur)
            cur = []
        complement = False
        i += 1
    if cur:
        runs.append(cur)
    return runs


@dataclass
class DocumentStats:
    """Word evidence across one document: which words also appear lowercase or mid-sentence,
    and its language (by stop words), since the word tables here are English."""

    lower: set[str]
    mid_cap: set[str]
    language: str = "en"


def _front_is_title(names: list[str]) -> bool:
    """Whether the first word of a run is a title or adjective rather than part of the name."""
    first = names[0].casefold().rstrip(".")
    second = names[1].casefold().rstrip(".")
    rest_head = names[-1].casefold()
    if second == "of":
        return False  # `Queen of the South`, `Duke of Norfolk`
    parts = first.split("-")
    if len(parts) > 1 and parts[-1] in PERSON_TITLES and all(
            p in PERSON_TITLES or p in TITLE_MODIFIERS or p == "co" for p in parts):
        return True  # `Major-General`, `Lieutenant-Colonel`, `Co-Premier`
    if first in PERSON_TITLES:
        ambiguous = first in _AMBIGUOUS_TITLES and (
            rest_head in _HEADS or (len(names) == 2 and first in {"general", "major", "st"})
        )
        return not ambiguous
    if first in TITLE_MODIFIERS:
        return second in PERSON_TITLES  # `Foreign Minister`, `Prime Minister`
    if first in ROLE_NOUNS and len(names) >= 3 and rest_head not in _HEADS:
        return True  # `Democrat Walter Mondale`; not `Player Piano Company`
    if first in {"north", "south", "east", "west"}:
        # `South Korean President X`; not `North American Equity Services`
        return is_nationality(second) and (len(names) == 2 or rest_head not in _HEADS)
    if first in FIRST_NAMES and len(names) == 2 and not is_group_word(names[1]):
        return False  # `Christian Cullen`; not `Christian Democrats`
    if is_nationality(first):
        # `Serbian President X`, `Russian X`; but `British Airways`, `Czech Republic`,
        # `Indonesian Democratic Party`
        return second in PERSON_TITLES or second in TITLE_MODIFIERS or rest_head not in _HEADS
    return False


def _strip_front(names: list[str]) -> tuple[list[str], list[str]]:
    """Move titles and nationality adjectives from the front of a name to its title."""
    title: list[str] = []
    while len(names) > 1 and _front_is_title(names):
        title.append(names.pop(0))
    return names, title


def _keep_alone(name: list[str]) -> bool:
    """Whether a cleaned run can be a name at all."""
    if not name:
        return False
    if len(name) == 1:
        w = name[0]
        low = w.casefold().rstrip(".")
        if len(w) == 1 or low in NEVER_ALONE or low in COMMON_CAPS or is_group_word(w):
            return False
        if low in PERSON_TITLES or low in TITLE_MODIFIERS or low in FUNCTION_WORDS:
            return False
        if w.isupper() and w.replace(".", "") in ACRONYM_STOP:
            return False
        if low in _GENERIC_HEADS and low in ordinary_words():
            return False  # `Council`, `League`, `Cup` alone: the head of a name, not one
        if _PLURAL_ACRONYM.fullmatch(w):
            return False  # `SUVs`, `CEOs`, `LEDs`: things of a kind, not one of them
    if all(is_nationality(w) or w.casefold() in {"north", "south", "east", "west"} for w in name):
        return False
    return any(c.isalpha() for c in "".join(name))


def _sentence_mentions(sentence: str, stats: DocumentStats) -> list[Mention]:
    tokens = tokenize(sentence)
    words: list[_Word | None] = [
        _clean(t) if t.is_word else _Word("&", t, False) if t.text == "&" else None for t in tokens
    ]
    first_word = next((i for i, t in enumerate(tokens) if t.is_word), None)
    openers = clause_openers(tokens)
    out: list[Mention] = []
    for run in _runs(words):
        idx = [i for i in run]
        # sentence start: drop the first word when it is capitalised only for that reason
        if idx and idx[0] == first_word:
            # `At Hove: Sussex 363…`: a venue, where `Scorers:` alone is a label
            after_preposition = words[idx[0]].text.casefold() in _OPENING_PREPOSITIONS
            if _sentence_initial_only(words[idx[0]].text, idx, words, stats) or (
                    len(idx) > 1 and _role_noun(words[idx[0]].text)):
                idx = idx[1:]  # (a role noun stays the word before: `Striker X scored`)
            while idx and not _is_cap_word(words[idx[0]].text):
                idx = idx[1:]
            if (idx and idx[0] + 1 < len(tokens) and tokens[idx[0] + 1].text == ":"
                    and not after_preposition):
                continue  # `Scorers:`, `Attendance:`: a label
        elif (len(idx) == 1 and idx[0] in openers
              and _sentence_initial_only(words[idx[0]].text, idx, words, stats)):
            continue
        names = [words[i].text for i in idx]
        was_longer = len(names) > 1
        names, title = _strip_front(names)
        idx = idx[len(idx) - len(names) :]
        if stats.language == "de" and len(names) == 1 and not names[0].isupper():
            continue  # German capitalises every noun: one such word is no name
        inside = _title_inside(names)
        if inside is None:
            parts = [(idx, title)]
        else:  # `Boxing Association President Ramon Manzanares`: an organisation, a person
            org_end, person = inside
            org = names[:org_end]
            if org and (org[-1].casefold() in _HEADS or org[-1].replace(".", "").isupper()):
                parts = [(idx[:org_end], title), (idx[person:], names[org_end:person])]
            else:  # `Hong Kong Financial Secretary`: all of it the person's title
                parts = [(idx[person:], title + names[:person])]
        for part, part_title in parts:
            mention = _mention(sentence, tokens, words, part, part_title, was_longer,
                               bool(run) and run[0] == first_word)
            if mention is not None:
                out.append(mention)
    return out


def _mention(sentence: str, tokens: list[Token], words: list[_Word | None], idx: list[int],
             title: list[str], was_longer: bool, sentence_start: bool) -> Mention | None:
    """The mention of the words at idx, trimmed of stop words at its edges; None if what
    is left cannot be a name."""
    idx = list(idx)
    names = [words[i].text for i in idx]
    while names and names[-1].casefold() in EDGE_STOP | TRAILING_GENERIC:
        names.pop()
        idx.pop()
    while names and names[0].casefold() in EDGE_STOP:
        names.pop(0)
        idx.pop(0)
    while (len(names) > 1 and names[-1].casefold() in _SHORT_TITLES
           and idx[-1] + 1 < len(tokens) and tokens[idx[-1] + 1].text == "."):
        names.pop()  # `Former South Carolina Gov.` at a line's end; not `Hun Sen`
        idx.pop()
    if not idx or not _keep_alone(names):
        return None
    if was_longer and len(names) == 1 and names[0].casefold() in _HEADS:
        return None  # `Ukrainian Parliament` → `Parliament`: generic once the adjective goes
    start = tokens[idx[0]].start
    end = tokens[idx[-1]].start + len(words[idx[-1]].text)
    last = idx[-1]
    if (
        last + 1 < len(tokens)
        and tokens[last + 1].text == "."
        and tokens[last + 1].start == end
        and (len(names[-1]) == 1 or names[-1].casefold() in _ABBREVIATED_SUFFIXES)
        and any(t.is_word for t in tokens[last + 2 :])
    ):
        end += 1  # `First Albany Corp. rose`, not the full stop of `… and Lear Corp.`
    names = sentence[start:end].split()
    before = _word_at(tokens, idx[0] - 1 - len(title) if title else idx[0] - 1, words)
    return Mention(
        words=tuple(names),
        sentence=sentence,
        start=start,
        end=end,
        title=tuple(title),
        before=before,
        after=_word_at(tokens, idx[-1] + 1, words),
        sentence_start=sentence_start,
    )


_SHORT_TITLES = frozenset(["gov", "sen", "rep", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
                           "cmdr", "cpl", "rev", "prof", "dr", "mr", "mrs", "ms"])
_BEFORE_TITLES = frozenset(["assistant", "associate", "senior", "co"])  # `Assistant Secretary`


def _is_title_word(word: str) -> bool:
    """`President`, `CEO`, `Economist`, and compounds and plurals: `Major-General`,
    `Co-Premiers`."""
    low = word.casefold().rstrip(".")
    last = low.split("-")[-1]
    return any(w in PERSON_TITLES or w in ROLE_NOUNS or w in EXECUTIVE_TITLES
               for w in (low, last, last[:-1] if last.endswith("s") else last))


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name after a title."""
    plain = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return (word[:1].isupper() and plain.isalpha() and (len(plain) == 1 or not word.isupper())
            and word.casefold() not in _HEADS and not _is_title_word(word))


def _title_inside(names: list[str]) -> tuple[int, int] | None:
    """Where a title inside a run divides what precedes it (an organisation or place) from a
    person's name of two or three words after it: (end of the first part, start of the
    name). The last title decides: `U.S. Assistant Secretary of State John Kornblum`."""
    for j in range(len(names) - 3, 0, -1):
        if not _is_title_word(names[j]):
            continue
        person = j + 1
        if names[person].casefold() == "of":  # `Secretary of State`
            person += 2
        while (person < len(names) - 2  # `Disney Chief Executive Bob Iger`
               and names[person].casefold() in TITLE_MODIFIERS | PERSON_TITLES):
            person += 1
        rest = names[person:]
        if not 2 <= len(rest) <= 3 or not all(map(_name_word, rest)):
            return None
        end = j
        while end > 0 and (_is_title_word(names[end - 1]) or names[end - 1].casefold()
                           in TITLE_MODIFIERS | _BEFORE_TITLES):
            end -= 1
        return end, person
    return None


def _role_noun(word: str) -> bool:
    """A common noun for what someone is (`striker`, `rookie`), not a title that joins the
    name (`President`): capitalised at a sentence start, it is not part of the name."""
    low = word.casefold()
    return low in ROLE_NOUNS and low not in PERSON_TITLES and low not in TITLE_MODIFIERS


def _word_at(tokens: list[Token], i: int, words: list[_Word | None]) -> str:
    if 0 <= i < len(tokens):
        return tokens[i].text.casefold()
    return ""


def _sentence_initial_only(
    word: str, idx: list[int], words: list[_Word | None], stats: DocumentStats
) -> bool:
    """A sentence-initial word that is an ordinary word: function word, or seen lowercase."""
    low = word.casefold().rstrip(".")
    if len(low) == 1 and len(idx) > 1 and idx[1] == idx[0] + 2 and words[idx[0] + 1] is None:
        return False  # an initial, not `A` or `I`: `A. Gurusinha run out 16`
    if low in FUNCTION_WORDS or low in IMPERATIVES:
        return True
    if low in PERSON_TITLES | TITLE_MODIFIERS and len(idx) > 1:
        return False  # `President Biden said`: the title is handled later
    if low in stats.lower and low not in stats.mid_cap:
        return True
    if len(idx) == 1 and low not in stats.mid_cap:
        if low in ordinary_words() or stats.language != "en":
            return True  # `Angry`, `Shipments`, `Net` opening a row: words, not names (in
            # another language, with no word list, a capital opening a sentence proves nothing)
        nxt = idx[0] + 1
        follows_lower = nxt < len(words) and words[nxt] is not None and words[nxt].text.islower()
        if follows_lower and re.search(r"(?:ly|ing|ed)$", low):
            return True
        follows_comma = nxt < len(words) and words[nxt] is None and low.endswith("ly")
        if follows_comma and len(low) > 6:
            return True  # `Unfortunately, …`, `Ironically, …`
    return False


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# `jeffrey.hodgson@reuters.com`, `https://…`, `pic.twitter.com/I8NWz4blQC`: no names in them
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")


def document_stats(lines: list[str]) -> DocumentStats:
    lower: set[str] = set()
    mid_cap: set[str] = set()
    for line in lines:
        if is_headline(line):
            continue
        for sentence in split_sentences(line):
            tokens = tokenize(sentence)
            openers = clause_openers(tokens)
            toks = [(i, t) for i, t in enumerate(tokens) if t.is_word]
            for k, (i, t) in enumerate(toks):
                w = _clean(t).text
                if w.islower():
                    lower.add(w)
                elif (k > 0 and _is_cap_word(w) and not toks[k - 1][1].text.endswith(":")
                      and i not in openers):
                    mid_cap.add(w.casefold())
    return DocumentStats(lower, mid_cap, language_of(lines))


_LETTERS = re.compile(r"[^\W\d_]+")


def language_of(lines: list[str]) -> str:
    """The language whose stop words the text uses most (ingest's tables), English unless
    another's are clearly more: twice as many, and at least ten."""
    counts: Counter[str] = Counter()
    for line in lines:
        for word in _LETTERS.findall(line.casefold()):
            counts.update(lang for lang, stop in STOP_WORDS.items() if word in stop)
    best, n = max(counts.items(), key=lambda item: item[1], default=("en", 0))
    return best if n >= 10 and n >= 2 * counts["en"] else "en"


def dateline(line: str) -> Mention | None:
    """`LONDON 1996-08-30`, `KYIV, Ukraine (AP) —`: the place the story was filed from."""
    m = _DATELINE.match(line)
    if not m:
        return None
    place = m.group("place")
    words = tuple(w if "." in w else w.capitalize() for w in place.split())
    if not all(w.isupper() or w[0].isupper() for w in place.split()):
        return None
    if place.casefold() in NEVER_ALONE or len(words) > 4:
        return None
    return Mention(words=words, sentence=line, start=0, end=len(place), dateline=True)


def caps_row(line: str) -> Mention | None:
    """`DETROIT 48 86 .358`: a table row whose name is in capitals."""
    m = _CAPS_ROW.match(line)
    if not m or not re.search(r"\d", line[m.end() :]):
        return None
    name = m.group("name")
    words = tuple(w if "." in w else w.capitalize() for w in name.split())
    if not _keep_alone(list(words)) or name.casefold() in FUNCTION_WORDS:
        return None
    after = line[m.end() :].split(maxsplit=1)
    return Mention(words=words, sentence=line, start=0, end=len(name),
                   after=after[0].casefold() if after else "")


def _blank_addresses(line: str) -> str:
    """Addresses as spaces, so that offsets into the line stay as they were."""
    if "@" not in line and "/" not in line and "www." not in line:
        return line
    return _ADDRESS.sub(lambda m: " " * len(m.group()), line).strip()


def find_mentions(text: str) -> list[Mention]:
    """All candidate name mentions of one document, in order."""
    lines = [_blank_addresses(line) for line in _lines(text)]
    stats = document_stats(lines)
    out: list[Mention] = []
    for n, line in enumerate(lines):
        dl = dateline(line) if n in _DATELINE_LINES else None
        if dl is not None:
            out.append(dl)
            region = _DATELINE.match(line).group("region")
            if region and region[0].isupper():
                out.append(Mention(tuple(region.split()), line, 0, 0, dateline=True))
            line = line[_DATELINE.match(line).end() :].strip()
        if not line:
            continue
        if is_headline(line):
            row = caps_row(line) if n > 0 else None
            if row is not None:
                out.append(row)
            continue
        for sentence in split_sentences(line):
            out.extend(_sentence_mentions(sentence, stats))
    return out
