"""Glossary validation: each problem names the line and what to do."""

import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

from builder.glossary import load as load_module
from builder.glossary.load import load_glossary, plain_glossary


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


# --- plain glossaries are read without PyYAML, exactly as PyYAML reads them -------------



def yaml_reads(text: str) -> object:
    """PyYAML's (line, entry) of each entry, as load_glossary reads them; or "error"."""
    try:
        root, values = load_module._parse(text)
    except yaml.YAMLError:
        return "error"
    if not isinstance(root, yaml.SequenceNode):
        return "not a list"
    return [(node.start_mark.line + 1, entry)
            for node, entry in zip(root.value, values, strict=True)]


def same_as_yaml(text: str) -> bool:
    """plain_glossary read text as PyYAML does, or left it to PyYAML; True if it read it."""
    mine = plain_glossary(text)
    if mine is None:
        return False
    theirs = yaml_reads(text)
    assert mine == theirs, text
    for (_, a), (_, b) in zip(mine, theirs, strict=True):
        assert [type(v) for v in a.values()] == [type(v) for v in b.values()], text
    return True


VALUES = [
    "Vladimir Putin", '"Ngozi Kowalski"', "'It''s'", "person", "[Putin, Mr. Putin]",
    '["Mr. Okafor"]', '["a, b", "C#"]', '[""]', "[]", '["a", \'b\']', '[Putin, "Mr. Putin"]',
    "true", "True", "yes", "no", "off", "On", "FALSE", "null", "~", "12", "2020-08-17",
    "a: b", "a #b", "C# and F#", '"a \\" b"', "x ", "", "> folded", "| literal", "!tag x",
    "&a x", "*a", "{x: 1}", "[a, [b]]", '["x" ]', '[ "x"]', '["x",]', "É café", "a\tb",
]
KEYS = ["name", "type", "aliases", "description", "case_insensitive", "accent_insensitive",
        "yes", "on", "other_key"]
PREFIXES = ["- ", "  ", "   ", "-  ", "", "\t", "  - "]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("key", ["name", "aliases", "case_insensitive"])
def test_each_kind_of_value_is_read_as_pyyaml_reads_it(key, value):
    text = f"- name: X\n  {key}: {value}\n" if key != "name" else f"- name: {value}\n"
    same_as_yaml(text)


def test_the_repository_and_benchmark_glossaries_are_read_without_pyyaml(tmp_path):
    texts = [(ROOT / "content/glossary.yaml").read_text(encoding="utf-8")]
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "5", "--out",
                    str(tmp_path)], check=True, capture_output=True)
    texts.append((tmp_path / "glossary.yaml").read_text(encoding="utf-8"))
    for text in texts:
        assert same_as_yaml(text), "the glossaries Gloss ships and writes are plain"
        fast = load_glossary(text, "g.yaml")
        slow = load_module._validated(yaml_reads(text), "g.yaml")
        assert fast == slow


def test_what_is_not_plain_is_left_to_pyyaml():
    for text in ["", "# only a comment\n", "name: x\n", "- name: x\n    type: person\n",
                 "- name: x\n  aliases:\n    - y\n", "---\n- name: x\n", "- name: x\r\n",
                 "- name: x\n  name: y\n", "-\n  name: x\n", "\ufeff- name: x\n"]:
        assert plain_glossary(text) is None, text
    assert problems("- name: A\n  name: B\n") == problems("- name: B\n")


LINE = st.builds(lambda prefix, key, value: f"{prefix}{key}: {value}".rstrip()
                 if value else f"{prefix}{key}:",
                 st.sampled_from(PREFIXES), st.sampled_from(KEYS),
                 st.one_of(st.sampled_from(VALUES), st.text(max_size=8)))
OTHER = st.sampled_from(["", "# comment", "  # indented comment", "-", "---", "  "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(LINE, LINE, LINE, OTHER), min_size=1, max_size=8))
def test_generated_glossaries_are_read_as_pyyaml_reads_them_or_left_to_it(lines):
    same_as_yaml("\n".join(["- name: First", *lines]) + "\n")


COMMENT = st.sampled_from(["", "# comment", "  # indented comment", "  "])
# (values plain_glossary reads itself, so that most generated glossaries are compared)
PLAINISH = st.sampled_from([v for v in VALUES if plain_glossary(f"- name: X\n  k: {v}\n")])
ENTRY = st.builds(
    lambda name, rest: "\n".join([f"- name: {name}", *(f"  {k}: {v}" for k, v in rest)]),
    st.one_of(*[PLAINISH] * 30, st.sampled_from(VALUES)),
    st.lists(st.tuples(st.sampled_from(KEYS[1:6] + KEYS[8:]), st.one_of(
        *[PLAINISH] * 30, st.sampled_from(VALUES),
        st.text(st.characters(codec="utf-8"), min_size=1, max_size=8),
        st.lists(st.text("abc ,#'É-", max_size=5), max_size=3).map(
            lambda items: "[" + ", ".join(f'"{i}"' for i in items) + "]"))),
        max_size=4, unique_by=lambda kv: kv[0]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(ENTRY, ENTRY, ENTRY, ENTRY, ENTRY, COMMENT), min_size=1,
                max_size=5))
def test_generated_entries_are_read_as_pyyaml_reads_them(parts):
    same_as_yaml("\n".join(parts) + "\n")
