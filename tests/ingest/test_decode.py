"""Encodings are detected, not assumed."""

import pytest

from builder.ingest.decode import DecodeError, decode

TEXT = "Le café “Chloé” — déjà vu, naïve señor.\nSecond line."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]
)
def test_round_trip(encoding: str):
    assert decode(TEXT.encode(encoding)) == TEXT


def test_latin1_without_curly_quotes():
    text = "Le café de José, à Paris, était fermé le dimanche matin."
    assert decode(text.encode("latin-1")) == text


def test_crlf_becomes_lf():
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


def test_binary_is_refused():
    with pytest.raises(DecodeError):
        decode(bytes(range(256)) * 4)
