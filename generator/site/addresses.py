"""Every address of the site in one place: where each page lies in docs/ (`…_page`), the address
MkDocs serves it at (`…_url`, relative to the site root, directory URLs), the site-wide files,
and the editor's file in site_src/ a page is made from (`source_path`, its edit link). Templates
reach these as Jinja globals (render.environment) and link with `link(target, here)`.
"""

from __future__ import annotations

import posixpath

from generator.model.settings import SOURCE_FOLDER

DOCUMENTS_INDEX_PAGE = "documents/index.md"
ENTITIES_INDEX_PAGE = "entities/index.md"
MAP_PAGE = "map/index.md"
TIMELINE_PAGE = "timeline.md"
NEW_NAMES_PAGE = "editors/new-names.md"
CORPUS_JSON = "data/corpus.json"
ENTITIES_JSON = "data/entities.json"
DOCUMENTS_CSV = "data/documents.csv"
CORPUS_SCHEMA = "data/corpus.schema.json"
FEED = "feed.xml"
FOLDING_SCRIPT = "assets/javascripts/folding.js"  # listed in mkdocs.yml's extra_javascript, before microsite.js


def source_path(folder: str, name: str) -> str:
    """An editor's file as the repository names it: `site_src/<folder>/<name>`."""
    return f"{SOURCE_FOLDER}/{folder}/{name}"


def document_page(doc_id: str) -> str:
    return f"documents/{doc_id}.md"


def document_url(doc_id: str, anchor: str = "") -> str:
    """A document's page (`documents/<id>/`), or a paragraph of it (`anchor`: p3)."""
    return url(document_page(doc_id), anchor)


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def entity_url(entity_id: str) -> str:
    return url(entity_page(entity_id))


def map_url(place_id: str = "") -> str:
    """The map page, or a place on it."""
    return url(MAP_PAGE, place_id)


def timeline_url() -> str:
    return url(TIMELINE_PAGE)


def documents_index_page(number: int) -> str:
    """The documents index is paged: `documents/index.md`, then `documents-list/2.md`, …"""
    return DOCUMENTS_INDEX_PAGE if number == 1 else f"documents-list/{number}.md"


def documents_index_url(number: int) -> str:
    return url(documents_index_page(number))


def raw_path(file_name: str) -> str:
    """Where a document's untouched source file is published; always `.txt`, so browsers show it as text."""
    return f"sources/{file_name}" if file_name.endswith(".txt") else f"sources/{file_name}.txt"


def url(page: str, anchor: str = "") -> str:
    """Where MkDocs serves a file of docs/: a page (a/b.md at a/b/, a/index.md at a/, index.md at
    the root) or any other file at its own path; `anchor` names a place in it."""
    if page.endswith(".md"):
        stem = page[: -len(".md")]
        page = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return f"{page}#{anchor}" if anchor else page


def link(target: str, here: str) -> str:
    """The address `target` (from the site root; a directory ends with "/", `#…` names a place in
    it) as a relative link from the page served at `here`."""
    target, hash_mark, anchor = target.partition("#")
    address = relative(target or ".", here or ".")
    if target.endswith("/") or not target:
        address = "./" if address == "." else address + "/"
    return address + hash_mark + anchor


def relative(target: str, start: str) -> str:
    """`posixpath.relpath` of two paths from the site root, by their parts alone: relpath makes both
    absolute against the working directory first, which was a tenth of rendering the pages."""
    if ".." in target or ".." in start or target.startswith("/") or start.startswith("/"):
        return posixpath.relpath(target, start)
    to, at = _parts(target), _parts(start)
    shared = 0
    while shared < min(len(to), len(at)) and to[shared] == at[shared]:
        shared += 1
    return "/".join([".."] * (len(at) - shared) + to[shared:]) or "."


def _parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part not in ("", ".")]
