"""Editors' Markdown: commentary on documents, entity notes and hand-written pages.

Editors link by id with a short syntax the build checks:

    [[doc:000_99d85874a1d33ffe]]          the document, titled
    [[doc:000_99d85874a1d33ffe#p3|this]]  a paragraph of it, with your own words
    [[entity:hulusi-akar]]                an entity page

Links become ordinary relative Markdown links to the generated pages (so MkDocs checks them
again); a link to an unknown id is an error naming the file and line, and fails the build.
Commentary lives in `site_src/commentary/<document id>.md` or `<document id>--<slug>.md`,
with front matter `author`, `date` and optional `title`; several per document are shown in
date order.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .ingest import IngestError, split_front_matter

SHORT_LINK_RE = re.compile(r"\[\[(doc|entity):([^\]|#\s]+)(#[\w-]+)?(?:\|([^\]]+))?\]\]")
# Code shows the syntax rather than using it: fenced blocks and inline code are left alone.
CODE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.M | re.S)
FOOTNOTE_RE = re.compile(r"\[\^([^\]\s]+)\]")
HEADING_RE = re.compile(r"^(#{1,4})(\s)", re.M)
FENCE_RE = re.compile(r"^(```|~~~)")
COMMENTARY_NAME_RE = re.compile(r"^(?P<doc>[^\s]+?)(?:--(?P<slug>[\w-]+))?$")


class EditorialError(ValueError):
    """A problem in an editor's file: the message starts with `file:line`."""


@dataclass(frozen=True)
class Commentary:
    path: Path
    doc_id: str
    author: str
    date: str
    title: str | None
    body: str                      # Markdown, as written
    first_line: int                # line of the body's first line in the file


@dataclass(frozen=True)
class Linker:
    """Resolves short links for a page at `base` (its folder inside docs/)."""

    documents: dict[str, str]      # id -> link text (English title, else original)
    entities: dict[str, str]       # id -> English name

    def resolve(self, markdown: str, base: str, source: Path, first_line: int = 1) -> tuple[str, list[str]]:
        errors: list[str] = []
        offset = 0                                  # where the piece being resolved starts in `markdown`

        def replace(match: re.Match[str]) -> str:
            kind, target, anchor, label = match.group(1), match.group(2), match.group(3) or "", match.group(4)
            names = self.documents if kind == "doc" else self.entities
            if target not in names:
                line = first_line + markdown.count("\n", 0, offset + match.start())
                errors.append(f"{source}:{line}: link to unknown {'document' if kind == 'doc' else 'entity'} "
                              f"{target!r} in {match.group(0)}")
                return match.group(0)
            path = f"{'documents' if kind == 'doc' else 'entities'}/{target}.md"
            text = (label or names[target]).replace("[", "\\[").replace("]", "\\]")
            return f"[{text}]({posixpath.relpath(path, base or '.')}{anchor})"

        pieces = []
        for code in CODE_RE.finditer(markdown):
            pieces += [SHORT_LINK_RE.sub(replace, markdown[offset:code.start()]), code.group(0)]
            offset = code.end()
        pieces.append(SHORT_LINK_RE.sub(replace, markdown[offset:]))
        return "".join(pieces), errors


def load_commentary(folder: Path) -> tuple[dict[str, list[Commentary]], list[str]]:
    """Commentary per document id, in date order, and one error line per malformed file."""
    found: dict[str, list[Commentary]] = {}
    errors: list[str] = []
    if not folder.is_dir():
        return found, errors
    for path in sorted(folder.glob("*.md")):
        try:
            item = read_commentary(path)
        except EditorialError as error:
            errors.append(str(error))
            continue
        found.setdefault(item.doc_id, []).append(item)
    for items in found.values():
        items.sort(key=lambda c: (c.date, c.path.name))
    return found, errors


def read_commentary(path: Path) -> Commentary:
    try:
        meta, body, first_line = split_front_matter(path.read_text(encoding="utf-8"))
    except (IngestError, UnicodeDecodeError) as error:
        raise EditorialError(f"{path}:1: {error}") from None
    doc_id = COMMENTARY_NAME_RE.match(path.stem).group("doc")
    for field in ("author", "date"):
        if not meta.get(field):
            raise EditorialError(f"{path}:1: front matter field {field!r} is missing (who wrote this, and when?)")
    date = meta["date"].isoformat() if isinstance(meta["date"], dt.date) else str(meta["date"])
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        raise EditorialError(f"{path}:1: front matter field 'date' must be YYYY-MM-DD, not {date!r}")
    unknown = set(meta) - {"author", "date", "title"}
    if unknown:
        raise EditorialError(f"{path}:1: front matter field {sorted(unknown)[0]!r} is unknown (author, date, title)")
    title = str(meta["title"]) if meta.get("title") else None
    return Commentary(path, doc_id, str(meta["author"]), date, title, body.strip("\n"), first_line)


def embed(markdown: str, prefix: str, demote: int) -> str:
    """Markdown made safe to place inside a page: headings demoted under the page's section and
    footnote labels prefixed, so two commentaries on one page cannot collide."""
    out, fenced = [], False
    for line in markdown.split("\n"):
        if FENCE_RE.match(line.lstrip()):
            fenced = not fenced
        if not fenced:
            line = HEADING_RE.sub(lambda m: "#" * min(6, len(m.group(1)) + demote) + m.group(2), line)
            line = FOOTNOTE_RE.sub(lambda m: f"[^{prefix}-{m.group(1)}]", line)
        out.append(line)
    return "\n".join(out)
