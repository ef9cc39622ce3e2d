"""What a long build is doing, in the form its reader can read: on a terminal a progress bar with
counts and time left (tqdm); in CI, logs and pipes plain lines, a few per stage.

A build calls a `Progress` (model/report.py) with its stage, how many items are done and of how
many. `progress_for` picks the form for the stream it writes to.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from functools import cache
from typing import Any, TextIO

from generator.model.report import Progress

LINE_STEPS = 20  # plain lines: at most one per twentieth of a stage …
LINE_INTERVAL = 2.0  # … and one per 2 seconds, but always the last: a quick stage prints one line


def progress_for(stream: TextIO | None = None) -> Progress:
    """A bar on a terminal, plain lines anywhere else (a file, a pipe, CI)."""
    stream = stream or sys.stderr
    return BarProgress(stream) if is_terminal(stream) else LineProgress(stream)


def is_terminal(stream: TextIO) -> bool:
    """A terminal that redraws a line: not a file or pipe, not TERM=dumb, not CI (whose logs keep
    every redraw, even where the job runs on a pseudo-terminal)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False
    return tty and os.environ.get("TERM", "") != "dumb" and not in_ci()


def in_ci() -> bool:
    """CI=true as CI services and .ci/run set it; CI=false or CI=0 is no CI."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class LineProgress:
    """Plain lines: `  Processing documents: 250/5,000 (5%), 3 s, about 57 s left`, then
    `  Processing documents: 5,000/5,000 in 60.1 s`."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic, interval: float = LINE_INTERVAL):
        self.stream, self.clock, self.interval = stream, clock, interval
        self.stage: str | None = None
        self.done = self.step = 0
        self.started = self.printed = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:  # nothing to count
            return
        now = self.clock()
        previous = self.done
        if stage != self.stage or done < self.done:  # a new stage, or the same one again
            self.stage, self.started, self.printed, self.step, previous = stage, now, now, 0, -1
        self.done = done
        step = done * LINE_STEPS // total
        if done >= total:
            if previous < total:  # once
                self._print(f"{stage}: {done:,}/{total:,} in {now - self.started:.1f} s")
        elif step > self.step and now - self.printed >= self.interval:
            self.step, self.printed = step, now
            elapsed = now - self.started
            left = elapsed / done * (total - done) if done else 0.0
            self._print(
                f"{stage}: {done:,}/{total:,} ({done * 100 // total}%), {elapsed:.0f} s, about {left:.0f} s left"
            )

    def _print(self, line: str) -> None:
        print(f"  {line}", file=self.stream, flush=True)


class BarProgress:
    """One tqdm bar per stage, left on screen when the stage ends:
    `Processing documents:  40%|████      | 2000/5000 [00:24<00:36, 83.1 documents/s]`."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.stage: str | None = None
        self.bar: Any = None  # a tqdm bar

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        if stage == self.stage and self.bar is None and done >= total:  # ended already
            return
        if self.bar is None or stage != self.stage or done < self.bar.n:
            self.close()
            self.stage, self.bar = stage, _bar(stage, total, self.stream)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _bar(stage: str, total: int, stream: TextIO) -> Any:
    unit = stage.rsplit(" ", 1)[-1]  # "Processing documents" counts documents
    sized = _columns(stream) > 0  # a terminal that tells its width (a new pseudo-terminal may say 0)
    return _bar_class()(
        total=total,
        desc=stage,
        unit=f" {unit}",
        file=stream,
        dynamic_ncols=sized,
        ncols=None if sized else 100,
        nrows=None if sized else 20,  # tqdm draws nothing on a terminal of 0 rows
        leave=True,
        mininterval=0.2,
    )


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):  # not a real terminal (a test's stand-in)
        return 0


@cache
def _bar_class() -> Any:
    from tqdm import tqdm  # only when a bar is shown: a build with nothing to do imports nothing

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: the build forks worker processes while a bar is open

    return Bar
