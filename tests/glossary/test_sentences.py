"""Sentence splitting: abbreviations, initials and quotes do not end a sentence."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.glossary.sentences import _ABBREVIATIONS, sentence_at, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def test_splits_after_marks_before_capitals_digits_and_quotes():
    assert sentences('It rained. Then it stopped! "Why?" 2024 was dry… (Or not.) end') == [
        "It rained.", "Then it stopped!", '"Why?"', "2024 was dry…", "(Or not.) end"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Smith met Gen. Lee in the U.S. Capitol. J. R. Jones spoke. Sept. Rain fell."
    assert sentences(text) == ["Mr. Smith met Gen. Lee in the U.S. Capitol.",
                               "J. R. Jones spoke.", "Sept. Rain fell."]


def test_a_long_word_before_the_mark_ends_the_sentence_whatever_its_case():
    assert sentences("He left Moscow. Later, MOSCOW. Then x.") == [
        "He left Moscow.", "Later, MOSCOW.", "Then x."]


def test_lower_case_after_a_mark_goes_on():
    assert sentences("It cost 3 p.m. sharp. at noon. Done.") == [
        "It cost 3 p.m. sharp. at noon.", "Done."]


def test_capitals_beyond_ascii_start_a_sentence():
    assert sentences("Er ging. Über die Brücke. Ωmega.") == [
        "Er ging.", "Über die Brücke.", "Ωmega."]


def test_until_stops_at_the_sentence_holding_the_offset():
    text = "One here. Two there. Three everywhere."
    assert sentence_spans(text, until=3) == [(0, 10), (10, len(text))]
    assert sentence_at(text, 12) == "Two there."


def test_white_space_only_is_no_sentence():
    assert sentence_spans("   ") == []
    assert sentence_spans("") == []


# The definition sentence_spans was written from (before its regex answered the common
# cases in C): every boundary tested in Python.
_PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+")


def _defined_spans(text: str, until: int | None = None) -> list[tuple[int, int]]:
    ends: list[int] = []  # every sentence end, from the start of the text
    for match in _PLAIN_BOUNDARY.finditer(text):
        after = text[match.end() : match.end() + 1]
        if after and not (after.isupper() or after in "\"“‘'(" or after.isdigit()):
            continue
        words = text[ends[-1] if ends else 0 : match.start()].split() or [""]
        word = words[-1].lower().rstrip(".")
        if word not in _ABBREVIATIONS and not (len(word) == 1 and word.isalpha()):
            ends.append(match.end())
    if until is not None:  # up to the sentence holding `until`; the rest is one span
        ends = ends[: 1 + next((i for i, end in enumerate(ends) if until < end), len(ends))]
    cuts = [0, *ends, len(text)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
    if len(spans) == 1 and not text.strip():
        return []
    return spans


pieces = st.sampled_from(
    [" ", "  ", "\n", "\u00a0", "\u2003", ".", "..", "!", "?", "…", '"', "”", "’", "'", ")", "]",
     "(", "“", "‘", "Mr", "mr", "U.S", "u.s", "e.g", "Sept", "sept", "SEPT", "J", "j", "İ", "ß",
     " Sept. ", " Mr. ", " Prof. ", "J. ", " u.s. ", "Moscow", "moscow", "Über", "über",
     "Ωmega", "2024", "٣", "abcd", "abcde", "x"])
texts = st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts, st.one_of(st.none(), st.integers(min_value=0, max_value=200)))
def test_same_spans_as_the_definition(text, until):
    assert sentence_spans(text, until) == _defined_spans(text, until)
