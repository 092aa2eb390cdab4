"""Decoding a file's bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
the bytes read as UTF-16 text), legacy encodings
detected with charset-normalizer (line by line when a file mixes them), mojibake repaired with
ftfy, and the checks that skip what is not text (binary data, JSON)."""

from __future__ import annotations

import json
import re

from charset_normalizer import from_bytes

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MOJIBAKE_RE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ“”˜]|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]")


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes read as UTF-16 text without a byte-order mark
    (as many Windows exports are), else None.

    The first 64 KB must decode strictly (surrogates paired), hold no control characters other
    than tab, line and page breaks, and at least 5% ASCII characters (spaces, digits, punctuation:
    random binary data has almost none).
    """
    sample = data[:65536]
    if len(data) < 4 or len(data) % 2 or b"\x00" not in sample:  # ASCII in UTF-16 holds NULs
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        ascii_chars = sum(1 for ch in text if ord(ch) < 128)
        if controls == 0 and ascii_chars >= 0.05 * len(text):
            return encoding
    return None


def is_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes (outside UTF-16) or many control bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or utf16_without_bom(data):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.02 * max(1, len(sample))


def decode_bytes(data: bytes) -> tuple[str | None, str, list[str]]:
    """Decode a file's bytes.

    Returns:
        (text or None when undecodable, the encoding used, problems to report).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16", []
    utf16 = utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, [f"not UTF-8: decoded as {utf16.upper()} without a "
                                               f"byte-order mark (detected)"]
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lines = data.splitlines(keepends=True)
    good, bad = [], []
    for line in lines:
        try:
            line.decode("utf-8")
            (good if any(b > 127 for b in line) else []).append(line)
        except UnicodeDecodeError:
            bad.append(line)
    legacy = _detect_legacy(b"".join(bad))
    if legacy is None:
        return None, "", [f"not UTF-8 (byte 0x{data[first_bad]:02X} at offset {first_bad}) and the "
                          f"encoding could not be detected; skipped — save the file as UTF-8"]
    if good:
        text = "".join(_decode_line(line, legacy) for line in lines)
        return text, f"utf-8+{legacy}", [f"mixed encodings: {len(bad)} line(s) in {legacy}, the rest "
                                         f"UTF-8; decoded line by line"]
    return data.decode(legacy), legacy, [f"not UTF-8: decoded as {legacy} (detected)"]


def _detect_legacy(data: bytes) -> str | None:
    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "cp1250",
                                          "iso8859_5", "mac_cyrillic", "cp1256", "gb18030",
                                          "shift_jis", "euc_jp", "big5"]).best()
    return best.encoding if best is not None else None


def _decode_line(line: bytes, legacy: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(legacy, errors="replace")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as Windows-1252/Latin-1 ("Ã©" → "é", "â€™" → "’"), line by line, with
    ftfy; only lines holding a typical mojibake sequence are touched.

    Returns:
        (text, number of lines repaired).
    """
    if not _MOJIBAKE_RE.search(text):
        return text, 0
    import ftfy

    out, fixed = [], 0
    for line in text.split("\n"):
        if _MOJIBAKE_RE.search(line):
            repaired = ftfy.fix_encoding(line)
            if repaired != line:
                line, fixed = repaired, fixed + 1
        out.append(line)
    return "\n".join(out), fixed


def looks_like_json(text: str) -> bool:
    """True when the whole text parses as a JSON object or array."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True
