"""Descriptions mined from the sentence around a name: appositives, titles, role nouns.

`The German chancellor, Olaf Scholz,` → "German chancellor";
`Kharkiv, Ukraine’s second-largest city,` → "Ukraine’s second-largest city";
`President Biden` → "President"; `the renowned chef José Andrés` → "renowned chef".
"""

from __future__ import annotations

import re

from builder.glossary.ner_data import (
    EXECUTIVE_TITLES,
    FUNCTION_WORDS,
    PERSON_TITLES,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
)
from builder.glossary.ner_rules import Mention

_PHRASE = r"[^,;:()\[\]“”\"—–]{2,80}?"
# `the German chancellor, NAME` / `Ukraine’s president, NAME`
_BEFORE = re.compile(
    rf"(?:\b(?:[Tt]he|[Aa]n?)\s+(?P<plain>{_PHRASE})|(?P<poss>\b[A-Z][\w.-]*[’']s\s+{_PHRASE})),\s*$"
)
# `NAME, the devastated port city in the Donbas,` / `NAME, Ukraine’s second-largest city,`
_AFTER = re.compile(
    rf"^,\s+(?P<desc>(?:the|a|an)\s+{_PHRASE}|[A-Z][\w.-]*[’']s\s+{_PHRASE})\s*(?:,|;|—|–|\.?$)"
)
_REPORTING = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "reported",
        "announced",
        "stated",
        "according",
    ]
)
_TIME_WORDS = frozenset(
    ["ago", "later", "earlier", "before", "after", "since", "moment", "minute", "minutes",
     "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
     "decade", "decades", "time", "times", "while", "season", "weekend", "night", "morning"]
)
_MAX_WORDS = 10
_MAX_BEFORE = 6
_COURTESY = frozenset(["mr", "mrs", "ms", "miss", "mister", "dr", "sir"])


def _plausible(desc: str) -> bool:
    """A short noun phrase: not a clause with a reporting verb, not a bare number."""
    words = desc.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    if any(w.casefold().strip(".,") in _REPORTING for w in words):
        return False
    last = words[-1]
    if last.casefold().strip(".,") in _TIME_WORDS:
        return False  # `Barely a week ago, Parise, 35, …`: when, not who
    return any(c.isalpha() for c in desc) and not last.isdigit()


def appositive_before(m: Mention) -> str | None:
    tail = m.sentence[m.end :].lstrip()
    if tail[:1] not in ("", ",", ".", ";"):
        return None  # `…of defense, Russia is`: the name starts a clause, no appositive
    head = m.sentence[: m.start - _title_width(m)]
    match = _BEFORE.search(head)
    if not match:
        return None
    desc = (match.group("plain") or match.group("poss")).strip()
    words = desc.split()
    if not words[-1][:1].islower() or len(words) > _MAX_BEFORE or not _plausible(desc):
        return None
    return desc


def appositive_after(m: Mention) -> str | None:
    match = _AFTER.match(m.sentence[m.end :])
    if not match:
        return None
    desc = match.group("desc").strip()
    return desc if _plausible(desc) else None


def _title_width(m: Mention) -> int:
    """Characters the stripped title takes before the name (0 when there is none)."""
    if not m.title:
        return 0
    idx = m.sentence.rfind(m.title[0], 0, m.start)
    return m.start - idx if idx >= 0 else 0


def from_title(m: Mention) -> str | None:
    """`Serbian President Slobodan Milosevic` → "Serbian President", `South Dakota Gov.
    Kristi Noem` → "South Dakota Governor", `Apple CEO Tim Cook` → "Apple CEO" (not a
    bare `Mr.`)."""
    words = [w for w in m.title if w.casefold().rstrip(".") not in _COURTESY]
    keys = [w.casefold().rstrip(".") for w in words]
    if not any(k in PERSON_TITLES or k in EXECUTIVE_TITLES for k in keys):
        return None
    return " ".join(TITLE_ABBREVIATIONS.get(k, w) for k, w in zip(keys, words, strict=True))


def from_role(m: Mention) -> str | None:
    """`the renowned chef José Andrés` → "renowned chef"; `Surrey captain X` → "Surrey captain"."""
    if m.title:
        return None
    head = m.sentence[: m.start].rstrip()
    words = head.split()
    if not words or words[-1].casefold() not in ROLE_NOUNS:
        return None
    kept: list[str] = []
    for w in reversed(words[-4:]):
        if not re.fullmatch(r"[\w’'.-]+", w) or w.casefold() in FUNCTION_WORDS:
            break
        kept.insert(0, w)
    return " ".join(kept) if kept else None


def describe(m: Mention) -> str | None:
    """The best description this mention's sentence gives, or None."""
    for rule in (appositive_before, appositive_after, from_title, from_role):
        desc = rule(m)
        if desc:
            return desc
    return None
