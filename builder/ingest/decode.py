"""Bytes → text, detecting the encoding instead of assuming UTF-8."""

from __future__ import annotations

import codecs
import contextlib

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode(raw: bytes) -> str:
    """Decode raw article bytes: BOM, then strict UTF-8, then detection.

    cp1252 is tried before latin-1 because web text labelled latin-1 is
    nearly always cp1252 (curly quotes in 0x80–0x9f).
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _normalise(raw.decode(encoding))
    if b"\x00" in raw[:4096]:
        utf16 = _try_utf16(raw)
        if utf16 is not None:
            return _normalise(utf16)
        raise DecodeError("binary data (NUL bytes), not a text article")
    try:
        return _normalise(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    western = _western(raw)
    if western is not None:
        return _normalise(western)
    best = from_bytes(raw).best()
    if best is not None and best.encoding not in ("utf_8",):
        text = str(best)
        if best.encoding in ("latin_1", "iso8859_1"):
            with contextlib.suppress(UnicodeDecodeError):
                text = raw.decode("cp1252")
        return _normalise(text)
    try:
        return _normalise(raw.decode("cp1252"))
    except UnicodeDecodeError:
        return _normalise(raw.decode("latin-1"))


def _western(raw: bytes) -> str | None:
    """cp1252 when it reads like Western European text: accented letters stand alone
    between ASCII ones (`café`), where Cyrillic or Greek read as cp1252 make long runs."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    accented = [i for i, c in enumerate(text) if ord(c) > 127 and c.isalpha()]
    if not accented:
        return text
    positions = set(accented)
    runs = sum(1 for i in accented if i - 1 in positions or i + 1 in positions)
    return text if runs <= 0.3 * len(accented) else None


def _try_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has NULs in every other byte."""
    even, odd = raw[0::2][:2048], raw[1::2][:2048]
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros and zeros.count(0) > 0.6 * len(zeros):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _normalise(text: str) -> str:
    """One kind of line end, no BOM left in the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
