"""Article metadata from pasted lines: dates, bylines, photo credits, source name.

Each function looks at one line (or the page's lines) and answers one question;
`text.read_text` decides which lines to ask about, so a date inside a caption or a
copyright year is never taken for the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from builder.glossary.ner_data import ordinary_words
from builder.ingest.boilerplate import bare, words
from builder.ingest.phrases import (
    ACCOUNT_NAMES,
    BYLINE,
    CORPORATE_SUFFIXES,
    CREDIT_AGENCIES,
    CREDIT_ANYWHERE,
    CREDIT_LINE,
    MONTHS,
    NAME_PARTICLES,
    OUTLET_NAME,
    TRAILING_CREDIT,
)

_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>\d{4})"
# or a time glued on, `NOV 20 20194:29 AM EST`, or the date again, `11 February 201811
# February 2018` (BBC Sport's)
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2})|(?=\d{1,2}\s+[^\W\d_]{3,}\s+\d{4}))"
# Written dates, most specific first; each names year, month and day groups.
DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ]\d|\b)",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_YEAR_END}",  # November 19, 2019 / Nov. 19 2019
        rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_YEAR_END}",  # 19 November 2019
        r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b",  # 19.11.2019
        rf"\b{_DAY}[.-]{_MONTH}[.-]{_YEAR}\b",  # 12.jul.2022 (Folha), 12-Jul-2022
        r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b",
        r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2}(?:\d{2})?)\b",  # US 11/19/19
        r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2}(?:\d{2})?)\b",  # 27/09/2018,
        # 15/10/19: not US
        # 19.06.19, 06.19.19 (Engadget); not a version's numbers (`version 2.10.19`, `1.2.3.4`)
        r"(?<!version )(?<![\d.])\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})\b(?!\.\d)",
        r"(?<!version )(?<![\d.])\b(?P<month>\d{1,2})\.(?P<day>\d{1,2})\.(?P<year>\d{2})\b(?!\.\d)",
    )
)
DATE_CUE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|date|on|publié|"
    r"veröffentlicht|aktualisiert|publicado|pubblicato|gepubliceerd|diterbitkan)\b",
    re.IGNORECASE,
)
DATE_LINE_MAX_WORDS = 16
NAME_MAX_WORDS = 8
# Words a byline's name group can end on before its date: "By Jane Doe on", "Par X le".
# "By JESSICA HARTLEY FOR MAILONLINE", "By Jane Roe for The Guardian": the outlet after the name.
FOR_OUTLET = re.compile(r"\s+(?i:for)\s+(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}$")
WITH_AGENCY = re.compile(rf"\s+(?i:with)\s+(?:{CREDIT_AGENCIES}|wires|agencies)$")
_MERIDIEM_END = re.compile(r"\b[ap]\. ?m\.$", re.IGNORECASE)  # (`07:30 a. m.`, Spanish)
_OUTLET_ENDS = frozenset(["News", "Media", "Digital", "Online", "Staff"])  # (`Globe Staff`)


def _without_news_outlet(name: str) -> str:
    """"Kyle Brenner Fox News" → "Kyle Brenner": an outlet of one or two words after a name
    of two or more."""
    tokens = name.split()
    if tokens and tokens[-1] in _OUTLET_ENDS:
        for cut in (2, 1):
            if len(tokens) - cut >= 2:
                return " ".join(tokens[:-cut])
    for cut in (4, 3, 2):  # `Dana Whitlock Las Vegas Review-Journal`
        if len(tokens) - cut >= 2 and OUTLET_NAME.fullmatch(" ".join(tokens[-cut:])):
            return " ".join(tokens[:-cut])
    return name


TRAILING_CONNECTIVES = re.compile(
    r"(?:\s+(?:and|&|und|et|y|e|on|at|am|le|el|il|em))+\s*$", re.IGNORECASE
)
# A job title after the name: with its qualifier ("Staff Writer"), or glued to the name as a
# hover card pastes it ("Meg JamesStaff Writer"); a bare "Writer" may be a surname.
_QUALIFIER = r"(?:Senior|Staff|Contributing|Special|Chief|Political|Foreign|Business|Sports)"
_JOB = r"(?:Writer|Reporter|Correspondent|Editor|Contributor|Columnist)"
JOB_AFTER = re.compile(rf"(?:\s+{_QUALIFIER}\s+{_JOB}|(?<=[a-z])(?:{_QUALIFIER}\s*)?{_JOB})$")
DATE_LABEL_AFTER = re.compile(r"\s+(?:updated|published|posted|modified)$", re.IGNORECASE)
DATE_LABEL_BEFORE = re.compile(r"(?:last )?(?:updated|published|posted|modified)\b",
                               re.IGNORECASE)
# "Anna Moneymaker/The New York Times": a photographer and an outlet.
NAME_SLASH_OUTLET = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w.'’&, -]+$")
URL_LIKE = re.compile(r"://|\bwww\.|\.[a-z]{2,4}/", re.IGNORECASE)  # pic.twitter.com/…


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return MONTHS.get(token.casefold().rstrip("."))


# The same forms with a numeric day read before the month: how every language but American
# English writes `12/09/2019` (12 September).
DAY_FIRST_FORMS = tuple(sorted(DATE_FORMS, key=lambda form: form.pattern.startswith(
    r"\b(?P<month>\d")))


_SLASHED_DATE = re.compile(r"(?<![\d/])\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b(?!/\d)")


def numeric_order(lines: Iterable[str]) -> bool | None:
    """Whether the page's numeric dates are written day first, as far as one of them shows
    it: `15/04/2024` can only be, `04/15/2024` cannot (a British or Indian site in English
    writes `12/04/2024` for 12 April). None when every one reads both ways, or the page's
    dates disagree (a date quoted from elsewhere)."""
    seen = set()
    for line in lines:
        for match in _SLASHED_DATE.finditer(line):
            first, second = int(match[1]), int(match[2])
            if 12 < first <= 31 and 1 <= second <= 12:
                seen.add(True)
            elif 12 < second <= 31 and 1 <= first <= 12:
                seen.add(False)
    return seen.pop() if len(seen) == 1 else None


_COMMA_AFTER_SPACE = re.compile(r" ,(?=\d)")
CONTRIBUTED = re.compile(r"(?i:\bcontributed\b)")
_PHOTO_LABEL = re.compile(r"^(?:PHOTO|PHOTOS|FOTO|PHOTOGRAPHIE)\s+")
EMAIL_AFTER = re.compile(r"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
HANDLE_AFTER = re.compile(r"(?<=\S)\s+@\w{2,30}\s*$")
# a second writer after a comma, when the label says there are several (`Authors: A, B`)
SECOND_WRITER = re.compile(r",\s*(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2})\s*$")


def written_dates(text: str, day_first: bool = False) -> Iterator[tuple[re.Match[str], str]]:
    """Each real date written in `text` (format by format, most specific first) with its
    ISO 8601 form (YYYY-MM-DD)."""
    text = _COMMA_AFTER_SPACE.sub(", ", text)  # `27 February ,2024` (the same length)
    for form in DAY_FIRST_FORMS if day_first else DATE_FORMS:
        for match in form.finditer(text):
            month = _month_number(match["month"])
            year = int(match["year"])
            if len(match["year"]) == 2:  # 11/19/19
                year += 2000
            if month is None:
                continue
            try:
                yield match, date(year, month, int(match["day"])).isoformat()
            except ValueError:
                continue


def parse_date(text: str, day_first: bool = False) -> str | None:
    """The first written date in `text` as ISO 8601 (YYYY-MM-DD), or None; `day_first`
    reads `12/09/2019` as 12 September (DAY_FIRST_FORMS)."""
    return next((iso for _, iso in written_dates(text, day_first)), None)


def is_date_line(line: str) -> bool:
    """A short line that states when the article was published (not a caption that names a day)."""
    tokens = words(line)
    if len(tokens) > DATE_LINE_MAX_WORDS and "|" in line:  # `Updated June 4, 2024 at 3:42
        return is_date_line(line.split("|", 1)[0])  # p.m. EDT|Published June 4, 2024 at …`
    if not tokens or len(tokens) > DATE_LINE_MAX_WORDS or parse_date(line) is None:
        return False
    # A sentence that happens to mention a date is not a date line (a time's `p.m.` is
    # not a full stop), unless it says it is one (`Publié mardi 14 novembre 2017 à 18:42,
    # modifié … à 20:05.`).
    stopped = line.rstrip().endswith(".") and not _MERIDIEM_END.search(line.rstrip())
    return not (stopped and len(tokens) > 8) or bool(DATE_CUE.match(line.strip()))


NAME_AND_HANDLE = re.compile(r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\s*@\w{2,30}")
AGENCY_AFTER = re.compile(rf"\s+(?:The\s+)?(?:{CREDIT_AGENCIES})$")  # `Tom Davies Associated Press`
# "Helena Marsh Environment correspondent": a name and the beat, the job in lower case.
NAME_AND_ROLE = re.compile(
    rf"(?!(?:The|A|An|This|Our) )(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,2}}?)\s+"
    rf"(?:[A-Z][a-z]+\s+)?"
    rf"(?:senior |chief |deputy |political |foreign |staff |special )?{_JOB.lower()}")
# The line under a name that says what the writer is: a job, or an outlet (`BBC Wales`).
ROLE_LINE = re.compile(rf"(?i:.*\b{_JOB}s?\b.*)|[A-Z]{{2,5}}(?: [A-Z][\w.'’-]+){{0,3}}")
OUTLET_GLUED = re.compile(r"(?<=[a-z])[A-Z]{2,}[A-Za-z]*$")
HANDLE_TAIL_WORDS = 3  # after the handle, at most a time: `/ 2 days`
DATE_THEN_BYLINE = re.compile(
    r"(?P<date>.+?\d.*?)\s+(?i:by)\s+(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})")
DATE_THEN_BYLINE_WORDS = 10  # the date before `by`: `Monday November 18, 2019 7:45 am PST`
# "Tom Krisher, AP Auto Writer": a name and the job, no "By".
NAME_AND_JOB = re.compile(
    rf"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}}),\s+"
    rf"(?i:(?:[a-z][\w.&-]*\s+){{0,3}}{_JOB})")


# `Aileen MacNeil · CBC News · Posted: Jun 04, 2024`, `Rohit Kulkarni / TNN / Updated: …`,
# `DIANA KESSLER - 7/16/2019, 4:45 PM`:
# a byline without `By`, the writer first, then the outlet or the time, apart by a dot,
# slash or bar.
SEGMENT = re.compile(r"\s+[·•/|–—-]\s+")
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
# `Sophie Lindqvist in Stockholm and Tom Ashcroft in London`: writers and where they write from.
NAMES_IN_PLACES = re.compile(
    rf"(?P<first>{_NAME}) in [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?"
    rf"(?:(?:,| and) (?P<rest>{_NAME}) in [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?)*")


def _segmented_name(line: str) -> str | None:
    """The writer of a byline in segments (SEGMENT), when another segment dates it."""
    parts = SEGMENT.split(line.strip())
    if len(parts) < 2 or not 2 <= len(words(parts[0])) <= 4:
        return None
    dated = any(is_date_line(part) or DATE_LABEL_BEFORE.match(part) for part in parts[1:])
    return parts[0] if dated else None


def _names_in_places(line: str) -> str | None:
    """The writers of NAMES_IN_PLACES, joined by `and`."""
    if not NAMES_IN_PLACES.fullmatch(line.strip()):
        return None
    names = re.findall(rf"({_NAME}) in [A-Z]", line)
    return " and ".join(names) if names else None


def plainly_a_name(text: str) -> bool:
    """A name with none of the words English writes only in lower case (`World News`,
    `Macron Speaks`): for bylines that have no `By` to say so."""
    return (looks_like_name(text) and not is_account(text)
            and not any(t.casefold() in ordinary_words() for t in text.split()))


def byline_author(line: str) -> str | None:
    """The author named by a byline such as "By Jane Doe | Reuters" or "Von Max Muster"."""
    # "By Owen Carrick owen.carrick@newsday.com @OwenCarrickND": the e-mail and handle off
    # (a handle alone stays: `Jane Doe @janedoe` is read with it)
    if EMAIL_AFTER.search(unhandled := HANDLE_AFTER.sub("", line)):
        line = EMAIL_AFTER.sub("", unhandled)
    match = BYLINE.match(line.strip())
    if not match:
        if name := _segmented_name(line) or _names_in_places(line):
            return name if all(plainly_a_name(n) for n in name.split(" and ")) else None
        # "Jane Doe @janedoe / 2 days", "Jane Doe, Staff Writer", "Monday November 18, 2019
        # 7:45 am PST by Jane Doe": no "By" in front
        handle = NAME_AND_HANDLE.match(line.strip())
        if handle and len(words(line[handle.end():])) > HANDLE_TAIL_WORDS:
            handle = None
        dated = DATE_THEN_BYLINE.fullmatch(line.strip())
        if dated and (len(words(dated["date"])) > DATE_THEN_BYLINE_WORDS
                      or parse_date(dated["date"]) is None):
            dated = None
        name = next((m["name"] for m in (handle, NAME_AND_JOB.fullmatch(line.strip()),
                                          NAME_AND_ROLE.fullmatch(line.strip()), dated)
                     if m), None)
        return name if name and looks_like_name(name) and not is_account(name) else None
    if len(words(line.split("|", 1)[0])) > 14:  # (what follows a bar is the time, the outlet)
        return None
    name = match["name"].split("@")[0].strip()  # "Jane Doe@janedoe": her handle, glued on
    last = name.rsplit(None, 1)
    dated = line.strip()[match.end("name"):].lstrip()[:1].isdigit()
    if dated and len(last) == 2 and _month_number(last[1]):  # "By Jane Doe Nov 18, 2019"
        name = last[0]
    name = DATE_LABEL_AFTER.sub("", name)  # "By Jane Doe Updated Nov 18"
    name = JOB_AFTER.sub("", name)  # "By Meg JamesStaff Writer": a job title, glued or not
    if name != match["name"] and len(rest := name.rsplit(None, 1)) == 2 and len(
            rest[0].split()) >= 2 and OUTLET_NAME.fullmatch(rest[1]):
        name = rest[0]  # "By Marquis Bellamy Tribune Staff Writer": the paper's, then the job
    name = OUTLET_GLUED.sub("", name)  # "By Jonathan GarberFOXBusiness": the outlet, glued
    name = FOR_OUTLET.sub("", name)
    name = WITH_AGENCY.sub("", name)  # "By Rita Sousa Ferreira with AP"
    name = _without_news_outlet(name)
    name = TRAILING_CONNECTIVES.sub("", name)
    second = SECOND_WRITER.match(line.strip(), match.end("name"))
    if (second and line.strip()[:7].casefold() == "authors" and plainly_a_name(name)
            and plainly_a_name(second["name"])):
        name = f"{name} and {second['name']}"
    return name if looks_like_name(name) else None


def is_account(name: str) -> bool:
    """A CMS's account (`Admin`), not a person who signs the article."""
    return name.casefold() in ACCOUNT_NAMES


def looks_like_name(text: str) -> bool:
    """A few capitalised words, particles and "and" allowed ("Ludwig van Beethoven",
    "Mike Wuerthele and Malcolm Owen")."""
    tokens = text.split()
    if not 1 <= len(tokens) <= NAME_MAX_WORDS:
        return False
    return all(t[:1].isupper() or t.casefold() in NAME_PARTICLES for t in tokens)


def is_credit_line(line: str) -> bool:
    """A photo credit on its own line ("Photo: X", "Getty Images", "AP/Jane Doe")."""
    tokens = words(line)
    if not tokens or len(tokens) > 14:
        return False
    stripped = line.strip()
    if CREDIT_LINE.match(stripped):
        return True
    if stripped[:3].casefold() == "by ":
        return False  # a byline: `By Lin Chia-hsin / Staff reporter`
    if CONTRIBUTED.search(stripped):
        return False  # who reported, not who took the picture: `AFP contributed reporting.`
    if stripped.endswith(".") and len(tokens) > 4:
        return False
    if len(tokens) <= 8 and NAME_SLASH_OUTLET.match(stripped):
        return True
    name, _, outlet = stripped.partition(", ")
    name = _PHOTO_LABEL.sub("", name)  # `PHOTO JULIEN DESROSIERS, LA PRESSE`
    if (stripped.isupper() and 2 <= len(name.split()) <= 3 and 1 <= len(outlet.split()) <= 4
            and not outlet.endswith(".")  # (not a dateline: `LOS ANGELES, CALIF.`)
            and plainly_a_name(name.title())):
        return True  # `AARON LAVINSKY, STAR TRIBUNE`: a photographer and the paper, in capitals
    if (2 <= len(name.split()) <= 3 and plainly_a_name(name) and OUTLET_NAME.fullmatch(outlet)
            and not outlet.endswith(".")):
        return True  # `Kevin Mallory, The Detroit News` (a byline over its time is read first)
    if (for_outlet := FOR_OUTLET.search(stripped)) and plainly_a_name(
            name := stripped[: for_outlet.start()]) and 2 <= len(name.split()) <= 4:
        return True  # `Hilary Swift for The New York Times`: a photographer on assignment
    caption, credit = split_credit(stripped)
    if credit is not None and len(words(caption)) >= 4:
        return False  # a caption with its credit at the end: "Protesters … (Image: GETTY)"
    # (an agency in capitals as a credit: `THE CANADIAN PRESS`)
    return (bool(CREDIT_ANYWHERE.search(stripped) or stripped.isupper()
                 and CREDIT_ANYWHERE.search(stripped.title())) and len(tokens) <= 10)


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption with its trailing credit split off: ("… 2022.", "AP/Alexei Alexandrov")."""
    match = TRAILING_CREDIT.search(caption)
    raw = match and (match["credit"] or match["bracketed"] or match["glued"]
                     or match["copyright"] or match["capsname"] or match["gluedslash"])
    if not raw or URL_LIKE.search(raw) or match["barname"] and not plainly_a_name(raw):
        return caption.strip(), None  # (not `… | Read More`)
    credit = raw.strip() if match["capsname"] else raw.strip().strip("()[]©").strip()
    credit = re.sub(r"^(?:file|source|pic)\s*:\s*", "", credit, flags=re.I)
    credit = re.sub(r"^(?:\w+ )?(?:photo|image|picture|credit|foto|bild|kuva)s?(?: credit)?"
                    r"(?: courtesy of| courtesy| by|:|\.\.\.|\s)\s*", "", credit, flags=re.I)
    if match["bracketed"] and ":" in credit and not CREDIT_LINE.match(raw.strip("([ ")):
        credit = credit.split(":", 1)[1].strip()  # `(ABC Central West: Lucy Ferris)`
        if not plainly_a_name(credit):  # not `(Note: Minutes Attached)`
            return caption.strip(), None
    return caption[: match.start()].strip(), _without_trailing_date(credit) or None


def credit_text(line: str) -> str:
    """A credit line without its label or brackets: "(Image: © TNG Collaboration)" →
    "TNG Collaboration"."""
    text = line.strip().strip("()[]").strip()
    text = re.sub(
        r"^(?:(?:main )?(?:photo(?:graph)?|image|picture|foto|bild)s?\s*(?:credit)?|credit|"
        r"source)\s*(?::|by|\.\.\.)\s*|^image source\s*,\s*",
        "",
        text,
        flags=re.IGNORECASE,
    )
    return _without_trailing_date(text.lstrip("©").strip())


def _without_trailing_date(text: str) -> str:
    """A credit with the date a page printed after it cut off: "Associated Press November 19,
    2019, 9:02 AM" → "Associated Press"."""
    for match, _ in written_dates(text):
        if match.start() > 0:
            return text[: match.start()].rstrip(" ,;|–—-")
    return text


# A legal form written before the name, as in Russian and Ukrainian (`ООО «…»`).
LEGAL_FORM_BEFORE = re.compile(
    r"^(?:ООО|ОАО|ЗАО|ПАО|АО|АНО|ТОВ|ПрАТ|OOO|Autonomous Non-?profit Organi[sz]ation)\s+")


SITE_COPYRIGHT = re.compile(r"\b(?:19|20)\d\d\b|rights reserved", re.IGNORECASE)
MADE_BY = re.compile(r"(?:designed|developed|powered|hosted|built)\s+(?:by|with)\b", re.I)
# What follows the name: `, a Digital First Media Newspaper`, ` or its affiliated companies`
HOLDER_TAIL = re.compile(r",\s+an?\s.*$|\s+or its (?:affiliated companies|affiliates|"
                         r"subsidiaries|licensors)$", re.IGNORECASE)


def copyright_holder(line: str) -> str | None:
    """The owner named in "© 2024 The New York Sun Company, LLC. All rights reserved."."""
    match = re.match(
        r"^\W*(?:©|\([cс]\)|copyright)\s*(?:©\s*|\([cс]\)\s*|copyright\s+)?"
        r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:©\s*)?(?:copyright\s+)?"  # `© 2018 Copyright X`
        r"(?P<holder>[^.|©]+?(?:,?\s*(?:Inc|LLC|Ltd|Co|Corp)\.?)?)"
        r"\s*(?:\.(?:\s|$)|\||all rights|$)",
        line,
        re.IGNORECASE,
    )
    if not match:
        return None
    holder = re.split(r"\s+[-–—|]\s+|\s*\|", match["holder"].lstrip(" -–—"))[0]
    if MADE_BY.match(holder):
        return None  # `© 2002-2019 - Designed by Gray Digital Media`: the web designer
    holder = re.sub(r"[\s,]+\d{4}(?:\s*[-–]\s*\d{4})?$", "", holder).strip(" ,.")
    holder = HOLDER_TAIL.sub("", holder)
    holder = LEGAL_FORM_BEFORE.sub("", holder).strip(" ,.«»“”\"")  # `ООО «Хёрст…»`
    while True:
        shorter = CORPORATE_SUFFIXES.sub("", holder).strip(" ,.")
        if shorter == holder:
            break
        holder = shorter
    if not holder or not re.search(r"[^\W\d_]", holder) or len(words(holder)) > 8:
        return None
    return None if RIGHTS_ONLY.fullmatch(holder) else holder


# A copyright line that names no one (`© RIPRODUZIONE RISERVATA`: reproduction reserved).
RIGHTS_ONLY = re.compile(r"(?i:(all )?rights reserved|(riproduzione|reproducción|reproduction) "
                         r"(riservata|reservada|réservée)|tous droits réservés|"
                         r"(todos los )?derechos reservados|alle rechte vorbehalten)")


def source_name(lines: Sequence[str]) -> str | None:
    """The publication's name: the masthead line that the copyright holder starts with."""
    found = [(line, h) for line in lines if (h := copyright_holder(line))]
    if not found:
        return None
    # The site's own line has its year or reserves its rights; a photo's is `© Reuters`.
    sited = [h for line, h in found if SITE_COPYRIGHT.search(line)]
    holder = (sited or [h for _, h in found])[-1]
    key = bare(holder)
    mastheads = [  # (a shorter line of one word is a menu's: `INDIA` over `© India Post`)
        line.strip()
        for line in lines
        if 1 <= len(words(line)) <= 6
        and bare(line)
        and (key == bare(line) or key.startswith(bare(line)) and len(words(line)) > 1)
        and copyright_holder(line) is None
    ]
    return max(mastheads, key=len) if mastheads else holder
