"""Page furniture recognised by its form, not by its words alone: masthead role lines and the
names under them (several roles on one line too), date-and-time header lines, bare tag lists,
teasers of other articles ("… Read more", "Headline →"), image captions, closing notes, newsletter
sign-ups, menus and breadcrumbs ("World › Africa › Libya"), and the metadata a page adds around its
headline (a machine prefix "date 2021-04-12 Politics …", "Posted: 2021-04-12 :: Politics :: …",
a site name after " - " or " | "). Pure functions of a line and the vocabulary (generator/data/boilerplate.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.stages.lexicon import Lexicon
from generator.text.normalise import ends_sentence, fold, fold_words, line_key, words

MASTHEAD_NAME_MAX_WORDS = 5  # "Editor-in-Chief: Jane Roe" — a name, not a sentence
MASTHEAD_NEXT_NAME_MAX_WORDS = 4  # the name alone on the line under a bare role
DATE_LINE_MAX_WORDS = 14
ISSUE_LINE_MAX_WORDS = 10  # "Monthly Brief | April 2021", "Magazine, Issue 41 — March 2023"
TAG_MAX_WORDS = 4  # words of one tag
TAG_MIN_ITEMS = 4  # ... or 3 tags of at most two words
TEASER_MAX_WORDS = 30
CAPTION_MAX_WORDS = 35
CREDIT_MAX_WORDS = 6  # "(AFP)", «(المكتب الإعلامي للقيادة العامة)»
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 3
BREADCRUMB_ITEM_MAX_WORDS = 5  # "World › Middle East & North Africa › Libya": a section path has longer items
NOTE_MAX_WORDS = 25
SIGNUP_MAX_WORDS = 15
SITE_NAME_MAX_WORDS = 5
# Date words that are no weekday or month (clock words, "the 3rd of July"): a line with them need not say when.
CLOCK_WORDS = frozenset(
    {"the", "of", "at", "am", "pm", "a", "p", "m", "gmt", "utc", "ص", "م", "هـ", "saat", "ساعت", "الساعه"}
)
YEARS = range(1300, 2101)  # Gregorian and Solar Hijri years
DIGIT = "[0-9٠-٩۰-۹]"
_YMD = rf"{DIGIT}{{4}}\s*[-/.]\s*{DIGIT}{{1,2}}\s*[-/.]\s*{DIGIT}{{1,2}}"
_DMY = rf"{DIGIT}{{1,2}}\s*[-/.]\s*{DIGIT}{{1,2}}\s*[-/.]\s*{DIGIT}{{4}}"
NUMERIC_DATE = rf"(?:{_YMD}|{_DMY})"
PREFIX_RE = re.compile(
    rf"^(?P<label>[^\d٠-٩۰-۹|:：]{{0,30}}?)\s*[:：]?\s*(?P<date>{NUMERIC_DATE})(?P<after>(?!{DIGIT}).*)$"
)
# Separators of a metadata prefix's parts: bars, spaced dashes, breadcrumb arrows and double colons.
PREFIX_SEPARATOR_RE = re.compile(r"\s*(\||::|[›»◄►⟩〉•·/>])\s*|\s+([\-–—])\s+")
SECTION_TEXT_RE = re.compile(r"^[^\d٠-٩۰-۹«»\"“”„()\[\]:：]+$")  # a section name: no digit, quotation or bracket
SUFFIX_RE = re.compile(r"^(?P<head>.+)\s+(?P<sep>[|\-–—])\s+(?P<tail>[^|\-–—]+)$")
SEGMENT_RE = re.compile(r"\s+[|\-–—]\s+|\s*\|\s*|\s*[,،]\s+")
MENU_RE = re.compile(r"\s*(?:[|›»>•·◄►⟩〉]|::)\s*")
BREADCRUMB_RE = re.compile(r"\s(?:[›◄►⟩〉]|::)\s")  # spaced separators of a section path (not a menu's bar)
MASTHEAD_ROLES_RE = re.compile(r"\s+[|•·]\s+|\s*\|\s*")  # several roles on one line
ARROW_END_RE = re.compile(r"\s(?:→|➜|➔|⟶|►|›|»)\s*$")  # a link to another article: "Headline →"
CREDIT_RE = re.compile(r"\(([^()]{1,60})\)\s*$")
TAGS_RE = re.compile(r"\s*[,،]\s*")
ELLIPSIS_RE = re.compile(r"(?:\.{2,}|…)\s*$")
TEASER_MARK_RE = re.compile(r"(?:\.{2,}|…|[-–—|:»])\s*$")  # before a one-word "more": «… المزيد»


@dataclass(frozen=True)
class Split:
    """A line cut in two: the metadata part (a prefix or a site name) and the headline part."""

    metadata: str
    headline: str
    separator: str = ""


def masthead_role(text: str, key: str, lex: Lexicon) -> str | None:
    """ "bare" for a role alone (its name is on the next line), "named" for role, colon and name;
    several named roles on one line, parted by bars or dots, are "named" too."""
    parts = [part for part in MASTHEAD_ROLES_RE.split(text.strip()) if part.strip()]
    if len(parts) > 1:
        return "named" if all(_one_role(part, line_key(part), lex) == "named" for part in parts) else None
    return _one_role(text, key, lex)


def _one_role(text: str, key: str, lex: Lexicon) -> str | None:
    role = next((p for p in _prefixes(key, 5) if p in lex.roles), None)
    if role is None or ends_sentence(text):
        return None
    rest = key[len(role) :].split()
    if not rest:
        return "bare"
    separated = re.search(r"[:：\-–—]\s*\S", text) is not None
    if separated and len(rest) <= MASTHEAD_NAME_MAX_WORDS and not any(ch.isdigit() for ch in "".join(rest)):
        return "named"
    return None


def masthead_name(text: str, key: str, lex: Lexicon) -> bool:
    """The name on the line under a bare role: a few words, no digits, not a sentence."""
    count = len(key.split())
    return (
        0 < count <= MASTHEAD_NEXT_NAME_MAX_WORDS
        and not any(ch.isdigit() for ch in key)
        and not ends_sentence(text)
        and masthead_role(text, key, lex) is None
    )


def date_line(text: str, lex: Lexicon) -> bool:
    """A line made of a date and maybe a weekday and a clock time: «الأحد 12 أبريل 2021 - 10:45 ص»,
    "Monday, April 12, 2021 2:05 PM", «۲۹ تیر ۱۴۰۲ - ۱۴:۱۰», "۱۴۰۲/۰۶/۱۶"."""
    tokens = fold_words(text)
    if not tokens or len(tokens) > DATE_LINE_MAX_WORDS:
        return False
    numbers = [t for t in tokens if t.isdigit()]
    named = sum(t in lex.date_words for t in tokens)
    unknown = len(tokens) - len(numbers) - named - sum(bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", t)) for t in tokens)
    has_year = any(len(t) == 4 and int(t) in YEARS for t in numbers)
    return has_year and (named > 0 or len(numbers) >= 3) and unknown <= (1 if len(tokens) >= 4 else 0)


def says_when(key: str, lex: Lexicon) -> bool:
    """Whether a line names a day, a month or "today", as a news lede does."""
    return any((t in lex.date_words and t not in CLOCK_WORDS) or t in lex.time_words for t in key.split())


def issue_line(text: str, lex: Lexicon) -> bool:
    """A short line whose first or last part is a date or a year: "Monthly Brief | April 2021",
    "Policy Brief No. 7 | 2022", "Magazine, Issue 41 — March 2023"."""
    if len(words(text)) > ISSUE_LINE_MAX_WORDS or ends_sentence(text):
        return False
    parts = [p for p in SEGMENT_RE.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return False
    return any(date_line(p, lex) or _year(p) for p in (parts[0], parts[-1]))


def tag_list(text: str) -> bool:
    """A bare comma-separated tag list: «ليبيا، تركيا، الدبيبة، أردوغان», "Libya, Turkey, Haftar, GNA"."""
    if ends_sentence(text) or re.search(r"[:：;؛]", text):
        return False
    items = [item for item in TAGS_RE.split(text.strip()) if item]
    sizes = [len(words(item)) for item in items]
    if len(items) < 3 or not all(1 <= size <= TAG_MAX_WORDS for size in sizes):
        return False
    return len(items) >= TAG_MIN_ITEMS or max(sizes) <= 2


def teaser(text: str, key: str, lex: Lexicon) -> bool:
    """Another article's headline ending in "Read more", «… المزيد», "Devamını oku", «بیشتر بخوانید»."""
    count = len(key.split())
    if count > TEASER_MAX_WORDS:
        return False
    if ARROW_END_RE.search(text) and count >= 3 and "«" not in text and not ends_sentence(ARROW_END_RE.sub("", text)):
        return True
    for phrase in lex.read_more:
        size = phrase.count(" ") + 1
        if (
            key.endswith(" " + phrase)
            and count > size + 1
            and (size > 1 or TEASER_MARK_RE.search(_before_last_word(text)))
        ):
            return True
    return False


def _before_last_word(text: str) -> str:
    return text.rstrip(" .…»").rsplit(None, 1)[0] if " " in text.strip() else ""


def photo_caption(text: str, lex: Lexicon) -> bool:
    """A caption with a photo credit label: "… Photo: AA", «… - عکس: …», "(Fotoğraf: MSB)"."""
    return lex.photo is not None and len(words(text)) <= CAPTION_MAX_WORDS and bool(lex.photo.search(fold(text)))


def credit_caption(text: str) -> bool:
    """A short line ending in a parenthesised credit: «… (أ ف ب)», «… (الرئاسة المصرية)»."""
    match = CREDIT_RE.search(text)
    return (
        match is not None
        and len(words(text)) <= CAPTION_MAX_WORDS
        and 0 < len(words(match.group(1))) <= CREDIT_MAX_WORDS
        and len(words(text[: match.start()])) >= 2
    )


def dated_caption(text: str, lex: Lexicon) -> bool:
    """A caption ending with the photo's date: «… في طرابلس - 2020/07/03»."""
    parts = re.split(r"\s+[\-–—|]\s+", text.strip())
    return len(parts) >= 2 and len(words(parts[0])) >= 3 and (date_line(parts[-1], lex) or _year(parts[-1]))


def menu(text: str) -> bool:
    """A menu or breadcrumb: «الرئيسية › أخبار ليبيا › الشرق», "Home | World | Politics | Sport"."""
    items = [item for item in MENU_RE.split(text.strip()) if item]
    longest = BREADCRUMB_ITEM_MAX_WORDS if BREADCRUMB_RE.search(text) else MENU_ITEM_MAX_WORDS
    return (
        len(items) >= MENU_MIN_ITEMS
        and not ends_sentence(text)
        and all(0 < len(words(item)) <= longest for item in items)
    )


def signup(text: str, lex: Lexicon) -> bool:
    """A newsletter sign-up line: "Get the … in your inbox", "Enter your email address", «للاشتراك …»."""
    count = len(words(text))
    return (
        lex.signup is not None
        and count <= SIGNUP_MAX_WORDS
        and (count <= NOTE_MAX_WORDS // 2 or not ends_sentence(text))
        and bool(lex.signup.search(fold(text)))
    )


def note(text: str, lex: Lexicon) -> bool:
    """A closing note: the story was cut, first published elsewhere, or is for subscribers."""
    return lex.notes is not None and len(words(text)) <= NOTE_MAX_WORDS and bool(lex.notes.search(fold(text)))


def copyright_line(text: str, lex: Lexicon) -> bool:
    return lex.copyright is not None and len(words(text)) <= NOTE_MAX_WORDS and bool(lex.copyright.search(fold(text)))


def section_label(key: str, lex: Lexicon) -> bool:
    """A line made of section names: «سیاست خارجی», "World", «عربي ودولي», "Middle East and North Africa"."""
    tokens = [t for t in key.split() if t not in ("و", "and", "ve", "&")]
    return bool(tokens) and _covered(tokens, lex.sections)


def metadata_prefix(text: str, lex: Lexicon) -> Split | None:
    """A machine-added prefix on the headline's line: a date label (or none), a numeric date, maybe
    section names; "date 2021-04-12 Politics Dbeibah arrives in Ankara" → the prefix and the headline."""
    match = PREFIX_RE.match(text.strip())
    if match is None or (line_key(match.group("label")) not in lex.prefix_labels | {""}):
        return None
    after = match.group("after")
    separator = PREFIX_SEPARATOR_RE.match(after)
    if separator is not None:
        headline = _after_sections(after[separator.end() :], separator.group(1) or separator.group(2))
    else:
        tokens = after.split()
        skip = next((n for n in (3, 2, 1) if line_key(" ".join(tokens[:n])) in lex.sections), 0)
        headline = " ".join(tokens[skip:])
    headline = headline.strip()
    if len(words(headline)) < 3 or date_line(headline, lex) or not text.strip().endswith(headline):
        return None
    return Split(text.strip()[: -len(headline)].rstrip(), headline)


def _after_sections(text: str, separator: str) -> str:
    """The headline after a prefix's section names ("Security :: Headline", «سیاسی ⟩ …»): the parts
    before the separator that are a few words, no quotation or bracket, are sections."""
    pattern = re.compile(rf"\s+{re.escape(separator)}\s+" if separator in "-–—" else rf"\s*{re.escape(separator)}\s*")
    for _ in range(3):
        found = pattern.search(text)
        part = text[: found.start()].strip() if found else ""
        if found is None or not 0 < len(words(part)) <= 3 or not SECTION_TEXT_RE.match(part):
            break
        text = text[found.end() :]
    return text


def site_suffix(text: str) -> Split | None:
    """A headline with a name after " - " or " | ": "Dbeibah in Ankara | Daily Site" → name and headline."""
    match = SUFFIX_RE.match(text.strip())
    if match is None:
        return None
    head, tail = match.group("head").strip(), match.group("tail").strip()
    if len(words(head)) < 3 or not 0 < len(words(tail)) <= SITE_NAME_MAX_WORDS or ends_sentence(tail):
        return None
    return Split(tail, head, match.group("sep"))


def truncated(text: str) -> bool:
    """A line cut short with an ellipsis: "Libya's new prime minister brings 14 ministers to the…"."""
    return bool(ELLIPSIS_RE.search(text))


def _prefixes(key: str, longest: int) -> list[str]:
    parts = key.split(" ", longest)[:longest]
    return [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _covered(tokens: list[str], phrases: frozenset[str]) -> bool:
    """Whether the tokens split into phrases of the set (each of at most three words)."""
    if not tokens:
        return True
    return any(" ".join(tokens[:n]) in phrases and _covered(tokens[n:], phrases) for n in (3, 2, 1))


def _year(text: str) -> bool:
    tokens = fold_words(text)
    return len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) == 4 and int(tokens[0]) in YEARS
