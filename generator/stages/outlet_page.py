"""Outlet candidates in the page around the article: a labelled source line, a masthead, a
copyright notice, the site name after a repeated headline, the page naming itself."""

from __future__ import annotations

import re

from generator.model.document import Cleaned
from generator.stages.lexicon import lexicon
from generator.stages.outlet_names import LATIN_WORD, MAX_NAME_WORDS, QUOTES, Candidate, candidate, key, vocabulary
from generator.text.normalise import fold, line_key

MASTHEAD_STAFF_WITHIN = 3  # lines after the masthead in which the staff is named
SITE_HEADLINE_MIN_WORDS = 3  # "Headline - Site": the headline part, found elsewhere on the page
NOT_LINES = ("bidi", "hashtags")  # removals that are no line's text of their own
COPYRIGHT_MAX_WORDS = 20  # a notice is short; a longer line that mentions rights is text
SELF_REFERENCE_MAX_WORDS = 20  # a kept line that names the page ("This article first appeared in …")
FOOTER_PARTS_RE = re.compile(r"\s+[|·•]\s+")  # a footer line's parts: the notice, links to other pages
SEPARATOR_RE = re.compile(r"\s[|]\s|(?:^|\s)[-–—](?:\s|$)")
# A byline naming a person: an academic title, or a name followed by a description after a comma.
PERSON_BYLINE_RE = re.compile(r"^\s*(?:dr|prof|doç|د|دکتر|الدكتور)\.?\s|[,،]")
# Years in a copyright notice: "2020", «٢٠٢٥», "2019-2024".
COPYRIGHT_YEAR_RE = re.compile(r"(?<!\w)[0-9٠-٩۰-۹]{4}(?:\s*[-–]\s*[0-9٠-٩۰-۹]{2,4})?(?!\w)")
# The page naming itself in its furniture: follow-us lines, app links, "more from", issue lines.
PAGE_SELF_REFERENCES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:follow|like)\s+(?P<name>.+?)\s+on\s+\w+", re.I),
    re.compile(r"^more\s+from\s+(?P<name>.+?)\s*:", re.I),
    re.compile(r"^(?:download|get)\s+the\s+(?P<name>.+?)\s+app\b", re.I),
    re.compile(r"^(?P<name>[^'’]+?['’]\w{1,4})(?:\s+\([A-Z]{2,6}\))?\s+.*\btakip\s+edin\b", re.I),
    re.compile(r"^(?P<name>.+?)\s+mobil\s+uygulamasını\s+indirin", re.I),
    re.compile(r"^(?P<name>[^,|—–-]+?)\s+(?:dergisi|gazetesi)\s*[,|—–-]", re.I),
    re.compile(r"\bilk\s+(?:kez|defa|olarak)\s+(?P<name>.+?)\s+(?:dergisi|gazetesi|sitesi)(?:nin|nde|nda)?\b", re.I),
    re.compile(
        rf"\b(?:first|originally)\s+(?:published|appeared)\s+(?:in|on|by)\s+(?:the\s+)?"
        rf"(?P<name>{LATIN_WORD}(?:\s+{LATIN_WORD})*)"
    ),
    re.compile(r"^تابعوا\s+(?P<name>.+?)\s+على\s"),
    re.compile(r"^(?P<name>.+?)\s+را\s+در\s+.+\s+دنبال\s+کنید"),
)


def page_candidates(cleaned: Cleaned) -> list[Candidate]:
    found = [*_labelled(cleaned), *_masthead(cleaned), *_page_lines(cleaned), *_split_off(cleaned)]
    return found + _site_names(cleaned, {key(c.name) for c in found})


def _split_off(cleaned: Cleaned) -> list[Candidate]:
    """Site names the cleaner split off a copy of the headline or found above the masthead."""
    lines = _lines(cleaned)
    found = [
        candidate(r.text, "site name", r.line, lines.get(r.line, r.text)) for r in getattr(cleaned, "site_names", ())
    ]
    return [c for c in found if c]


def _labelled(cleaned: Cleaned) -> list[Candidate]:
    """«المصدر: …», "Source: …", «بقلم: …» lines the cleaner set aside as metadata."""
    found = []
    for line in cleaned.metadata_lines:
        value = _label_value(line.text, line.kind)
        if line.kind == "source":
            found.append(candidate(value, "source line", line.line, line.text))
        elif line.kind == "byline" and not PERSON_BYLINE_RE.search(value):
            found.append(candidate(value, "byline", line.line, line.text))
    return [c for c in found if c]


def _label_value(text: str, kind: str) -> str:
    label, colon, value = text.replace("：", ":").partition(":")
    if colon and len(label) <= 40:
        return value
    phrases = next((p for k, _, p in lexicon().labels if k == kind), frozenset())
    tokens = text.split()
    for count in range(min(len(tokens), 4), 0, -1):
        if line_key(" ".join(tokens[:count])) in phrases:
            return " ".join(tokens[count:])
    return text


def _lines(cleaned: Cleaned) -> dict[int, str]:
    """Every line's text by number: removed lines, and each paragraph at its first line."""
    lines: dict[int, str] = {}
    for removal in cleaned.removed:
        if removal.kind not in NOT_LINES:
            lines[removal.line] = f"{lines[removal.line]} {removal.text}" if removal.line in lines else removal.text
    lines.update({p.lines[0]: p.text for p in cleaned.paragraphs})
    return dict(sorted(lines.items()))


def _masthead(cleaned: Cleaned) -> list[Candidate]:
    """A short first line above the paper's staff («رئيس التحرير», "Editor-in-Chief", «سردبیر» …)."""
    numbered = list(_lines(cleaned).items())
    if not numbered or any(p.lines[0] == numbered[0][0] for p in cleaned.paragraphs):
        return []
    number, text = numbered[0]
    if ":" in text or len(text.split()) > MAX_NAME_WORDS:
        return []
    roles = vocabulary().staff_roles
    following = [line_key(t) for _, t in numbered[1 : 1 + MASTHEAD_STAFF_WITHIN]]
    if not any(f == r or f.startswith(r + " ") for f in following for r in roles):
        return []
    found = candidate(text, "masthead", number, text)
    return [found] if found else []


def _page_lines(cleaned: Cleaned) -> list[Candidate]:
    """Copyright notices and the page naming itself, in the lines the cleaner removed."""
    body_end = max((p.lines[1] for p in cleaned.paragraphs), default=0)
    short = [(p.lines[0], p.text) for p in cleaned.paragraphs if len(p.text.split()) <= SELF_REFERENCE_MAX_WORDS]
    found = []
    for number, text in [(r.line, r.text) for r in cleaned.removed if r.kind != "bidi"] + short:
        name = _copyright_name(text, below_body=number > body_end)
        if name is not None:
            found.append(candidate(name, "copyright", number, text))
            continue
        for pattern in PAGE_SELF_REFERENCES:
            if match := pattern.search(text):
                found.append(_latin_checked(match.group("name"), "self-reference", number, text))
                break
    return [c for c in found if c]


def _latin_checked(name: str, position: str, line: int, text: str) -> Candidate | None:
    """Names in Latin script are capitalised ("Follow us on …" names nobody)."""
    first = name.strip(QUOTES + " ")[:1]
    if first.isascii() and first.isalpha() and not first.isupper():
        return None
    return candidate(name, position, line, text)


def _copyright_name(text: str, below_body: bool) -> str | None:
    """What a copyright notice leaves once marks, rights phrases, years and connectors are out;
    None when the line is no notice (a bare mark above the body credits a photograph)."""
    vocab = vocabulary()
    folded, text_key = fold(text), f" {line_key(text)} "
    if len(text_key.split()) > COPYRIGHT_MAX_WORDS:
        return None
    has_rights = any(f" {phrase} " in text_key for phrase in vocab.rights)
    if not has_rights and not (below_body and any(m in folded for m in vocab.marks)):
        return None
    rest = COPYRIGHT_YEAR_RE.sub(" ", _notice_parts(text).replace("©", " © "))
    for phrase in (*vocab.marks, *vocab.rights):
        rest = _remove_phrase(rest, phrase)
    return _strip_connectors(rest, vocab.connectors)


def _notice_parts(text: str) -> str:
    """The parts of a footer line that make the notice, without the links beside it ("X © 2022 All
    rights reserved | Privacy policy | Contact us")."""
    vocab = vocabulary()
    parts = FOOTER_PARTS_RE.split(text)
    notice = [
        part
        for part in parts
        if any(m in fold(part) for m in vocab.marks) or any(f" {p} " in f" {line_key(part)} " for p in vocab.rights)
    ]
    return " ".join(notice) if notice else text


def _remove_phrase(text: str, phrase: str) -> str:
    """`text` without `phrase`, compared word by word after folding (so «کلیه حقوق» matches «كليه حقوق»)."""
    tokens = text.split()
    size = len(phrase.split())
    for start in range(len(tokens) - size + 1):
        window = tokens[start : start + size]
        if line_key(" ".join(window)) == phrase or (size == 1 and fold(window[0]).strip(".,|-–—") == phrase):
            return _remove_phrase(" ".join(tokens[:start] + tokens[start + size :]), phrase)
    return text


def _strip_connectors(text: str, connectors: tuple[str, ...]) -> str:
    tokens = [t for t in SEPARATOR_RE.sub(" ", text).split() if t.strip(".,|-–—")]
    changed = True
    while tokens and changed:
        changed = False
        for connector in connectors:
            size = len(connector.split())
            if line_key(" ".join(tokens[:size])) == connector:
                tokens, changed = tokens[size:], True
            elif line_key(" ".join(tokens[-size:])) == connector:
                tokens, changed = tokens[:-size], True
    return " ".join(tokens)


def _site_names(cleaned: Cleaned, names: set[str]) -> list[Candidate]:
    """ "Headline - Site" / "Headline | Site": the headline found elsewhere on the page (not "Site —
    tagline": a part that another position names is the site, not a headline)."""
    keys = {number: line_key(text) for number, text in _lines(cleaned).items()}
    body = min((p.lines[0] for p in cleaned.paragraphs), default=max(keys, default=0) + 1)
    found = []
    for number, text in _lines(cleaned).items():
        head, separator, site = _split_last(text)
        head_key = line_key(head)
        if number > body or not separator or len(head_key.split()) < SITE_HEADLINE_MIN_WORDS or key(head) in names:
            continue  # the page's title stands above the article
        others = [k for n, k in keys.items() if n != number]
        if cleaned.title and cleaned.title != text:
            others.append(line_key(cleaned.title))
        if any(head_key in other for other in others):
            found.append(_latin_checked(site, "site name", number, text))
    for removal in cleaned.removed:  # a site name the cleaner split off the headline
        split_off = removal.line == cleaned.title_line and removal.text != cleaned.title
        if split_off and removal.kind not in (*NOT_LINES, "title"):
            found.append(candidate(removal.text, "site name", removal.line, removal.text))
    return [c for c in found if c]


def _split_last(text: str) -> tuple[str, str, str]:
    matches = list(re.finditer(r"\s[-–—|]\s", text))
    if not matches:
        return text, "", ""
    last = matches[-1]
    return text[: last.start()], last.group(), text[last.end() :]
