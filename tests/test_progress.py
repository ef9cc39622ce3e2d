"""Progress you can read: a bar with counts and time left on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from generator.progress import BarProgress, LineProgress, in_ci, progress_for

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Turkish and Libyan officers met in Tripoli on Monday to discuss training.\n\n"
    "The delegation visited the naval base and the military academy.\n"
)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_count_and_tell_time_left_a_few_times_per_stage():
    now = [0.0]
    out = io.StringIO()
    progress = LineProgress(out, clock=lambda: now[0])
    for done in range(0, 1001):
        now[0] = done * 0.06  # 60 s for 1,000 documents
        progress("Processing documents", done, 1000)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()
    assert lines[0] == "  Processing documents: 50/1,000 (5%), 3 s, about 57 s left"
    assert lines[-1] == "  Processing documents: 1,000/1,000 in 60.0 s"
    assert 2 < len(lines) <= 21  # a few per stage, never one per document


def test_a_quick_stage_prints_one_line_and_a_repeated_end_none():
    now = [0.0]
    out = io.StringIO()
    progress = LineProgress(out, clock=lambda: now[0])
    for done in range(6):
        now[0] = done * 0.1
        progress("MkDocs writing pages", done, 5)
    progress("MkDocs writing pages", 5, 5)
    progress("Processing documents", 0, 0)  # an empty corpus: nothing to count
    assert out.getvalue() == "  MkDocs writing pages: 5/5 in 0.5 s\n"


def test_a_terminal_gets_a_bar_with_counts_and_time_left():
    out = FakeTerminal()
    progress = BarProgress(out)
    for done in range(4):
        progress("Processing documents", done, 3)
    text = out.getvalue()
    assert "\r" in text and "Processing documents:" in text
    assert "3/3 [" in text and "<" in text and "documents/s" in text  # count, elapsed<left, rate
    assert text.endswith("\n")  # the finished bar stays on screen


def test_the_form_follows_the_stream(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert isinstance(progress_for(FakeTerminal()), BarProgress)
    assert isinstance(progress_for(io.StringIO()), LineProgress)  # a file or pipe
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(progress_for(FakeTerminal()), LineProgress)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("CI", "true")  # CI logs keep every redraw, even on a pseudo-terminal
    assert in_ci() and isinstance(progress_for(FakeTerminal()), LineProgress)
    monkeypatch.setenv("CI", "false")
    assert not in_ci()


def _generate(root: Path, terminal: bool) -> str:
    """`microsite generate` as a person runs it (in a pseudo-terminal) or as CI and logs do (a pipe)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm"}
    command = [sys.executable, "-m", "generator.cli", "--root", str(root), "generate"]
    if not terminal:
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=300).stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))  # rows, columns
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env, cwd=REPO)
    os.close(follower)
    output = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # the terminal closed: the process is done
            chunk = b""
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0, output.decode("utf-8", "replace")
    return output.decode("utf-8", "replace")


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "log"])
def test_a_build_shows_a_bar_on_a_terminal_and_plain_lines_in_a_log(empty_project, terminal):
    for number in range(3):
        empty_project.add(f"article-{number}.txt", ARTICLE.replace("Monday", f"Monday {number}"))
    output = _generate(empty_project.root, terminal)
    assert "3 documents published" in output
    if terminal:
        assert "\r" in output and "Processing documents:" in output and "3/3 [" in output
    else:
        assert "\r" not in output
        assert any(line.startswith("  Processing documents: 3/3 in ") for line in output.splitlines())
