"""glossary.yaml → Entities, validated; each problem names the line and the fix."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

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

    PyYAML is imported here, not with the module: a build that finds the glossary as the
    cache has it never reads it (importing PyYAML is 30 ms of a one-article build)."""
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
    entities: list[Entity] = []
    problems: list[Problem] = []
    claimed: dict[str, str] = {}  # name or alias → entity name
    slugs: set[str] = set()
    for node, entry in zip(root.value, values, strict=True):
        line = node.start_mark.line + 1
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
