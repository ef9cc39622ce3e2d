"""Embedded posts (tweets and the like) scraped into the text: the post's words stay as a quoted
paragraph; its byline ("— Name (@handle) April 12, 2021") and picture link are read here, to be
shown with the quotation, not as prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

EMBED_RE = re.compile(
    r"^(?:(?P<link>(?:https?://)?pic\.twitter\.com/\S+)\s*)?(?:[—–-]|a post shared by)\s*"
    r"(?P<name>[^()]{1,80}?)\s*\((?P<handle>@[\w.]{1,30})\)\s*(?P<date>.*)$",
    re.I,
)
LINK_RE = re.compile(r"^(?:https?://)?(?:pic\.twitter\.com|t\.co|pic\.x\.com)/\S+$", re.I)


@dataclass(frozen=True)
class Embed:
    """An embedded post's byline: "— Name (@handle) April 12, 2021"."""

    attribution: str  # "Name (@handle), April 12, 2021"
    links: tuple[str, ...]


def embed_byline(text: str) -> Embed | None:
    match = EMBED_RE.match(text.strip())
    if match is None:
        return None
    name, handle, date = match.group("name").strip(), match.group("handle"), match.group("date").strip()
    links = (link_address(match.group("link")),) if match.group("link") else ()
    return Embed(f"{name} ({handle})" + (f", {date}" if date else ""), links)


def embed_link(text: str) -> str | None:
    """The address of a line that is only a post's picture link ("pic.twitter.com/…")."""
    return link_address(text.strip()) if LINK_RE.match(text.strip()) else None


def link_address(text: str) -> str:
    return text if re.match(r"https?://", text, re.I) else f"https://{text}"
