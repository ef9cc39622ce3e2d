"""The pipeline: ingest -> clean -> analyse -> render -> publish, and the build report."""

from __future__ import annotations

import pickle
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.entities.english_names import name_problems
from generator.entities.events import event_profile
from generator.entities.gazetteer import data_version, load_gazetteer
from generator.entities.knowledge import load_knowledge
from generator.entities.matching import Matcher
from generator.entities.mentions import find_entities, outside_names
from generator.entities.names import find_new_names
from generator.entities.places import PlaceIndex, find_places, place_index
from generator.model.document import TITLE_KEY, Cleaned, Diagnostic, Document, Paragraph, Skipped
from generator.model.entity import Entity
from generator.model.plurals import count
from generator.model.report import Progress, Report
from generator.model.settings import Settings
from generator.pipeline.cache import DocumentCache, files_digest
from generator.pipeline.history import first_added, last_changed
from generator.pipeline.parallel import on_all_cores
from generator.site.plan import SitePlan, plan_site
from generator.site.publish import Outputs, write_outputs
from generator.stages.analyse import analyse
from generator.stages.clean import clean
from generator.stages.ingest import discover, read_document, without_twins
from generator.stages.translations import english_side, read_translation, translation_path
from generator.text.inputs import relative_path


@dataclass(frozen=True)
class Context:
    """What every document is processed against: settings, the compiled knowledge base and gazetteer."""

    settings: Settings
    knowledge: dict[str, Entity]
    matcher: Matcher
    knowledge_errors: tuple[Diagnostic, ...]
    changed: dict[str, str] = field(default_factory=dict)  # site_src path -> last commit date
    places: PlaceIndex | None = None  # the gazetteer (entities/places.py); loaded before workers fork


def load_context(settings: Settings, history: dict[str, str] | None = None) -> Context:
    entities, errors = load_knowledge(
        settings.knowledge_dir,
        settings.source_dir,
        settings.max_document_bytes,
        first_added(settings.root, "site_src/knowledge"),
    )
    changed = last_changed(settings.root) if history is None else history
    knowledge = {e.id: e for e in entities}
    places = place_index(load_gazetteer(), knowledge) if settings.gazetteer else None
    return Context(settings, knowledge, Matcher(entities), tuple(errors), changed, places)


def process_all(paths: list[Path], context: Context, cache: DocumentCache) -> Iterator[tuple[Path, Document | Skipped]]:
    """Every document processed, in `paths` order: from the cache where its inputs are unchanged,
    else on all cores (documents are independent of each other)."""
    keys = [cache.key(document_inputs(path, context.settings)) for path in paths]
    results: list[Document | Skipped | None] = [cache.load(key) for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]

    def process_pickled(i: int) -> bytes:  # pickled once, for both the trip back and the cache
        return pickle.dumps(process(paths[i], context), protocol=pickle.HIGHEST_PROTOCOL)

    def keep(i: int, data: bytes) -> None:
        result: Document | Skipped = pickle.loads(data)
        results[i] = result
        cache.store(keys[i], data, result)

    if missing:  # the first one here: it loads the language model and date data the workers then share
        keep(missing[0], process_pickled(missing[0]))
    for i, data in zip(missing[1:], on_all_cores(process_pickled, missing[1:]), strict=True):
        keep(i, data)
    yield from zip(paths, results, strict=True)


def keep_documents_at_hand(settings: Settings) -> int:
    """Load every document the cache holds for the current inputs into this process (each with what the
    event stage compares it by) and render every page once, so that the preview's first save costs what
    later ones do: only the documents a save changed are read again (pipeline/cache.py), and only their
    pages and their related coverage's rendered again (site/rendered_pages.py). The number of documents."""
    context = load_context(settings)
    cache = DocumentCache(settings.root, shared_inputs(settings))
    paths, _ = without_twins(discover(settings.documents_dir))
    loaded = (cache.load(cache.key(document_inputs(path, context.settings))) for path in paths)
    documents = [document for document in loaded if isinstance(document, Document)]
    if paths:  # loads the language model and date data, as a save's first changed document would
        process(paths[0], context)
    plan = plan_site(documents, context)
    for job in plan.jobs:  # here, one after another: this runs beside the preview's server
        plan.keep(job())
    return len(documents)


def document_inputs(path: Path, settings: Settings) -> list[Path]:
    """The files one document's processing reads (for the cache key)."""
    return [
        path,
        *(path.with_suffix(s) for s in (".yml", ".yaml")),
        translation_path(settings.translations_dir, path.stem),
    ]


def shared_inputs(settings: Settings) -> str:
    """What every document's processing depends on besides its own files."""
    knowledge = sorted(settings.knowledge_dir.glob("*.md")) if settings.knowledge_dir.is_dir() else []
    versions = data_version() if settings.gazetteer else None
    return files_digest(knowledge) + repr((settings.max_document_bytes, settings.summary_sentences, versions))


def process(path: Path, context: Context) -> Document | Skipped:
    """One document file through ingest, clean, analyse, translations and entities."""
    settings = context.settings
    source = read_document(path, settings.source_dir, settings.max_document_bytes)
    if isinstance(source, Skipped):
        return source
    cleaned = clean(source.text, source.first_line)
    if not cleaned.paragraphs:
        return Skipped(
            path,
            f"no article text left after cleaning ({count(len(cleaned.removed), 'line')} removed as page "
            "furniture; `microsite inspect FILE` lists each line with its reason)",
        )
    analysis = analyse(source, cleaned, settings, context.knowledge)
    translation_file = translation_path(settings.translations_dir, source.doc_id)
    translation = (
        read_translation(translation_file, settings.source_dir, settings.max_document_bytes)
        if translation_file.is_file() or translation_file.is_symlink()
        else None
    )
    english = english_side(cleaned.paragraphs, analysis.language, analysis.summary, translation, analysis.title)
    named = (*headline(cleaned), *cleaned.paragraphs)  # the headline names places and people too
    entities = find_entities(named, context.matcher, context.knowledge, analysis.language)
    if context.places is not None:  # the gazetteer's places; new names are then sought outside them
        entities = find_places(named, entities, context.places, analysis.language)
    entities = outside_names(entities, named, (analysis.outlet or "",))
    new_names = find_new_names(cleaned.paragraphs, entities, analysis.language, context.knowledge)
    document = Document(source, cleaned, analysis, english, entities, new_names)
    event_profile(document)  # kept with the document: made here, on all cores, and cached with it
    return document


def headline(cleaned: Cleaned) -> tuple[Paragraph, ...]:
    """The source's own headline as a paragraph keyed TITLE_KEY, when it is not also body text (a
    title given in front matter is the editor's, not the source's: it is not read for entities)."""
    line = cleaned.title_line
    if not cleaned.title or line is None or any(p.lines[0] <= line <= p.lines[1] for p in cleaned.paragraphs):
        return ()
    return (Paragraph(TITLE_KEY, cleaned.title, (line, line)),)


def build_docs(settings: Settings, history: dict[str, str], progress: Progress | None = None) -> Report:
    """docs/ from site_src/: every stage, the documents on all cores. (`build.generate` runs this
    when something changed.)"""
    started = time.perf_counter()
    report = Report()
    context = load_context(settings, history)
    report.diagnostics += context.knowledge_errors
    paths, twins = without_twins(discover(settings.documents_dir))
    report.skipped += [Skipped(_display(t.path, settings), t.reason) for t in twins]
    cache = DocumentCache(settings.root, shared_inputs(settings))
    if progress:
        progress("Processing documents", 0, len(paths))
    for number, (path, result) in enumerate(process_all(paths, context, cache), 1):
        if isinstance(result, Skipped):
            report.skipped.append(Skipped(_display(path, settings), result.reason))
        else:
            report.documents.append(result)
            report.published += 1
            shown = _display(path, settings)
            report.diagnostics += [Diagnostic(shown, None, "warning", w) for w in result.source.warnings]
            report.diagnostics += result.english.problems
            report.diagnostics += name_problems(result)  # names the knowledge base writes otherwise
        if progress:
            progress("Processing documents", number, len(paths))
    report.diagnostics += [
        Diagnostic(path, None, "warning", "translation of a document that does not exist")
        for path in orphan_translation_files(settings, report.documents, report.skipped)
    ]
    cache.save()
    plan = plan_site(report.documents, context)
    report.diagnostics += [*plan.problems.fatal, *plan.problems.errors, *plan.problems.warnings]
    if report.fatal:  # leave docs/ as it was: the build stops here
        return report
    outputs = planned_outputs(plan, len(report.documents))
    report.written, report.deleted = write_outputs(settings.docs_dir, outputs)  # written as made
    report.diagnostics += plan.taken  # known once every job has run
    report.seconds = time.perf_counter() - started
    return report


def planned_outputs(plan: SitePlan, documents: int) -> Iterator[Outputs]:
    """Every file of the plan, in batches as they are made (the jobs on all cores: the site-wide jobs go over
    all `documents`, so a few of them are worth the workers, as when a save leaves only them to run). The
    worker processes are forked before the first batch goes to publish's writer threads: a process forked
    while other threads run may inherit a lock one of them held, and hang."""
    jobs = on_all_cores(lambda k: plan.jobs[k](), range(len(plan.jobs)), chunksize=1, documents=documents)
    first = next(jobs, None)
    yield plan.hand_written  # first: a generated file at the same address is written after it
    yield plan.keep(plan.ready)
    if first is not None:
        yield plan.keep(first)
    yield from map(plan.keep, jobs)


def orphan_translation_files(settings: Settings, documents: list[Document], skipped: list[Skipped]) -> list[Path]:
    known = {d.doc_id for d in documents} | {s.path.stem for s in skipped}
    if not settings.translations_dir.is_dir():
        return []
    return [
        _display(path, settings)
        for path in sorted(settings.translations_dir.glob("*.en.md"))
        if path.name[: -len(".en.md")] not in known
    ]


def _display(path: Path, settings: Settings) -> Path:
    return Path(relative_path(path, settings.root))
