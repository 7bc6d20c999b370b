"""A corpus built to trap the matcher: each line lists exactly the mentions a reader sees.

Format of each case: the text, then the (surface, entity) pairs that must be found —
nothing more (zero false matches) and nothing less.
"""

import pytest

from builder.glossary.match import Matcher
from builder.model import Entity

GLOSSARY = [
    Entity("Theresa May", "theresa-may", "person", aliases=("May", "Mrs. May")),
    Entity("Turkey", "turkey", "place"),
    Entity("The Sun", "the-sun", "organization", aliases=("Sun",)),
    Entity("New York", "new-york", "place"),
    Entity("New York Sun", "new-york-sun", "organization"),
    Entity("Kremlin", "kremlin", "organization"),
    Entity("José Andrés", "jose-andres", "person", aliases=("Andrés",),
           accent_insensitive=True),
    Entity("Andre", "andre", "person"),
    Entity("Nice", "nice", "place"),
    Entity("Reading", "reading", "place"),
    Entity("Bill Gates", "bill-gates", "person", aliases=("Gates",)),
    Entity("NATO", "nato", "organization"),
    Entity("Apple", "apple", "organization"),
    Entity("U.S.", "us", "place", aliases=("United States",)),
    Entity("Jordan", "jordan", "place"),
    Entity("Kyiv", "kyiv", "place"),
    Entity("Kharkiv", "kharkiv", "place"),
]
MATCHER = Matcher(GLOSSARY)

TRAPS = [
    ("May I ask a question?", []),
    ("It may rain, and the sun may shine.", []),
    ("The minister met May in London.", [("May", "theresa-may")]),
    ("“May we begin?” she asked.", []),
    ("Mrs. May said so.", [("Mrs. May", "theresa-may")]),
    ("Turkey is on the menu. Ankara is the capital of Turkey.", [("Turkey", "turkey")]),
    ("A turkey crossed the road.", []),
    ("Sunday, sunny, sunset and Sunni are not the Sun.", [("Sun", "the-sun")]),
    ("Sun reporters said.", []),
    ("He read the New York Sun in New York.", [("New York Sun", "new-york-sun"),
                                              ("New York", "new-york")]),
    ("The New Yorker is a magazine.", []),
    ("The Kremlin’s view, the Kremlin's men, the Kremlins", [("Kremlin", "kremlin"),
                                                            ("Kremlin", "kremlin")]),
    ("Kremlinology is a field.", []),
    ("Jose Andres and José Andrés and Andrés’s kitchen", [
        ("Jose Andres", "jose-andres"), ("José Andrés", "jose-andres"),
        ("Andrés", "jose-andres")]),
    ("Andre and André are different people.", [("Andre", "andre")]),
    ("Nice work. They flew to Nice.", [("Nice", "nice")]),
    ("Reading the news is hard. He lives in Reading.", [("Reading", "reading")]),
    ("Bill Gates and the gates of the city; Gates said.", [("Bill Gates", "bill-gates"),
                                                           ("Gates", "bill-gates")]),
    ("NATO-member Norway and anti-NATO protests", [("NATO", "nato"), ("NATO", "nato")]),
    ("Natonal errors and NATOs.", []),
    ("An apple a day; Apple shares rose.", [("Apple", "apple")]),
    ("The U.S. and the United States.", [("U.S.", "us"), ("United States", "us")]),
    ("The U.S.S.R. fell.", []),
    ("Michael Jordan-Smith lives in Jordan.", [("Jordan", "jordan")]),
    ("Kyivan streets; Kyiv-based reporters", [("Kyiv", "kyiv")]),
    ("Kharkivska oblast is not Kharkiv.", [("Kharkiv", "kharkiv")]),
    ("O’Kremlin and D’Andre", []),
    ("He said: May is here.", []),
    ("Prime Minister May spoke.", [("May", "theresa-may")]),
]


@pytest.mark.parametrize(("text", "expected"), TRAPS, ids=[t for t, _ in TRAPS])
def test_trap(text: str, expected: list[tuple[str, str]]):
    found = [(text[f.start : f.end], f.entity) for f in MATCHER.find(text)]
    assert found == expected
