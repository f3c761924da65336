"""Errors that tell a user which file, row and column are wrong and how to fix them.

Also the one place that turns an operating-system error (disk full, file too large, read-only
file system, name too long, a file where a folder should be) into one line naming the real
cause (``describe_os_error``), and that makes names safe to print (``printable``): a file
name with a newline or bytes in another encoding never reaches the terminal as such.
"""

from __future__ import annotations

import errno
from pathlib import Path

# Characters that are printable by str.isprintable() but move or hide text on a terminal.
_INVISIBLE = {"\u2028", "\u2029", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)),
              *map(chr, range(0x2066, 0x206A))}  # fmt: skip


def printable(text: object) -> str:
    """``text`` with every character that could forge or hide output escaped.

    Control characters (a newline in a file name), line and paragraph separators, bidi
    overrides become ``\\n``-style escapes; bytes that are not valid in the file system's
    encoding (a GBK file name on a UTF-8 system, kept by Python as lone surrogates) become
    ``\\xNN``. Ordinary text, Chinese included, is unchanged.

    >>> printable("1-3月\\n伪造的一行.csv"), printable("社零.csv")
    ('1-3月\\\\n伪造的一行.csv', '社零.csv')
    """
    text = str(text)
    if text.isprintable() and not _INVISIBLE.intersection(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: an undecodable byte of a file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == " " or (ch.isprintable() and ch not in _INVISIBLE):
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


class DataError(ValueError):
    """A problem with an input file, located as precisely as the file allows.

    ``row`` is the line number a spreadsheet or text editor shows (header = line 1), so a user can
    jump straight to it. The message always ends with what to do about it.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = Path(file) if file is not None else None
        self.row = row
        self.column = column
        self.fix = fix
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.file is not None:
            where.append(printable(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{printable(self.column)}'")
        text = ", ".join(where)
        problem = printable(self.problem)
        text = f"{text}: {problem}" if text else problem
        if self.fix:
            text += f" How to fix: {printable(self.fix)}"
        return text


class MissingYear(ValueError):
    """Data needed for a year are not there (e.g. the city's figures for the report's base year).

    The message names the year and what is missing; callers that can go on without the table
    (the briefing, ``muye charts``) say so instead of drawing an empty chart.
    """


# The cause and the fix of each operating-system error a user can meet when the suite writes
# or reads a file. Others fall back to the system's own wording.
_OS_ERRORS = {
    errno.ENOSPC: ("the disk is full", "free some space, or write to another disk."),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or write to another disk."),
    errno.EFBIG: (
        "the file would be larger than the file-size limit of this session (ulimit -f)",
        "raise the limit (ulimit -f unlimited), or write a smaller output.",
    ),
    errno.EROFS: (
        "the file system is read-only",
        "write to a writable disk (set MUYE_BUILD_DIR, MUYE_PROCESSED_DIR or -o), or remount "
        "it read-write.",
    ),
    errno.ENAMETOOLONG: (
        "the file name is too long (at most 255 bytes per name; a Chinese character takes 3)",
        "use a shorter name.",
    ),
    errno.ENOTDIR: (
        "a part of the path is a file, not a folder",
        "check the path: a folder in it is an ordinary file (rename or move that file).",
    ),
    errno.EISDIR: ("this is a folder, not a file", "give a file name."),
    errno.EACCES: (
        "permission denied",
        "make the folder writable, or point MUYE_BUILD_DIR / MUYE_PROCESSED_DIR elsewhere.",
    ),
    errno.EPERM: (
        "the operation is not permitted",
        "make the folder writable, or point MUYE_BUILD_DIR / MUYE_PROCESSED_DIR elsewhere.",
    ),
    errno.ENOENT: ("no such file or folder", "check the path."),
    errno.EEXIST: ("a file of that name is in the way", "move it, or choose another name."),
    errno.EIO: ("the disk reported an input/output error", "check the disk, then try again."),
    errno.ELOOP: ("too many symbolic links (a link loop)", "give the real path."),
    errno.EMFILE: ("too many open files", "close other programs, or raise ulimit -n."),
}


def describe_os_error(exc: OSError) -> str:
    """One line for an operating-system error: the file, the real cause, how to fix it.

    >>> import errno
    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device", "build/x.csv"))
    'build/x.csv: the disk is full (ENOSPC). How to fix: free some space, or write to another disk.'
    """
    name = errno.errorcode.get(exc.errno or 0, "")
    cause, fix = _OS_ERRORS.get(exc.errno or 0, (exc.strerror or str(exc), "check the path."))
    where = exc.filename if exc.filename is not None else None
    if exc.filename2 is not None:
        where = f"{printable(exc.filename)} → {printable(exc.filename2)}"
    elif where is not None:
        where = printable(where)
    head = f"{where}: " if where else ""
    code = f" ({name})" if name else ""
    return f"{head}{printable(cause)}{code}. How to fix: {fix}"


__all__ = [
    "DataError", "MissingYear", "describe_os_error", "printable",
]  # fmt: skip
