"""Clean: separate the article from the web page around it.

General signals only, never rules for particular files:
  * repetition     - a line seen before (exactly, inside a longer line, cut short with "…", or with
                     the site's name appended) is dropped;
  * section markers - «اقرأ أيضاً», «نظر شما», "Related", «انتهى» … on a line of their own end the article;
  * labels         - source, byline, date and tag lines are read for metadata, then dropped;
  * classes        - masthead role lines and their names, date-and-time lines, bare tag lists, teasers,
                     captions, menus and breadcrumbs, copyright notices, newsletter sign-ups, news desks
                     named as bylines (stages/furniture.py), embedded posts' bylines and attributions
                     (stages/embeds.py), a site's tagline (stages/headline.py);
  * furniture      - short lines mostly made of share/app/ad/copyright/comment-form vocabulary;
  * script mix     - short fragments in another script (Latin menu items in an Arabic page);
  * position       - lines above the first and below the last prose line are page furniture; the
                     headline and the standfirst are read from above the body (stages/headline.py).
Every line of the source ends up either in a paragraph or in `removed`, with its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model.document import Cleaned, Removal
from generator.stages import embeds, furniture
from generator.stages.body import Scan, assemble, is_prose, word_count
from generator.stages.headline import HEADLINE_MAX_WORDS
from generator.stages.lexicon import Lexicon, furniture_key, lexicon
from generator.stages.lines import Line, removals, source_lines, unwrap
from generator.stages.repeats import repetition
from generator.text.normalise import ends_sentence, fold, line_key, script_counts

FURNITURE_MAX_WORDS = 20
FURNITURE_MIN_COVERAGE = 0.5  # share of a line's letters that are furniture vocabulary
FRAGMENT_MAX_WORDS = 4
LABELLED_LINE_MAX_WORDS = 30  # "Source: …" lines are short; a paragraph that starts "Label:" is prose
LABELLED_LINE_MAX_WORDS_AFTER_COLON = 15  # a label's value (a byline, an outlet) is a few words
UNLABELLED_LINE_MAX_WORDS = 8  # a label phrase without a colon ("By Reuters") is furniture only when short
FOREIGN_SCRIPT_SHARE = 0.8  # a line mostly in the other script than the article's is page furniture
EMBED_MAX_WORDS = 20  # "— Name (@handle) July 3, 2020", not prose quoting a handle
URL_ONLY_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
LABEL_RE = re.compile(r"^\W*[^:：]{1,40}[:：]")  # "Label: …" (a short label, then a colon)
# Removal kinds (RemovalKind): the rules' own, and boilerplate.yml's groups, whose labels must include LABEL_KINDS.
RULE_KINDS = frozenset(
    {
        "bidi",
        "symbols",
        "link",
        "embed",
        "hashtags",
        "navigation",
        "related",
        "script",
        "repeated",
        "appended",
        "title",
        "header",
        "footer",
        "masthead",
        "kicker",
        "caption",
        "note",
    }
)
LABEL_KINDS = ("source", "byline", "date", "tags")
METADATA_KINDS = ("source", "byline", "date")
DATE_REASON = "date and time line of the page header (date read)"
ISSUE_REASON = "issue or edition line above the article (its date read)"
ROLE_REASON = "masthead: a role and its holder (names here are not read as entities)"


def clean(text: str, first_line: int = 1) -> Cleaned:
    removed: list[Removal] = []
    lines = unwrap(source_lines(text, first_line, removed))
    scan = Scan(_vocabulary(), _dominant_is_arabic(text), removed)
    for index, line in enumerate(lines):
        if scan.body_started and line.key in scan.lex.end_markers:
            reason = f"after the end-of-article marker «{line.text}» (line {line.number})"
            removed += [removal for rest in lines[index:] for removal in removals(rest, reason, "appended")]
            break
        _take(scan, line)
    return assemble(scan)


@lru_cache(maxsize=1)
def _vocabulary() -> Lexicon:  # the cleaner's vocabulary, checked once
    if missing := set(LABEL_KINDS) - {kind for kind, _, _ in lexicon().labels}:
        raise ValueError(f"generator/data/boilerplate.yml lacks the labels {sorted(missing)} the cleaner reads")
    return lexicon()


def _dominant_is_arabic(text: str) -> bool:
    arabic, latin = script_counts(text)
    return arabic >= latin


def _take(scan: Scan, line: Line) -> None:
    """Sort one line: removed (with its reason), or kept as a candidate for the article."""
    if not scan.body_started:
        line = _split_prefix(scan, line)
    verdict = _in_context(scan, line) or _classify(line, line.key, scan) or repetition(scan, line)
    if verdict is None:
        _keep(scan, line)
        return
    kind, reason = verdict
    scan.removed += removals(line, reason, kind)
    if kind in METADATA_KINDS:
        scan.metadata.append(Removal(line.number, line.text, reason, kind))
    scan.previous = kind
    if kind == "masthead":
        scan.masthead_lines.add(line.number)
        scan.previous = "role" if furniture.masthead_role(line.text, line.key, scan.lex) == "bare" else kind


def _keep(scan: Scan, line: Line) -> None:
    scan.seen.setdefault(line.key, line.number)
    scan.candidates.append(line)
    scan.previous = "candidate"
    split = furniture.site_suffix(line.text)
    if split is not None and not scan.body_started:  # a headline with a site name, maybe a copy
        scan.suffixed.setdefault(line_key(split.headline), line)
    scan.body_started = scan.body_started or is_prose(line.text)


def _split_prefix(scan: Scan, line: Line) -> Line:
    """A machine metadata prefix on a line above the body is split off: its date is read (kind
    "date" in the metadata), and the rest of the line is read as a headline."""
    split = furniture.metadata_prefix(line.text, scan.lex)
    if split is None or word_count(split.headline) > HEADLINE_MAX_WORDS or is_prose(split.headline):
        return line
    reason = "metadata prefix on the headline's line (date read)"
    scan.metadata.append(Removal(line.number, split.metadata, reason, "date"))
    scan.prefixes[line.number] = split.metadata
    return Line(line.number, split.headline, line.last, line.parts)


def _in_context(scan: Scan, line: Line) -> tuple[str, str] | None:
    """Lines that are furniture because of the line before: the name under a masthead role, and an
    embedded post's byline and picture link under the post's text (kept as a quotation)."""
    if scan.previous == "role" and furniture.masthead_name(line.text, line.key, scan.lex):
        return ("masthead", ROLE_REASON)
    embed = embeds.embed_byline(line.text) if word_count(line.text) <= EMBED_MAX_WORDS else None
    if embed is None and scan.previous == "candidate":
        embed = embeds.post_attribution(line.text, scan.lex)
    link = None if embed else embeds.embed_link(line.text)
    if embed is None and link is None and scan.previous == "embed" and embeds.post_extra(line.text, scan.lex):
        link = ""  # "See more on Facebook", the post's reactions: no address of their own
    if embed is None and link is None:
        return None
    target = scan.candidates[-1].number if scan.previous == "candidate" and scan.candidates else None
    target = scan.embed_target if scan.previous == "embed" else target
    scan.embed_target = target
    if target is not None:
        found = scan.embeds.get(target, embeds.Embed("", ()))
        attribution = embed.attribution if embed else found.attribution
        scan.embeds[target] = embeds.Embed(attribution, found.links + (embed.links if embed else (link or "",)))
    what = "byline" if embed else "picture link" if link else "link or reactions"
    return ("embed", f"embedded post's {what}, shown with the quoted post")


def _classify(line: Line, key: str, scan: Scan) -> tuple[str, str] | None:
    """Why a single line is page furniture, or None if it may be article text."""
    text, lex = line.text, scan.lex
    count = word_count(text)
    if not any(ch.isalpha() for ch in text):
        if furniture.date_line(text, lex):
            return ("date", DATE_REASON)
        return ("symbols", "no words (separator, symbols or a bare number)")
    if URL_ONLY_RE.match(text):
        return ("link", "bare web address")
    if all(token.startswith("#") for token in text.split()):
        return ("hashtags", "hashtags")
    if key in lex.end_markers:  # a marker above the body is a menu item
        return ("navigation", "section link above the article body")
    prefixes = lex.prefixes(key)
    if (
        count <= LABELLED_LINE_MAX_WORDS
        and LABEL_RE.match(text)
        and any(p != key and p in lex.end_markers for p in prefixes)
    ):
        return ("related", "related-article link")
    if furniture.masthead_role(text, key, lex) is not None:
        return ("masthead", ROLE_REASON)
    if key in lex.desks:
        return ("byline", "a news desk named as the byline")
    label = _label(text, prefixes, count, lex)
    if label is None and furniture.date_line(text, lex):
        label = ("date", DATE_REASON)
    elif label is None and not scan.body_started and furniture.issue_line(text, lex):
        label = ("date", ISSUE_REASON)
    return label or _form(line, key, scan) or _vocabulary_share(line, scan)


def _form(line: Line, key: str, scan: Scan) -> tuple[str, str] | None:
    """Furniture recognised by its form (stages/furniture.py)."""
    text, lex = line.text, scan.lex
    if furniture.copyright_line(text, lex):
        return ("copyright", "copyright notice")
    if furniture.teaser(text, key, lex):
        return ("related", "teaser of another article («… Read more»)")
    if furniture.tag_list(text):
        return ("tags", "tag list without a label")
    if furniture.photo_caption(text, lex):
        return ("caption", "image caption (photo credit)")
    if scan.body_started and furniture.credit_caption(text) and not ends_sentence(furniture.CREDIT_RE.sub("", text)):
        return ("caption", "image caption (credit in brackets)")
    if furniture.signup(text, lex):
        return ("navigation", "newsletter sign-up")
    return None


def _vocabulary_share(line: Line, scan: Scan) -> tuple[str, str] | None:
    text = line.text
    count = word_count(text)
    if count <= FURNITURE_MAX_WORDS:
        found = _furniture(text, scan.lex)
        if found is not None:
            return found
    if furniture.menu(text):
        return ("navigation", "site menu or breadcrumb")
    if not scan.body_started or not is_prose(text):
        return _fragment(text, count, scan.dominant_arabic)
    return None


def _label(text: str, prefixes: list[str], count: int, lex: Lexicon) -> tuple[str, str] | None:
    """Labelled metadata lines: «المصدر: …», «بقلم: …», «تاريخ النشر: …», "Tags: …"."""
    for kind, reason, phrases in lex.labels:
        for phrase in (p for p in prefixes if p in phrases):  # longest first
            folded_label = re.match(r"^\W*([^:：]+)[:：]", fold(text))
            has_colon = folded_label is not None and line_key(folded_label.group(1)) == phrase
            if has_colon and (kind == "tags" or count <= LABELLED_LINE_MAX_WORDS_AFTER_COLON):
                return (kind, reason)
            dated = kind != "date" or any(ch.isdigit() for ch in text)  # «انتشار گزارش …» is a headline
            short = count <= UNLABELLED_LINE_MAX_WORDS and not ends_sentence(text)
            if not has_colon and kind != "tags" and short and dated:
                return (kind, reason)
    return None


def _furniture(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """Share/app/ad/copyright/comment-form/navigation lines, by how much of them is such vocabulary."""
    folded = furniture_key(text)
    letters = sum(map(str.isalnum, folded)) or 1
    best: tuple[int, str, str] | None = None
    covered_total = 0
    for kind, reason, pattern in lex.furniture:
        covered = sum(sum(map(str.isalnum, phrase)) for phrase in pattern.findall(folded))
        covered_total += covered
        if covered and (best is None or covered > best[0]):
            best = (covered, kind, reason)
    if best is not None and covered_total / letters >= FURNITURE_MIN_COVERAGE:
        return (best[1], best[2])
    return None


def _fragment(text: str, count: int, dominant_arabic: bool) -> tuple[str, str] | None:
    """Short menu fragments written in the page's other script, or glued across scripts."""
    if count > FRAGMENT_MAX_WORDS or ends_sentence(text):
        return None
    arabic, latin = script_counts(text)
    foreign = latin if dominant_arabic else arabic
    if foreign and foreign >= FOREIGN_SCRIPT_SHARE * (arabic + latin):
        return ("script", "short fragment in another script (site menu or widget)")
    if re.search(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]", text):
        return ("script", "words of two scripts glued together (site menu or widget)")
    return None
