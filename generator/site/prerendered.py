"""Generated pages through MkDocs without parsing their HTML again (issue 16, "render once").

A generated page is ~98% raw HTML the templates rendered and escaped already. Python-Markdown
would parse that HTML (md_in_html) only to store it and put it back unchanged, and MkDocs would
parse it a second time for the ids it holds. Here each top-level HTML block, separated by blank
lines as the templates write them, is set aside before Markdown and replaced by a placeholder
paragraph; Markdown renders what remains (headings with their ids and table of contents,
paragraphs); the blocks go back in place of their placeholders, exactly where Markdown's own
stash would have put them. Ids and links are read from the blocks with patterns, not a parser:
the templates write every attribute double-quoted and escape the text they insert.

A block is set aside only when Markdown would keep it verbatim: it starts a line with a
block-level tag, ends with `>`, closes every tag of the kind it opens, and has no `markdown`
attribute (md_in_html rewrites those). A page with a block that opens a tag it does not close
(its element spans blank lines) is left to Markdown whole. tests/test_render_once.py proves
the result equal to Markdown's on every generated page of the seeds.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>/]")
_MARKDOWN_ATTRIBUTE = re.compile(r"<[^<>]*\smarkdown(?:\s*=|[\s/>])")
_ANCHOR = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"|<a\s[^<>]*?\bname="([^"]*)"')
_LINK = re.compile(r'<[a-zA-Z][^<>]*?\s(?:href|src)="([^"]*)"')
_EDITORIAL = '<div class="ms-editorial">'  # editors' text, rendered and checked by editorial.py
_DIV = re.compile(r"<(/?)div[\s>]", re.IGNORECASE)
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_TAG_NAMES = frozenset(BLOCK_LEVEL_ELEMENTS)
PLACEHOLDER = "MSRAWBLOCK{:06d}Z"  # a paragraph Markdown leaves as it is
# A line of a residue that renders alike on every page: blank, a placeholder, or a heading below the
# title with no link, code, emphasis, HTML or escape in it (what MkDocs resolves or reads per page).
_PLAIN_RESIDUE_LINE = re.compile(r"|MSRAWBLOCK\d{6}Z|#{2,6} [^\[\]()<>`*_\\!]*")


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with its HTML blocks replaced by placeholders, and the blocks, each with
    what Markdown writes after it: a line break when a blank line follows it, nothing when a
    heading follows on the next line."""

    markdown: str
    blocks: list[tuple[str, str]]

    def restore(self, rendered: str) -> str | None:
        """Markdown's HTML with each placeholder paragraph replaced by its block; None if one is
        not found once as a paragraph of its own (then the page must go through Markdown whole)."""
        for number, (block, after) in enumerate(self.blocks):
            paragraph = f"<p>{PLACEHOLDER.format(number)}</p>"
            if rendered.count(paragraph) != 1:
                return None
            rendered = rendered.replace(paragraph, block + after, 1)  # as Markdown's stash puts it back
        return rendered.strip()  # as Markdown ends its output

    def anchor_ids(self) -> set[str]:
        """The ids of the blocks (and names of their `<a>`), as MkDocs' scan of raw HTML finds them."""
        return {html.unescape(a or b) for block, _ in self.blocks for a, b in _ANCHOR.findall(block)}


def set_aside(markdown: str) -> SetAside | None:
    """The page with its verbatim HTML blocks set aside; None when nothing can be (or the page
    must go through Markdown whole)."""
    if "MSRAWBLOCK" in markdown:
        return None
    pieces = _BLANK_LINES.split(markdown)
    blocks: list[tuple[str, str]] = []
    for index in range(0, len(pieces), 2):  # odd pieces are the blank lines between blocks
        block = pieces[index].rstrip()
        html_part, headings = _before_headings(block)
        kind = _verbatim(html_part)
        if kind == "unclosed":
            return None
        if kind == "verbatim":
            rest = f"\n{headings}" if headings else ""
            pieces[index] = PLACEHOLDER.format(len(blocks)) + rest + pieces[index][len(block) :]
            blocks.append((html_part, "" if headings else "\n"))
    return SetAside("".join(pieces), blocks) if blocks else None


def renders_alike_everywhere(residue: str) -> bool:
    """Whether Markdown (with MkDocs' per-page extensions) renders this residue, a page's Markdown
    with its blocks set aside, to the same HTML, table of contents and anchors on any page: most
    document pages share a handful of residues (their headings between placeholders), so each is
    rendered once per build (mkdocs_hooks.py)."""
    return all(_PLAIN_RESIDUE_LINE.fullmatch(line.strip()) for line in residue.split("\n"))


def _before_headings(block: str) -> tuple[str, str]:
    """A block split before the headings that end it (a template's HTML followed at once by a
    Markdown heading): (the rest, the heading lines), the latter "" when it ends otherwise."""
    lines = block.split("\n")
    first = len(lines)
    while first > 1 and lines[first - 1].startswith("#"):
        first -= 1
    return "\n".join(lines[:first]), "\n".join(lines[first:])


def _verbatim(block: str) -> str:
    """ "verbatim" (Markdown keeps it as it is), "unclosed" (an element spans blank lines) or "markdown"."""
    start = _FIRST_TAG.match(block)
    if start is None or start.group(1).lower() not in _TAG_NAMES:
        return "markdown"
    tag = start.group(1)
    opened = len(re.findall(rf"<{tag}[\s>/]", block, re.IGNORECASE))
    closed = len(re.findall(rf"</{tag}\s*>", block, re.IGNORECASE))
    if opened != closed:
        return "unclosed"
    if not block.endswith(">") or _MARKDOWN_ATTRIBUTE.search(block):
        return "markdown"
    return "verbatim"


def page_links(text: str) -> list[str]:
    """Every address an `href` or `src` of the page's HTML names, unescaped, in order; but not
    those of editors' text (commentary, notes: `<div class="ms-editorial">`), whose links
    editorial.EditorsHtml checks, naming the editor's file and line."""
    return [html.unescape(link) for link in _LINK.findall(_without_editorial(text))]


def _without_editorial(text: str) -> str:
    kept, position = [], 0
    while (start := text.find(_EDITORIAL, position)) >= 0:
        kept.append(text[position:start])
        depth, position = 0, len(text)
        for tag in _DIV.finditer(text, start):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                position = tag.end()
                break
    return "".join(kept) + text[position:]


def broken_links(
    page_url: str, links: list[str], targets: Mapping[str, set[str] | None], own_anchors: set[str]
) -> list[str]:
    """The links of the page at `page_url` (site-relative, directory URLs) that name no file or
    page of the site, or an anchor its page lacks. `targets`: every file's URL -> the anchors of
    its page (None for a file that is not a page)."""
    return [link for link in links if not _reaches(page_url, link, targets, own_anchors)]


def _reaches(page_url: str, link: str, targets: Mapping[str, set[str] | None], own_anchors: set[str]) -> bool:
    if not link or _SCHEME.match(link):
        return True  # another site, mailto:, data: … (not ours to check)
    path, _, anchor = link.partition("#")
    path = path.partition("?")[0]
    if not path:
        return not anchor or anchor in own_anchors
    target = _resolved(page_url, path)
    if target not in targets:
        return False
    anchors = targets[target]
    return not anchor or anchors is None or anchor in anchors


def _resolved(page_url: str, path: str) -> str:
    """The site-relative URL a relative link from `page_url` reaches ("" for the home page)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(posixpath.join("/" + base, path))
    target = joined.lstrip("/")
    return target + "/" if path.endswith("/") and target else target
