"""The HTML editors' Markdown may produce, as an allowlist for nh3 (the Python binding of ammonia).

Editors' Markdown (commentary, knowledge-base notes, hand-written pages) keeps what it is written
for: text, links, emphasis, lists, tables, footnotes, admonitions, code and images from the site.
Everything that can run or restyle the page is dropped: `<script>`, `<style>`, `<iframe>`,
forms, event handlers (`on…`), `style` (but a table cell's `text-align`), `javascript:` and other
URL schemes but http, https and mailto, classes other than those Markdown's extensions write, and
ids that would take over the theme's own elements. The editors' guide lists the same allowlist.
"""

from __future__ import annotations

import html as html_text
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import nh3
from pygments.token import STANDARD_TYPES

TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    }
)
# Dropped with everything inside them; other tags outside TAGS are dropped and their text kept.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template"})
ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},  # style: text-align only (Markdown's column alignment)
    "th": {"colspan", "rowspan", "style"},
    "details": {"open"},
}
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Material's admonition types (`!!! note`, `??? tip`) and its inline placement.
ADMONITION_CLASSES = frozenset(
    {
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
        "inline",
        "end",
    }
)
CODE_CLASSES = frozenset(name for name in STANDARD_TYPES.values() if name)  # Pygments' token classes
CLASSES = {
    "div": ADMONITION_CLASSES | {"admonition", "footnote", "highlight"},
    "details": ADMONITION_CLASSES,
    "p": {"admonition-title"},
    "a": {"headerlink", "footnote-ref", "footnote-backref", "md-button", "md-button--primary"},
    "span": CODE_CLASSES | {"filename"},
}
# Material's own elements have ids starting with "__" (__config, __drawer, __search …): an element
# of the page's content with the same id would take their place.
THEME_ID_PREFIX = "__"


def sanitise(html: str, id_prefix: str | None = None) -> str:
    """`html` with only the allowlist left; `id_prefix` is put before every id (for a text shown
    inside a page, so that its ids cannot clash with the page's)."""
    return _cleaner(id_prefix).clean(html)


# Front matter that picks the page's template: Material's redirect template runs `location` as a script URL.
TEMPLATE_KEYS = frozenset({"template"})


def sanitise_front_matter(meta: dict[str, Any]) -> dict[str, Any]:
    """An editor's page front matter, safe for the theme: MkDocs and Material write its values (title,
    description, subtitle …) into text and double-quoted attributes without escaping them."""
    return {key: _escaped(value) for key, value in meta.items() if key not in TEMPLATE_KEYS}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html_text.escape(value, quote=False).replace('"', "&quot;")  # "'" kept: no template single-quotes
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


@cache
def _cleaner(id_prefix: str | None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        filter_style_properties=set(STYLE_PROPERTIES),
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_attribute_filter,
        link_rel=None,
        strip_comments=True,
        id_prefix=id_prefix,
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """What the tables above cannot say. (nh3 calls this after its URL-scheme check, so it may
    only keep or drop a value, never make a new one.)"""
    if attribute == "id" and value.startswith(THEME_ID_PREFIX):
        return None
    if tag == "img" and attribute == "src":
        url = urlsplit(value)
        if url.scheme or url.netloc:  # a remote image would make readers' browsers contact its host
            return None
    return value
