"""The site plan: every file of docs/ from the processed documents, planned before one is
written: editors' text is resolved first (so every fatal problem is known before docs/ changes),
and the rest are independent jobs that can run on all cores."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol

from generator.entities.events import Event, group_events, timeline_events
from generator.model.document import Diagnostic, Document
from generator.model.entity import Entity
from generator.model.settings import Settings
from generator.site import addresses, dataset, rendered_pages
from generator.site.archive import archive_outputs
from generator.site.editorial import Commentary, EditorsHtml, Linker, LinkTargets, load_commentary
from generator.site.entity_pages import entity_outputs
from generator.site.overview import HOME_PAGE, home_outputs
from generator.site.publish import Outputs
from generator.site.render import page_path, raw_path, render_document, render_feed
from generator.site.rendered_pages import PageInputs
from generator.site.search_index import folding_script
from generator.site.site_pages import document_map_src, map_outputs, timeline_output
from generator.stages.translations import translation_path
from generator.text.inputs import InputError, read_input, read_input_text, relative_path, without_front_matter


class SiteContext(Protocol):
    """What the plan needs besides the documents (the pipeline's Context has it)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def knowledge(self) -> dict[str, Entity]: ...

    @property
    def changed(self) -> dict[str, str]:  # site_src path -> last commit date
        ...


@dataclass
class Problems:
    fatal: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)  # left out of the site, reported
    warnings: list[Diagnostic] = field(default_factory=list)


# Site-wide files editors may link to (made by the jobs below, so not known before them).
SITE_FILES = (
    addresses.CORPUS_JSON,
    addresses.ENTITIES_JSON,
    addresses.DOCUMENTS_CSV,
    addresses.CORPUS_SCHEMA,
    addresses.FEED,
)
SITE_PAGES = (
    addresses.DOCUMENTS_INDEX_PAGE,
    addresses.ENTITIES_INDEX_PAGE,
    addresses.MAP_PAGE,
    addresses.TIMELINE_PAGE,
    addresses.NEW_NAMES_PAGE,
)  # made by the jobs below too
PAGES_PER_JOB = 8  # document pages rendered per job: fewer round trips between processes


@dataclass
class SitePlan:
    """Every file of docs/, planned: editors' text is resolved (so every fatal problem is known
    before a file is written), and the rest are independent jobs."""

    problems: Problems
    ready: Outputs  # made already: source downloads, pages kept (rendered_pages.py)
    jobs: list[Callable[[], Outputs]]  # the pages and site-wide files, in any order
    rendered_from: dict[str, PageInputs] = field(default_factory=dict)  # the document pages the jobs make
    hand_written: Outputs = field(default_factory=dict)  # editors' pages and files but the home page, by address
    taken: list[Diagnostic] = field(default_factory=list)  # editors' files at an address a generated file has

    def keep(self, outputs: Outputs) -> Outputs:
        """`outputs` of a job (or `ready`), its document pages kept for this process's next build
        (rendered_pages.py); an editor's file at the address of one of them is reported in `taken`
        (the generated file is written after it, so it wins)."""
        rendered_pages.keep(self.rendered_from, outputs)
        self.taken += [_address_taken(address) for address in sorted(outputs.keys() & self.hand_written.keys())]
        return outputs


def _address_taken(address: str) -> Diagnostic:
    return Diagnostic(
        Path(addresses.source_path("pages", address)),
        None,
        "error",
        f"the site makes its own file at this address ({address}); left out of the site (give this file another name)",
    )


def plan_site(documents: list[Document], context: SiteContext) -> SitePlan:
    """Pages, hand-written pages, dataset and source downloads."""
    settings = context.settings
    problems = Problems()
    linker = Linker(
        {d.doc_id: d.english.title or d.analysis.title for d in documents},
        {e.id: e.name for e in context.knowledge.values()},
    )
    commentary = _commentary(documents, settings, problems)
    hand_written, markdown_pages = hand_written_outputs(settings, linker, problems)
    outputs = {raw_path(document): document.source.raw for document in documents}
    editors = EditorsHtml(linker, _link_targets(documents, context, outputs | hand_written))
    problems.fatal += check_hand_written_links(markdown_pages, editors)
    events = group_events(documents)
    event_of = {d.doc_id: event for event in events for d in event.documents}
    site = {"site_name": settings.site_name, "site_url": site_url(settings)}
    page_inputs = [
        PageInputs(document, site, event_of[document.doc_id], document_map_src(document),
                   _rendered_commentary(document, commentary, editors, problems),
                   document_updated(document, commentary.get(document.doc_id, []), context))
        for document in documents
    ]  # fmt: skip
    notes = _rendered_notes(context, editors, problems)
    updated_of = {inputs.document.doc_id: inputs.updated for inputs in page_inputs}
    home = hand_written.pop(HOME_PAGE, None)  # the editors' home page, with the overview put in by its job
    # Site-wide files first: the longest jobs; the pages even out the cores after them.
    jobs: list[Callable[[], Outputs]] = [
        lambda: map_outputs(documents, context.knowledge, settings.tiles),
        lambda: entity_outputs(documents, context.knowledge, notes),
        lambda: dataset_outputs(documents, event_of, context),
        lambda: timeline_output(timeline_events(events)),
        lambda: archive_outputs(documents, event_of),
        lambda: home_outputs(home, documents, event_of, context.changed, settings.root),
        lambda: {addresses.FEED: render_feed(documents, updated_of, site).encode("utf-8")},
        lambda: {addresses.FOLDING_SCRIPT: folding_script().encode("utf-8")},
    ]
    rendered_from = _pages_to_render(page_inputs, outputs)
    jobs += _page_jobs(list(rendered_from.values()))
    return SitePlan(problems, outputs, jobs, rendered_from, hand_written)


def _page_jobs(pages: list[PageInputs]) -> list[Callable[[], Outputs]]:
    batches = range(0, len(pages), PAGES_PER_JOB)
    return [partial(_document_pages, pages[first : first + PAGES_PER_JOB]) for first in batches]


def _pages_to_render(page_inputs: list[PageInputs], outputs: Outputs) -> dict[str, PageInputs]:
    """The document pages to render; those this process rendered already from the same inputs go
    into `outputs` as they are."""
    pages = {page_path(inputs.document): inputs for inputs in page_inputs}
    kept, to_render = rendered_pages.reuse(pages)
    outputs.update(kept)
    return {path: pages[path] for path in to_render}


def _document_pages(batch: list[PageInputs]) -> Outputs:
    return {
        page_path(inputs.document): render_document(
            inputs.document, inputs.site, inputs.event, inputs.map_src, inputs.commentary, inputs.updated
        ).encode("utf-8")
        for inputs in batch
    }


def _commentary(documents: list[Document], settings: Settings, problems: Problems) -> dict[str, list[Commentary]]:
    """Commentary per document id; malformed files are fatal, unreadable ones left out, and
    commentary on a document that does not exist is reported."""
    commentary, errors, refused = load_commentary(
        settings.commentary_dir, settings.source_dir, settings.max_document_bytes
    )
    problems.fatal += errors
    problems.errors += refused
    known = {d.doc_id for d in documents}
    problems.warnings += [
        Diagnostic(c.path, None, "warning", f"commentary on a document that does not exist ({doc_id}); not shown")
        for doc_id, items in sorted(commentary.items())
        if doc_id not in known
        for c in items
    ]
    return commentary


def _link_targets(documents: list[Document], context: SiteContext, outputs: Outputs) -> LinkTargets:
    """What commentary and notes may link to: they reach their pages as HTML, which MkDocs does not check."""
    pages: dict[str, frozenset[str] | None] = {path: None for path in (*SITE_PAGES, *outputs) if path.endswith(".md")}
    pages |= {addresses.entity_page(entity_id): None for entity_id in context.knowledge}
    pages |= {page_path(d): frozenset(p.key for p in d.cleaned.paragraphs) for d in documents}
    return LinkTargets(pages, frozenset([*(path for path in outputs if path not in pages), *SITE_FILES]))


def _rendered_commentary(
    document: Document, commentary: dict[str, list[Commentary]], editors: EditorsHtml, problems: Problems
) -> list[tuple[Commentary, str]]:
    rendered = []
    for number, item in enumerate(commentary.get(document.doc_id, []), 1):
        body, errors = editors.render(item.body, page_path(document), f"c{number}", item.path, item.first_line)
        problems.fatal += errors
        rendered.append((item, body))
    return rendered


def _rendered_notes(context: SiteContext, editors: EditorsHtml, problems: Problems) -> dict[str, str]:
    notes = {}
    for entity in context.knowledge.values():
        notes[entity.id], errors = editors.render(
            entity.note, addresses.entity_page(entity.id), "n", entity.path, entity.note_line
        )
        problems.fatal += errors
    return notes


def dataset_outputs(documents: list[Document], event_of: dict[str, Event], context: SiteContext) -> Outputs:
    """The downloadable dataset: corpus (JSON, CSV), entities, and the corpus schema."""
    records = dataset.corpus(documents, event_of)
    outputs = {
        addresses.CORPUS_JSON: dataset.corpus_json(records).encode("utf-8"),
        addresses.ENTITIES_JSON: dataset.entities_json(documents, context.knowledge).encode("utf-8"),
        addresses.DOCUMENTS_CSV: dataset.documents_csv(records).encode("utf-8"),
    }
    schema = context.settings.root / "schemas" / "corpus.schema.json"
    if schema.is_file():
        outputs[addresses.CORPUS_SCHEMA] = schema.read_bytes()
    return outputs


def hand_written_outputs(
    settings: Settings, linker: Linker, problems: Problems
) -> tuple[Outputs, dict[str, tuple[Path, str]]]:
    """Editors' pages with their links resolved and an edit path added; their images as they are.
    A file that cannot be read safely (a link out of site_src/, not UTF-8 …) is left out.
    Also each Markdown page's source file and text (short links resolved), for checking."""
    outputs: Outputs = {}
    markdown_pages: dict[str, tuple[Path, str]] = {}
    for relative, path in hand_written_pages(settings.pages_dir).items():
        try:
            if path.suffix == ".md":
                markdown = read_input_text(path, settings.source_dir, settings.max_document_bytes)
            else:
                content = read_input(path, settings.source_dir, settings.max_document_bytes)
        except InputError as error:
            problems.errors.append(Diagnostic.from_error(error, "error", "; left out of the site"))
            continue
        if path.suffix == ".md":
            text, errors = linker.resolve(markdown, posixpath.dirname(relative), path)
            problems.fatal += errors
            outputs[relative] = with_edit_path(text, addresses.source_path("pages", relative)).encode("utf-8")
            markdown_pages[relative] = (path, text)
        else:
            outputs[relative] = content
    return outputs, markdown_pages


def check_hand_written_links(markdown_pages: dict[str, tuple[Path, str]], editors: EditorsHtml) -> list[Diagnostic]:
    """Errors for links in editors' pages to pages, files or anchors that do not exist. MkDocs
    would reject them too, but only after docs/ was written: found here, they stop the build
    before, so the live preview keeps the last good pages."""
    errors: list[Diagnostic] = []
    for relative, (path, text) in markdown_pages.items():
        body, first_line = without_front_matter(text)
        errors += editors.render(body, relative, "check", path, first_line)[1]
    return errors


def hand_written_pages(pages_dir: Path) -> dict[str, Path]:
    """Editors' pages (home, about, guide …) and their images, by path inside docs/."""
    if not pages_dir.is_dir():
        return {}
    return {
        path.relative_to(pages_dir).as_posix(): path
        for path in sorted(pages_dir.rglob("*"))
        if (path.is_file() or path.is_symlink()) and not path.name.startswith(".")
    }


def document_updated(document: Document, commentary: list, context: SiteContext) -> str | None:
    """The last commit date of any file the page is made from: document, translation, commentary."""
    root = context.settings.root
    files = [
        document.source.path,
        translation_path(context.settings.translations_dir, document.doc_id),
        *(item.path for item in commentary),
    ]
    dates = [context.changed.get(relative_path(path, root)) for path in files]  # as git names them
    return max((d for d in dates if d), default=None)


def site_url(settings: Settings) -> str:
    return settings.site_url.rstrip("/") + "/" if settings.site_url else ""


def with_edit_path(markdown: str, edit_path: str) -> str:
    """A hand-written page with `edit_path` added to its front matter (for the edit button)."""
    field_line = f"edit_path: {json.dumps(edit_path, ensure_ascii=False)}\n"
    if markdown.startswith("---\n"):
        return "---\n" + field_line + markdown[4:]
    return f"---\n{field_line}---\n\n{markdown}"
