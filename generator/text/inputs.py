"""Reading input files from `site_src/`: the one guarded way in, and the one error type.

Every file the generator reads from `site_src/` goes through `read_input`: it must resolve,
after following links, to a regular file inside `site_src/` and be no larger than the size
limit. A link to `/etc/passwd` or `../../.git/config`, a FIFO, a device or a `/proc` file is
refused with a one-line reason, so nothing outside `site_src/` can reach the site.

Problems in input files are `InputError`s (file, line where known, reason); readers turn the
errors libraries raise on bad input (YAML, decoding, over-long names) into them, so no input
file can end a build with a traceback.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (its wheels are), else the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# What YAML input can raise besides YAMLError: impossible dates (`2020-02-30`) raise ValueError,
# huge or deeply nested values OverflowError / RecursionError.
_YAML_INPUT_ERRORS = (yaml.YAMLError, ValueError, OverflowError, RecursionError)

# A file counts as UTF-8 with a few damaged bytes (published with U+FFFD in their place) when it
# has at most this many bad sequences per 1,000 bytes ...
BAD_BYTES_PER_THOUSAND = 2
# ... and at least this many well-formed non-ASCII characters per bad sequence: a file in a
# legacy encoding (Windows-1256 Arabic) has almost no well-formed multi-byte UTF-8 sequences.
GOOD_CHARACTERS_PER_BAD = 20


@dataclass
class InputError(Exception):
    """A problem in an input file: the file, the line where known, and the reason (one line)."""

    path: Path
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.reason}"


def read_input(path: Path, source_dir: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, which must be a regular file inside `source_dir` once links are
    followed, and at most `max_bytes` long."""
    try:
        real = path.resolve(strict=True)
        if not is_inside(real, source_dir):
            raise InputError(path, "refused: it is a link to a file outside site_src/")
        status = real.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError(path, "refused: not a regular file")
        if status.st_size > max_bytes:
            raise InputError(path, _too_large(status.st_size, max_bytes))
        with real.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file can grow after stat(): never read more
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or type(error).__name__})") from None
    if len(data) > max_bytes:
        raise InputError(path, _too_large(len(data), max_bytes))
    return data


def is_inside(path: Path, folder: Path) -> bool:
    """Is `path` (already resolved) inside `folder` (resolved here)?"""
    return path.is_relative_to(folder.resolve())


def relative_path(path: Path, root: Path) -> str:
    """`path` as the project (and git) names it: relative to `root`, with "/" between folders;
    the path itself when it lies outside `root`. For messages, edit links and git dates."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_safe_file(path: Path, source_dir: Path) -> bool:
    """Would `read_input` accept this file (apart from its size)? For cheap checks such as
    build fingerprints, which must not read what the build will refuse."""
    try:
        real = path.resolve(strict=True)
        return is_inside(real, source_dir) and stat.S_ISREG(real.stat().st_mode)
    except (OSError, RuntimeError):
        return False


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB, "
        "set by extra.microsite.max_document_bytes in mkdocs.yml)"
    )


def read_input_text(path: Path, source_dir: Path, max_bytes: int) -> str:
    """An editor's text file (UTF-8, with or without BOM), newlines normalised. Editors' files
    are written in UTF-8: a byte that is not is an error naming its offset."""
    data = read_input(path, source_dir, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"is not UTF-8 text (byte {error.start} is 0x{data[error.start]:02x}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BAD_BYTES_RE = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, under surrogateescape


def decode_mostly_utf8(raw: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 text with a few damaged bytes: the text with U+FFFD for each run of bad bytes and
    the byte offsets of those runs; None when the bytes are not mostly UTF-8. One pass."""
    text = raw.decode("utf-8", errors="surrogateescape")
    runs = list(_BAD_BYTES_RE.finditer(text))
    if not runs:
        return text, []
    if len(runs) > max(1, len(raw) * BAD_BYTES_PER_THOUSAND // 1000):
        return None
    well_formed = sum(1 for ch in text if 0x7F < ord(ch) < 0xDC80 or ord(ch) > 0xDCFF)
    if well_formed < GOOD_CHARACTERS_PER_BAD * len(runs):
        return None
    offsets, pieces, byte, char = [], [], 0, 0
    for run in runs:
        before = text[char : run.start()]
        byte += len(before.encode("utf-8"))
        offsets.append(byte)
        pieces += [before, "\ufffd"]
        byte += len(run.group())
        char = run.end()
    pieces.append(text[char:])
    return "".join(pieces), offsets


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=YAML_LOADER)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """(front matter, the text after it, line number where that text starts)."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text, 1
    data = parse_yaml(match.group(1) or "", path, "front matter", first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a YAML mapping (key: value lines)", 1)
    return data, text[match.end() :], text[: match.end()].count("\n") + 1


def without_front_matter(text: str) -> tuple[str, int]:
    """The text after its front matter block, whatever the block holds, and the line it starts on."""
    match = _FRONT_MATTER_RE.match(text)
    return (text[match.end() :], text[: match.end()].count("\n") + 1) if match else (text, 1)


def parse_yaml(text: str, path: Path, what: str, first_line: int = 1) -> Any:
    """YAML from an input file; any problem is an InputError with the line where YAML saw it."""
    try:
        return load_yaml(text)
    except _YAML_INPUT_ERRORS as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        raise InputError(path, f"{what} is not valid YAML ({first_line_of(error)})", line) from None


def first_line_of(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def file_name_problem(path: Path) -> str | None:
    """Why a file name cannot be used, if it cannot (an over-long name makes every later
    operation on it fail)."""
    if len(os.fsencode(path.name)) > 200:
        return f"file name is {len(os.fsencode(path.name))} bytes long; use at most 200"
    return None
