"""Page fingerprints: equal data gives equal digests, any change in what a page shows a new one."""

from __future__ import annotations

from typing import NamedTuple

from builder.build import STAND_INS
from builder.fingerprint import Fingerprinter
from builder.model import Article, Mention
from builder.render.pages import Appearance, Appearances, ArticleView


def view(body: str = "Body.", sentence: str = "Kyiv said so.") -> ArticleView:
    article = Article(slug="a", title="A", body=body, path="content/articles/a.md")
    return ArticleView(article, f"<p>{body}</p>", (Mention("kyiv", "Kyiv", sentence),), 2)


def digest(value) -> str:
    return Fingerprinter(STAND_INS).hex(value)


def test_equal_data_gives_equal_digests_across_fingerprinters():
    page = {"appearances": Appearances([Appearance(view(), ["Kyiv said so."])]), "n": 1}
    again = {"appearances": Appearances([Appearance(view(), ["Kyiv said so."])]), "n": 1}
    assert digest(page) == digest(again)


def test_a_changed_sentence_on_an_entity_page_changes_its_digest():
    base = Appearances([Appearance(view(), ["Kyiv said so.", "Then Kyiv left."])])
    changed = Appearances([Appearance(view(), ["Kyiv said so.", "Then Kyiv stayed."])])
    regrouped = Appearances([Appearance(view(), ["Kyiv said so.Then Kyiv left."])])
    assert len({digest(base), digest(changed), digest(regrouped)}) == 3


def test_a_changed_view_changes_the_entity_page_digest():
    said = ["Kyiv said so."]
    one = Appearances([Appearance(view("Body."), said)])
    other = Appearances([Appearance(view("Another body."), said)])
    assert digest(one) != digest(other)
    assert digest(view(sentence="Kyiv said so.")) != digest(view(sentence="Kyiv said no."))


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
