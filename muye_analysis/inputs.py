"""Reading input files safely: regular files only, size-capped, the text encoding detected.

One reader for every text input of the suite — year-to-date CSVs (``muye ingest``), report texts
(``muye extract``) and reviewed drafts (``muye accept``) — so that they all accept the same
files and refuse the same ones with the same words:

* ``read_input_bytes``: only a regular file is read (a FIFO would block, ``/dev/zero`` never
  ends, a device is no table), never more than a cap, with the cause named when it fails.
* ``decode_text``: byte-order marks (UTF-8, UTF-16, UTF-32), UTF-16 without a mark (recognised
  by its zero bytes), UTF-8, then GBK/GB18030 — the default of Chinese Windows. Bytes that
  decode as GBK but do not read as Chinese (Big5 from Taiwan or Hong Kong, Shift-JIS) are
  decoded as what they are; the encoding used is returned with a name a user recognises, so
  callers can say it.

How the legacy encodings are told apart: every double-byte encoding orders its characters by
frequency, common ones first (GB2312 level 1, Big5 level 1, JIS X 0208 level 1). Text decoded
with its own encoding is almost all common characters; the same bytes decoded with another give
rare characters, kana or symbols. The encoding whose reading is most common wins, GBK on a near
tie. (General detectors such as charset-normalizer were tried and misread a short Big5 row as
Shift-JIS: a table has few non-ASCII characters, too few for their statistics.)
"""

from __future__ import annotations

import codecs
import stat
from dataclasses import dataclass
from pathlib import Path

from muye_analysis.errors import DataError, describe_os_error

_SAVE_AS_UTF8 = "save it as UTF-8 text (Excel: 'CSV UTF-8 (comma delimited)')."


def read_input_bytes(
    path: str | Path, *, max_bytes: int, what: str = "file", fix: str = ""
) -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes``; else DataError.

    A FIFO, a socket, a device (``/dev/zero``) or a link to one is refused before it is opened,
    so nothing blocks and nothing is read without end. ``what`` names the expected content in
    messages ("year-to-date table", "report text"); ``fix`` says what to give instead.
    """
    path = Path(path)
    fix = fix or f"give the {what} itself."
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError("file not found (or a link to nothing).", file=path,
                        fix="check the path.") from None  # fmt: skip
    except OSError as exc:
        raise DataError(f"cannot read the file: {describe_os_error(exc)}", file=path,
                        fix="check the path and the file's permissions.") from None  # fmt: skip
    if stat.S_ISDIR(info.st_mode):
        raise DataError("this is a folder, not a file.", file=path, fix="name the file.")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(
            "not a regular file (a device, a pipe, a socket or a link to one): it is not read, "
            "as it could block or never end.",
            file=path,
            fix=fix,
        )
    too_big = DataError(
        f"the file is larger than {max_bytes / 2**20:.0f} MB; a {what} is far smaller.",
        file=path,
        fix="check that this is the right file.",
    )
    if info.st_size > max_bytes:
        raise too_big
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DataError(f"cannot read the file: {describe_os_error(exc)}", file=path,
                        fix="check the file's permissions.") from None  # fmt: skip
    if len(data) > max_bytes:
        raise too_big
    return data


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the codec used and a name for people."""

    text: str
    encoding: str  # Python codec name
    name: str  # what a user calls it: UTF-8, GBK, Big5 (traditional Chinese) …

    @property
    def unusual(self) -> bool:
        """Neither UTF-8 nor GBK (the two a Chinese office writes): worth telling the user."""
        return self.encoding not in ("utf-8", "utf-8-sig", "gb18030")


_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK/GB18030",
    "utf-16": "UTF-16", "utf-16-le": "UTF-16 (little-endian, no byte-order mark)",
    "utf-16-be": "UTF-16 (big-endian, no byte-order mark)", "utf-32": "UTF-32",
    "big5": "Big5 (traditional Chinese)", "cp950": "Big5 (traditional Chinese)",
    "big5hkscs": "Big5-HKSCS (traditional Chinese, Hong Kong)",
    "shift_jis": "Shift-JIS (Japanese)", "cp932": "Shift-JIS (Japanese)",
}  # fmt: skip
# Legacy double-byte encodings tried when bytes are not UTF-8, GBK first; per encoding, the lead
# bytes of its common characters and punctuation (level 1 of its character set).
_LEGACY = {
    "gb18030": ((0xA1, 0xA3), (0xB0, 0xD7)),  # GB2312 punctuation rows, level 1 (3,755 hanzi)
    "big5": ((0xA1, 0xA3), (0xA4, 0xC6)),  # Big5 symbols, level 1 (5,401 common hanzi)
    "cp932": ((0x81, 0x83), (0x88, 0x98)),  # JIS symbols and kana, level 1 kanji
}
# Share of common characters above which GBK is taken without looking further; real Chinese
# GBK text scores near 1, Big5 or Shift-JIS bytes read as GBK about 0.4.
_COMMON_SHARE = 0.8
_MIN_SIGNAL_CHARS = 2  # fewer non-ASCII characters than this say nothing about the encoding


def _decoded(text: str, encoding: str) -> Decoded:
    return Decoded(text, encoding, _NAMES.get(encoding, encoding))


def decode_text(
    data: bytes,
    path: str | Path,
    *,
    fix: str = _SAVE_AS_UTF8,
    what: str = "text",
    column: str | None = None,
) -> Decoded:
    """Decode the bytes of a text file, detecting and naming its encoding.

    Raises DataError naming the file and line when the bytes are binary (NUL bytes that are not
    UTF-16) or mix encodings (a UTF-8 byte-order mark in front of GBK bytes). ``what`` names the
    text expected ("CSV text"), ``fix`` what to do, ``column`` the column errors name (a CSV's
    "A"; none for running text).
    """
    path = Path(path)
    marks = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
    for bom, encoding in marks:
        if data.startswith(bom):
            return _decoded(_strict(data, encoding, path, fix, column), encoding)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise DataError(
                f"binary data (NUL bytes), not {what}.",
                file=path,
                row=data[: data.index(b"\x00")].count(b"\n") + 1,
                column=column,
                fix=fix,
            )
        return _decoded(_strict(data, encoding, path, fix, column), encoding)
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            return _decoded(body.decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"the file starts with a UTF-8 byte-order mark but is not UTF-8 after it (byte "
                f"{exc.start + 3}): it mixes two encodings (GBK text behind a UTF-8 mark).",
                file=path,
                row=body[: exc.start].count(b"\n") + 1,
                column=column,
                fix=fix,
            ) from None
    try:
        return _decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        at = max(exc.start, utf8_error.start)  # where the encoding that read further stopped
        raise DataError(
            f"not readable as UTF-8 or GBK/GB18030 text (byte {at}).",
            file=path,
            row=data[:at].count(b"\n") + 1,
            column=column,
            fix=fix,
        ) from None
    share = _common_share(gbk, "gb18030")
    if share >= _COMMON_SHARE:
        return _decoded(gbk, "gb18030")
    best = ("gb18030", gbk, share)
    for encoding in ("big5", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _common_share(text, encoding)
        if share > best[2] + 0.1:  # clearly better than GBK's reading
            best = (encoding, text, share)
    return _decoded(best[1], best[0])


def _strict(data: bytes, encoding: str, path: Path, fix: str, column: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataError(f"not readable as {_NAMES.get(encoding, encoding)} (byte {exc.start}).",
                        file=path, row=1, column=column, fix=fix) from None  # fmt: skip


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le / utf-16-be when the zero bytes fall in every other position (the high byte
    of ASCII characters), as Excel's "Unicode text" without its mark; else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd > 0.25 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.25 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def _common_share(text: str, encoding: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common characters or punctuation
    of ``encoding`` (1.0 when there are too few to judge)."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if len(wide) < _MIN_SIGNAL_CHARS:
        return 1.0
    ranges = _LEGACY[encoding]
    common = 0
    for ch in wide:
        try:
            encoded = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2:
            common += any(lo <= encoded[0] <= hi for lo, hi in ranges)
    return common / len(wide)
