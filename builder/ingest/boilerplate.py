"""What is not the article: per-line evidence, a score, and the best article span.

Each pasted line gets a score: running prose (long, sentence-shaped, dense in stop
words) scores by its length, short lines and known furniture score below zero.
The article is the contiguous run of lines with the highest total (a max-subarray
search), so menus and link lists above and below fall away while short real
paragraphs inside the run are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from builder.ingest.phrases import (
    BOILERPLATE_LINES,
    BOILERPLATE_PATTERNS,
    END_NOTES,
    LEGAL_PATTERNS,
    LIST_LABEL,
    SECTION_BREAKS,
    STOP_WORDS,
)

# A word; Chinese and Japanese write without spaces, so each of their characters counts as one.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Lines ending like a sentence (closing quotes and brackets allowed after the stop).
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*\s*$|[\"”»」』]\s*$")
PATTERN_MAX_WORDS = 30  # a furniture phrasing inside a longer line is article text
FURNITURE_SCORE = -8.0
SECTION_BREAK_SCORE = -40.0
ISOLATED_PROSE_WEIGHT = 0.25  # a teaser between headlines is not a paragraph of the article
TEASER_GAP, TEASER_MAX_RUN, GAP_LINE_MAX_WORDS = 2, 2, 15
TEASER_MAX_WORDS = 40  # a teaser or comment is a sentence or two; a list item's text runs longer
LONG_LINE_WORDS = 25  # a line this long is text even without a full stop
SITE_LINE_MAX_WORDS, SAME_SITE_SHARE = 8, 0.3  # menus: short lines, mostly shared
SAME_STORY_SHARE = 0.5
SHORT_LINE_SCORE = -4.0
UNPUNCTUATED_SCORE = -2.0  # a headline-length line with no sentence ending
PROSE_CAP = 120.0
UNPUNCTUATED_PROSE_WORDS = 15  # below this, a line without a full stop reads as a headline


# A person's hover card, copied into the sentence that names them: the card starts on the
# name's last letter, with no space, by naming them again (`Rep. Ilhan OmarIlhan Omar…`),
# and runs through their latest headlines to its link, ` MORE`.
CARD_GLUE = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z])")
CARD_END = re.compile(r"\sMORE\b")
CARD_MAX_CHARS, CARD_NAME_WORDS = 1500, 4


def normalise_line(line: str) -> str:
    """Case- and space-insensitive form, for comparing lines across pages."""
    return " ".join(line.split()).casefold()


def bare(line: str) -> str:
    """The normalised line without surrounding punctuation or symbols ("Share »" → "share")."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", normalise_line(line))


def words(line: str) -> list[str]:
    return WORD.findall(line)


def is_boilerplate(line: str) -> bool:
    """A line that says what site furniture says, in any of the known wordings."""
    key = bare(line)
    if not key:
        return True
    if key in BOILERPLATE_LINES or LIST_LABEL.match(line.strip()):
        return True
    norm = normalise_line(line)
    if any(p.search(norm) for p in LEGAL_PATTERNS):
        return True
    if len(words(line)) > PATTERN_MAX_WORDS:
        return False
    return any(p.search(norm) for p in BOILERPLATE_PATTERNS)


def stop_density(tokens: Sequence[str]) -> float:
    """Share of stop words, in the language that explains the most of them."""
    if not tokens:
        return 0.0
    lowered = [t.casefold() for t in tokens]
    best = max(sum(t in stops for t in lowered) for stops in STOP_WORDS.values())
    return best / len(tokens)


def language(lines: Iterable[str]) -> str | None:
    """The language whose stop words explain the most of these lines' words (of those
    STOP_WORDS knows), or None if there are no words."""
    lowered = [t.casefold() for line in lines for t in words(line)]
    if not lowered:
        return None
    return max(STOP_WORDS, key=lambda lang: sum(t in STOP_WORDS[lang] for t in lowered))


def is_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.strip()))


def is_prose(line: str) -> bool:
    """Running text: enough words, and either sentence-shaped or dense in stop words."""
    tokens = words(line)
    if is_sentence(line):
        return len(tokens) >= 8
    if len(tokens) >= LONG_LINE_WORDS:
        return True
    return len(tokens) >= UNPUNCTUATED_PROSE_WORDS and stop_density(tokens) >= 0.3


def is_section_break(line: str) -> bool:
    """A heading that opens comments, related links or the footer."""
    return len(words(line)) <= PATTERN_MAX_WORDS and any(
        p.search(normalise_line(line)) for p in SECTION_BREAKS
    )


def line_score(line: str, furniture: frozenset[str] = frozenset()) -> float:
    """How much a line looks like article text (> 0) or furniture (< 0), on its own."""
    if is_section_break(line):
        return SECTION_BREAK_SCORE
    if LIST_LABEL.match(line.strip()):
        return 0.0  # a box's list labels: its heading is the evidence, counted once
    if normalise_line(line) in furniture or is_boilerplate(line):
        return FURNITURE_SCORE
    tokens = words(line)
    n = len(tokens)
    sentence = is_sentence(line)
    density = stop_density(tokens)
    if is_prose(line):
        weight = 1.0 if density >= 0.15 else 0.5
        if not sentence:
            weight *= 0.5
        return min(n * weight, PROSE_CAP)
    if sentence and n >= 3:
        return 1.0
    if n >= 8:
        return UNPUNCTUATED_SCORE
    return SHORT_LINE_SCORE


def prose_runs(scores: Sequence[float]) -> list[tuple[int, int]]:
    """[start, end) runs of consecutive positive-scoring lines."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, score in enumerate([*scores, -1.0]):
        if score > 0 and start is None:
            start = i
        elif score <= 0 and start is not None:
            runs.append((start, i))
            start = None
    return runs


def gap(scores: Sequence[float], sizes: Sequence[int], i: int, step: int) -> range:
    """The short non-prose lines (headlines, names, dates) between line i and the next prose
    line in direction step; empty when a long line of text sits in between."""
    j = i + step
    while 0 <= j < len(scores) and scores[j] <= 0:
        if sizes[j] > GAP_LINE_MAX_WORDS:
            return range(0)
        j += step
    if not 0 <= j < len(scores):
        # the page edge is as good as a headline: stand-in lines just outside the page
        return range(len(scores), len(scores) + TEASER_GAP) if step > 0 else range(
            -TEASER_GAP, 0)
    return range(i + 1, j) if step > 0 else range(j + 1, i)


def line_scores(
    lines: Sequence[str],
    furniture: frozenset[str] = frozenset(),
    dated: Sequence[bool] | None = None,
) -> list[float]:
    """Scores in context: a short run of prose with two or more short lines on each side
    (a teaser under its headline and timestamp, a comment under name and date) counts for less.
    `dated` flags date lines: a run with its own date line on both sides is a list of
    stories however long its teasers."""
    alone = [line_score(line, furniture) for line in lines]
    sizes = [len(words(line)) for line in lines]
    dated = dated if dated is not None else [False] * len(lines)
    scores = list(alone)
    for start, end in prose_runs(alone):
        before, after = gap(alone, sizes, start, -1), gap(alone, sizes, end - 1, 1)
        if end - start > TEASER_MAX_RUN or min(len(before), len(after)) < TEASER_GAP:
            continue
        short = sum(sizes[start:end]) <= TEASER_MAX_WORDS
        # At the page edge `gap` stands in a virtual headline: only real lines can be dated.
        listed = (any(dated[j] for j in before if 0 <= j < len(dated))
                  and any(dated[j] for j in after if 0 <= j < len(dated)))
        if short or listed:
            for i in range(start, end):
                scores[i] = alone[i] * ISOLATED_PROSE_WEIGHT
    return scores


def best_span(scores: Sequence[float]) -> tuple[int, int]:
    """The [start, end) run with the largest total score (Kadane); (0, 0) if none is positive."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def line_set(text: str) -> frozenset[str]:
    """The distinct normalised lines of one text."""
    return frozenset(normalise_line(line) for line in text.split("\n") if line.strip())


def short_lines(lines: frozenset[str]) -> frozenset[str]:
    """The menu-sized lines of a page: what identifies its site."""
    return frozenset(line for line in lines if len(words(line)) <= SITE_LINE_MAX_WORDS)


def same_site(short_a: frozenset[str], short_b: frozenset[str]) -> bool:
    """Two pages share a site when much of their short lines (menus) are the same;
    one wire story on two sites shares prose, not menus."""
    if not short_a or not short_b:
        return False
    return len(short_a & short_b) / min(len(short_a), len(short_b)) >= SAME_SITE_SHARE


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two copies of one article (saved twice, or republished): their prose is shared, and
    must not be mistaken for the site's furniture."""
    prose_a = {line for line in a if len(words(line)) > SITE_LINE_MAX_WORDS}
    prose_b = {line for line in b if len(words(line)) > SITE_LINE_MAX_WORDS}
    if not prose_a or not prose_b:
        return False
    return len(prose_a & prose_b) / min(len(prose_a), len(prose_b)) >= SAME_STORY_SHARE


def furniture_lines(
    texts: Iterable[str], min_share: float = 0.5, min_count: int = 3
) -> frozenset[str]:
    """Lines (normalised) that recur across a collection: the sites' furniture.

    A line counts when it recurs in at least `min_share` of the pages of its own site
    (pages grouped by `same_site`), at least twice; short non-prose lines also count
    when `min_count` pages of any site repeat them ("Advertisement", "Share")."""
    sets = [line_set(text) for text in texts]
    shorts = [short_lines(lines) for lines in sets]
    counts: Counter[str] = Counter(line for lines in shorts for line in lines)
    found = {line for line, n in counts.items() if n >= min_count and not is_prose(line)}
    for i, lines in enumerate(sets):
        site = [
            other
            for j, other in enumerate(sets)
            if j != i and same_site(shorts[i], shorts[j]) and not same_story(lines, other)
        ]
        if not site:
            continue
        shared: Counter[str] = Counter(line for other in site for line in other & lines)
        needed = max(2, min_share * (len(site) + 1))
        found |= {line for line, n in shared.items() if n + 1 >= needed}
    return frozenset(found)


def is_biography(text: str) -> bool:
    """A note on the writer or the reporting (`Vega covers Colorado … for The Associated
    Press.`, `(Reporting by …)`): what follows a story, or sits under its byline."""
    return any(p.match(text.strip()) for p in END_NOTES)


def end_notes_start(paragraphs: Sequence[str]) -> int:
    """Where the notes that follow a story begin among its paragraphs (their number if
    none): reporting credits and the author's biography, with the author's name on its
    own line above it ("Phil Helsel" over "Phil Helsel is a reporter for NBC News.",
    "MARISOL VEGA" over "Vega covers Colorado … for The Associated Press.")."""
    end = len(paragraphs)
    while end > 0 and is_biography(paragraphs[end - 1]):
        end -= 1
        subject = paragraphs[end].split()[0].casefold()  # `Vega` of `MARISOL VEGA`
        above = paragraphs[end - 1].strip().split() if end > 0 else []
        if 1 <= len(above) <= 4 and subject in (w.casefold() for w in above) and all(
                w[:1].isupper() for w in above):
            end -= 1
    return end if end > 0 else len(paragraphs)


# What a screen reader is told of a link, copied with its text: `Valbrand (VALB.OL), opens
# new tab said …`
LINK_NOTE = re.compile(r",?\s*\(?opens (?:in )?(?:a )?new (?:tab|window)\)?", re.IGNORECASE)


def without_link_notes(line: str) -> str:
    return LINK_NOTE.sub("", line) if "new " in line else line


def without_hover_cards(line: str) -> str:
    """The line without the hover cards glued to the names in it (a copied page has them
    inline, and so has the text an extractor takes from the saved page)."""
    if " MORE" not in line:
        return line
    for glue in reversed([m.start() for m in CARD_GLUE.finditer(line)]):
        end = CARD_END.search(line, glue, glue + CARD_MAX_CHARS)
        name = line[:glue].split()[-CARD_NAME_WORDS:]
        if end and any(line.startswith(word + " ", glue) for word in name if word[0].isupper()):
            line = line[:glue] + line[end.end():]
    return line
