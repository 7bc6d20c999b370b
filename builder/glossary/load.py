"""glossary.yaml → Entities, validated; each problem names the line and the fix."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder.frontmatter import UNREAD, plain_entry, plain_value
from builder.model import ENTITY_TYPES, Entity, Problem
from builder.slugs import slugify

if TYPE_CHECKING:
    import yaml

_KEYS = {"name", "type", "aliases", "description", "case_insensitive", "accent_insensitive"}


def _parse(text: str) -> tuple[yaml.Node | None, object]:
    """The document's nodes (for the line of each entry) and, made from them, its plain
    data (safe loader): one parse, not two."""
    import yaml

    # libyaml when installed: a 2,000-entry glossary loads in milliseconds, not half a second.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def load_glossary(text: str, path: str) -> tuple[list[Entity], list[Problem]]:
    """Parse and validate the glossary; bad entries are reported and left out.

    A glossary of plain entries is read without PyYAML (plain_glossary); PyYAML is
    imported here, not with the module, for any other: importing it and reading a
    300-entry glossary with it was 0.04 s of a first build, while the second core waited
    for the body workers that need the glossary."""
    plain = plain_glossary(text)
    if plain is not None:
        return _validated(plain, path)
    import yaml

    try:
        root, values = _parse(text)
    except yaml.YAMLError as err:
        # An unclosed bracket is reported at the end of the file; where it opened helps more.
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return [], [Problem(path, f"invalid YAML: {getattr(err, 'problem', err)}", line)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(path, "the glossary must be a list of entries (- name: ...)", 1)]
    return _validated([(node.start_mark.line + 1, entry)
                       for node, entry in zip(root.value, values, strict=True)], path)


def _validated(entries: list[tuple[int, object]], path: str
               ) -> tuple[list[Entity], list[Problem]]:
    """The entities of the glossary's entries (each with the line it starts on), and a
    problem for each entry left out."""
    entities: list[Entity] = []
    problems: list[Problem] = []
    claimed: dict[str, str] = {}  # name or alias → entity name
    slugs: set[str] = set()
    for line, entry in entries:
        if not isinstance(entry, dict):
            problems.append(Problem(path, "each entry must be a mapping with a name", line))
            continue
        entity, problem = _entity(entry)
        if problem:
            problems.append(Problem(path, problem, line))
            continue
        assert entity is not None
        clash = next((n for n in (entity.name, *entity.aliases) if n in claimed), None)
        if clash is not None:
            problems.append(
                Problem(
                    path,
                    f"{clash!r} is already used by {claimed[clash]!r}; "
                    "each name and alias may belong to one entry",
                    line,
                )
            )
            continue
        for name in (entity.name, *entity.aliases):
            claimed[name] = entity.name
        slug = entity.slug
        n = 2
        while slug in slugs:
            slug, n = f"{entity.slug}-{n}", n + 1
        slugs.add(slug)
        entities.append(entity if slug == entity.slug else replace(entity, slug=slug))
    return entities, problems


# Glossary entries as people type them and as `gloss suggest` writes them: `- key: value`
# starting an entry, `  key: value` going on with it, comments and blank lines between;
# each value of frontmatter.plain_value's kinds, a flow list of double-quoted names, or a
# YAML 1.1 boolean. Anything else is left to PyYAML, which this equals on all it takes
# (tests/glossary/test_load.py compares them).
_QUOTED_LIST = re.compile(r'\[\s*"[^"\\]*"(?:\s*,\s*"[^"\\]*")*\s*\]\Z')
_QUOTED = re.compile(r'"([^"\\]*)"')
_BOOLS = {word: word[0] in "tTyYoO" and word not in ("off", "Off", "OFF") for word in
          "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split()}


def plain_glossary(text: str) -> list[tuple[int, dict]] | None:
    """(line, entry) for each entry of a glossary of plain entries; None when PyYAML must
    read it (or it holds no entry)."""
    entries: list[tuple[int, dict]] = []
    entry: dict | None = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        if line[:2] == "- ":
            entry = {}
            entries.append((number, entry))
        elif line[:2] != "  " or line[2:3] == " " or entry is None:
            return None
        if not plain_entry(line, 2, entry, _plain_entry_value):
            return None
    return entries or None


def _plain_entry_value(text: str) -> object:
    """What YAML reads a glossary value as, for the kinds plain_glossary takes; else UNREAD."""
    if text in _BOOLS:
        return _BOOLS[text]
    if text[:1] == "[" and '"' in text:
        if not text.isprintable() or not _QUOTED_LIST.match(text):
            return UNREAD
        return _QUOTED.findall(text)
    return plain_value(text)


def _entity(entry: dict) -> tuple[Entity | None, str | None]:
    unknown = set(entry) - _KEYS
    if unknown:
        return None, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; known: " + ", ".join(
            sorted(_KEYS)
        )
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, "missing name: every entry needs `name: ...`"
    kind = entry.get("type", "other")
    if kind not in ENTITY_TYPES:
        return None, f"unknown type {kind!r} for {name!r}; use one of {', '.join(ENTITY_TYPES)}"
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        return None, f"aliases of {name!r} must be a list of names"
    description = entry.get("description") or ""
    if not isinstance(description, str):
        return None, f"description of {name!r} must be text"
    aliases = [a.strip() for a in aliases if a.strip() != name.strip()]
    return Entity(
        name=name.strip(),
        slug=slugify(name),
        type=kind,
        description=description.strip(),
        aliases=tuple(dict.fromkeys(aliases)),
        case_insensitive=bool(entry.get("case_insensitive", False)),
        accent_insensitive=bool(entry.get("accent_insensitive", False)),
    ), None


Glossary = tuple[tuple[Entity, ...], tuple[Problem, ...]]
# The last glossary read, by (digest of its text, path); kept in .cache/ between processes.
SAVED: dict[tuple[str, str], Glossary] = {}


def parse_once(text: str, path: str) -> Glossary:
    """load_glossary, once per distinct text: the live server rebuilds on every save, and
    the same Entity objects build after build keep their digests and equality cheap; and
    `gloss build` after an article edit does not parse the YAML again (12 ms for 300
    entries, about 80 ms for 2,000)."""
    key = (hashlib.blake2b(text.encode(), digest_size=16).hexdigest(), path)
    parsed = SAVED.get(key)
    if parsed is None:
        entities, problems = load_glossary(text, path)
        parsed = (tuple(entities), tuple(problems))
        SAVED.clear()
        SAVED[key] = parsed
    return parsed


def read_glossary(path: Path) -> tuple[list[Entity], list[Problem]]:
    """The glossary file's entries and problems; none of either if there is no file."""
    if not path.exists():
        return [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return [], [Problem(str(path), f"cannot read as UTF-8: {err}")]
    entities, problems = parse_once(text, str(path))
    return list(entities), list(problems)
