"""Page fingerprints: equal data gives equal digests, any change in what a page shows a new one."""

from __future__ import annotations

from typing import NamedTuple

from builder.build import STAND_INS
from builder.cache import quote_digests, rendered_digest
from builder.fingerprint import Fingerprinter
from builder.model import Article, Body, Mention
from builder.render.pages import QUOTE_BYTES, Appearances, ArticleView


def view(body: str = "Body.", sentence: str = "Kyiv said so.") -> ArticleView:
    article = Article(slug="a", title="A", body=body, path="content/articles/a.md")
    return ArticleView.of(article, f"<p>{body}</p>", (Mention("kyiv", "Kyiv", sentence),), 2)


def saying(*sentences: str, title: str = "A") -> ArticleView:
    """A view naming Kyiv in each sentence (an entity page quotes them)."""
    article = Article(slug=title.lower(), title=title, body="Body.", path="content/a.md")
    mentions = tuple(Mention("kyiv", "Kyiv", sentence) for sentence in sentences)
    return ArticleView.of(article, "<p>Body.</p>", mentions, 2)


def digest(value) -> str:
    return Fingerprinter(STAND_INS).hex(value)


def test_equal_data_gives_equal_digests_across_fingerprinters():
    page = {"appearances": Appearances([view()], "kyiv"), "n": 1}
    again = {"appearances": Appearances([view()], "kyiv"), "n": 1}
    assert digest(page) == digest(again)


def test_a_changed_sentence_on_an_entity_page_changes_its_digest():
    base = Appearances([saying("Kyiv said so.", "Then Kyiv left.")], "kyiv")
    changed = Appearances([saying("Kyiv said so.", "Then Kyiv stayed.")], "kyiv")
    regrouped = Appearances([saying("Kyiv said so.Then Kyiv left.")], "kyiv")
    assert len({digest(base), digest(changed), digest(regrouped)}) == 3


def test_an_entity_page_shows_headlines_and_sentences_not_bodies():
    said = "Kyiv said so."
    assert digest(Appearances([view("Body.", said)], "kyiv")) == digest(
        Appearances([view("Another body.", said)], "kyiv"))
    assert digest(Appearances([saying(said, title="A")], "kyiv")) != digest(
        Appearances([saying(said, title="B")], "kyiv"))
    assert digest(view(sentence="Kyiv said so.")) != digest(view(sentence="Kyiv said no."))


def test_entity_page_entries_compare_by_what_they_show():
    one = Appearances([saying("Kyiv said so.")], "kyiv")
    assert one == Appearances([saying("Kyiv said so.")], "kyiv")
    assert one != Appearances([saying("Kyiv said no.")], "kyiv")
    assert [tuple(entry) for entry in one] == [(one.views[0].headline, ["Kyiv said so."])]
    assert one[0] == next(iter(one)) and len(one[:0]) == 0 and bool(one)


def test_a_stand_in_is_used_before_a_named_tuple_is_walked():
    class Pair(NamedTuple):
        left: str
        right: str

    calls = []

    def stand_in(pair: Pair) -> tuple:
        calls.append(pair)
        return (pair.left,)  # deliberately ignores right

    printer = Fingerprinter({Pair: stand_in})
    assert printer.hex(Pair("x", "1")) == Fingerprinter({Pair: stand_in}).hex(Pair("x", "2"))
    assert calls and Fingerprinter().hex(Pair("x", "1")) != Fingerprinter().hex(Pair("x", "2"))


def test_shared_objects_are_digested_once():
    shared = view()
    printer = Fingerprinter(STAND_INS)
    first = printer.hex([shared] * 20)
    assert printer.hex([shared] * 20) == first
    assert printer.hex([shared] * 19) != first


def test_values_that_differ_in_any_way_a_template_could_see_have_different_digests():
    from markupsafe import Markup

    values = [
        "", "a", "ab", None, 0, 1, -1, 1.0, -0.0, 0.0, True, False, 2**70,
        [], (), {}, set(), [""], [None], ["a", "b"], ["ab"], ["a\x1eb"], ["a", "\x1eb"],
        ("a", "b"), [("a", "b")], [["a"], "b"], [["a", "b"]], ["a", ["b"]],
        {"a": 1}, {"a": "1"}, {"1": 1}, {1: 1}, {"a": 1, "b": 2}, {"b": 2, "a": 1},
        {"a", "b"}, frozenset({"a", "b"}), Markup("<b>"), "<b>", ["\ud800"], ["\ud801"],
        ["l", 0], [[], 0], list(range(40)), list(range(41)), tuple(range(40)),
    ]
    digests = [digest(v) for v in values]
    clashes = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]
               if digest(a) == digest(b)]
    assert len(set(digests)) == len(values), f"equal digests for different values: {clashes}"


def test_records_are_told_apart_by_type_and_every_field():
    a = Article(slug="a", title="A", body="", path="a.md")
    assert digest(a) != digest(Article(slug="a", title="A", body="", path="a.md", tags=("x",)))
    assert digest(a) != digest(Article(slug="a", title="A", body="", path="a.md", body_line=2))
    assert digest(Mention("a", "b", "c")) != digest(Mention("a", "bc", ""))
    assert digest([a]) != digest([("a", "A", "", "a.md")])


def test_a_list_of_remembered_records_digests_as_when_first_seen():
    # Runs of records already remembered are written in one step: it must write what the
    # item-by-item walk writes, or a fresh process would differ from a long-lived one.
    views = [view(f"Body {i}.") for i in range(5)]
    page = {"articles": views, "names": ["a", "b", "c"], "mixed": [views[0], "x", 3]}
    cold = Fingerprinter(STAND_INS)
    first = cold.hex(page)
    warm = Fingerprinter(STAND_INS)
    for v in views:
        warm.hex(v)
    assert warm.hex(page) == first == cold.hex(page)


def test_stand_ins_keep_every_part_of_a_view_and_of_an_entity_page():
    base = view()

    def mentioning(*mention: str) -> ArticleView:
        return ArticleView.of(base.article, base.html, (Mention(*mention),), base.words)

    other_text = mentioning("kyiv", "Kiev", "Kyiv said so.")
    other_entity = mentioning("kiev", "Kyiv", "Kyiv said so.")
    assert len({digest(base), digest(other_text), digest(other_entity)}) == 3
    swapped = [Appearances([saying("x", "y", title="One"), saying("z", title="Two")], "kyiv"),
               Appearances([saying("x", title="One"), saying("y", "z", title="Two")], "kyiv")]
    assert digest(swapped[0]) != digest(swapped[1])


def test_a_remembered_object_is_forgotten_only_when_a_build_did_not_use_it():
    printer = Fingerprinter(STAND_INS)
    kept, dropped = view("Kept."), view("Dropped.")
    printer.hex(kept), printer.hex(dropped)
    printer.new_round()
    printer.hex([kept])
    printer.forget_unused()
    assert id(kept) in printer._memo and id(dropped) not in printer._memo
    assert id(dropped) not in printer._last
    # A new object that may reuse the dropped one's id is digested afresh.
    del dropped
    again = view("Another.")
    assert printer.hex(again) == Fingerprinter(STAND_INS).hex(view("Another."))


def test_what_cannot_be_fingerprinted_is_refused():
    class Opaque:
        pass

    try:
        digest({"x": Opaque()})
    except TypeError as err:
        assert "Opaque" in str(err)
    else:
        raise AssertionError("an object of unknown shape must not be fingerprinted")


def rendered_view(html: str, mentions: tuple[Mention, ...]) -> ArticleView:
    """A view as render_views makes it: with the digests its renderer made."""
    article = Article(slug="a", title="A", body="Body.", path="content/articles/a.md")
    body = Body.of(html, "", mentions)
    return ArticleView(article, body, 2, rendered_digest(body, 2),
                       quote_digests(mentions, QUOTE_BYTES))


def entity_page(view: ArticleView, slug: str) -> Appearances:
    return Appearances([view], slug)


def test_a_rendered_view_is_digested_by_its_renderers_digest_of_what_it_shows():
    kyiv = (Mention("kyiv", "Kyiv", "Kyiv said so."),)
    assert digest(rendered_view("<p>x</p>", kyiv)) == digest(rendered_view("<p>x</p>", kyiv))
    assert digest(rendered_view("<p>x</p>", kyiv)) != digest(rendered_view("<p>y</p>", kyiv))
    other = (Mention("kyiv", "Kyiv", "Kyiv said no."),)
    assert digest(rendered_view("<p>x</p>", kyiv)) != digest(rendered_view("<p>x</p>", other))


def test_an_entity_page_follows_only_the_sentences_that_name_its_entity():
    def mentions(lviv_sentence: str) -> tuple[Mention, ...]:
        return (Mention("kyiv", "Kyiv", "Kyiv said so."), Mention("lviv", "Lviv", lviv_sentence),
                Mention("kyiv", "Kyiv", "Kyiv left."))

    before = rendered_view("<p>x</p>", mentions("Lviv agreed."))
    after = rendered_view("<p>y</p>", mentions("Lviv refused."))
    assert entity_page(before, "kyiv").quote_keys() == entity_page(after, "kyiv").quote_keys()
    assert digest(entity_page(before, "kyiv")) == digest(entity_page(after, "kyiv"))
    assert digest(entity_page(before, "lviv")) != digest(entity_page(after, "lviv"))
    # without keys a page is digested by its sentences: another form, never equal by chance
    unrendered = ArticleView.of(before.article, before.html, before.mentions, before.words)
    plain = Appearances([unrendered], "kyiv")
    assert plain.quote_keys() is None and digest(plain) != digest(entity_page(before, "kyiv"))
    assert plain == entity_page(before, "kyiv")  # the same entries, however digested
