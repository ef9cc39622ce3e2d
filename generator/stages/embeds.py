"""Embedded posts (tweets and the like) scraped into the text: the post's words stay as a quoted
paragraph; its byline ("— Name (@handle) April 12, 2021") and picture link are read here, to be
shown with the quotation, not as prose. Posts of other platforms carry an attribution of dot-parted
parts ("Page · Facebook · 8 November 2023 at 14:05", «📡 کانال … · t.me/… · ۲۹ فروردین ۱۴۰۳»),
then maybe a link to the post ("See more on Facebook") and its reactions ("👍 Like · 💬 Comment")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.stages.furniture import date_line
from generator.stages.lexicon import Lexicon
from generator.text.normalise import ends_sentence, line_key, words

EMBED_RE = re.compile(
    r"^(?:(?P<link>(?:https?://)?pic\.twitter\.com/\S+)\s*)?(?:[—–-]|a post shared by)\s*"
    r"(?P<name>[^()]{1,80}?)\s*\((?P<handle>@[\w.]{1,30})\)\s*(?P<date>.*)$",
    re.I,
)
LINK_RE = re.compile(r"^(?:https?://)?(?:pic\.twitter\.com|t\.co|pic\.x\.com)/\S+$", re.I)
POST_ADDRESS_RE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|facebook\.com|fb\.com|fb\.watch|instagram\.com|youtube\.com|"
    r"youtu\.be|tiktok\.com|x\.com|twitter\.com)/\S+",
    re.I,
)
PARTS_RE = re.compile(r"\s+[·•|]\s+")
ATTRIBUTION_MAX_WORDS = 25
EXTRA_MAX_WORDS = 10  # "See more on Facebook", «👁 ۱۲.۴K بازدید»
COUNT_RE = re.compile(r"^\d+[km]?$")  # "12", "4k" (a count of views or likes, after folding)


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


def post_attribution(text: str, lex: Lexicon) -> Embed | None:
    """The attribution under a post of another platform: two or more dot-parted parts, one naming the
    platform, an official page or a channel (or the post's address), and a date or the address."""
    if len(words(text)) > ATTRIBUTION_MAX_WORDS or ends_sentence(text):
        return None
    parts = [part.strip() for part in PARTS_RE.split(text.strip()) if part.strip()]
    address = next((found.group(0) for found in map(POST_ADDRESS_RE.search, parts) if found), None)
    platform = address is not None or any(_platform(part, lex) for part in parts)
    if len(parts) < 2 or not platform or not (address or any(date_line(part, lex) for part in parts)):
        return None
    shown = [re.sub(r"^[^\w«\"“]+", "", part) for part in parts if any(ch.isalnum() for ch in part)]
    return Embed(" · ".join(shown), (link_address(address),) if address else ())


def post_extra(text: str, lex: Lexicon) -> bool:
    """Under a post's attribution: a link to the post ("See more on Facebook", «مشاهده در تلگرام»)
    or its reactions ("👍 Like · 💬 Comment", «👁 ۱۲.۴K بازدید»)."""
    key = line_key(text)
    tokens = key.split()
    if not tokens or len(tokens) > EXTRA_MAX_WORDS:
        return False
    if any(key == phrase or key.startswith(phrase + " ") for phrase in lex.post_links):
        return True
    reactions = [t for t in tokens if t in lex.post_reactions]
    return bool(reactions) and all(t in lex.post_reactions or COUNT_RE.match(t) for t in tokens)


def _platform(part: str, lex: Lexicon) -> bool:
    tokens = line_key(part).split()
    return any(" ".join(tokens[i : i + n]) in lex.platforms for i in range(len(tokens)) for n in (1, 2))
