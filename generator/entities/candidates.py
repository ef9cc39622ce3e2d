"""Where a paragraph names someone: name candidates, each with the signal that found it.

Signals, each read from the paragraph's tokens once (linear in its length):
  * title: after a title or rank and the words naming the office («وزير الخارجية التركي هاكان
    فيدان», "Turkey's ambassador to Libya, Kenan …", "Orgeneral …"), or before one in an apposition
    («خالد مشری رئیس شورای …», "…, the head of …");
  * verb: next to a reporting or meeting verb («وقال X», «التقى X», "X said", "met X", «X گفت»,
    "X ile görüştü");
  * quote: a verb's name that opens or closes a quotation ('X, "…"', «قال X إن»);
  * capitalised: a run of capitalised words in Latin-script text (found on its own as well).
Names are read part by part by entities/name_parts.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.entities.matching import clitic_forms, clitic_length
from generator.entities.name_parts import Reader
from generator.entities.name_vocabulary import is_latin, phrase_at

MAX_OFFICE = 10  # words naming the office between a title and the name («وزير الدولة لشؤون الدفاع في …»)
MAX_DETERMINERS = 3  # "…, the Turkish consul general": words between the comma and a title after a name
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "s"})
CONJUNCTIONS = frozenset({"and", "و"})  # between two words of one office (Turkish puts the title last)
CLOSING_QUOTES = "\"”»'’"
_QUOTE_AFTER_RE = re.compile(r"^\s*[,:،]\s*[\"“«„]")
_ABBREVIATION = 4  # "Lt.", "Gen.": a title this short may be followed by its full stop


@dataclass(frozen=True)
class Sighting:
    start: int  # token indexes: the name is tokens[start:end]
    end: int
    signal: str  # title, verb, quote, capitalised
    anchor: str  # the title or verb as written ("" for a capitalised run)
    relation: str = ""  # how the name stands to the anchor: "after" it or "before" it


def sightings(r: Reader) -> list[Sighting]:
    """Every name candidate of the paragraph with the signal that found it (a name found by
    several signals is listed once for each)."""
    found: list[Sighting] = []
    tokens, vocab = r.tokens, r.vocab
    for i in range(len(tokens)):
        length = phrase_at(vocab.titles, tokens, i)
        if length:
            found += _around_title(r, i, length)
        length = phrase_at(vocab.verbs_before, tokens, i)
        if length:
            found += _after_verb(r, i, length)
        length = phrase_at(vocab.verbs_after, tokens, i)
        if length:
            found += _before_verb(r, i, length)
    found += _capitalised_runs(r)
    found += [Sighting(s.start, s.end, "quote", s.anchor, s.relation) for s in found if _opens_quote(r, s.end)]
    return found


def _anchor(r: Reader, i: int, length: int) -> str:
    """The title or verb as written, without the clitics glued to it («ورئيس» -> «رئيس»)."""
    token = r.tokens[i]
    tables = (r.vocab.titles, r.vocab.verbs_before, r.vocab.verbs_after)
    form = next((f for f in clitic_forms(token.key) if any(f in table for table in tables)), token.key)
    start = token.start + (clitic_length(r.text, token, form) if form != token.key else 0)
    return r.text[start : r.tokens[i + length - 1].end]


def _around_title(r: Reader, i: int, length: int) -> list[Sighting]:
    found = []
    title = _anchor(r, i, length)
    start = _office_end(r, i + length, persian_after=r.language == "fa" and r.key(i) not in r.vocab.persian_before_name)
    end = r.forward(start) if start is not None else None
    if start is not None and end is not None:
        found.append(Sighting(start, end, "title", title, "after"))
    name_end = _apposition_end(r, i)
    begin = r.backward(name_end) if name_end is not None else None
    if name_end is not None and begin is not None:
        found.append(Sighting(begin, name_end, "title", title, "before"))
    return found


def _office_end(r: Reader, j: int, persian_after: bool = False) -> int | None:
    """Where the name begins after a title: past the words naming the office (qualifiers, «ال»
    words, generic nouns, known places and organisations, a preposition and its object, further
    titles and ranks), and at most one comma. After a Persian title that is usually written after
    names (`persian_after`), a name follows only a comma or the place that ends the office
    («وزیر خارجه ترکیه X»), never other words («رهبر قبرسی‌های ترک»)."""
    commas, n, placed_before = 0, len(r.tokens), False
    for _ in range(MAX_OFFICE):
        if j >= n:
            return None
        gap = r.gap(j).strip()
        if gap in (",", "،") and not commas:
            commas += 1
        elif gap == "." and len(r.key(j - 1)) <= _ABBREVIATION:
            pass  # "Lt. Gen. …"
        elif gap:
            return None
        title = phrase_at(r.vocab.titles, r.tokens, j)
        placed = not title and r.cover[j] == "other"
        if title:
            j += title
        elif r.key(j) in r.vocab.prepositions:
            j = _past_object(r, j + 1)
        elif r.key(j) in CONJUNCTIONS and j + 1 < n and not r.gap(j + 1).strip() and _office_word(r, j + 1):
            j += 2  # "Minister of Trade and Industry …", «وزير الاقتصاد و التجارة …»
        elif _office_word(r, j):
            j += 1
        else:
            return j if not persian_after or commas or placed_before else None
        placed_before = placed
    return None


def _past_object(r: Reader, j: int) -> int:
    """Past the word (or the known place or organisation) that follows a preposition."""
    if j < len(r.tokens) and r.cover[j] == "other":
        while j < len(r.tokens) and r.cover[j] == "other":
            j += 1
        return j
    return j + 1


def _office_word(r: Reader, j: int) -> bool:
    """Can token j be part of the office after a title? Not a word with «و» glued to it: "and …"
    begins another noun phrase («وزير الخارجية وقادة الجيش …»)."""
    vocab, key = r.vocab, r.key(j)
    forms = clitic_forms(key)
    if key.startswith("و") and len(forms) > 1 and not forms[1].startswith("ال"):
        return False  # «والتجارة» goes on with the office, «وقادة» does not
    if key in vocab.function_words and key not in vocab.qualifiers:
        return False  # «إلى» folds to an «ال» word
    if r.cover[j] == "other" or key in vocab.qualifiers or key in vocab.honorifics or key in vocab.generic:
        return True
    return any(f.startswith("ال") or f in vocab.generic for f in forms) and key not in vocab.connectors


def _apposition_end(r: Reader, i: int) -> int | None:
    """The end of a name written before the title at token i: right before it in Persian
    («… سفیر ترکیه»), else before a comma ("…, the head of", «…، نجل …»)."""
    if i == 0:
        return None
    if r.language == "fa" and r.gap(i).strip() in ("", ",", "،"):
        return i
    k = i
    for _ in range(MAX_DETERMINERS):
        if k == 0 or r.gap(k).strip() not in ("", "'", "’"):
            break
        before = k - 1
        if r.key(before) in DETERMINERS or r.key(before) in r.vocab.qualifiers or r.cover[before] == "other":
            k = before
        else:
            break
    return k if k > 0 and r.gap(k).strip() in (",", "،") else None


def _after_verb(r: Reader, i: int, length: int) -> list[Sighting]:
    j = i + length
    while j < len(r.tokens) and r.key(j) in r.vocab.honorifics and r.joined(j):
        j += 1
    if j >= len(r.tokens) or r.gap(j).strip() or phrase_at(r.vocab.titles, r.tokens, j):
        return []
    end = r.forward(j)
    if end is None:
        return []
    verb = _anchor(r, i, length)
    found = [Sighting(j, end, "verb", verb, "after")]
    opener = end < len(r.tokens) and r.key(end) in r.vocab.speech_openers
    if opener or any(q in r.gap(i) for q in CLOSING_QUOTES):
        found.append(Sighting(j, end, "quote", verb, "after"))  # «قال X إن …», '"…," said X'
    return found


def _before_verb(r: Reader, i: int, length: int) -> list[Sighting]:
    if r.gap(i).strip():
        return []
    start = r.backward(i)
    if start is None:
        return []
    verb = _anchor(r, i, length)
    found = [Sighting(start, i, "verb", verb, "before")]
    if start > 0 and any(q in r.gap(start) for q in CLOSING_QUOTES):
        found.append(Sighting(start, i, "quote", verb, "before"))  # '"…," X said'
    return found


def _capitalised_runs(r: Reader) -> list[Sighting]:
    """Runs of capitalised name words in Latin-script text, not right after a place preposition."""
    found, i, n = [], 0, len(r.tokens)
    while i < n:
        end = r.forward(i) if is_latin(r.written(i)) else None
        if end is None:
            i += 1
            continue
        if not (i > 0 and r.key(i - 1) in r.vocab.place_prepositions and not r.gap(i).strip()):
            found.append(Sighting(i, end, "capitalised", ""))
        i = end
    return found


def _opens_quote(r: Reader, end: int) -> bool:
    """Is the name followed by a comma or colon and a quotation ('X, "…"', «X: "…"»)?"""
    following = r.text[r.tokens[end - 1].end : r.tokens[end].start if end < len(r.tokens) else len(r.text)]
    return bool(_QUOTE_AFTER_RE.match(following))
