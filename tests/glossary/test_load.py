"""Glossary validation: each problem names the line and what to do."""

from builder.glossary.load import load_glossary


def problems(text: str) -> list[str]:
    return [str(p) for p in load_glossary(text, "glossary.yaml")[1]]


def test_valid_entries_load_with_slugs_and_aliases():
    entities, found = load_glossary(
        "- name: José Andrés\n  type: person\n  aliases: [Andrés]\n  description: Chef.\n",
        "g.yaml",
    )
    assert found == []
    assert entities[0].slug == "jose-andres"
    assert entities[0].aliases == ("Andrés",)


def test_missing_name_names_the_line():
    assert problems("- name: A\n- type: person\n") == [
        "glossary.yaml:2: missing name: every entry needs `name: ...`"
    ]


def test_unknown_type_lists_the_choices():
    (message,) = problems("- name: A\n  type: animal\n")
    assert message.startswith("glossary.yaml:1: unknown type 'animal'")
    assert "person, place, organization, event, other" in message


def test_duplicate_names_and_shared_aliases_are_errors():
    text = "- name: A\n- name: B\n  aliases: [A]\n- name: A\n"
    assert problems(text) == [
        "glossary.yaml:2: 'A' is already used by 'A'; each name and alias may belong to one entry",
        "glossary.yaml:4: 'A' is already used by 'A'; each name and alias may belong to one entry",
    ]


def test_invalid_yaml_gives_the_line():
    (message,) = problems("- name: A\n  aliases: [B\n- name: C\n")
    assert message.startswith("glossary.yaml:")
    assert "invalid YAML" in message


def test_not_a_list():
    assert problems("name: A\n") == [
        "glossary.yaml:1: the glossary must be a list of entries (- name: ...)"
    ]
