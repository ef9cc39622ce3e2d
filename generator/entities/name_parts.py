"""Reading a person's name in a paragraph, part by part, from where a signal says one begins or ends.

A name is read in parts: a given name or surname, with its connectors («عبد», «أبو», "al-"),
infixes («بن», "bin") and suffixes («أوغلو», «الدين»); two parts at least, at most two in Arabic
script (which has no capitals to show where a name ends), three in Latin script. A name never
crosses punctuation, never begins with a known entity or the article «ال», and may end with a
known person's surname only after a given name of its own («صدام حفتر», the son, not the father).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.entities.matching import Token
from generator.entities.name_vocabulary import NameVocabulary, may_be_name_word, vocabulary


class Reader:
    """One paragraph: its text, tokens, and what known mention covers each token (None, "person",
    "surname" for a known person's one-word mention, "other" for places and organisations)."""

    def __init__(self, text: str, tokens: Sequence[Token], cover: Sequence[str | None], language: str) -> None:
        self.text, self.tokens, self.cover, self.language = text, tokens, cover, language
        self.vocab: NameVocabulary = vocabulary()
        self.max_units = 3 if language in ("en", "tr") else 2

    def written(self, i: int) -> str:
        return self.text[self.tokens[i].start : self.tokens[i].end]

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.tokens[i - 1].end if i else 0 : self.tokens[i].start]

    def joined(self, i: int) -> bool:
        """Are tokens i-1 and i parts of one name (only spaces or a hyphen between them)?"""
        return self.gap(i).strip(" \u200c\u200e\u200f\u00a0\t") in ("", "-", "‐")

    def word_ok(self, i: int) -> bool:
        return self.cover[i] in (None, "surname") and may_be_name_word(self.written(i), self.tokens[i].key)

    def plain_ok(self, i: int) -> bool:
        return self.cover[i] is None and self.word_ok(i)

    def key(self, i: int) -> str:
        return self.tokens[i].key

    # -- name parts ---------------------------------------------------------------------------

    def part_end(self, i: int) -> int | None:
        """End (exclusive) of the name part that begins at token i, if one can."""
        n, v = len(self.tokens), self.vocab
        if not self.plain_ok(i) or self.key(i) in v.infixes:
            return None
        j = i + 1
        while self.key(j - 1) in v.connectors:  # «عبد» + «الحكيم», "al" + "Mishri"
            if j >= n or not self.joined(j) or not self.plain_ok(j):
                return None
            j += 1
        while j < n and self.joined(j):
            if self.key(j) in v.suffixes and self.plain_ok(j):
                return j + 1
            if self.key(j) in v.infixes and j + 1 < n and self.joined(j + 1) and self.plain_ok(j + 1):
                j += 2  # «محمد بن مبارك»
            elif self.gap(j).strip() == "-" and self.plain_ok(j) and self.key(j) not in v.connectors:
                j += 1  # "Yunus-Bek"
            else:
                break
        return j

    def part_start(self, e: int, last: bool) -> int | None:
        """Start of the name part that ends with token e (the name's last part if `last`)."""
        v = self.vocab
        surname = self.cover[e] == "surname" and last and self.word_ok(e)  # a relative's name ends with it
        if not surname and not (self.plain_ok(e) and self.key(e) not in v.connectors and self.key(e) not in v.infixes):
            return None
        start = e
        if self.key(e) in v.suffixes and e > 0 and self.joined(e) and self.plain_ok(e - 1):
            start = e - 1
        while start > 0 and self.joined(start) and self.plain_ok(start - 1):
            before = self.key(start - 1)
            if before in v.connectors or self.gap(start).strip() == "-":
                start -= 1
            elif before in v.infixes and start > 1 and self.joined(start - 1) and self.plain_ok(start - 2):
                start -= 2
            else:
                break
        return start

    def forward(self, i: int) -> int | None:
        """End of a name of two parts or more that begins at token i."""
        if i >= len(self.tokens) or self.key(i).startswith("ال"):
            return None
        j, parts = i, 0
        while j < len(self.tokens) and parts < self.max_units and (j == i or self.joined(j)):
            end = self.part_end(j)
            if end is None:
                if parts and self.cover[j] == "surname" and self.word_ok(j):
                    j, parts = j + 1, parts + 1  # a known surname ends a relative's name
                break
            j, parts = end, parts + 1
        if parts < 2 or (self.max_units == 2 and self._adjective_follows(j)):
            return None
        return j

    def _adjective_follows(self, j: int) -> bool:
        """Is the word after it an Arabic adjective with the article and the feminine ending
        («اتحاد الغرف التجارية»)? Then the words were a noun phrase, not a name."""
        return j < len(self.tokens) and self.joined(j) and self.key(j).startswith("ال") and self.key(j).endswith("يه")

    def backward(self, e: int) -> int | None:
        """Start of a name of two parts or more that ends just before token e."""
        k, parts = e, 0
        while k > 0 and parts < self.max_units and (k == e or self.joined(k)):
            start = self.part_start(k - 1, last=parts == 0)
            if start is None:
                break
            k, parts = start, parts + 1
        if parts < 2 or self.key(k).startswith("ال"):
            return None
        return k
