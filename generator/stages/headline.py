"""The lines above the article body: which is the headline, which the standfirst (the
sub-headline, kept as the first paragraph), and what the others are (site name and its tagline,
kicker or section label, breadcrumb, image caption, dateline). The title is never a masthead, a date line, a
breadcrumb, a kicker, a caption or a metadata prefix, and loses a site name written after it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model.document import Removal
from generator.stages import furniture
from generator.stages.lexicon import Lexicon
from generator.stages.lines import Line
from generator.text.normalise import ends_sentence, line_key, words

HEADLINE_PREFERRED_WORDS = 4  # mastheads and section names are shorter: prefer a header line this long
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 40  # longer is a standfirst or a paragraph
STANDFIRST_MIN_WORDS = 5  # «وج – طرابلس», "Site - Section" are shorter
KICKER_MAX_WORDS = 2  # any line this short above the headline is a label
LABEL_MAX_WORDS = 5  # all-capitals labels ("SON DAKİKA", "BREAKING NEWS")
SITE_LINE_MAX_WORDS = 12  # "Site — an independent research newsletter"
SITE_NAME_MIN_CHARS = 6  # a shorter name found in the copyright notice could be any word
MASTHEAD_DISTANCE = 3  # a site name sits at most this many lines above its masthead's role lines
KICKER_END_RE = re.compile(r"[:؛;：]\s*$")
HASHTAG_RE = re.compile(r"(?<!\w)#[^\s#]+")
TAGLINE_MAX_WORDS = 12  # "an independent Libyan e-newspaper", «خبرگزاری مستقل منطقه»
TAGLINE_NOUN_WITHIN = 3  # the publication noun comes first (after an article and adjectives: "a monthly …")
ARABIC_SCRIPT_RE = re.compile("[\u0600-\u06ff]")
DURING_WITHIN_WORDS = 6  # "X during Y": the "during" comes right after the subject
SITE_PART_RE = re.compile(r"\s+[—–\-|]\s+|\s*\|\s*")  # "Site | tagline" on the page's first line
GENERIC = "above the article body (kicker, caption, dateline or menu)"
KICKER = "short label next to the headline (kicker, section name or dateline)"
TAGLINE = "the site's description of itself under or beside its name (masthead)"


# Verb cues for "verbless" captions (folded forms).
ARABIC_IMPERFECT_RE = re.compile(r"^(?:[وف])?[يت][\u0621-\u064a]{2,}$")
PERSIAN_FINAL_VERBS = frozenset(
    {"كرد", "كردند", "شد", "شدند", "است", "اند", "كند", "كنند", "دارد", "داد", "گفت", "رفت"}
)
TURKISH_FINITE_RE = re.compile(r"(?:d[ıiuü]|t[ıiuü]|yor|[ae]cak|[ae]cek|m[ıiuü]ş|d[ıiuü]r|t[ıiuü]r)$")
ENGLISH_VERBS = frozenset({"is", "are", "was", "were", "says", "said", "has", "have", "had", "will", "tells", "told"})


Label = tuple[str, str] | None  # (removal kind, reason) of a header line, or None


@dataclass(frozen=True)
class Context:
    """What the rest of the page says about the header: the metadata prefixes split off lines,
    the line numbers of masthead role lines, and site names known from elsewhere (keys)."""

    prefixes: dict[int, str]
    masthead_lines: frozenset[int]
    site_names: frozenset[str]
    copyright_keys: tuple[str, ...]


@dataclass
class Header:
    title: Line | None = None
    title_text: str | None = None
    title_reason: str = "headline, shown as the page title"
    standfirst: Line | None = None
    removals: list[tuple[Line, str, str]] = field(default_factory=list)  # (line, kind, reason)
    site_names: list[Removal] = field(default_factory=list)  # outlet candidates (kind "source")


def read_header(lines: list[Line], lex: Lexicon, context: Context, taglines: bool = True) -> Header:
    """The header's lines sorted; with `taglines` False, a line shaped like the site's tagline may
    be the headline (when no other line can be)."""
    header = Header()
    classes = [_label(line, index, lex, context) for index, line in enumerate(lines)]
    classes = _taglines(lines, classes, lex, context) if taglines else classes
    title_index = _title_index(lines, classes, context)
    for index, (line, label) in enumerate(zip(lines, classes, strict=True)):
        if index == title_index:
            _set_title(header, line, lex, context)
        elif label is not None:
            header.removals.append((line, *label))
            if label[0] == "masthead" and label[1] != TAGLINE:
                name = _known_site(line.text, context) or _site_part(line.text, lex) or line.text
                header.site_names.append(Removal(line.number, name, "site name in the page header", "source"))
        elif title_index is not None and index > title_index:
            _after_title(header, line, lex)
        else:
            header.removals.append((line, "header", GENERIC))
    return header


def _label(line: Line, index: int, lex: Lexicon, context: Context) -> tuple[str, str] | None:
    """What a header line is, when its form says so: site name, kicker, caption."""
    text, key = line.text, line.key
    count = len(words(text))
    if index == 0 and _site_name(line, context) and line.number not in context.prefixes:
        return ("masthead", "site name (masthead)")
    if _known_site(text, context) is not None:
        return ("masthead", "site name (masthead)")
    if furniture.photo_caption(text, lex):
        return ("caption", "image caption")
    if line.number in context.prefixes:
        return None
    if count <= KICKER_MAX_WORDS or KICKER_END_RE.search(text) or furniture.section_label(key, lex):
        return ("kicker", KICKER)
    if count <= LABEL_MAX_WORDS and _capitals(text):
        return ("kicker", KICKER)
    if furniture.menu(text):
        return ("navigation", "site menu or breadcrumb")
    return None


def _taglines(lines: list[Line], classes: list[Label], lex: Lexicon, context: Context) -> list[Label]:
    """The site's tagline: beside its name on the page's first line ("Site | an independent daily"),
    or on the line right under the site's name (which a short first line is, then)."""
    found = list(classes)
    for i, line in enumerate(lines):
        label = found[i]
        if (label is not None and label[0] != "kicker") or line.number in context.prefixes:
            continue
        previous = found[i - 1] if i and lines[i - 1].last + 1 == line.number else None
        named = i == 1 and not furniture.section_label(lines[0].key, lex)  # a site's name, not "BREAKING"
        under_site = previous is not None and (previous[0] == "masthead" or (named and previous[0] == "kicker"))
        if i == 0 and _site_part(line.text, lex):
            found[i] = ("masthead", "site name and its tagline (masthead)")
        elif under_site and tagline(line.text, lex):
            found[i] = ("masthead", TAGLINE)
            found[i - 1] = ("masthead", "site name (masthead)")  # the short line above names the site
    return found


def _site_part(text: str, lex: Lexicon) -> str | None:
    """The site's name on a line "Site | tagline": a short name, a longer tagline after it."""
    parts = SITE_PART_RE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    name, rest = parts
    size = len(words(name))
    return (
        name if 0 < size <= furniture.SITE_NAME_MAX_WORDS and size < len(words(rest)) and tagline(rest, lex) else None
    )


def tagline(text: str, lex: Lexicon) -> bool:
    """A site's description of itself: a short line that is no sentence, naming what kind of
    publication the site is first («صحيفة إلكترونية مستقلة», «خبرگزاری …», "an independent daily …",
    "Independent news from …") or last ("Aylık haber dergisi")."""
    tokens = line_key(text).split()
    if not 2 <= len(tokens) <= TAGLINE_MAX_WORDS or ends_sentence(text) or re.search(r"[:：«»\"“”?؟!]", text):
        return False
    if {tokens[-1], " ".join(tokens[-2:])} & lex.publications_last:  # "Haftalık haber dergisi"
        return True
    if ARABIC_SCRIPT_RE.match(tokens[0]):  # Arabic, Persian: the noun first, «صحيفة يومية مستقلة»
        return bool({tokens[0], " ".join(tokens[:2])} & lex.publications)
    # Latin script: an article or a describing word ("an independent daily", "Independent news from …")
    start = 1 if tokens[0] in lex.describers else 0
    phrases = {" ".join(tokens[i : i + n]) for i in range(start, start + TAGLINE_NOUN_WITHIN) for n in (1, 2)}
    return bool(phrases & lex.publications) and not lex.describers.isdisjoint(tokens)


def _site_name(line: Line, context: Context) -> bool:
    """The page's first line, a few words, right above the masthead's role lines."""
    return len(words(line.text)) <= furniture.SITE_NAME_MAX_WORDS and any(
        line.last < number <= line.last + MASTHEAD_DISTANCE for number in context.masthead_lines
    )


def _known_site(text: str, context: Context) -> str | None:
    """The site's name known from elsewhere on the page (a name after a copy of the headline, the
    copyright notice), when the line is that name or starts with it: "Site — an independent newsletter"."""
    if len(words(text)) > SITE_LINE_MAX_WORDS:
        return None
    first = re.split(r"\s+[—–\-|]\s+|,\s", text.strip(), maxsplit=1)[0]
    return next(
        (
            part
            for part in (text.strip(), first)
            if len(words(part)) <= furniture.SITE_NAME_MAX_WORDS
            and (line_key(part) in context.site_names or _in_copyright(part, context))
        ),
        None,
    )


def _in_copyright(text: str, context: Context) -> bool:
    """Whether the text is a name written in the page's copyright notice."""
    key = line_key(text)
    return len(key) >= SITE_NAME_MIN_CHARS and any(f" {key} " in f" {notice} " for notice in context.copyright_keys)


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _title_index(lines: list[Line], classes: list[tuple[str, str] | None], context: Context) -> int | None:
    """A line carrying a machine metadata prefix is the headline; else the first free line of four
    words or more (mastheads and section names are shorter), else of three."""
    free = [i for i, label in enumerate(classes) if label is None]
    for i in free:
        if lines[i].number in context.prefixes:
            return i
    for minimum in (HEADLINE_PREFERRED_WORDS, HEADLINE_MIN_WORDS):
        for i in free:
            if minimum <= len(words(_strip_hashtags(lines[i].text)[0])) <= HEADLINE_MAX_WORDS:
                return i
    return None


def _set_title(header: Header, line: Line, lex: Lexicon, context: Context) -> None:
    text, hashtags = _strip_hashtags(line.text)
    notes = []
    if line.number in context.prefixes:
        notes.append(f"metadata prefix «{context.prefixes[line.number]}» removed, its date read")
    split = furniture.site_suffix(text)
    if split is not None and _is_site_name(split, lex, context):
        text = split.headline
        if furniture.section_label(line_key(split.metadata), lex):
            notes.append(f"label «{split.metadata}» removed")
        else:
            notes.append(f"site name «{split.metadata}» removed")
            header.site_names.append(Removal(line.number, split.metadata, "site name after the headline", "source"))
    if hashtags:
        notes.append(f"hashtags removed: {' '.join(hashtags)}")
    header.title, header.title_text = line, text
    header.title_reason = "headline, shown as the page title" + (f" ({'; '.join(notes)})" if notes else "")


def _is_site_name(split: furniture.Split, lex: Lexicon, context: Context) -> bool:
    """A name after the headline is the site's when written after " | ", known from elsewhere on
    the page, or a label such as «خبر عاجل»; after a dash it may be part of the headline."""
    key = line_key(split.metadata)
    return (
        split.separator == "|"
        or key in context.site_names
        or _in_copyright(split.metadata, context)
        or furniture.section_label(key, lex)
    )


def _after_title(header: Header, line: Line, lex: Lexicon) -> None:
    """Below the headline: a caption (with a credit or a date, or "X during Y"), the standfirst
    (once), or a dateline."""
    text = line.text
    if furniture.credit_caption(text) or furniture.dated_caption(text, lex):
        header.removals.append((line, "caption", "image caption (credit or date)"))
    elif _during_caption(text, line.key, lex):
        header.removals.append((line, "caption", "image caption"))
    elif header.standfirst is None and len(words(line.text)) >= STANDFIRST_MIN_WORDS:
        header.standfirst = line
    else:
        header.removals.append((line, "header", GENERIC))


def _strip_hashtags(text: str) -> tuple[str, list[str]]:
    tags = HASHTAG_RE.findall(text)
    return (" ".join(HASHTAG_RE.sub(" ", text).split()), tags) if tags else (text, [])


def _during_caption(text: str, key: str, lex: Lexicon) -> bool:
    """ "X during Y", verbless, without a full stop: «وزير الدفاع خلال جولته على الرصيف», "Akar during
    his visit to the base"; not "Akar said during his visit that …" (a standfirst)."""
    tokens = key.split()
    during = next((i for i, t in enumerate(tokens[: DURING_WITHIN_WORDS + 1]) if i and t in lex.during), None)
    return (
        during is not None
        and not ends_sentence(text)
        and len(tokens) <= furniture.CAPTION_MAX_WORDS
        and not any(_verb_like(t) for t in tokens[:during])
        and not _verb_like(tokens[-1], final=True)
    )


def _verb_like(token: str, final: bool = False) -> bool:
    """Cues of a finite verb (folded tokens): an Arabic imperfect prefix («يلتقي», «تبحث»), the
    Persian «مي» prefix or a Persian or Turkish verb ending the line, English -ed forms and auxiliaries."""
    if final:
        return token in PERSIAN_FINAL_VERBS or bool(TURKISH_FINITE_RE.search(token))
    return (
        bool(ARABIC_IMPERFECT_RE.match(token))
        or token.startswith("مي")
        or token in ENGLISH_VERBS
        or token.endswith("ed")
    )
