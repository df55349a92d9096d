"""Replacing files all at once, and only if nobody changed them since they were read.

A file is written to a temporary file beside it (:func:`stage`), then put in its place by one
rename (:func:`commit`): a crash leaves either the old file or the new one, never half of
one. With a :class:`Snapshot` of what was read, the rename happens only if the file on disk is
still that (size, modification time, content).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.po"
>>> write_atomic(path, "a\\n"), write_atomic(path, "a\\n")
(True, False)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple


class WriteError(ValueError):
    """A file that could not be written (nothing was changed): which, and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


class Snapshot(NamedTuple):
    """A file as it was read: to tell, before replacing it, that nobody changed it since."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str], data: bytes) -> Snapshot:
        import hashlib  # only update needs it: check starts faster without

        stat = os.stat(path)
        return cls(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def stage(path: str | os.PathLike[str], text: str) -> str | None:
    """Write ``text`` to a temporary file beside ``path``, for :func:`commit`.

    Returns its name, or None when ``path`` already holds exactly ``text``.
    """
    target = Path(path)
    data = text.encode("utf-8")
    try:
        if target.is_file() and target.read_bytes() == data:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(target, f"cannot write the file ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    except OSError as exc:
        discard(tmp)
        raise WriteError(target, f"cannot write the file ({exc.strerror or exc})") from None
    return tmp


def unchanged_since(path: str | os.PathLike[str], expected: Snapshot) -> None:
    """Raise :class:`WriteError` unless ``path`` is still the file that was read."""
    try:
        now = Snapshot.of(path, Path(path).read_bytes())
    except OSError:
        now = None
    if now != expected:
        raise WriteError(path, "the file changed on disk after it was read (saved by "
                         "someone else?); run the command again")


def commit(tmp: str, path: str | os.PathLike[str], expected: Snapshot | None = None) -> None:
    """Replace ``path`` by the staged file ``tmp`` at once (if still ``expected``)."""
    try:
        if expected is not None:
            unchanged_since(path, expected)
        os.replace(tmp, path)
    except OSError as exc:
        raise WriteError(path, f"cannot write the file ({exc.strerror or exc})") from None
    finally:
        discard(tmp)


def discard(tmp: str) -> None:
    """Remove a staged file that will not be committed."""
    Path(tmp).unlink(missing_ok=True)


def write_atomic(path: str | os.PathLike[str], text: str,
                 expected: Snapshot | None = None) -> bool:
    """Write ``text`` to ``path`` all at once: a crash leaves the old file whole.

    Returns False (and writes nothing) when the file already holds exactly ``text``. With
    ``expected``, refuses unless the file is still the one that was read. Any failure is a
    :class:`WriteError` naming the file; the old file is then left as it was.
    """
    tmp = stage(path, text)
    if tmp is None:
        return False
    commit(tmp, path, expected)
    return True
