"""Render: documents to MkDocs pages (Markdown with HTML blocks), through Jinja2 templates.

All document text reaches pages HTML-escaped inside raw HTML blocks, where Markdown does
not apply, so text that looks like HTML, Markdown or Jinja is shown, never interpreted.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.model.document import Document
from generator.model.entity_types import entity_types
from generator.model.plurals import count, noun
from generator.site import addresses
from generator.text.languages import direction, language_name

# The site's addresses, for templates: `link(document_url(id), here)` and so on (addresses.py).
ADDRESS_GLOBALS = {
    name: getattr(addresses, name)
    for name in (
        "source_path",
        "document_url",
        "entity_url",
        "map_url",
        "timeline_url",
        "documents_index_url",
        "link",
        "url",
        "CORPUS_JSON",
        "ENTITIES_JSON",
        "DOCUMENTS_INDEX_PAGE",
        "MAP_PAGE",
        "FEED",
    )
}
EVIDENCE_SOURCES = {
    "text": "found in the text",
    "front_matter": "set by an editor (front matter)",
    "html_metadata": "from the web page's metadata",
    "first_sentence": "first words of the text (the source has no headline)",
    "file_name": "the file name (no text to take a title from)",
}
# What a document's date is (model/document.DateRole), as its page says it.
DATE_ROLES = {
    "published": "publication date",
    "updated": "date of the last update, the source states no publication date",
    "dateline": "date of the dateline opening the text",
    "header": "date above the text, not labelled as the publication date",
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )  # templates do not change during a build: no file checks per page
    env.globals["entity_types"] = entity_types  # generator/data/entity_types.yml
    env.filters["yaml_string"] = yaml_string
    env.filters["language_name"] = language_name
    env.filters["direction"] = direction
    env.filters["evidence"] = lambda evidence: (
        EVIDENCE_SOURCES.get(evidence.source, evidence.source) if evidence else ""
    )
    env.filters["date_text"] = date_text
    env.filters["date_role"] = lambda role: DATE_ROLES.get(role, role or "")
    env.filters["feed_day"] = feed_day
    env.filters["count"] = count  # {{ n | count("document") }}: "1 document", "2 documents"
    env.filters["noun"] = noun  # {{ n | noun("paragraph") }}: the noun alone, agreeing with n
    env.globals.update(ADDRESS_GLOBALS)
    return env


def date_text(iso: str | None) -> str:
    """A date as every page shows it, at its precision: 2021-04-12, April 2021, 2021 ("" for None)."""
    if iso and len(iso) == 7:
        return f"{MONTH_NAMES[int(iso[5:]) - 1]} {iso[:4]}"
    return iso or ""


def feed_day(iso: str | None) -> str:
    """The first day of the period a date names (Atom wants a day): 2021-04 -> 2021-04-01."""
    return (iso + "-01-01")[:10] if iso else ""


def yaml_string(value: str, html_escape: bool = True) -> Markup:
    """A YAML (JSON) string for page front matter. MkDocs puts page titles into HTML unescaped,
    so they are HTML-escaped first; JSON quoting keeps YAML from reading anything into them."""
    text = html.escape(value, quote=False) if html_escape else value
    return Markup(json.dumps(text, ensure_ascii=False))


def page_path(document: Document) -> str:
    """Path of a document's page inside docs/."""
    return addresses.document_page(document.doc_id)


def page_url(document: Document) -> str:
    """The page's address relative to the site root (directory URLs)."""
    return addresses.document_url(document.doc_id)


def raw_path(document: Document) -> str:
    """Where the untouched source file is published; always `.txt` so browsers show it as text."""
    return addresses.raw_path(document.source.path.name)


def render_document(
    document: Document,
    site: dict[str, str],
    event: Any = None,
    map_src: str | None = None,
    commentary: list[tuple[Any, str]] | None = None,
    updated: str | None = None,
) -> str:
    """A document's page. `site` holds site_name and site_url; `event` is its events.Event
    (related coverage, inferred date); `commentary` its editorial.Commentary items with bodies
    ready to embed; `updated` the date its sources last changed."""
    here = page_url(document)
    return (
        environment()
        .get_template("document.md.j2")
        .render(
            doc=document,
            a=document.analysis,
            cleaned=document.cleaned,
            source=document.source,
            here=here,
            raw_href=addresses.link(raw_path(document), here),
            event=event,
            map_src=map_src,
            commentary=commentary or [],
            updated=updated,
            **site,
        )
    )


def sort_for_index(documents: list[Document]) -> list[Document]:
    """Newest first; undated documents last, by id. A date known to the month or year (ISO 2021-04,
    2021) comes before every day of its period, as ISO strings compare: newest first, April 2021
    follows the days of April and precedes March."""
    dated = sorted((d for d in documents if d.analysis.date), key=lambda d: (d.analysis.date, d.doc_id), reverse=True)
    undated = sorted((d for d in documents if not d.analysis.date), key=lambda d: d.doc_id)
    return dated + undated


def render_feed(documents: list[Document], updated: dict[str, str | None], site: dict[str, str]) -> str:
    """Atom feed of the documents, newest first; dates only from the sources, so builds repeat."""
    ordered = sort_for_index(documents)
    entries = [(d, updated.get(d.doc_id)) for d in ordered]
    dates: list[str] = [date for d, u in entries if (date := u or feed_day(d.analysis.date))]
    return (
        environment()
        .get_template("feed.xml.j2")
        .render(
            entries=entries,
            base=site["site_url"],
            site_name=site["site_name"],
            updated=max(dates, default="1970-01-01"),
        )
    )
