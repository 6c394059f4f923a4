"""Ctrl+C during a crawl: stop it cleanly, whichever library owns the signal handlers.

While a crawl starts, Scrapy imports its middlewares inside Twisted Deferreds: a
``KeyboardInterrupt`` raised there is swallowed and printed as "Unhandled error
in Deferred" tracebacks, and once the reactor runs, Scrapy's own handler stops
the crawl without telling anyone it was asked to.  :class:`CtrlC` therefore
takes SIGINT away from every handler for the duration: the signal is blocked in
this thread (and so in every thread started from it, the reactor's pool
included) and a watcher thread waits for it.  The first Ctrl+C asks the reactor
to stop (Scrapy then closes its spiders gracefully, as for its own Ctrl+C: the
crawl so far is kept), also when it comes before the reactor exists; ``pressed``
says it happened.  A second Ctrl+C, or a crawl still winding down ``grace_s``
seconds later (Scrapy waits for the requests in flight), calls ``on_second``
(leave now).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any


class Interrupted(KeyboardInterrupt):
    """Ctrl+C stopped an audit; the message says what was kept."""


def _stop(reactor: Any) -> None:
    with contextlib.suppress(RuntimeError):   # already stopping, or stopped
        reactor.stop()


class CtrlC:
    def __init__(self, on_second: Callable[[], None] | None = None,
                 grace_s: float = 10.0) -> None:
        self.on_second = on_second
        self.grace_s = grace_s
        self.pressed = 0
        self._first = 0.0
        self._stop_sent = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._mask: set[int] | None = None
        self._handler: Any = None

    def __enter__(self) -> CtrlC:
        usable = (hasattr(signal, "pthread_sigmask") and hasattr(signal, "sigtimedwait")
                  and threading.current_thread() is threading.main_thread())
        # without signal masks (not Linux) Python's KeyboardInterrupt applies; a process
        # started with SIGINT ignored (`nohup`, `cmd &` in a script) keeps ignoring it
        if not usable or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            return self
        self._handler = signal.getsignal(signal.SIGINT)
        self._mask = set(signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}))
        self._thread = threading.Thread(target=self._watch, name="ita-audit-ctrl-c",
                                        daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._done.is_set():
            got = signal.sigtimedwait({signal.SIGINT}, 0.1)
            if got is not None:
                self.pressed += 1
                if self.pressed == 1:
                    self._first = time.monotonic()
                    print("ita-audit: stopping the crawl (Ctrl+C again to stop at once) …",
                          file=sys.stderr, flush=True)
            late = self.pressed and time.monotonic() - self._first > self.grace_s
            if (self.pressed > 1 or late) and self.on_second is not None:
                self.on_second()
                self.on_second = None
            if self.pressed and not self._stop_sent:
                # the reactor may not exist yet (Ctrl+C during start-up): ask as soon
                # as it does; a call queued before it runs is made when it starts
                reactor = sys.modules.get("twisted.internet.reactor")
                if reactor is not None:
                    reactor.callFromThread(_stop, reactor)
                    self._stop_sent = True

    def __exit__(self, *exc: object) -> None:
        if self._thread is None:
            return
        self._done.set()
        self._thread.join()
        # Scrapy and Twisted installed their own SIGINT handlers meanwhile: Ctrl+C
        # after the crawl is a KeyboardInterrupt again
        signal.signal(signal.SIGINT, self._handler if self._handler is not None
                      else signal.default_int_handler)
        assert self._mask is not None
        signal.pthread_sigmask(signal.SIG_SETMASK, self._mask)
