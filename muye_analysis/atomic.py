"""Write files so that a reader never sees half of one.

Every output of the suite (the processed store, charts, drafts, executed notebooks, the deck and
the report) is written to a temporary file beside its destination and renamed into place, which
is atomic on one file system: a crash or an error leaves the previous version untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` when the block succeeds.

    On any exception the temporary file is removed and ``path`` is left as it was. The new
    file is world-readable (0644), like an ordinary file, not private like a temporary one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o644)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (newlines as given); return the path."""
    with atomic_path(path) as tmp, tmp.open("w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(path)
