"""The words around people's names, as the new-name finder reads them: titles and ranks
(`data/titles.yml`), reporting and meeting verbs, generic nouns, organisation words
(`data/name_words.yml`), the stop-words package's function words, month and weekday names
(entities/time_words), all folded. Phrases are looked up by their first folded token."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from generator.entities.knowledge import stop_words
from generator.entities.matching import Token, clitic_forms, tokenize
from generator.entities.time_words import vocabulary as time_vocabulary
from generator.entities.time_words import weekdays
from generator.text.inputs import load_yaml
from generator.text.normalise import fold, fold_words

Phrases = dict[str, tuple[tuple[str, ...], ...]]  # first folded token -> token sequences, longest first
_TANWIN_RE = re.compile("[\u064b-\u064d]")  # «مرفقاً», «مشيراً»: an adverb, never a name
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class NameVocabulary:
    titles: Phrases
    persian_before_name: frozenset[str]  # Persian titles written before the name (ranks, forms of address)
    verbs_before: Phrases
    verbs_after: Phrases
    honorifics: frozenset[str]
    qualifiers: frozenset[str]
    prepositions: frozenset[str]
    connectors: frozenset[str]  # call for the next word: «عبد», "al"
    infixes: frozenset[str]  # join the words either side: «بن», "bin"
    suffixes: frozenset[str]  # end a compound part: «أوغلو», «الدين»
    function_words: frozenset[str]  # titles.yml's stop words and the stop-words package's
    generic: frozenset[str]  # nouns of offices, institutions and news, never a name («قادة», «شورای», "News")
    not_name: frozenset[str]  # function words, generic nouns, verbs, titles, months, weekdays
    organisation_words: frozenset[str]
    organisation_stems: tuple[str, ...]
    place_prepositions: frozenset[str]
    speech_openers: frozenset[str]
    waw_names: frozenset[str]
    kin_before: frozenset[str]  # folded, words joined by one space ("son of")
    kin_after: frozenset[str]


def _data(name: str) -> dict:
    return load_yaml(resources.files("generator").joinpath(f"data/{name}").read_text("utf-8"))


def _keys(items: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(item) for item in items)


def _phrases(items: Iterable[str]) -> Phrases:
    table: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sorted({tuple(t.key for t in tokenize(item)) for item in items} - {()}, key=lambda t: (-len(t), t)):
        table.setdefault(sequence[0], []).append(sequence)
    return {first: tuple(sequences) for first, sequences in table.items()}


@lru_cache(maxsize=1)
def vocabulary() -> NameVocabulary:
    titles, words = _data("titles.yml"), _data("name_words.yml")
    title_phrases = _phrases(titles["titles"])
    phrase_words = {key for table in (title_phrases,) for sequences in table.values() for s in sequences for key in s}
    verbs_before, verbs_after = _phrases(words["verbs_before"]), _phrases(words["verbs_after"])
    single_verbs = {s[0] for table in (verbs_before, verbs_after) for sequences in table.values() for s in sequences}
    connectors, infixes = _keys(titles["name_connectors"]), _keys(titles["name_infixes"])
    not_name = (
        _keys(titles["stop"]) | stop_words() | _keys(words["generic"]) | phrase_words | single_verbs
        | _keys(titles["honorifics"]) | frozenset(time_vocabulary().months)
    ) - connectors - infixes  # fmt: skip
    return NameVocabulary(
        titles=title_phrases,
        persian_before_name=_keys(titles["persian_before_name"]),
        verbs_before=verbs_before,
        verbs_after=verbs_after,
        honorifics=_keys(titles["honorifics"]),
        qualifiers=_keys(titles["qualifiers"]),
        prepositions=_keys(titles["office_prepositions"]),
        connectors=connectors,
        infixes=infixes,
        suffixes=_keys(titles["name_suffixes"]),
        function_words=_keys(titles["stop"]) | stop_words(),
        generic=_keys(words["generic"]),
        not_name=not_name,
        organisation_words=_keys(words["organisation_words"]),
        organisation_stems=tuple(sorted(_keys(words["organisation_stems"]))),
        place_prepositions=_keys(words["place_prepositions"]),
        speech_openers=_keys(words["speech_openers"]),
        waw_names=_keys(words["waw_names"]),
        kin_before=frozenset(" ".join(fold_words(w)) for w in words["kin_before"]),
        kin_after=frozenset(" ".join(fold_words(w)) for w in words["kin_after"]),
    )


def phrase_at(table: Phrases, tokens: Sequence[Token], i: int) -> int:
    """Length in tokens of the longest phrase of `table` that begins at token i (clitics stripped
    from its first word: «والسفير», «بالوزير»), 0 if none does."""
    if i < 0 or i >= len(tokens):
        return 0
    for form in clitic_forms(tokens[i].key):
        for phrase in table.get(form, ()):
            n = len(phrase)
            if i + n <= len(tokens) and all(tokens[i + k].key == phrase[k] for k in range(1, n)):
                return n
    return 0


def is_latin(word: str) -> bool:
    return bool(_LATIN_RE.match(word))


@lru_cache(maxsize=200_000)
def may_be_name_word(written: str, key: str) -> bool:
    """Can this word be part of a person's name, wherever it stands? Not a function word, generic
    noun, verb, title, month or weekday (with or without clitics), not an adverb with tanwin, not a
    word with the conjunction «و» glued to it, not an organisation word; in Latin script, capitalised
    (or a particle such as "al", "bin") and not an acronym."""
    vocab = vocabulary()
    if key in vocab.connectors or key in vocab.infixes:
        return True
    if len(key) < 2 or any(ch.isdigit() for ch in key) or _TANWIN_RE.search(written):
        return False
    if (is_latin(written) or key.startswith("ال")) and weekdays(key):
        return False  # «جمعة», «خميس» without the article are given names (the days are «الجمعة», «الخميس»)
    forms = clitic_forms(key)
    if any(form in vocab.not_name for form in forms) or any(form.startswith("ال") for form in forms[1:]):
        return False
    if is_latin(written):
        return _latin_name_word(written, key, vocab)
    return not (key.startswith("و") and len(forms) > 1 and key not in vocab.waw_names)


def _latin_name_word(written: str, key: str, vocab: NameVocabulary) -> bool:
    if not written[0].isupper() or (len(written) > 1 and written.isupper()):
        return False
    return key not in vocab.organisation_words and not key.startswith(vocab.organisation_stems)


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """Folded frequent words of Arabic and Persian (jusText's stoplists are frequency lists: they hold
    common nouns such as «برامج», «سفينة», and given names such as «محمد», but no family names)."""
    import justext

    return frozenset(fold(word) for language in ("Arabic", "Persian") for word in justext.get_stoplist(language))
