"""Deterministic corpus of Markdown articles and a glossary, for the build benchmarks.

`python bench/gen_corpus.py --n 1000 --out /tmp/corpus` writes DIR/articles/*.md and
DIR/glossary.yaml (~300 entries: multi-word, accented, used with possessives).
`--raw` also writes DIR/raw/*.txt: the same articles as pasted text with site furniture.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ("Anna Olaf Boris José Chloé Amélie Jürgen Søren Marta Kenji Ngozi Priya Ivan Lucía "
         "Mateus Fatima Omar Ingrid Pavel Zoë Kwame Hana Rafael Elif").split()
LAST = ("Scholz Johnson Andrés Dubois Kowalski Nakamura Okafor Sharma Petrov García Silva "
        "Haddad Lindqvist Novák Müller Brennan Osei Yılmaz Moreau Costa Ferreira Łukasz").split()
PLACES = ("Kharkiv|Mariupol|Bogotá|Zürich|Kraków|São Paulo|Kyiv|Donbas|Lagos|Osaka|Tromsø|"
          "Málaga|Izmir|Gdańsk|Porto|Accra|Pune|Brno|Cork|Québec|Réunion|Nîmes").split("|")
ORG_HEADS = ("World Central Kitchen|Verkhovna Rada|Bank of Norway|Red Cross|Ministry of Defence|"
             "National Theatre|Harbour Authority|Central Statistics Office|Union of Dockworkers|"
             "Institute of Oceanography").split("|")
WORDS = ("the a of to in and that for on with as was said by it from at is his her their "
         "government officials report weapons city council market prices energy winter "
         "negotiations ceasefire border troops ministry budget election voters court ruling "
         "delay survey key valley railway envoy harbour analysts economy inflation schools "
         "hospital supply chain drought farmers harvest reform parliament coalition protest "
         "agreement talks statement week month year morning evening during after before "
         "while although however because against between across within without").split()


def glossary(rng: random.Random) -> list[dict]:
    entries: dict[str, dict] = {}
    aliases: set[str] = set()
    while len(entries) < 200:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        alias = f"Mr. {name.split()[1]}"
        wants_alias = rng.random() < 0.3 and alias not in aliases and name not in entries
        if wants_alias:
            aliases.add(alias)
        entries.setdefault(name, {"name": name, "type": "person",
                                  "aliases": [alias] if wants_alias else [],
                                  "description": f"A figure in the news, number {len(entries)}."})
    for place in PLACES:
        for suffix in ("", " Oblast", " Port"):
            entries.setdefault(place + suffix, {"name": place + suffix, "type": "place",
                                                "description": f"A place called {place}."})
    for org in ORG_HEADS:
        for city in ("", " of Kharkiv", " of Porto"):
            name = org + city
            entries.setdefault(name, {"name": name, "type": "organization",
                                      "description": f"An organisation: {name}."})
    return list(entries.values())


def sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.5:
        name = rng.choice(names)
        words.insert(rng.randrange(len(words)), name + ("’s" if rng.random() < 0.2 else ""))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, names: list[str]) -> str:
    blocks: list[str] = []
    words = 0
    target = rng.randint(600, 1200)
    while words < target:
        roll = rng.random()
        if roll < 0.08:
            blocks.append("## " + sentence(rng, names)[:-1])
        elif roll < 0.15:
            blocks.append("> “" + sentence(rng, names) + "”")
        elif roll < 0.2:
            blocks.append("\n".join("- " + sentence(rng, names) for _ in range(3)))
        else:
            blocks.append(" ".join(sentence(rng, names) for _ in range(rng.randint(2, 5))))
        words += len(blocks[-1].split())
    return "\n\n".join(blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--raw", action="store_true", help="also write pasted-text variants")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entries = glossary(rng)
    names = [e["name"] for e in entries]
    (args.out / "articles").mkdir(parents=True, exist_ok=True)
    lines = []
    for e in entries:
        lines.append(f"- name: \"{e['name']}\"\n  type: {e['type']}")
        if e.get("aliases"):
            lines.append("  aliases: [" + ", ".join(f'"{a}"' for a in e["aliases"]) + "]")
        lines.append(f"  description: \"{e['description']}\"")
    (args.out / "glossary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = ["The Daily Ledger", "Northern Post", "Harbour Times", "Evening Wire"]
    for i in range(args.n):
        title = sentence(rng, names)[:-1][:90]
        date = f"20{rng.randint(10, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        source = rng.choice(sources)
        tags = rng.sample(["war", "economy", "climate", "politics", "culture", "sport"], 2)
        text = body(rng, names)
        front = (f"---\ntitle: \"{title}\"\ndate: {date}\nsource: {source}\n"
                 f"tags: [{', '.join(tags)}]\n---\n\n")
        (args.out / "articles" / f"article-{i:05d}.md").write_text(front + text + "\n",
                                                                  encoding="utf-8")
        if args.raw:
            raw = args.out / "raw"
            raw.mkdir(exist_ok=True)
            furniture = f"{source}\nHome\nWorld\nBusiness\nSign in\nSubscribe\n\n"
            footer = f"\n\nShare this article\n© 2024 {source}. All rights reserved.\n"
            plain = text.replace("## ", "").replace("> ", "").replace("- ", "")
            (raw / f"article-{i:05d}.txt").write_text(
                furniture + title + "\n\n" + plain + footer, encoding="utf-8")


if __name__ == "__main__":
    main()
