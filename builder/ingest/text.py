"""Pasted text → article.

What select-all + copy gives is lines in page order: menus, headline, dek, byline,
captions, body, related links, footers. The cleaner scores every line, takes the
best-scoring contiguous run as the article (`boilerplate.best_span`), reads the
headline block just above it, and drops the furniture left inside the run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.ingest import Block, Extracted
from builder.ingest.boilerplate import (
    best_span,
    end_notes_start,
    is_boilerplate,
    is_prose,
    is_section_break,
    is_sentence,
    line_scores,
    normalise_line,
    without_hover_cards,
    words,
)
from builder.ingest.metadata import (
    AGENCY_AFTER,
    ROLE_LINE,
    URL_LIKE,
    byline_author,
    credit_text,
    is_credit_line,
    is_date_line,
    looks_like_name,
    parse_date,
    source_name,
    split_credit,
)
from builder.ingest.phrases import (
    CAPTION_LABEL,
    DATELINE,
    META_LABEL,
    NAME_PARTICLES,
    READ_MORE,
)

HEADER_LOOKBACK = 15  # how far above the body the headline block may start
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
TITLE_GOOD_WORDS = (5, 20)
TITLE_DISTANCE_COST = 0.25  # per line between a title candidate and the body
BYLINE_BELOW_SCORE, BYLINE_LOOKAHEAD = 3.0, 12  # a headline over its byline
PROMPT = re.compile(r"\b(subscribe|sign up|newsletters?|inbox|alerts)\b", re.IGNORECASE)
HEADING_MAX_WORDS = 12
DATELINE_LOOKAHEAD = 4
# Past a section break, this few paragraphs (or this share of the weight) are its own section.
TAIL_MAX_PROSE, TAIL_SHARE, TAIL_MIN_DENSITY = 2, 0.3, 0.5
# A byline this near the top of the span, before 3 paragraphs in a row, ends the header.
HEADER_LOOKAHEAD, BODY_RUN = 10, 3
CAPTION_MAX_WORDS = 60
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.IGNORECASE)
TIMESTAMP_MAX_WORDS = 6
META_VALUE_WORDS = 8  # the value under a label (`Author:`): a name or a date
BARE_BYLINE_WORDS = 4  # a name over a timestamp, with no `By`: `Adam Clark Estes`
BARE_BYLINE_MAX_WORDS = 12  # names and an outlet
HANDLE = re.compile(r"@\w{2,30}")
DEK_MAX_WORDS = 50
LINK_WORDS, LINK_RUN = (4, 20), 3  # a related-link headline; how many make a box
LINK_MAX_NUMBERS = 0.25
WORDLIKE = re.compile(r"[^\W\d_]{2}")  # two letters in a row


@dataclass(frozen=True)
class Header:
    """What the headline block above the body says, and where the body starts."""

    title: str | None
    body_start: int
    dek: str | None = None
    author: str | None = None
    date: str | None = None
    caption: str | None = None
    credit: str | None = None


# A long caption shown cut short, with a control to see it whole: `… at ... more`.
TRUNCATED = re.compile(r"\s*(?:\.\.\.|…)\s*(?:(?:read|show|see)\s+)?more\s*$", re.IGNORECASE)
FOLD_CONTROL = re.compile(r"\s+less\s*$", re.IGNORECASE)  # after the whole text: `… 2019. less`
TRUNCATED_MIN_WORDS = 5


def cut_short(short: str, whole: str) -> bool:
    """short is whole shown cut off (`… at ... more`), as a page shows a long caption."""
    match = TRUNCATED.search(short)
    if match is None:
        return False
    head = normalise_line(short[: match.start()])
    return len(words(head)) >= TRUNCATED_MIN_WORDS and normalise_line(whole).startswith(head)


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, stripped, with immediate repeats (doubled captions, titles) dropped;
    a caption shown both cut short and whole is kept whole, once.

    A browser copies a table's row as its cells apart by tabs: those tabs are kept, one
    between each two cells, so that the rows can be read back as a table (`table_runs`)."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = [" ".join(without_hover_cards(cell).split())  # empty cells too
                 for cell in raw.split("\t")]
        line = "\t".join(cells) if len(cells) > 1 else cells[0]
        if not line.strip() or lines and normalise_line(lines[-1]) == normalise_line(line):
            continue
        if lines and (cut_short(line, lines[-1]) or cut_short(lines[-1], line)):
            whole = line if cut_short(lines[-1], line) else lines[-1]
            lines[-1] = FOLD_CONTROL.sub("", whole)
            continue
        if lines and (META_LABEL.match(lines[-1]) and len(words(line)) <= META_VALUE_WORDS
                      or HANDLE.fullmatch(line) and looks_like_name(lines[-1])):
            lines[-1] = f"{lines[-1]} {line}"  # `Author:` over its value, a name over its
            # handle (`Natasha Turak` / `@NATASHATURAK`): one byline
        else:
            lines.append(line)
    rows = {i + n for i, count in table_runs(lines, range(len(lines))).items()
            for n in range(count)}
    return [line if i in rows else " ".join(line.split()) for i, line in enumerate(lines)]


def table_runs(lines: Sequence[str], indices: Sequence[int]) -> dict[int, int]:
    """Where tables start among these lines: first index → how many rows. A table is two
    rows or more in a row, each of as many tab-separated cells (two or more)."""
    runs: dict[int, int] = {}
    k = 0
    while k < len(indices):
        width = lines[indices[k]].count("\t")
        end = k + 1
        while (width and end < len(indices) and indices[end] == indices[end - 1] + 1
               and lines[indices[end]].count("\t") == width):
            end += 1
        if end - k >= 2:
            runs[indices[k]] = end - k
        k = end
    return runs


_LIST_NUMBER = re.compile(r"^(\d{1,3})\s?[).:–—-]\s*\S")
LIST_MIN_ITEMS, LIST_MAX_GAP = 3, 2  # items in a row; lines between two of them at most
LIST_ITEM_SCORE = 0.5  # a little: twenty numbered teasers above the headline must not outweigh it


def numbered_list_lines(lines: Sequence[str]) -> dict[int, bool]:
    """The lines of numbered lists (`1) …`, `2) …`, `3) …`: consecutive numbers, a line
    or two between items at most) that a sentence introduces: line → whether it is an
    item. A list of products or steps in an article is so; a menu is not numbered, and a
    numbered list of teasers follows a heading (`Top stories`), not a sentence."""
    found: dict[int, bool] = {}
    numbers = {}
    for i, line in enumerate(lines):
        m = _LIST_NUMBER.match(line)
        if m:
            numbers[i] = int(m.group(1))
    items = sorted(numbers)
    k = 0
    while k < len(items):
        run = [items[k]]
        while k + 1 < len(items) and numbers[items[k + 1]] == numbers[run[-1]] + 1 and (
                items[k + 1] - run[-1] <= LIST_MAX_GAP + 1):
            k += 1
            run.append(items[k])
        before = lines[run[0] - 1] if run[0] else ""
        if len(run) >= LIST_MIN_ITEMS and (before.rstrip().endswith(":") or is_prose(before)):
            found.update((i, i in numbers) for i in range(run[0], run[-1] + 1))
        k += 1
    return found


def is_meta(line: str) -> bool:
    """A byline, date or credit line: the kind of line that sits between headline and body."""
    return bool(byline_author(line)) or is_date_line(line) or is_credit_line(line)


def is_caption(lines: Sequence[str], i: int, end: int | None = None) -> bool:
    """A photo caption: labelled as one, ending with a credit of its own, or followed by a
    credit line that the text goes on after (a lone "Reuters" closing the span is a sign-off)."""
    line = lines[i]
    if CAPTION_LABEL.match(line):
        return True
    if is_credit_line(line) or len(words(line)) > CAPTION_MAX_WORDS or not WORDLIKE.search(line):
        return False  # (no word: a slide number, "2", over the credit)
    if split_credit(line)[1] is not None:
        return True
    end = len(lines) if end is None else end
    credit = lines[i + 1] if i + 1 < end else ""
    if is_credit_line(credit) and not byline_author(credit) and not is_date_line(credit):
        # (an agency and a date, "Reuters November 18, 2019": under a headline, not a photo)
        after = lines[i + 2] if i + 2 < end else ""
        # (over a writer and agency, then the time it was published: a headline's block)
        return bool(after) and not CAPTION_LABEL.match(after) and not is_timestamp(after)
    return False


def is_headline(line: str) -> bool:
    """Headline-shaped: a few words, not a full stop at the end, not furniture, metadata or
    a timestamp ("Monday 5:30PM")."""
    n = len(words(line))
    if not TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS or line.rstrip().endswith("."):
        return False
    if CLOCK_TIME.search(line) and n <= TIMESTAMP_MAX_WORDS:
        return False
    return not (is_boilerplate(line) or is_meta(line))


_SENTENCE_INSIDE = re.compile(r"[a-z][.!?] [A-Z]")  # `… fuelled the crisis. It is up to …`
# A quotation, whose stops are the speaker's: `South Dakota says, 'Meth. We're On It,' and …`
_QUOTATION = re.compile(r"(?:^|(?<=[\s(\[]))['‘\"“][^\n]*?['’\"”](?!\w)")


def is_timestamp(line: str) -> bool:
    """A date line, or a short line with a clock time (`Monday 5:30PM`)."""
    return is_date_line(line) or bool(
        CLOCK_TIME.search(line) and len(words(line)) <= TIMESTAMP_MAX_WORDS)


def is_bare_byline(lines: Sequence[str], i: int) -> bool:
    """A name with no `By` (`Adam Clark Estes`); or, under a headline in sentence case, a
    line of capitalised words only: names and an outlet (`Lisa Kaczke and Trevor J.
    Mitchell Sioux Falls Argus Leader`)."""
    line = lines[i]
    if len(words(line)) <= BARE_BYLINE_WORDS:
        return looks_like_name(line)
    above = lines[i - 1] if i > 0 else ""
    return (len(words(line)) <= BARE_BYLINE_MAX_WORDS and _capitalised(line)
            and is_headline(above) and not _capitalised(above))


def _capitalised(line: str) -> bool:
    """Every word capitalised, but for the particles of names (`van`, `and`)."""
    return all(t[:1].isupper() or t.casefold() in NAME_PARTICLES for t in line.split())


def _over_byline_now(lines: Sequence[str], i: int) -> bool:
    """Whether the next line but furniture is a byline."""
    nxt = next((j for j in range(i + 1, len(lines)) if not is_boilerplate(lines[j])), None)
    return nxt is not None and byline_author(lines[nxt]) is not None


def is_title_candidate(lines: Sequence[str], i: int) -> bool:
    """Headline-shaped, not a caption, and not a sentence of running text."""
    line = lines[i]
    if not is_headline(line) or URL_LIKE.search(line) or "@" in line or "\t" in line:
        return False  # (a tab: a table's row)
    if is_caption(lines, i):
        return False
    if (len(words(line)) > HEADING_MAX_WORDS and _SENTENCE_INSIDE.search(_QUOTATION.sub("", line))
            and not _over_byline_now(lines, i)):
        return False  # two sentences, the first ended inside: a standfirst, cut or unstopped
        # (unless a byline follows: `A tiny island nation just banned single-use vapes. Its
        # neighbors may follow` / `By Priya Raman, CNN`)
    if i + 1 < len(lines) and is_timestamp(lines[i + 1]) and is_bare_byline(lines, i):
        return False  # `Adam Clark Estes` over `Monday 5:30PM`: a byline without its `By`
    # a question or an exclamation may head the page ("… time to be careful?", "… Visitors!");
    # a statement is running text
    return line.rstrip().endswith(("?", "!")) or not (is_prose(line) and is_sentence(line))


def title_score(lines: Sequence[str], i: int, start: int, repeated: Counter[str],
                distance: int) -> float:
    """How much line i looks like the page's headline: a dozen words, repeated on the page
    (browser title and heading), right above the byline, dek or body, near the body; above
    a byline most of all, past a dek, photos and buttons (`See your latest updates`, a
    button's words, may stand nearer the body)."""
    n = len(words(lines[i]))
    score = 2.0 if TITLE_GOOD_WORDS[0] <= n <= TITLE_GOOD_WORDS[1] else 0.0
    if repeated[normalise_line(lines[i])] > 1:
        score += 2.0
    following = next((j for j in range(i + 1, start + 1) if not is_boilerplate(lines[j])), start)
    if following == start or opens_header(lines, following) or is_dek_shaped(lines[following]):
        score += 1.5
    if over_byline(lines, i, start) and not _under_headline(lines, i, start):
        score += BYLINE_BELOW_SCORE
    return score - TITLE_DISTANCE_COST * distance


def _under_headline(lines: Sequence[str], i: int, start: int) -> bool:
    """Whether line i is the dek of the headline right above it, both over the byline: that
    headline opens the block (not two more headlines above it, as in a list of teasers
    that ends in the page's own headline)."""
    above = _line_above(lines, i)
    if above is None or not is_title_candidate(lines, above) or not over_byline(
            lines, above, start):
        return False
    higher = _line_above(lines, above)
    if higher is None or not is_title_candidate(lines, higher):
        return True
    highest = _line_above(lines, higher)
    return highest is None or not is_title_candidate(lines, highest)


def bare_byline(lines: Sequence[str], i: int, end: int) -> str | None:
    """The writer named on line i without a `By`: a name of two to four words over a
    timestamp or what the writer is (`David Ehrlich` over `Nov 13, 2019 4:26 pm`, `Rhys
    Evans` over `BBC Wales`), less a wire agency after it."""
    line = lines[i]
    if (2 <= len(words(line)) <= BARE_BYLINE_WORDS and looks_like_name(line)
            and "," not in line and not is_boilerplate(line) and i + 1 < end
            and (is_timestamp(lines[i + 1]) or ROLE_LINE.fullmatch(lines[i + 1].strip()))):
        return AGENCY_AFTER.sub("", line)
    return None


def _line_above(lines: Sequence[str], i: int) -> int | None:
    """The nearest line above i that is not furniture."""
    return next((j for j in range(i - 1, -1, -1) if not is_boilerplate(lines[j])), None)


def over_byline(lines: Sequence[str], i: int, start: int) -> bool:
    """Whether a byline follows line i before the body, with at most a dek, a date,
    photos, credits and buttons between (not a newsletter's box: its heading would be
    over the byline too)."""
    deks = 0
    for j in range(i + 1, min(start, i + BYLINE_LOOKAHEAD)):
        line = lines[j]
        # (a `By` line: a bare name may be a photo's label, `Ben Patton Trinity` over a time)
        if byline_author(line):  # the article's: the last before the body (not a menu's
            # `By Any Means Necessary`, a radio show's name)
            return not any(byline_author(lines[k]) for k in range(j + 1, start))
        if PROMPT.search(line):
            return False
        if is_boilerplate(line) or is_date_line(line) or is_credit_line(line) or is_caption(
                lines, j):
            continue
        deks += 1  # a dek, stopped or not
        if deks > 1 or not (is_dek_shaped(line) or is_headline(line)):
            return False
    return False


def _latin_share(text: str) -> float:
    """The share of a text's letters that are Latin (1.0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(c < "\u0250" or "\u1e00" <= c < "\u1f00" for c in letters) / len(letters)


def find_title(lines: Sequence[str], start: int) -> int | None:
    """The headline: the best-scoring title candidate in the lines above the body. Lines
    of furniture between them (a row of share buttons) do not count as distance."""
    distance: dict[int, int] = {}
    counted = 0
    i = start - 1
    while i >= 0 and counted < HEADER_LOOKBACK:
        counted += not is_boilerplate(lines[i])
        distance[i] = counted
        i -= 1
    latin_body = _latin_share(" ".join(lines[start : start + HEADER_LOOKAHEAD])) >= 0.9
    candidates = [i for i in sorted(distance) if is_title_candidate(lines, i)
                  and not (latin_body and _latin_share(lines[i]) == 0)]  # `阅读简体中文版`
    # Headlines between a box's heading (`MOST POPULAR`) and the body, with no byline or
    # date among them, are its teasers: the page's headline is above the box.
    box = max((i for i in distance if is_section_break(lines[i])), default=None)
    if box is not None and not any(is_meta(lines[i]) for i in range(box + 1, start)):
        candidates = [i for i in candidates if i < box] or candidates
    if not candidates:
        return None
    repeated = Counter(normalise_line(line) for line in lines)
    return max(reversed(candidates),
               key=lambda i: title_score(lines, i, start, repeated, distance[i]))


def opens_header(lines: Sequence[str], i: int) -> bool:
    """Whether line i is a byline, date, credit or caption: what follows a dek, not a paragraph."""
    return is_meta(lines[i]) or is_caption(lines, i)


def is_dek_shaped(line: str) -> bool:
    """A standfirst: a sentence or two, never opening with a dateline ("PARIS (AP) —")."""
    return (
        is_sentence(line)
        and len(words(line)) <= DEK_MAX_WORDS
        and not DATELINE.match(line)
    )


def following_credit(lines: Sequence[str], i: int) -> str | None:
    """The credit on the line(s) after caption i; a bare "Credit..." label hands on to the next."""
    for j in range(i + 1, min(i + 3, len(lines))):
        if not is_credit_line(lines[j]):
            return None
        if text := credit_text(lines[j]):
            return text
    return None


def meta_end(lines: Sequence[str], start: int, end: int) -> int:
    """Just past the last byline or date line near the top of the span, when no run of
    body paragraphs comes before it: what precedes a byline is headline block, not body."""
    last, run = None, 0
    for i in range(start, min(end, start + HEADER_LOOKAHEAD)):
        run = run + 1 if is_prose(lines[i]) else 0
        if run >= BODY_RUN:
            break
        if byline_author(lines[i]) or is_date_line(lines[i]):
            last = i
    return start if last is None else last + 1


def earlier_copy(lines: Sequence[str], title_at: int) -> int | None:
    """Just past the same headline a few lines higher, with a byline, date or caption
    between the two (a gallery's headline repeated over the text): its header is there."""
    title = normalise_line(lines[title_at])
    for j in range(title_at - 1, max(-1, title_at - HEADER_LOOKBACK), -1):
        if normalise_line(lines[j]) == title:
            header = any(is_meta(lines[k]) or is_caption(lines, k) for k in range(j + 1, title_at))
            return j + 1 if header else None
    return None


def read_header(lines: Sequence[str], start: int, end: int) -> Header:
    """Title, dek, byline, date and lead caption from the lines around the body's start."""
    forced = max(start, meta_end(lines, start, end))
    # Above a byline that opens the span, the lines are headline block: look there too.
    title_at = find_title(lines, forced)
    first = title_at + 1 if title_at is not None else start
    if title_at is not None:  # the headline above its byline, then again over the body
        first = earlier_copy(lines, title_at) or first
    while title_at is None and first > max(0, start - HEADER_LOOKBACK) and is_meta(
            lines[first - 1]):
        first -= 1  # no headline found: the byline and date right above the body are its own
    dek = author = bare = when = caption = credit = None
    i = first
    while i < end:
        line = lines[i]
        header_only = i < forced
        if byline_author(line) or is_date_line(line):
            author = author or byline_author(line)
            when = when or (parse_date(line) if is_date_line(line) else None)
        elif bare is None and (name := bare_byline(lines, i, end)):
            bare = name
        elif is_caption(lines, i) and not is_boilerplate(line):  # not "Email" over a credit
            if caption is None:
                # (without its label: BBC's `Image caption, Engineers found …`)
                caption, credit = split_credit(re.sub(r"^[\s,:.-]+", "", CAPTION_LABEL.sub(
                    "", line, count=1)) or line)
                if credit is None:
                    credit = following_credit(lines, i)
                if credit is None and i > 0 and is_credit_line(lines[i - 1]):
                    credit = credit_text(lines[i - 1])  # above it: `Image source, X`
        elif is_credit_line(line) or is_boilerplate(line):
            pass
        elif (
            dek is None
            and i == first
            and title_at is not None
            and is_dek_shaped(line)
            and (header_only or i < start or (i + 1 < end and opens_header(lines, i + 1)))
        ):
            dek = line
        elif not header_only and i >= start:
            break
        i += 1
    if when is None and title_at is not None:  # "Last Updated: Nov 20, 2019" over the headline
        when = next((parse_date(lines[j]) for j in range(title_at - 1, max(-1, title_at - 4), -1)
                     if is_date_line(lines[j])), None)
    return Header(
        title=lines[title_at] if title_at is not None else None,
        body_start=max(i, start),
        dek=dek,
        author=author or bare,
        date=when,
        caption=caption,
        credit=credit,
    )


def keep_in_body(
    lines: Sequence[str], i: int, end: int, furniture: frozenset[str], title: str | None
) -> bool:
    """Inside the article span, drop only what is clearly furniture, a caption or a credit."""
    line = lines[i]
    if normalise_line(line) in furniture or is_boilerplate(line):
        return False
    if title and normalise_line(line) == normalise_line(title):
        return False
    return not (is_credit_line(line) or is_caption(lines, i, end) or is_caps_teaser(line))


# A quotation mark opening or closing a word: `'DWTS'`, `'PROUD'` (not `LOWE'S`, `DON'T`)
_QUOTED = re.compile(r"(?:^|[\s(])['‘’\"“][A-Z]|[A-Z][.!?]?['’\"”](?=[\s:,)]|$)")


def is_caps_teaser(line: str) -> bool:
    """A headline in capitals that quotes, standing in the body: a link to another story
    (`'DANCING WITH THE STARS' CARRIE ANN INABA OPENS UP ABOUT …`). A subheading in
    capitals is short and seldom quotes."""
    letters = [c for c in line if c.isalpha()]
    return (len(words(line)) >= 6 and len(letters) >= 20
            and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
            and _QUOTED.search(line) is not None)


def is_link_text(line: str) -> bool:
    """Headline-shaped text of a link: several words, few of them numbers (a table row),
    no sentence ending, not prose."""
    tokens = words(line)
    if not LINK_WORDS[0] <= len(tokens) <= LINK_WORDS[1] or is_sentence(line) or is_prose(line):
        return False
    return sum(t.isdigit() for t in tokens) < LINK_MAX_NUMBERS * len(tokens)


def is_teaser(line: str) -> bool:
    """A link's headline in a box of them: no sentence ending, not a paragraph's length
    (looser than is_link_text, which must tell such a line among paragraphs)."""
    return not is_sentence(line) and LINK_WORDS[0] <= len(words(line)) <= LINK_WORDS[1]


def without_link_lists(lines: Sequence[str], kept: Sequence[int]) -> list[int]:
    """Drop runs of three or more headline-shaped lines inside the body, or of any number
    under a box's heading (`Related news`): a box of related links. A subheading stands
    alone between paragraphs; a table's rows stay."""
    in_table = {i + n for i, rows in table_runs(lines, kept).items() for n in range(rows)}
    flags = [is_link_text(lines[i]) and i not in in_table for i in kept]
    drop: set[int] = set()
    k = 0
    while k < len(kept):
        run_end = k
        if kept[k] > 0 and is_section_break(lines[kept[k] - 1]):  # under a box's heading
            while (run_end < len(kept) and kept[run_end] not in in_table
                   and is_teaser(lines[kept[run_end]])):
                run_end += 1
            drop.update(range(k, run_end))
        if (run_end == k and kept[k] + 1 < len(lines) and READ_MORE.match(lines[kept[k] + 1])
                and is_teaser(lines[kept[k]])):
            drop.add(k)  # a link's headline over its own `Read more`
        while run_end < len(kept) and flags[run_end]:
            run_end += 1
        if run_end - k >= LINK_RUN:
            drop.update(range(k, run_end))
        k = max(run_end, k + 1)
    return [i for k, i in enumerate(kept) if k not in drop]


def to_blocks(lines: Sequence[str], body: Sequence[int]) -> list[Block]:
    """The body's lines as blocks: each table's rows one table block, the rest a block a
    line."""
    tables = table_runs(lines, body)
    blocks: list[Block] = []
    k = 0
    while k < len(body):
        rows = tables.get(body[k], 1)
        if rows > 1:
            blocks.append(Block("table", "\n".join(lines[i] for i in body[k : k + rows])))
        else:
            blocks.append(to_block(lines, body[k]))
        k += rows
    return blocks


def to_block(lines: Sequence[str], i: int) -> Block:
    """A short line without a sentence ending, followed by prose or a table, is a
    subheading."""
    line = lines[i].replace("\t", " ")  # a row of cells, not in a table: one line of text
    following = lines[i + 1] if i + 1 < len(lines) else ""
    followed_by_prose = is_prose(following) or "\t" in following
    if len(words(line)) <= HEADING_MAX_WORDS and not is_sentence(line) and followed_by_prose:
        return Block("h2", line)
    return Block("p", line)


def trim_after_break(lines: Sequence[str], scores: Sequence[float], start: int, end: int) -> int:
    """End the span at a comments/related/bio heading when little follows it: at most two
    paragraphs, much less weight than what precedes it, or prose thinly spread between
    short lines (an author bio, a comment thread or a list of teasers outscores one heading,
    but is not the article)."""
    for i in range(start, end):
        if not is_section_break(lines[i]):
            continue
        before, after = sum(scores[start:i]), sum(scores[i + 1 : end])
        prose = sum(map(is_prose, lines[i + 1 : end]))
        sparse = prose < TAIL_MIN_DENSITY * (end - i - 1)  # comments: name, date, votes, text
        if prose <= TAIL_MAX_PROSE or after < TAIL_SHARE * before or sparse:
            return i
    return end


def dateline_start(lines: Sequence[str], start: int, end: int) -> int:
    """A dateline ("BUFFALO, N.Y. —") just inside the span opens the article: the lines
    above it are teasers or a standfirst, not body."""
    for i in range(start, min(end, start + DATELINE_LOOKAHEAD)):
        if DATELINE.match(lines[i]) and is_prose(lines[i]):
            return i
    return start


def read_text(text: str, furniture: frozenset[str] = frozenset()) -> Extracted:
    """Clean one pasted article: best prose span, headline block above it, furniture out."""
    lines = clean_lines(text)
    if not lines:
        return Extracted(title=None, blocks=())
    scores = line_scores(lines, furniture, [is_date_line(line) for line in lines])
    # A table's rows (short, full of figures) neither make a span nor break one; the items
    # of a numbered list, and the lines between them, count a little for it.
    listed = numbered_list_lines(lines)
    scores = [max(score, 0.0) if "\t" in line else
              max(score, LIST_ITEM_SCORE if listed.get(i) else 0.0) if i in listed else score
              for i, (line, score) in enumerate(zip(lines, scores, strict=True))]
    start, end = best_span(scores)
    if end == 0:
        start, end = 0, len(lines)
    end = trim_after_break(lines, scores, start, end)
    start = dateline_start(lines, start, end)
    header = read_header(lines, start, end)
    kept = [
        i
        for i in range(header.body_start, end)
        if keep_in_body(lines, i, end, furniture, header.title)
    ]
    body = without_link_lists(lines, kept)
    body = body[: end_notes_start([lines[i] for i in body])]
    return Extracted(
        title=header.title,
        blocks=tuple(to_blocks(lines, body)),
        dek=header.dek,
        author=header.author,
        date=header.date,
        source=source_name(lines),
        image_caption=header.caption,
        image_credit=header.credit,
    )
