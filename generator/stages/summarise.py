"""Extractive summary in the document's own language.

Sentences (pysbd, which knows ؟ ؛ and Persian) are scored by how central their content
words are to the whole text, with a small bonus for the lead; near-duplicates are skipped
and the picked sentences keep their order in the text. Only cleaned text is read, so a
summary never quotes removed boilerplate.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

from generator.model.document import Paragraph, SummarySentence
from generator.text.normalise import fold_words
from generator.text.sentences import split_sentences

JUSTEXT_STOPLISTS = {
    "ar": "Arabic",
    "fa": "Persian",
    "en": "English",
    "tr": "Turkish",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "ru": "Russian",
    "ur": "Urdu",
}
NEAR_DUPLICATE_OVERLAP = 0.6
LEAD_BONUS = 0.15


def summarise(paragraphs: tuple[Paragraph, ...], language: str, sizes: tuple[int, int]) -> tuple[SummarySentence, ...]:
    sentences = [
        SummarySentence(text, p.key, i) for p in paragraphs for i, text in enumerate(split_sentences(p.text, language))
    ]
    if not sentences:
        return ()
    stop = stopwords(language)
    bags = [[w for w in fold_words(s.text) if w not in stop and len(w) > 2 and not w.isdigit()] for s in sentences]
    frequency = Counter(w for bag in bags for w in set(bag))
    scores = [_score(bag, frequency) + (LEAD_BONUS if position == 0 else 0) for position, bag in enumerate(bags)]
    wanted = _how_many(len(sentences), sizes)
    picked: list[int] = []
    for index in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
        if len(picked) == wanted:
            break
        if all(_overlap(bags[index], bags[other]) < NEAR_DUPLICATE_OVERLAP for other in picked):
            picked.append(index)
    return tuple(sentences[i] for i in sorted(picked))


@cache
def stopwords(language: str) -> frozenset[str]:
    """Folded stopwords from jusText's stoplists (shipped with the package)."""
    name = JUSTEXT_STOPLISTS.get(language)
    if name is None:
        return frozenset()
    import justext

    return frozenset(w for word in justext.get_stoplist(name) for w in fold_words(word))


def _score(bag: list[str], frequency: Counter[str]) -> float:
    if not bag:
        return 0.0
    # Words shared with other sentences carry the topic; log-length damping keeps long sentences from winning by size.
    return sum(frequency[w] - 1 for w in set(bag)) / (1 + math.log(1 + len(bag)))


def _how_many(count: int, sizes: tuple[int, int]) -> int:
    low, high = sizes
    return min(count, max(low, min(high, round(count / 4))))


def _overlap(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / (min(len(sa), len(sb)) or 1)
