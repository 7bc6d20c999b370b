"""Pasted text → article.

What select-all + copy gives is lines in page order: menus, headline, dek, byline,
captions, body, related links, footers. The cleaner scores every line, takes the
best-scoring contiguous run as the article (`boilerplate.best_span`), reads the
headline block just above it (`header.read_header`), and drops the furniture left inside
the run.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from builder.ingest import Block, Extracted
from builder.ingest.boilerplate import (
    best_span,
    end_notes_start,
    is_boilerplate,
    is_prose,
    is_section_break,
    is_sentence,
    language,
    line_scores,
    normalise_line,
    without_hover_cards,
    without_link_notes,
    words,
)
from builder.ingest.header import (
    HEADING_MAX_WORDS,
    is_caption,
    read_header,
)
from builder.ingest.metadata import (
    is_credit_line,
    is_date_line,
    looks_like_name,
    numeric_order,
    plainly_a_name,
    source_name,
)
from builder.ingest.phrases import (
    DATELINE,
    INSET_HEADING,
    LINK_BOX,
    LIST_LABEL,
    META_LABEL,
    READ_MORE,
    STOP_WORDS,
)

DATELINE_LOOKAHEAD = 4
# Past a section break, this few paragraphs (or this share of the weight) are its own section.
TAIL_MAX_PROSE, TAIL_SHARE, TAIL_MIN_DENSITY = 2, 0.3, 0.5
META_VALUE_WORDS = 8  # the value under a label (`Author:`): a name or a date
HANDLE = re.compile(r"@\w{2,30}")
LINK_WORDS, LINK_RUN = (4, 20), 3  # a related-link headline; how many make a box
LINK_MAX_NUMBERS = 0.25
# A long caption shown cut short, with a control to see it whole: `… at ... more`.
TRUNCATED = re.compile(r"\s*(?:\.\.\.|…)\s*(?:(?:read|show|see)\s+)?more\s*$", re.IGNORECASE)
FOLD_CONTROL = re.compile(r"\s+less\s*$", re.IGNORECASE)  # after the whole text: `… 2019. less`
TRUNCATED_MIN_WORDS = 5
# A box of links set into the article: its heading and links, at most this many lines; the
# paragraph under it goes on with the story when it names what the lines above it named.
BOX_MAX_LINES, STORY_LOOKBACK, SHARED_NAMES, STORY_RUN = 6, 30, 2, 4
NAME = re.compile(r"\b[^\W\d_]*[A-ZÀ-ÞĀ-Ž][\w’'-]*")
_STOPS = frozenset().union(*STOP_WORDS.values())


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
        cells = [" ".join(without_link_notes(without_hover_cards(cell)).split())  # empty too
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
    lines = without_video_titles(joined_bylines(lines))
    rows = {i + n for i, count in table_runs(lines, range(len(lines))).items()
            for n in range(count)}
    return [line if i in rows else " ".join(line.split()) for i, line in enumerate(lines)]


_PLAYER = re.compile(r"(?i:now playing|up next|watch next|next video)")
VIDEO_TITLE_WORDS = 15


def without_video_titles(lines: list[str]) -> list[str]:
    """The title under a video player's `Now Playing` (often the story's, reworded, right
    under the headline) is the player's, not a headline or a paragraph."""
    return [line for i, line in enumerate(lines)
            if not (i and _PLAYER.fullmatch(lines[i - 1]) and not is_sentence(line)
                    and len(words(line)) <= VIDEO_TITLE_WORDS)]


_BY_ALONE = re.compile(r"(?i:by|von|par|por|di|door)\s*:?")
_AND_ALONE = re.compile(r"(?i:and|und|et|y|e|&|,)")


def joined_bylines(lines: list[str]) -> list[str]:
    """`By` / `Lena Markovic` / `and` / `Theo Brandt`, each name a link of its own line:
    one byline, `By Lena Markovic and Theo Brandt`."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _BY_ALONE.fullmatch(lines[i]) and i + 1 < len(lines) and looks_like_name(lines[i + 1]):
            names = [lines[i + 1]]
            i += 2
            while (i + 1 < len(lines) and _AND_ALONE.fullmatch(lines[i])
                   and looks_like_name(lines[i + 1])):
                names.append(lines[i + 1])
                i += 2
            out.append("By " + " and ".join(names))
        else:
            out.append(lines[i])
            i += 1
    return out


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
    """A link's headline in a box of them: no sentence ending but a question's (`Can
    Africa feed itself by 2030?`), not a paragraph's length (looser than is_link_text,
    which must tell such a line among paragraphs)."""
    return ((not is_sentence(line) or line.rstrip().endswith("?"))
            and LINK_WORDS[0] <= len(words(line)) <= LINK_WORDS[1])


def _under_box_heading(lines: Sequence[str], i: int) -> bool:
    """Whether line i is right under a box's heading (`Keep reading`), past the box's own
    furniture (a screen reader's `list of 4 items`, `list 1 of 4`). A `Read more` over
    links heads their box too (Newsweek's, or a list of tags); a heading with its one link
    on the same line (`Lire aussi : Les canons à neige…`) heads no box below it."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if is_section_break(lines[j]) or READ_MORE.match(lines[j].strip()):
            return not INLINE_LINK.search(lines[j])
        if lines[j].strip() and not is_boilerplate(lines[j]):
            return False
    return False


INLINE_LINK = re.compile(r"[:>»]\s*\S+(?:\s+\S+){2,}")  # the link, after its label
SUBHEADING_WORDS = 6


def _subheading(lines: Sequence[str], i: int) -> bool:
    """A few words over a paragraph: the article's next subheading, after a box's links
    (`Tambos en crisis: cierran dos por semana…` / `Una asamblea en el club` / text), a
    few more when they quote someone (`‘It’s like living on an island’`)."""
    line = lines[i].strip()
    quoted = line[:1] in "‘“\"'" and line[-1:] in "’”\"'"
    most = SUBHEADING_WORDS + 2 if quoted else SUBHEADING_WORDS
    return len(words(line)) <= most and i + 1 < len(lines) and is_prose(lines[i + 1])


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
        if _under_box_heading(lines, kept[k]):
            while (run_end < len(kept) and kept[run_end] not in in_table
                   and is_teaser(lines[kept[run_end]])
                   and not (run_end > k and _subheading(lines, kept[run_end]))):
                run_end += 1
            drop.update(range(k, run_end))
        if (run_end == k and kept[k] + 1 < len(lines) and READ_MORE.match(lines[kept[k] + 1])
                and is_teaser(lines[kept[k]])):
            drop.add(k)  # a link's headline over its own `Read more`
        while (run_end < len(kept) and flags[run_end]
               and not (run_end > k and _subheading(lines, kept[run_end]))):
            run_end += 1
        if run_end - k >= LINK_RUN:
            drop.update(range(k, run_end))
        k = max(run_end, k + 1)
    return [i for k, i in enumerate(kept) if k not in drop]


PULL_QUOTE_REACH = 3  # lines from the paragraph a pull quote repeats
_QUOTE_OPENS = "“\"«‘„'‹"
STOPPED_QUOTE = re.compile(r"[.…]\s?[”\"»’'›]$")
_NOT_WORD = re.compile(r"[\W_]+")


def _core(text: str) -> str:
    """A line's words alone, lower-cased and spaced, for finding one inside another."""
    return " " + _NOT_WORD.sub(" ", text.casefold()).strip() + " "


def without_pull_quotes(lines: Sequence[str], body: Sequence[int]) -> list[int]:
    """Drop pull quotes: a quotation set apart in large type that repeats words of a
    paragraph near it (`“Shrimp are the foundation.”` over `“Shrimp are the foundation,”
    Sandhu said. …`). Its sentence ends inside the quotation marks, or its speaker is named
    under it: a subheading that quotes the paragraph below it (`‘Nothing comes up’`) has
    neither, and stays."""
    cores = [_core(lines[i]) for i in body]
    drop: set[int] = set()
    for k, i in enumerate(body):
        line = lines[i].strip()
        near = range(max(0, k - PULL_QUOTE_REACH), min(len(body), k + PULL_QUOTE_REACH + 1))
        said = k + 1 < len(body) and _speaker(lines[body[k + 1]])
        if ((said or line[:1] in _QUOTE_OPENS and STOPPED_QUOTE.search(line)) and any(
                m != k and len(cores[m]) > len(cores[k]) and cores[k] in cores[m] for m in near)):
            drop.add(k)
            if said:  # and its speaker under it: `Sylvie Gagnon, conseillère municipale`
                drop.add(k + 1)
    return [i for k, i in enumerate(body) if k not in drop]


def _speaker(line: str) -> bool:
    """Whether a line names who said the quotation above it: a name, then what they are."""
    name, comma, role = line.strip().partition(", ")
    return (bool(comma) and 2 <= len(name.split()) <= 3 and plainly_a_name(name)
            and 1 <= len(words(role)) <= 6 and not is_sentence(line))


TAG_WORDS, TAG_RUN = 3, 3  # a topic's link: at most this many words; this many end a story


def tags_start(paragraphs: Sequence[str]) -> int:
    """Where the topics the story is filed under begin, if it ends with them (their
    number if not): a run of TAG_RUN or more lines of a few words, no stop, not a list's
    numbered or bulleted items (`Environment` / `food waste` / `public housing`)."""
    end = len(paragraphs)
    while end > 0 and _is_tag(paragraphs[end - 1]):
        end -= 1
    return end if len(paragraphs) - end >= TAG_RUN else len(paragraphs)


def _is_tag(line: str) -> bool:
    text = line.strip()
    return (1 <= len(words(text)) <= TAG_WORDS and not is_sentence(text)
            and not text[:1].isdigit() and text[:1] not in "•*-–—·")


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


def _names(line: str) -> set[str]:
    """The capitalised words of a line, possessives off (`Nashville’s` → `Nashville`),
    stop words out (`The`, `She`)."""
    found = {re.sub(r"['’]s?$", "", w) for w in NAME.findall(line)}
    return {w for w in found if len(w) > 1 and w.casefold() not in _STOPS}


def resumed_story(lines: Sequence[str], i: int) -> int | None:
    """Where the article goes on below a box of links set into it (`Trending`, four
    headlines, then `O'Keefe oversaw a 1-1 draw…`, O'Keefe named above): the paragraph past
    the box's heading (line i), links and buttons, when it opens a run of STORY_RUN
    paragraphs or names at least SHARED_NAMES people or places the lines above named, or
    a third of its names. None where line i heads no such box, where what follows it is no
    paragraph of the same story (a teaser's summary), or where no paragraph stands right
    above the box (below the topics and `Join the discussions`, a box of links follows the
    article)."""
    if not LINK_BOX.match(normalise_line(lines[i])):
        return None
    before = i - 1
    while before > 0 and before >= i - 2 and is_boilerplate(lines[before]):
        before -= 1
    if before < 0 or not is_prose(lines[before]):
        return None
    j, links = i + 1, 0
    while j < len(lines) and not is_prose(lines[j]):
        line = lines[j]
        if not (is_boilerplate(line) or len(words(line)) <= 2):  # (a player's `8`, `Cancel`)
            links += 1
            if links > BOX_MAX_LINES or not (is_teaser(line)
                                             or LINK_BOX.match(normalise_line(line))):
                return None
        j += 1
    if j == len(lines):
        return None
    if all(map(is_prose, lines[j : j + STORY_RUN])):
        return j  # a run of paragraphs: the story, not a teaser's summary
    names = _names(lines[j])
    above = set().union(*map(_names, lines[max(0, i - STORY_LOOKBACK) : i]))
    shared = len(names & above)
    return j if shared >= SHARED_NAMES or shared and 3 * shared >= len(names) else None


def boxes_set_in(lines: Sequence[str]) -> set[int]:
    """The lines of each box of links set into the article (resumed_story): its heading
    and links, down to the paragraph that goes on with the story."""
    boxed: set[int] = set()
    for i, line in enumerate(lines):
        if len(line) < 40 and (j := resumed_story(lines, i)) is not None:  # (headings are short)
            boxed.update(range(i, j))
    return boxed


def trim_after_break(lines: Sequence[str], scores: Sequence[float], start: int, end: int,
                     boxed: Container[int] = frozenset()) -> int:
    """End the span at a comments/related/bio heading when little follows it: at most two
    paragraphs, much less weight than what precedes it, or prose thinly spread between
    short lines (an author bio, a comment thread or a list of teasers outscores one heading,
    but is not the article)."""
    for i in range(start, end):
        if not is_section_break(lines[i]) or i in boxed:  # (boxes_set_in)
            continue
        before, after = sum(scores[start:i]), sum(scores[i + 1 : end])
        rest = [line for line in lines[i + 1 : end] if not LIST_LABEL.match(line.strip())]
        prose = sum(map(is_prose, rest))
        # comments: name, date, votes, text (not under a box set into the article)
        sparse = (prose < TAIL_MIN_DENSITY * len(rest)
                  and not INSET_HEADING.match(normalise_line(lines[i])))
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
    # A box of links set into the article neither makes the article's span nor ends it.
    boxed = boxes_set_in(lines)
    start, end = best_span([0.0 if i in boxed else s for i, s in enumerate(scores)])
    if end == 0:
        start, end = 0, len(lines)
    end = trim_after_break(lines, scores, start, end, boxed)
    start = dateline_start(lines, start, end)
    # All but American English write a numeric date day first (12/09/2019), unless
    # another date on the page shows which way round they are.
    order = numeric_order(lines)
    header = read_header(lines, start, end, order if order is not None else
                         language(lines[start:end]) not in (None, "en"))
    kept = [
        i
        for i in range(header.body_start, end)
        if i not in boxed and keep_in_body(lines, i, end, furniture, header.title)
    ]
    body = without_pull_quotes(lines, without_link_lists(lines, kept))
    body = body[: end_notes_start([lines[i] for i in body])]
    body = body[: tags_start([lines[i] for i in body])]
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
