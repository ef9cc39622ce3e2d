"""Cross-script search for Material's lunr index.

lunr has no Persian, and its Arabic trimmer cuts پ چ ژ گ ک ی from word ends, so ی/ي, ک/ك,
hamza forms and ZWNJ would split results. After MkDocs writes `search/search_index.json`, every
word whose folded form (`textnorm.fold`) differs from it gets that folded form added to the
entry's text; the page script folds the reader's query the same way (microsite.js, `foldQuery`)
before Material's search reads it. Both sides then meet on one spelling.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from generator.text.normalise import WORD_RE, fold

TAG_RE = re.compile(r"<[^>]+>")
# lunr's Arabic trimmer cuts letters outside the Arabic block (پ چ ژ گ) from the ends of indexed
# words but not of queries; folded to their Arabic base letters, they survive on both sides.
PERSIAN_TO_ARABIC = str.maketrans("پچژگ", "بجزك")


def search_key(word: str) -> str:
    """The form search compares: `fold`, plus Persian-only letters on their Arabic base letters."""
    return fold(word).translate(PERSIAN_TO_ARABIC)


def add_folded_forms(index: dict) -> dict:
    """Append the folded variants of each entry's title and text to its text, hidden from previews."""
    for entry in index.get("docs", []):
        variants = folded_variants(f"{entry.get('title', '')} {entry.get('text', '')}")
        if variants:
            entry["text"] = f"{entry.get('text', '')} <span hidden>{' '.join(variants)}</span>"
    return index


def folded_variants(text: str) -> list[str]:
    """Folded forms of the words of `text` that folding changes (beyond case), in order, once each."""
    seen: dict[str, None] = {}
    for word in WORD_RE.findall(TAG_RE.sub(" ", text)):
        key = search_key(word)
        if key and key != word.casefold():
            seen.setdefault(key, None)
    return list(seen)


def fold_search_index(path: Path) -> None:
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(add_folded_forms(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
