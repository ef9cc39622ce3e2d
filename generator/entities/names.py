"""New names: people the knowledge base does not know yet, found by several signals, not one.

Each paragraph is read once (entities/candidates.py): names after or before a title or rank, next
to a reporting or meeting verb, in a quotation's attribution, capitalised runs in Latin script.
Across the document a name also counts as *repeated* when its surname is written again. Each
signal has a weight (WEIGHTS); a name is offered when its signals reach OFFER_SCORE and one of
them is what the text says of it (a title, a verb, a quotation): a title alone is enough, a verb
needs a second signal, a capitalised run or a repeated surname is never enough on its own.
Known entities are never new: a name that overlaps a known mention, that is part of a known
person's name («عبد الحكيم» of «عبد الحكيم أبو حالية») or that spells a known name another way
(same consonant skeleton, entities/transliterate.py: «صلاح الدين نمروش», "Salahaddin Namroush")
is left out. Editors see the names with their signals and sentence in `microsite check`, and
grouped across documents (entities/name_groups.py) on the New names page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from generator.entities.candidates import Sighting, sightings
from generator.entities.matching import Token, clitic_forms, tokenize
from generator.entities.name_parts import Reader
from generator.entities.name_vocabulary import frequent_words, vocabulary
from generator.entities.transliterate import SpellingKey, same_name, spelling_key, word_skeleton
from generator.entities.variants import given_names, without_article
from generator.model.document import Paragraph
from generator.model.entity import DocumentEntity, Entity, NewName
from generator.text.normalise import fold, words
from generator.text.sentences import Sentences

WEIGHTS = {"title": 2, "verb": 1, "quote": 1, "capitalised": 1, "repeated": 1}
ANCHORS = frozenset({"title", "verb", "quote"})  # what the text says of the name (the others support them)
OFFER_SCORE = 2  # a title alone; a verb or quotation with one more signal
SIGNAL_ORDER = tuple(WEIGHTS)


@dataclass
class _Seen:
    name: str  # as first written
    paragraph: str
    offset: int  # of the name in its paragraph's text
    surname: str  # folded last word, article left out
    signals: set[str] = field(default_factory=set)
    anchors: dict[str, tuple[str, str]] = field(default_factory=dict)  # signal -> first (title or verb, relation)


def find_new_names(
    paragraphs: tuple[Paragraph, ...],
    known: tuple[DocumentEntity, ...],
    language: str,
    knowledge: Mapping[str, Entity] | None = None,
) -> tuple[NewName, ...]:
    """Linear in the text: each paragraph is tokenized once and read once, split into sentences
    at most once (only when it holds a name offered), and each token's known mention is found by
    one walk along the mentions. `knowledge` (all entries) lets spelling variants of known people
    be recognised; without it only the people this document names are compared."""
    covers = _known_spans(known)
    seen: dict[str, _Seen] = {}
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        tokens = tokenize(paragraph.text)
        counts.update(form for token in tokens for form in _bare_forms(token.key))
        reader = Reader(paragraph.text, tokens, _cover_kinds(tokens, covers.get(paragraph.key)), language)
        for sighting in _merged(sightings(reader)):
            _note(seen, paragraph, reader, sighting)
    people = _people(knowledge.values() if knowledge is not None else (d.entity for d in known))
    sentences: dict[str, Sentences] = {}
    by_key = {p.key: p for p in paragraphs}
    found = []
    for item in seen.values():
        signals = item.signals | ({"repeated"} if counts[item.surname] >= 2 else set())
        score = sum(WEIGHTS[s] for s in signals)
        if score < OFFER_SCORE or not signals & ANCHORS or _known_person(item.name, language, people):
            continue
        if _common_word_at_an_edge(item.name):
            continue
        text = by_key[item.paragraph].text
        sentence = sentences.setdefault(item.paragraph, Sentences(text, language)).at(item.offset)
        anchor, relation = item.anchors.get("title") or item.anchors.get("verb") or ("", "")
        ordered = tuple(s for s in SIGNAL_ORDER if s in signals)
        found.append(NewName(item.name, anchor, item.paragraph, sentence, ordered, score, relation))
    return tuple(found)


def _common_word_at_an_edge(name: str) -> bool:
    """An Arabic-script name beginning or ending with a frequent word that is no given name: a phrase
    («دعم برامج», "support programmes"; «طاقم سفينة», "a ship's crew"), not a person. Surnames are
    rare words (الحداد, دوغاناي); a frequent first word must be a given name (محمد, سالم, صدام).
    Latin script has capitals to tell (entities/name_vocabulary.py)."""
    parts = [fold(w) for w in words(name)]
    if len(parts) < 2 or not all(_arabic_script(w) for w in parts):
        return False
    edges = (clitic_forms(parts[0])[-1], without_article(parts[-1]), parts[-1])
    given, frequent = given_names(), frequent_words()
    first, last_bare, last = edges
    first_common = first in frequent and first.replace(" ", "") not in given and first not in vocabulary().connectors
    return first_common or (last in frequent and last_bare in frequent and last_bare not in given)


def _arabic_script(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _note(seen: dict[str, _Seen], paragraph: Paragraph, reader: Reader, sighting: Sighting) -> None:
    """Add one sighting to the document's names (keyed by the folded name)."""
    tokens = reader.tokens
    start, end = tokens[sighting.start].start, tokens[sighting.end - 1].end
    written = paragraph.text[start:end]
    key = " ".join(fold(w) for w in words(written))
    item = seen.get(key)
    if item is None:
        surname = _bare_forms(tokens[sighting.end - 1].key)[-1]
        item = seen[key] = _Seen(written, paragraph.key, start, surname)
    item.signals.add(sighting.signal)
    if sighting.anchor:
        item.anchors.setdefault(sighting.signal, (sighting.anchor, sighting.relation))


def _merged(found: list[Sighting]) -> list[Sighting]:
    """Sightings of overlapping spans (one name read from two anchors) moved to the longest span."""
    merged: list[Sighting] = []
    group: list[Sighting] = []
    for sighting in sorted(found, key=lambda s: (s.start, -s.end)):
        if group and sighting.start >= max(s.end for s in group):
            merged += _to_longest(group)
            group = []
        group.append(sighting)
    return merged + _to_longest(group)


def _to_longest(group: list[Sighting]) -> list[Sighting]:
    if not group:
        return []
    longest = max(group, key=lambda s: (s.end - s.start, -s.start))
    return [Sighting(longest.start, longest.end, s.signal, s.anchor, s.relation) for s in group]


def _bare_forms(key: str) -> tuple[str, ...]:
    """A word's forms without clitics and without the article («والمشري» -> … «مشري»), the last one barest."""
    forms = [f[2:] if f.startswith("ال") and len(f) > 3 else f for f in clitic_forms(key)]
    return tuple(dict.fromkeys(forms))


# -- known mentions ------------------------------------------------------------------------------


class _Spans:
    """Character spans of known mentions in one paragraph; "does one cover this offset?" by bisection
    (a scan of every mention for every candidate is quadratic on a long one-line document).
    tests/test_linear_time.py checks it; the finder itself walks tokens and mentions together
    (`_cover_kinds`)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end among spans so far

    def cover(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and self._reach[i] > offset


def _known_spans(known: tuple[DocumentEntity, ...]) -> dict[str, list[tuple[int, int, str]]]:
    """Per paragraph, each known mention's span and kind: "person" (a name of two words or more),
    "surname" (a person named by one word) or "other" (places, organisations), in order."""
    by_paragraph: dict[str, list[tuple[int, int, str]]] = {}
    for item in known:
        for mention in item.mentions:
            if item.entity.type != "person":
                kind = "other"
            else:
                kind = "surname" if len(tokenize(mention.text)) == 1 else "person"
            by_paragraph.setdefault(mention.paragraph, []).append((mention.start, mention.end, kind))
    return {key: sorted(spans) for key, spans in by_paragraph.items()}


def _cover_kinds(tokens: Sequence[Token], spans: list[tuple[int, int, str]] | None) -> list[str | None]:
    """The kind of known mention each token overlaps (None for most), by one walk along both lists."""
    kinds: list[str | None] = [None] * len(tokens)
    if not spans:
        return kinds
    s = 0
    for i, token in enumerate(tokens):
        while s < len(spans) and spans[s][1] <= token.start:
            s += 1
        if s < len(spans) and spans[s][0] < token.end:
            kinds[i] = spans[s][2]
    return kinds


# -- known people under other spellings ----------------------------------------------------------


def _people(entities) -> tuple[tuple[str, str], ...]:
    """(name, language) of every person's every name and alias."""
    pairs = []
    for entity in entities:
        if entity.type != "person":
            continue
        pairs.append((entity.name, "en"))
        pairs += [(name, language) for language, names in entity.names.items() for name in names]
        pairs += [(alias, "") for alias in entity.aliases]
    return tuple(dict.fromkeys(pairs))


@lru_cache(maxsize=16)
def _person_keys(people: tuple[tuple[str, str], ...]) -> tuple[tuple[SpellingKey, ...], tuple[frozenset[str], ...]]:
    keys = tuple(spelling_key(name, language) for name, language in people)
    return keys, tuple(_word_keys(name, language) for name, language in people)


def _word_keys(name: str, language: str) -> frozenset[str]:
    return frozenset(key for word in words(name) if (key := word_skeleton(word, language == "tr")))


def _known_person(name: str, language: str, people: tuple[tuple[str, str], ...]) -> bool:
    """Is this a known person's name spelled another way, or a part of one?"""
    keys, parts = _person_keys(people)
    mine = spelling_key(name, language)
    if any(same_name(mine, known) for known in keys):
        return True
    words_of_mine = _word_keys(name, language)
    return bool(words_of_mine) and any(words_of_mine < known for known in parts)
