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
    spans, start = [], 0
    for match in _PLAIN_BOUNDARY.finditer(text):
        end = match.end()
        next_char = text[end : end + 1]
        if next_char and not (next_char.isupper() or next_char in "\"“‘'(" or next_char.isdigit()):
            continue
        before = text[start : match.start()].split()
        token = (before[-1] if before else "").lower().rstrip(".")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        spans.append((start, end))
        start = end
        if until is not None and until < end:
            break
    if start < len(text):
        spans.append((start, len(text)))
    return spans if len(spans) != 1 or text[spans[0][0] : spans[0][1]].strip() else []


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
