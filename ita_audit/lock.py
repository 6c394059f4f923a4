"""A lock file so that two scheduled audits never run over each other.

The lock is an exclusive ``flock`` on a file that holds the owner's PID and
start time.  The kernel drops the ``flock`` when its process dies, however it
dies (``kill -9``, power loss of a container), so a lock left behind by a
killed process is *stale* by construction: the next audit takes it over and
says so (the PID in the file names the process that died).  The PID is for
people and messages; the ``flock`` is what decides, so a PID reused by some
unrelated process never blocks the schedule.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from dataclasses import dataclass
from pathlib import Path


class LockHeldError(Exception):
    """Another live process holds the lock; the message is one line."""

    def __init__(self, path: Path, pid: int | None, since: str) -> None:
        self.path, self.pid, self.since = path, pid, since
        who = f"PID {pid}" if pid else "another process"
        when = f", since {since}" if since else ""
        super().__init__(f"another scheduled audit is running ({who}{when}; lock {path})")


@dataclass
class Lock:
    path: Path
    fd: int
    stale_pid: int | None = None    # the dead owner of a lock that was taken over

    def release(self) -> None:
        if self.fd < 0:
            return
        try:
            # Remove the file while still holding the lock, so no one locks an orphan.
            if _same_file(self.path, self.fd):
                self.path.unlink()
        except OSError:
            pass
        finally:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(path: Path, fd: int) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def read_owner(path: Path) -> tuple[int | None, str]:
    """The PID and start time written in a lock file (None, "" when unreadable)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, ""
    parts = text.split()
    pid = int(parts[0]) if parts and parts[0].isdigit() else None
    return pid, parts[1] if len(parts) > 1 else ""


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def acquire(path: Path | str, now: dt.datetime | None = None) -> Lock:
    """Take the lock or raise :class:`LockHeldError`; a stale lock is taken over."""
    path = Path(path)
    for _ in range(10):   # the holder may unlink the file between our open and flock
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            pid, since = read_owner(path)
            raise LockHeldError(path, pid, since) from None
        except BaseException:
            os.close(fd)
            raise
        if not _same_file(path, fd):   # we locked a file its owner just removed; retry
            os.close(fd)
            continue
        old_pid, _ = read_owner(path)
        stamp = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {stamp}\n".encode(), 0)
        stale = old_pid if old_pid and old_pid != os.getpid() else None
        return Lock(path, fd, stale)
    raise LockHeldError(path, None, "")
