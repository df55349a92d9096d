"""Reading files safely, and replacing them all at once, only if nobody changed them since.

Every file the tool reads (template, catalogues, ``status.toml``, the notes) goes through
:func:`read_regular`: a regular file of at most :data:`MAX_BYTES`, else an :class:`OSError`
that names the file and says why, before a byte is read (a FIFO never blocks, ``/dev/zero``
is never read).

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

import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

#: The largest file read (a catalogue of 5,000 messages is 2 MB; BIJ1's have 22 messages).
MAX_BYTES = 10 * 1024 * 1024


def resolve(path: str | os.PathLike[str]) -> Path:
    """``path`` absolute, with its links followed as far as they lead.

    A loop of links is left where it is (reading the path is then an :class:`OSError`,
    "too many levels of symbolic links"); ``Path.resolve`` raises ``RuntimeError`` for one
    on Python 3.11 and 3.12, which no caller expects.

    >>> resolve("/tmp/../tmp/x") == Path("/tmp/x").resolve()
    True
    """
    return Path(os.path.realpath(path))


def read_regular(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``limit`` bytes (links are
    followed; whether the target may be trusted is the caller's question).

    Anything else (a FIFO, a device, a folder, a file too large) is an :class:`OSError`
    naming the file, raised without reading from it.

    >>> read_regular("/dev/zero")
    Traceback (most recent call last):
    OSError: [Errno 22] not a regular file (a device); not read: '/dev/zero'
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        fd = -1
    try:
        mode = os.fstat(fd) if fd >= 0 else None
        if mode is None or not stat.S_ISREG(mode.st_mode):
            kind = ("a directory" if mode is None or stat.S_ISDIR(mode.st_mode) else
                    "a FIFO" if stat.S_ISFIFO(mode.st_mode) else
                    "a socket" if stat.S_ISSOCK(mode.st_mode) else "a device")
            raise OSError(errno.EINVAL, f"not a regular file ({kind}); not read", str(path))
        if mode.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB; not read",
                          str(path))
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB; not read",
                          str(path))
        return b"".join(chunks)
    finally:
        if fd >= 0:
            os.close(fd)


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

        digest = hashlib.sha256(data).hexdigest()
        stat = os.stat(path)  # after the hash, so that the last look is just before a rename
        return cls(stat.st_size, stat.st_mtime_ns, digest)

    @classmethod
    def absent(cls) -> Snapshot:
        """A file that was not there: it may be written only if it still is not."""
        return cls(-1, -1, "")


def stage(path: str | os.PathLike[str], text: str) -> str | None:
    """Write ``text`` to a temporary file beside ``path``, for :func:`commit`.

    Returns its name, or None when ``path`` already holds exactly ``text``.
    """
    target = Path(path)
    data = text.encode("utf-8")
    try:
        if target.is_file() and read_regular(target) == data:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only the writing commands need it: check starts faster without

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
        now: Snapshot | None = Snapshot.of(path, read_regular(path))
    except FileNotFoundError:
        now = Snapshot.absent()
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
