"""Editors' Markdown: commentary on documents, entity notes and hand-written pages.

Editors link by id with a short syntax the build checks:

    [[doc:000_99d85874a1d33ffe]]          the document, titled
    [[doc:000_99d85874a1d33ffe#p3|this]]  a paragraph of it, with your own words
    [[entity:hulusi-akar]]                an entity page

Links become ordinary relative Markdown links to the generated pages; a link to an unknown id is
an error naming the file and line, and fails the build. Commentary and notes are rendered to HTML
here (EditorsHtml): their links are made the site's final URLs and checked, and the HTML is
sanitised (sanitise.py) before a page embeds it. Hand-written pages are rendered by MkDocs, which
checks their links, and sanitised by a hook (mkdocs_hooks.py).
Commentary lives in `site_src/commentary/<document id>.md` or `<document id>--<slug>.md`,
with front matter `author`, `date` and optional `title`; several per document are shown in
date order.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown as python_markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor
from pymdownx.slugs import slugify

from generator.model.document import Diagnostic
from generator.site import addresses
from generator.text.inputs import InputError, read_input_text, split_front_matter
from generator.text.normalise import clean_field
from generator.text.sanitise import sanitise

SHORT_LINK_RE = re.compile(r"\[\[(doc|entity):([^\]|#\s]+)(#[\w-]+)?(?:\|([^\]]+))?\]\]")
# Code shows the syntax rather than using it: fenced blocks and inline code are left alone.
CODE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.M | re.S)
COMMENTARY_NAME_RE = re.compile(r"^(?P<doc>[^\s]+?)(?:--(?P<slug>[\w-]+))?$")


class EditorialError(InputError):
    """A problem in an editor's file: the file, the line, the reason."""


@dataclass(frozen=True)
class Commentary:
    path: Path
    doc_id: str
    author: str
    date: str
    title: str | None
    body: str  # Markdown, as written
    first_line: int  # line of the body's first line in the file


@dataclass(frozen=True)
class Linker:
    """Resolves short links for a page at `base` (its folder inside docs/)."""

    documents: dict[str, str]  # id -> link text (English title, else original)
    entities: dict[str, str]  # id -> English name

    def resolve(self, markdown: str, base: str, source: Path, first_line: int = 1) -> tuple[str, list[Diagnostic]]:
        errors: list[Diagnostic] = []  # fatal: a page must not link to nothing
        offset = 0  # where the piece being resolved starts in `markdown`

        def replace(match: re.Match[str]) -> str:
            kind, target, anchor, label = match.group(1), match.group(2), match.group(3) or "", match.group(4)
            names = self.documents if kind == "doc" else self.entities
            if target not in names:
                line = first_line + markdown.count("\n", 0, offset + match.start())
                what = "document" if kind == "doc" else "entity"
                errors.append(Diagnostic(source, line, "fatal", f"link to unknown {what} {target!r} in {match[0]}"))
                return match.group(0)
            path = addresses.document_page(target) if kind == "doc" else addresses.entity_page(target)
            text = (label or names[target]).replace("[", "\\[").replace("]", "\\]")
            return f"[{text}]({posixpath.relpath(path, base or '.')}{anchor})"

        pieces = []
        for code in CODE_RE.finditer(markdown):
            pieces += [SHORT_LINK_RE.sub(replace, markdown[offset : code.start()]), code.group(0)]
            offset = code.end()
        pieces.append(SHORT_LINK_RE.sub(replace, markdown[offset:]))
        return "".join(pieces), errors


def load_commentary(
    folder: Path, source_dir: Path, max_bytes: int
) -> tuple[dict[str, list[Commentary]], list[Diagnostic], list[Diagnostic]]:
    """Commentary per document id, in date order; one error line per malformed file (which stops
    the build: an editor must see it), and one per file that cannot be read at all (a link out
    of site_src/, not UTF-8 …), which is left out."""
    found: dict[str, list[Commentary]] = {}
    errors: list[Diagnostic] = []  # fatal
    refused: list[Diagnostic] = []  # errors
    if not folder.is_dir():
        return found, errors, refused
    for path in sorted(folder.glob("*.md")):
        try:
            item = read_commentary(path, source_dir, max_bytes)
        except InputError as error:  # an EditorialError names its line
            if error.line is None:
                refused.append(Diagnostic.from_error(error, "error"))
            else:
                errors.append(Diagnostic.from_error(error, "fatal"))
            continue
        found.setdefault(item.doc_id, []).append(item)
    for items in found.values():
        items.sort(key=lambda c: (c.date, c.path.name))
    return found, errors, refused


def read_commentary(path: Path, source_dir: Path, max_bytes: int) -> Commentary:
    meta, body, first_line = split_front_matter(read_input_text(path, source_dir, max_bytes), path)
    name = COMMENTARY_NAME_RE.match(path.stem)
    if name is None:
        raise EditorialError(path, "the file name must be <document id>.md or <document id>--<topic>.md", 1)
    doc_id = name.group("doc")
    for field in ("author", "date"):
        if not meta.get(field):
            raise EditorialError(path, f"front matter field {field!r} is missing (who wrote this, and when?)", 1)
    date = meta["date"].isoformat() if isinstance(meta["date"], dt.date) else str(meta["date"])
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        raise EditorialError(path, f"front matter field 'date' must be YYYY-MM-DD, not {date!r}", 1)
    unknown = set(meta) - {"author", "date", "title"}
    if unknown:
        raise EditorialError(path, f"front matter field {sorted(unknown)[0]!r} is unknown (author, date, title)", 1)
    author, title = clean_field(str(meta["author"])), clean_field(str(meta["title"])) if meta.get("title") else None
    if not author:
        raise EditorialError(path, "front matter field 'author' has no visible characters", 1)
    return Commentary(path, doc_id, author, date, title or None, body.strip("\n"), first_line)


# The Markdown of the whole site (mkdocs.yml's markdown_extensions; a test compares the two), with
# headings starting at level 3: commentary and notes sit under a level-2 heading of their page.
MARKDOWN_EXTENSIONS = (
    "attr_list",
    "md_in_html",
    "admonition",
    "footnotes",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
)
HEADING_LEVEL = 3


@dataclass(frozen=True)
class LinkTargets:
    """What commentary and notes may link to, by path inside docs/."""

    pages: dict[str, frozenset[str] | None]  # each page -> the anchors a link may name (a document's
    # paragraphs); None: not known here (MkDocs checks them)
    files: frozenset[str]  # other files: images beside the hand-written pages, source downloads


class EditorsHtml:
    """Commentary and notes as HTML a page can embed: short links resolved, the Markdown rendered
    as MkDocs renders it, ids prefixed (two texts on one page cannot collide), links made final
    and checked, and the result sanitised. The page embeds the HTML as it is, so MkDocs never
    sees these links: here they become what MkDocs makes of a link, the relative address of
    the target page (`../other/` for `other.md`), and a link to a page, file or anchor that
    does not exist is an error naming the file and line."""

    def __init__(self, linker: Linker, targets: LinkTargets):
        self.linker = linker
        self.links = _SiteLinks(targets)
        toc = TocExtension(permalink=True, slugify=slugify(case="lower"), baselevel=HEADING_LEVEL)
        self.markdown = python_markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, toc])
        self.markdown.treeprocessors.register(self.links, "microsite_links", 2)  # after toc (5): ids are final

    def render(
        self, text: str, page: str, prefix: str, source: Path, first_line: int = 1
    ) -> tuple[str, list[Diagnostic]]:
        """An editor's Markdown as sanitised HTML for the page at `page` (its path in docs/), with
        `prefix-` before every id; and the errors (fatal), each naming the file and line."""
        resolved, errors = self.linker.resolve(text, posixpath.dirname(page), source, first_line)
        self.links.start(page, f"{prefix}-")
        html = self.markdown.reset().convert(resolved)
        for url, why in dict.fromkeys(self.links.problems):
            found = resolved.find(url)
            line = first_line + resolved.count("\n", 0, found) if found >= 0 else None
            errors.append(Diagnostic(source, line, "fatal", f"link {url!r} {why}"))
        # Markdown's ids are prefixed in the tree already (links within the text follow them); the
        # sanitiser prefixes those written in raw HTML, and leaves the rest as they are. Raw HTML
        # links are not rewritten or checked (as MkDocs does not check them): write links in Markdown.
        return sanitise(html, id_prefix=f"{prefix}-"), errors


class _SiteLinks(Treeprocessor):
    """The ids and links of one rendered text, made final for the page that shows it."""

    def __init__(self, targets: LinkTargets):
        super().__init__()
        self.targets = targets
        self.start("", "")

    def start(self, page: str, prefix: str) -> None:
        self.page, self.prefix = page, prefix
        self.problems: list[tuple[str, str]] = []

    def run(self, root) -> None:
        own = {element.get("id") for element in root.iter() if element.get("id")}
        for element in root.iter():
            if element.get("id"):
                element.set("id", self.prefix + element.get("id"))
            for attribute in ("href", "src"):
                if element.get(attribute) is not None:
                    element.set(attribute, self.url(element.get(attribute), own))

    def url(self, url: str, own: set[str]) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return url  # another site: the sanitiser keeps http(s) and mailto only
        if not parts.path:
            return "#" + self.anchor(url, self.page, parts.fragment, own) if parts.fragment else url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), unquote(parts.path)))
        if target in self.targets.pages:
            address = addresses.link(addresses.url(target), addresses.url(self.page))
        elif target in self.targets.files:
            address = addresses.link(target, addresses.url(self.page))
        else:
            self.problems.append(
                (
                    url,
                    "is not a page or file of the site (link to a page by its .md file, "
                    "relative to this file's page, or with [[doc:ID]] or [[entity:ID]])",
                )
            )
            return url
        return address + ("#" + self.anchor(url, target, parts.fragment, own) if parts.fragment else "")

    def anchor(self, url: str, target: str, fragment: str, own: set[str]) -> str:
        fragment = unquote(fragment)
        if target == self.page and fragment in own:
            return self.prefix + fragment
        anchors = self.targets.pages.get(target, frozenset())
        if anchors is not None and fragment not in anchors:
            self.problems.append(
                (
                    url,
                    f"names no anchor of {target} (a link may name a paragraph of a document, "
                    "#p3, or a heading or footnote of the same text)",
                )
            )
        return fragment
