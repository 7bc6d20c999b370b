"""Is a name a well-known place? A cue for the type of a suggested glossary entry.

The list is the world's countries, capitals, continents, US states and cities of 100,000
people or more (GeoNames, made by bench/make_place_names.py), with the regions, nations
and short forms that news writes and a gazetteer of countries does not (`U.S.`,
`Middle East`, `Wales`). A cue, not a verdict: `Washington` the city and `Denzel
Washington` the person, or a team named for its city, are told apart by their context.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

from builder.glossary.match import fold_accents

# Short forms, nations within states, and regions that news names as places.
NEWS_PLACES = (
    "U.S.", "U.S.A.", "US", "USA", "U.K.", "UK", "UAE", "U.A.E.", "Britain", "Great Britain",
    "England", "Scotland", "Wales", "Northern Ireland", "Soviet Union", "USSR",
    "Russian Federation", "Middle East", "Mideast", "Near East", "Far East", "Midwest",
    "West Bank", "Gaza", "Gaza Strip", "Balkans", "Caribbean", "Scandinavia", "Great Lakes",
    "Persian Gulf", "Sahara", "Sahel", "Horn of Africa", "Latin America", "Central America",
    "Southeast Asia", "South Asia", "East Asia", "Central Asia", "Caucasus", "Kashmir",
    "Crimea", "Donbas", "Siberia", "Tibet", "Kurdistan", "Sub-Saharan Africa",
    "North Korea", "South Korea", "Hong Kong", "Macau", "Taiwan", "Palestine", "Kosovo",
    "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
)


def place_key(name: str) -> str:
    """`Liège` and `LIEGE` → `liege`."""
    return fold_accents(name).casefold()


@functools.cache
def _known() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "place_names.txt.gz"
    listed = gzip.decompress(path.read_bytes()).decode().split("\n")
    return frozenset(filter(None, listed)) | {place_key(n) for n in NEWS_PLACES}


def is_known_place(name: str) -> bool:
    """Whether `name` is on the list (read on first use, by entity suggestions only)."""
    return place_key(name) in _known()
