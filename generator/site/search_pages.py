"""The site's search index: Pagefind's chunked static index, written from the generator's own data.

Material's lunr index is one JSON file every page loads whole (8.6 KB per document); Pagefind
splits its index into chunks a query loads by the words it asks for. The records come from the
built dataset (data/corpus.json, data/entities.json), not from re-parsing pages: a document's
titles and article text (original and English) and the names it is found by; an entity's name
and spellings. Labels, navigation and provenance are never in a record.

Folding: Pagefind does not fold ي/ی and keeps «،» on words, so each record's content is its
words one by one in their search form (`search_key`, the site's one folding table), separated by
spaces; the page script folds the query the same way (microsite-search.js). Word i of the
content is word i of the original text, so the page shows the original words around a match:
the record's `pieces` (each original word with the characters after it, a JSON list).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from generator.site.addresses import CORPUS_JSON, ENTITIES_JSON
from generator.site.search_index import search_key
from generator.text.normalise import WORD_RE

SEARCH_DIR = "pagefind"
MEMORY_FOLDER = Path("/dev/shm")  # a file system in memory, on Linux
LANGUAGE = "en"  # one index for every script: the page's <html lang>, which Pagefind's script reads
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class Record(NamedTuple):
    url: str
    content: str
    meta: dict[str, str]


def words_and_pieces(text: str) -> tuple[list[str], list[str]]:
    """The search forms of the words of `text` and, for each, the original word with the
    characters up to the next word (a word that folds to nothing joins the previous piece)."""
    keys: list[str] = []
    pieces: list[str] = []
    matches = list(WORD_RE.finditer(text))
    lead = text[: matches[0].start()] if matches else ""
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        key = _word_key(match.group())
        if key:
            keys.append(key)
            pieces.append(lead + text[match.start() : end])
            lead = ""
        elif pieces:
            pieces[-1] += text[match.start() : end]
        else:
            lead += text[match.start() : end]
    return keys, pieces


@lru_cache(maxsize=1 << 17)
def _word_key(word: str) -> str:
    """A word's search form, without what folding leaves between letters (kept: a corpus repeats its
    words, and folding one word by one was most of the time of writing the index)."""
    return "".join(WORD_RE.findall(search_key(word)))


def make_record(url: str, title: str, shown: list[str], unseen: list[str], extra: dict[str, str]) -> Record:
    """A record whose content is the search forms of `shown` then of `unseen` (found by, never shown)."""
    keys, pieces = words_and_pieces("\n".join(t for t in shown if t))
    hidden, _ = words_and_pieces(" ".join(dict.fromkeys(t for t in unseen if t)))
    meta = {"title": title, "pieces": json.dumps(pieces, ensure_ascii=False), **extra}
    return Record(url, " ".join(keys + hidden), meta)


def document_record(doc: dict[str, Any]) -> Record:
    """A document: titles, the article in the original and in English; found also by the names
    of its entities (in English and as written) and its outlet."""
    title, text = doc.get("title") or {}, doc.get("text") or {}
    original = title.get("original") or doc["id"]
    shown = [original, *(text.get("original") or []), title.get("en") or "", *(text.get("en") or [])]
    names = [n for e in doc.get("entities", ()) for n in (e.get("name_en"), *e.get("names", ()))]
    extra = {"title_en": title.get("en") or "", "dir": doc.get("direction") or "ltr", "lang": doc.get("language") or ""}
    return make_record("/" + doc["url"], original, shown, [*names, doc.get("outlet") or ""], extra)


def entity_record(entity: dict[str, Any]) -> Record:
    """An entity page: its English name, its description and every spelling of it."""
    spellings = [n for names in (entity.get("names") or {}).values() for n in names]
    name = entity.get("name_en") or entity["id"]
    shown = [name, entity.get("role") or "", " · ".join(dict.fromkeys(spellings))]
    aliases = list(entity.get("aliases") or ())
    return make_record("/" + entity["url"], name, shown, aliases, {"dir": "auto", "lang": ""})


def scratch_folder(size: int, memory: Path = MEMORY_FOLDER) -> str | None:
    """Where the scratch pages go: in memory (Linux's /dev/shm) when it has room for twice `size` bytes
    and TMPDIR names no other place, else the default temporary folder (None). A thousand small files
    took 1.2 s to write on the build machine's disk and 0.1 s there, and Pagefind read them faster.
    Pagefind numbers pages in the order the folder lists them: in memory that is the order they were
    written in; on disk it may depend on the file system (ext4 orders a folder by a hash seeded per
    file system). Either way two builds on one machine give the same bytes (README, Reproducibility)."""
    if "TMPDIR" in os.environ:
        return None
    try:
        if memory.is_dir() and os.access(memory, os.W_OK) and shutil.disk_usage(memory).free > 2 * size:
            return str(memory)
    except OSError:
        pass
    return None


def site_records(site: Path) -> list[Record]:
    """Every record of the built site, in a fixed order (documents, then entities, by address)."""
    documents = [document_record(d) for d in _records(site / CORPUS_JSON, "documents")]
    entities = [entity_record(e) for e in _records(site / ENTITIES_JSON, "entities")]
    return sorted(documents, key=lambda r: r.url) + sorted(entities, key=lambda r: r.url)


def _records(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [r for r in json.loads(path.read_text(encoding="utf-8")).get(key, []) if r.get("url")]


def record_page(record: Record) -> str:
    """The page Pagefind indexes for a record: the content as the body, the metadata in attributes
    (read with Pagefind's `key[attribute]` form, so commas and quotes in values are safe)."""
    keys = ", ".join(f"{key}[data-{key}]" for key in record.meta)
    values = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in record.meta.items())
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>.</title></head><body>'
        f'<div data-pagefind-meta="{html.escape(keys)}" {values}></div>'
        f"<main data-pagefind-body>{html.escape(record.content)}</main></body></html>\n"
    )


def write_search_index(site: Path, output: Path | None = None) -> int:
    """Write Pagefind's index of the records of `site` (a built site, or docs/: the same data/ files) into
    `output` (default: site/pagefind/), replacing any; the number of records.

    Pagefind's command line indexes one small page per record, written to a scratch folder (its
    Python API answers about ten records a second)."""
    records = site_records(site)
    output = output or site / SEARCH_DIR
    shutil.rmtree(output, ignore_errors=True)
    pages = [(f"{record.url.strip('/')}/index.html".lstrip("/"), record_page(record).encode()) for record in records]
    scratch_in = scratch_folder(sum(len(page) for _, page in pages))
    with tempfile.TemporaryDirectory(prefix="microsite-search-", dir=scratch_in) as scratch:
        for relative, page in pages:  # one after another, in order: Pagefind numbers pages in the folder's order
            (Path(scratch) / relative).parent.mkdir(parents=True, exist_ok=True)
            (Path(scratch) / relative).write_bytes(page)
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(output), "--silent"]
        subprocess.run([*command, "--force-language", LANGUAGE], check=True)
    for name in UNUSED:  # Pagefind's own UIs: the site has its own (overrides/assets/javascripts/search.js)
        (output / name).unlink(missing_ok=True)
    return len(records)
