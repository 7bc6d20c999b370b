"""The list of well-known places behind the `place` type cue."""

from __future__ import annotations

import pytest

from builder.glossary.places import is_known_place, place_key


@pytest.mark.parametrize("name", ["Spain", "The Netherlands", "Netherlands", "LIEGE", "Liège",
                                  "São Paulo", "New York", "Texas", "Asia", "U.S.", "Wales",
                                  "Middle East"])
def test_known_places(name: str) -> None:
    assert is_known_place(name)


@pytest.mark.parametrize("name", ["Olaf Scholz", "Kremlin", "Reuters", "Tuesday", "Smith"])
def test_not_places(name: str) -> None:
    assert not is_known_place(name)


def test_key_ignores_case_and_accents() -> None:
    assert place_key("Liège") == place_key("LIEGE") == "liege"
