"""The headline block of pasted text: headline, dek, byline, date and lead caption.

Above the article's first paragraph a page puts its headline, perhaps a dek, the byline
and date, a photo's caption and credit, and buttons, in an order each site chooses, among
menus and teasers. `read_header` finds the headline by what surrounds it (above its byline,
near the body, repeated as the browser's title) and reads the rest from there down.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from builder.ingest.boilerplate import (
    LONG_LINE_WORDS,
    UNPUNCTUATED_PROSE_WORDS,
    is_biography,
    is_boilerplate,
    is_prose,
    is_section_break,
    is_sentence,
    normalise_line,
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
    plainly_a_name,
    split_credit,
)
from builder.ingest.phrases import (
    CAPTION_LABEL,
    CREDIT_LINE,
    DATELINE,
    NAME_PARTICLES,
    OUTLET_NAME,
)

HEADER_LOOKBACK = 15  # how far above the body the headline block may start
COPY_LOOKBACK = 40  # how far above a headline over the body its first copy may be
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
TITLE_GOOD_WORDS = (5, 20)
TITLE_DISTANCE_COST = 0.25  # per line between a title candidate and the body
BYLINE_BELOW_SCORE, BYLINE_LOOKAHEAD = 3.0, 12  # a headline over its byline
OVER_SUBHEAD_SCORE = 2.0  # a headline in Title Case over a line in sentence case: its dek
UNSTOPPED_DEK_COST = 2.0  # a long unstopped line under another headline-shaped one: its dek
# (not any `alerts`: `… alerts sent when bus is 10 minutes away` is a dek)
PROMPT = re.compile(r"\b(subscribe|sign up|newsletters?|inbox|(news|email|breaking|push) alerts)\b",
                    re.IGNORECASE)
HEADING_MAX_WORDS = 12
DOMAIN = re.compile(r"(?i:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})")
KICKER_WORDS = 3  # a section's name over the headline (`METRO`, `Climate & Environment`)
HEADLINE_WORDS = 16  # longer, an unstopped line under a headline is its dek
# A byline this near the top of the span, before 3 paragraphs in a row, ends the header.
HEADER_LOOKAHEAD, BODY_RUN = 10, 3
# A table of contents' heading: the subheadings listed under it are not the headline
CONTENTS = re.compile(r"(?i:índice|contents|table of contents|sommaire|inhalt|"
                      r"inhaltsverzeichnis|indice|contenido|in this article)\W*")
CAPTION_MAX_WORDS = 60
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.IGNORECASE)
TIMESTAMP_MAX_WORDS = 6
BARE_BYLINE_WORDS = 4  # a name over a timestamp, with no `By`: `Adam Clark Estes`
BARE_BYLINE_MAX_WORDS = 12  # names and an outlet
DEK_MAX_WORDS = 50
DEK_MIN_WORDS = 8  # a dek without its full stop: a line this long over the byline
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
    if STOCK_CREDIT.match(credit):
        return False  # `Photo by Lena Ortiz on Unsplash`: a picture with no caption
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
    if not TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS:
        return False
    if line.rstrip().endswith(".") and not _title_cased(line):
        return False  # a sentence; but `Solar Farms Promised a Windfall. In One Ohio …`
    if CLOCK_TIME.search(line) and n <= TIMESTAMP_MAX_WORDS:
        return False
    return not (is_boilerplate(line) or is_meta(line))


_QUOTED_END = re.compile(r"[^\W\d_][\"”»’']\s*$")  # a quotation closing, with no stop
# `… fuelled the crisis. It is up to …` (not `North St. Paul`, `Dr. Rao`)
_SENTENCE_INSIDE = re.compile(r"(?<!\b(?:St|Dr|Mr|Ms|Mt|Ft|Jr|Sr|Co|No|vs))"
                              r"(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Inc|Ave|Rev|Jan|Feb|Mar|Apr|"
                              r"Aug|Sep|Oct|Nov|Dec))(?<!\bSept)(?<=[a-z])[.!?] [A-Z]")
_QUOTED_STOP = re.compile(r"[.!?][’”\"'] [A-Z]")  # a quotation ends its sentence: `… on it.’ They`
# A quotation, whose stops are the speaker's: `South Dakota says, 'Meth. We're On It,' and …`
_QUOTATION = re.compile(r"(?:^|(?<=[\s(\[]))['‘\"“][^\n]*?['’\"”](?!\w)")


def is_timestamp(line: str) -> bool:
    """A date line, or a short line with a clock time (`Monday 5:30PM`)."""
    return is_date_line(line) or bool(
        CLOCK_TIME.search(line) and len(words(line)) <= TIMESTAMP_MAX_WORDS)


def is_bare_byline(lines: Sequence[str], i: int) -> bool:
    """A name with no `By` (`Adam Clark Estes`); or, under a headline in sentence case, a
    line of capitalised words only: names and an outlet (`Lisa Kaczke and Trevor J.
    Mitchell Sioux Falls Argus Leader`). Only keeps such a line from being the headline;
    `bare_byline` says which lines name the author (stricter: names alone)."""
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


def two_sentence_headline(lines: Sequence[str], i: int) -> bool:
    """A headline of two sentences in sentence case, stopped or not (`After 112 years,
    Dorchester’s last candlepin alley is closing. Its bowlers aren’t ready to let go.`):
    read as one where it opens the header, over a byline, with no headline right above it
    (of which it would be the standfirst) but a kicker or a menu's word."""
    line = lines[i]
    stops = (len(_SENTENCE_INSIDE.findall(_QUOTATION.sub("", line)))
             + len(_QUOTED_STOP.findall(line)))  # (`on ‘Meth. We’re on it.’ They just …`)
    if (not TITLE_MIN_WORDS <= len(words(line)) <= TITLE_MAX_WORDS or stops != 1
            or is_boilerplate(line) or is_meta(line) or is_caption(lines, i)):
        return False
    above = _line_above(lines, i)
    if above is not None and (is_credit_line(lines[above]) or len(words(lines[above])) > (
            KICKER_WORDS) and is_title_candidate(lines, above)):
        return False  # (under its credit, `Alex Wong | Getty Images`: a photo's caption)
    below = next((lines[j] for j in range(i + 1, min(len(lines), i + 4))
                  if not is_boilerplate(lines[j])), "")
    if (is_headline(below) and not is_sentence(below) and len(words(below)) <= HEADLINE_WORDS
            and not looks_like_name(below)):
        return False  # over a headline: a promotion (`Local news is essential. Support it …`)
    return over_byline(lines, i, min(len(lines), i + BYLINE_LOOKAHEAD))


def is_title_candidate(lines: Sequence[str], i: int) -> bool:
    """Headline-shaped, not a caption, and not a sentence of running text."""
    line = lines[i]
    if URL_LIKE.search(line) or "@" in line or "\t" in line or DOMAIN.fullmatch(line.strip()):
        return False  # (a tab: a table's row; a domain alone, `news.com.au`: the site's name)
    if not is_headline(line):
        return two_sentence_headline(lines, i)
    if OUTLET_NAME.fullmatch(line.strip()):
        return False  # `The Lakeshore Sentinel`, a syndicated story's paper
    crumbs = line.split(" | ")
    if len(crumbs) >= 3 and all(len(words(c)) <= 3 for c in crumbs):
        return False  # `Local News | Transportation | Traffic Lab`: the sections
    if is_caption(lines, i):
        return False
    if (len(words(line)) > HEADING_MAX_WORDS and _SENTENCE_INSIDE.search(_QUOTATION.sub("", line))
            and not _over_byline_now(lines, i) and not _title_cased(line)
            and not two_sentence_headline(lines, i)):
        return False  # two sentences, the first ended inside: a standfirst, cut or unstopped
        # (unless a byline follows: `A tiny island nation just banned single-use vapes. Its
        # neighbors may follow` / `By Priya Raman, CNN`)
    if i + 1 < len(lines) and is_timestamp(lines[i + 1]) and is_bare_byline(lines, i):
        return False  # `Adam Clark Estes` over `Monday 5:30PM`: a byline without its `By`
    # a question or an exclamation may head the page ("… time to be careful?", "… Visitors!"),
    # and so may a quotation ("… 12 mila ingressi. «Qui studio meglio che a casa»") or a
    # headline in Title Case; a statement is running text
    return (line.rstrip().endswith(("?", "!")) or bool(_QUOTED_END.search(line))
            or _title_cased(line) or not (is_prose(line) and is_sentence(line)))


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
    if following == start or opens_header(lines, following) or is_dek_shaped(lines[following]) \
            or _unstopped_dek(lines, following):
        score += 1.5
    if _unstopped_dek(lines, i):
        score -= UNSTOPPED_DEK_COST
    if over_byline(lines, i, start) and not _under_headline(lines, i, start):
        score += BYLINE_BELOW_SCORE
    if following < start and _title_cased(lines[i]) and _sentence_cased(lines[following]):
        score += OVER_SUBHEAD_SCORE  # `… Opens $140 Million Plant in Reno` / `Automated facility …`
    return score - TITLE_DISTANCE_COST * distance


# Words a headline in Title Case leaves in lower case.
_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or per than the to "
                         "up via vs with".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _title_cased(line: str) -> bool:
    """A headline in Title Case: five or more words, the minor ones aside, nearly all
    capitalised (not a kicker's two words)."""
    tokens = [t for t in _WORD.findall(line) if t.casefold() not in _MINOR_WORDS]
    return len(tokens) >= 5 and sum(t[0].isupper() for t in tokens) >= 0.8 * len(tokens)


def _sentence_cased(line: str) -> bool:
    """A line in sentence case: past its first word, few capitals (names only)."""
    tokens = [t for t in _WORD.findall(line)[1:] if t.casefold() not in _MINOR_WORDS]
    return len(tokens) >= 5 and sum(t[0].isupper() for t in tokens) <= 0.4 * len(tokens)


def _unstopped_dek(lines: Sequence[str], i: int) -> bool:
    """Whether line i is a standfirst without its full stop under the headline right above
    it (the Telegraph's, El Mundo's two): too long for a headline of its own, under one
    that is no kicker (`U.S. NEWS`)."""
    line = lines[i]
    if (is_sentence(line) or len(words(line)) < UNPUNCTUATED_PROSE_WORDS or _title_cased(line)
            or not is_title_candidate(lines, i)):
        return False
    above = _line_above(lines, i)
    return (above is not None and is_title_candidate(lines, above)
            and len(words(lines[above])) >= TITLE_GOOD_WORDS[0]
            # (not the same headline after a breadcrumb: `Home News Business News Ascom …`)
            and normalise_line(line) not in normalise_line(lines[above]))


def _under_headline(lines: Sequence[str], i: int, start: int) -> bool:
    """Whether line i is the dek of the headline right above it, both over the byline: that
    headline opens the block (not two more headlines above it, as in a list of teasers
    that ends in the page's own headline). A section's name above it (`Northern Ireland
    news`) is a kicker, not a headline."""
    above = _line_above(lines, i)
    if (above is None or len(words(lines[above])) <= KICKER_WORDS
            or not is_title_candidate(lines, above) or not over_byline(lines, above, start)):
        return False
    higher = _line_above(lines, above)
    if higher is None or not is_title_candidate(lines, higher):
        return True
    highest = _line_above(lines, higher)
    return highest is None or not is_title_candidate(lines, highest)


def bare_byline(lines: Sequence[str], i: int, end: int) -> str | None:
    """The writer named on line i without a `By`: a name of two to four words over a
    timestamp or what the writer is (`David Ehrlich` over `Nov 13, 2019 4:26 pm`, `Rhys
    Evans` over `BBC Wales`), over the paper then the time (`Danielle Ortiz` / `Asbury Park
    Press` / `Published …`), or over the writer's biography (`Kevin Ashworth` / `Close` /
    `Kevin Ashworth covers …`); less a wire agency after it."""
    line = _HANDLE_END.sub("", lines[i])  # (`… CTVNews.ca Writer @nbergeronCTV`)
    outlet = _OUTLET_AFTER.search(line)  # `Dimas Prakoso (The Jakarta Post)`
    if outlet and (OUTLET_NAME.fullmatch(outlet[1]) or _masthead(lines, outlet[1])):
        line = line[: outlet.start()]
    joiner = ", "
    names = line.split(joiner)  # `Anni Korhonen, Jussi Mäkelä`: writers, not a name and a title
    if len(names) == 1 and len(pair := line.split(" and ")) == 2:
        joiner, names = " and ", pair  # `Naomi Reyes-Carter and Theo Lindahl`
    if len(names) == 2 and (_masthead(lines, names[1]) or ROLE_LINE.fullmatch(names[1])):
        # `Layla Haddad, Al Arabiya English`: the site's; `Natalie Bergeron, CTVNews.ca Writer`
        line, names = names[0], [names[0]]
    elif len(names) > 1 and all(2 <= len(n.split()) <= 3 and plainly_a_name(n) for n in names):
        line = names[0]
    if not (2 <= len(words(line)) <= BARE_BYLINE_WORDS and looks_like_name(line)
            and "," not in line and ":" not in line and not is_boilerplate(line) and i + 1 < end
            and not CREDIT_LINE.match(line.strip())  # `Credit: Andrew Matthews/PA`
            and not OUTLET_NAME.fullmatch(line.strip())):
        return None
    # (past a button to follow the writer, `Fiona Tse` / `+ FOLLOW` / `Published: …`, or
    # the reading time, `Tahlia Briggs` / `3 min read` / `January 22, 2024 - 2:46PM`)
    after = [text for text in (lines[j].strip() for j in range(i + 1, min(i + 5, end)))
             if not (_FOLLOW.fullmatch(text) or READING_TIME.match(text)
                     or _CONTACT.fullmatch(text))][:2]
    if not after:
        return None
    if (is_timestamp(after[0]) or ROLE_LINE.fullmatch(after[0])
            # (under the date, over the share buttons: `October 26, 2023` / `Miriam Okafor`)
            or i > 0 and is_timestamp(lines[i - 1]) and is_boilerplate(after[0])
            and plainly_a_name(line)  # (not `Download PDF`)
            or len(after) > 1 and (looks_like_name(after[0]) or _PLACE.fullmatch(after[0]))
            and is_timestamp(after[1]) and len(words(after[0])) <= BARE_BYLINE_WORDS + 1
            or any(text.startswith(line.strip()) and is_biography(text) for text in after)):
        return AGENCY_AFTER.sub("", joiner.join([line, *names[1:]]) if len(names) > 1 else line)
    return None


# A stock picture's credit, which comes with no caption: what is above it is the text's.
STOCK_CREDIT = re.compile(r"(?i:(photo|image|illustration) by .{2,60} on "
                          r"(unsplash|pexels|pixabay|freepik|stocksnap|burst))\W*$")
_HOUR = re.compile(r"\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)  # `5 AM`
_POSTED_BY = re.compile(r"(?i:posted by|written by)\s")
_FOLLOW = re.compile(r"(?i:\+?\s*follow(ing)?( me| author)?)")
# where the writer files from: `Lucía Ferrándiz` / `Toledo` / `Actualizado: …`
_PLACE = re.compile(r"[A-ZÀ-Þ][\w'’-]+")
_HANDLE_END = re.compile(r"\s+@\w{2,30}$")
_OUTLET_AFTER = re.compile(r"\s*\(([^()]{2,40})\)\s*$")
_CONTACT = re.compile(r"@\w{2,30}|(?i:contact|e-?mail|email me)")  # the writer's handle, links
READING_TIME = re.compile(r"(?i:\d+\s*(-\s*)?min(ute)?s?\.?( read| reading| to read)?\s*$)")


MASTHEAD_LINES = 3  # the site's name is among the page's first lines


def _masthead(lines: Sequence[str], text: str) -> bool:
    """Whether text is the site's name, as the page's first lines show it."""
    key = normalise_line(text)
    return any(normalise_line(line) == key for line in lines[:MASTHEAD_LINES])


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
        # (a `By` line, or a name over its role or the time: bare_byline; a gallery's photo
        # label over a time, `Ben Patton Trinity`, can pass for one: on the dev pages, the
        # headlines read were the same with and without these)
        if byline_author(line) or bare_byline(lines, j, start):  # the article's: the last
            # before the body (not a menu's `By Any Means Necessary`, a radio show's name)
            return not any(byline_author(lines[k]) for k in range(j + 1, start))
        if (looks_like_name(line) and j + 1 < start
                and byline_author(lines[j + 1]) == line.strip()):
            continue  # `Kaori Shimizu` over `by Kaori Shimizu`: the writer's card, then byline
        if PROMPT.search(line):
            return False
        if is_boilerplate(line) or is_date_line(line) or is_credit_line(line) or is_caption(
                lines, j):
            continue
        deks += 1  # a dek, stopped or not
        if deks > 1 or not (is_dek_shaped(line) or is_headline(line) or _unstopped_dek(lines, j)):
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
    box = max((i for i in distance if is_section_break(lines[i])
               or CONTENTS.fullmatch(lines[i].strip())), default=None)
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
    body paragraphs comes before it: what precedes a byline is headline block, not body.
    (The body's first paragraph ends its sentence: a long headline and its dek lines, as a
    Spanish or Italian page writes them, read like prose but are not stopped.)"""
    last, run = None, 0
    for i in range(start, min(end, start + HEADER_LOOKAHEAD)):
        line = lines[i]
        if not is_prose(line):
            run = 0
        elif run or is_sentence(line) or len(words(line)) >= LONG_LINE_WORDS:
            run += 1  # (an unstopped line counts once paragraphs have begun: a tweet's)
        if run >= BODY_RUN:
            break
        if byline_author(lines[i]) or is_date_line(lines[i]):
            last = i
    return start if last is None else last + 1


def earlier_copy(lines: Sequence[str], title_at: int) -> int | None:
    """Just past the same headline a few lines higher, with a byline, date or caption
    between the two (a gallery's headline repeated over the text): its header is there."""
    title = normalise_line(lines[title_at])
    # (further up than a headline is looked for: the same words are sign enough, and a
    # gallery of eight photos and their credits may stand between)
    for j in range(title_at - 1, max(-1, title_at - COPY_LOOKBACK), -1):
        if normalise_line(lines[j]) == title:
            header = any(is_meta(lines[k]) or is_caption(lines, k) for k in range(j + 1, title_at))
            return j + 1 if header else None
    return None


def read_header(lines: Sequence[str], start: int, end: int, day_first: bool = False) -> Header:
    """Title, dek, byline, date and lead caption from the lines around the body's start;
    numeric dates read day first if asked (parse_date)."""
    forced = max(start, meta_end(lines, start, end))
    # Above a byline that opens the span, the lines are headline block: look there too.
    title_at = find_title(lines, forced)
    first = title_at + 1 if title_at is not None else start
    if title_at is not None:  # the headline above its byline, then again over the body
        first = earlier_copy(lines, title_at) or first
    while title_at is None and first > max(0, start - HEADER_LOOKBACK) and (
            is_meta(lines[first - 1]) or is_boilerplate(lines[first - 1])
            or is_caption(lines, first - 1) or is_timestamp(lines[first - 1])
            or _HOUR.fullmatch(lines[first - 1]) or ROLE_LINE.fullmatch(lines[first - 1])):
        first -= 1  # no headline found: the byline and date right above the body (past
        # buttons and the photo) are its own
    dek = author = bare = when = caption = credit = None
    i = first
    while i < end:
        line = lines[i]
        header_only = i < forced
        if byline_author(line) or is_date_line(line):
            author = author or byline_author(line)
            when = when or (parse_date(line, day_first) if is_date_line(line) else None)
        elif ((bare is None or title_at is not None and i < title_at)
              and (name := bare_byline(lines, i, end))):
            bare = name  # (above the headline, the nearest: a menu of sub-brands comes first)
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
        elif (author or bare) and is_biography(line):
            pass  # the writer's biography under the byline (a hover card's text)
        elif (
            dek is None
            and i == first
            and title_at is not None
            and (is_dek_shaped(line)  # or, unstopped, right over the byline (the Guardian's)
                 or DEK_MIN_WORDS <= len(line.split()) <= DEK_MAX_WORDS
                 and (i + 1 < end and byline_author(lines[i + 1]) is not None
                      # or in sentence case under a headline in Title Case
                      or _title_cased(lines[title_at]) and _sentence_cased(line)))
            and (header_only or i < start or (i + 1 < end and opens_header(lines, i + 1)))
        ):
            dek = line
        elif not header_only and i >= start:
            break
        i += 1
    if when is None and title_at is not None:  # "Last Updated: Nov 20, 2019" over the headline
        when = next((parse_date(lines[j], day_first)
                     for j in range(title_at - 1, max(-1, title_at - 4), -1)
                     if is_date_line(lines[j])), None)
    if when is None:  # or right under the last paragraph (Corriere's `4 marzo 2024 (modifica …)`)
        when = next((parse_date(lines[j], day_first) for j in range(end, min(len(lines), end + 2))
                     if is_date_line(lines[j])), None)
    if author is None and bare is None:  # a blog's `Posted by Ruth Calloway at 9:14 PM`
        author = next((byline_author(lines[j]) for j in range(end, min(len(lines), end + 3))
                       if _POSTED_BY.match(lines[j])), None)
    return Header(
        title=lines[title_at] if title_at is not None else None,
        body_start=max(i, start),
        dek=dek,
        author=author or bare,
        date=when,
        caption=caption,
        credit=credit,
    )
