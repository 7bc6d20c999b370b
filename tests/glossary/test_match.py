"""The matcher: whole words, longest name first, possessives, no false friends."""

from builder.glossary.match import Matcher
from builder.model import Entity

GLOSSARY = [
    Entity("Kremlin", "kremlin", "organization"),
    Entity("New York", "new-york", "place"),
    Entity("The New York Sun", "nys", "organization", aliases=("New York Sun",)),
    Entity("Boris Johnson", "boris-johnson", "person", aliases=("Mr. Johnson", "Johnson")),
    Entity("José Andrés", "jose-andres", "person", accent_insensitive=True),
    Entity("Sun", "sun-newspaper", "organization"),
    Entity("NATO", "nato", "organization"),
    Entity("Bank", "bank", "organization", case_insensitive=True),
    Entity("北京", "beijing", "place"),
]
MATCHER = Matcher(GLOSSARY)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entity) for f in MATCHER.find(text)]


def test_longest_name_wins():
    assert found("He wrote for the New York Sun in New York.") == [
        ("New York Sun", "nys"),
        ("New York", "new-york"),
    ]


def test_possessives_match_with_either_apostrophe():
    assert found("The Kremlin’s line and the Kremlin's men.") == [
        ("Kremlin", "kremlin"),
        ("Kremlin", "kremlin"),
    ]


def test_case_sensitive_by_default():
    assert found("The sun rose over the kremlin.") == []


def test_case_insensitive_when_asked():
    assert found("the bank said") == [("bank", "bank")]


def test_accent_insensitive_when_asked():
    assert found("Jose Andres and José Andrés cooked.") == [
        ("Jose Andres", "jose-andres"),
        ("José Andrés", "jose-andres"),
    ]


def test_whole_words_only():
    assert found("Sunday, Kremlinology, NATOs, Johnsonville") == []


def test_title_alias_beats_bare_surname():
    assert found("Mr. Johnson said") == [("Mr. Johnson", "boris-johnson")]


def test_capitalised_hyphen_compound_is_another_name():
    assert found("Mr. Johnson-Smith and Anne-Johnson") == []


def test_lowercase_hyphen_compound_still_counts():
    assert found("Fellow NATO-member Norway, a pro-Kremlin group") == [
        ("NATO", "nato"),
        ("Kremlin", "kremlin"),
    ]


def test_apostrophe_inside_a_name_is_not_a_possessive():
    assert found("O'Johnson and Johnson'd") == []


def test_cjk_names_match_without_spaces():
    assert found("我们在北京见面") == [("北京", "beijing")]


def test_matching_many_names_is_one_pass():
    big = Matcher(Entity(f"Name{i} Person", f"p{i}", "person") for i in range(2000))
    text = "Name1999 Person met Name7 Person and Name Person."
    assert [f.entity for f in big.find(text)] == ["p1999", "p7"]


def test_decomposed_accents_match_and_keep_their_offsets():
    text = "Chef Jose\u0301 Andre\u0301s and Jose\u0301 cooked; Andre\u0301s ate."
    assert found(text) == [("Jose\u0301 Andre\u0301s", "jose-andres")]
    assert found("Jose\u0301 Andres") == [("Jose\u0301 Andres", "jose-andres")]


def test_case_insensitive_offsets_survive_letters_that_lower_to_two():
    text = "İİ the BANK said"
    assert found(text) == [("BANK", "bank")]


def test_names_sharing_a_first_word_each_match_whole():
    assert found("New Yorkers read The New York Sun, not the Sunday Sun") == [
        ("The New York Sun", "nys"),
        ("Sun", "sun-newspaper"),
    ]


def test_a_name_rejected_inside_a_compound_does_not_hide_the_next():
    assert found("Johnson-Smith met Johnson") == [("Johnson", "boris-johnson")]


def test_very_long_names_and_deeply_nested_glossaries_compile():
    """A long name is written in a loop; names each a letter longer than the last nest
    the regex too deep for one, so they are split over two or more."""
    long = Matcher([Entity("A" + "b" * 3000, "long", "other"),
                    Entity(" ".join(["Word"] * 300), "words", "other")])
    assert [f.entity for f in long.find("x " + " ".join(["Word"] * 300) + " y")] == ["words"]
    deep = Matcher(Entity("Q" + "a" * i + "b", f"d{i}", "other") for i in range(900))
    text = "Qaaab and Q" + "a" * 700 + "b, not Qaaa"
    assert [f.entity for f in deep.find(text)] == ["d3", "d700"]


def test_a_matcher_of_the_names_in_a_text_finds_what_the_whole_one_finds():
    """only_in keeps the names whose first word occurs in the texts (the names of an edited
    article), in every fold, in NFC and in lower case as the regexes read the text."""
    texts = ["New Yorkers read The New York Sun, not the Sunday Sun",
             "Chef Jose\u0301 Andre\u0301s met Mr. Johnson at the bank in 北京.",
             "İİ the BANK said; Johnson-Smith met Johnson, NATO’s chief",
             "Nothing here names anyone at all."]
    for text in texts:
        assert Matcher(GLOSSARY, only_in=[text]).find(text) == MATCHER.find(text)
    few = Matcher(GLOSSARY, only_in=[texts[0]])
    assert {p.entity for _, _, table in few._folds for p in table if p} == {
        "new-york", "nys", "sun-newspaper"}
    assert Matcher(GLOSSARY, only_in=[texts[3]]).find(texts[3]) == []
