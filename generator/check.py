"""`microsite check`: what editors still have to do, per document.

Lists untranslated paragraphs, stale translations (the original changed since), orphan
translation blocks and files, and malformed translation files; and, without failing, new names
and translation blocks that name an entity otherwise than the knowledge base. Never writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.entities.english_names import name_problems
from generator.model.document import Diagnostic, Document, Skipped
from generator.model.plurals import count
from generator.model.report import Progress
from generator.model.settings import Settings
from generator.pipeline.run import load_context, orphan_translation_files, process
from generator.site import addresses
from generator.stages.ingest import discover, without_twins
from generator.stages.translations import translation_path
from generator.text.inputs import relative_path

FAILING = ("untranslated", "stale", "orphan", "invalid")


@dataclass(frozen=True)
class Finding:
    doc_id: str
    kind: str  # one of FAILING, or "note"/"name"/"naming" (reported, never failing)
    where: str  # "file:line" an editor can open
    message: str


def run_check(settings: Settings, progress: Progress | None = None) -> tuple[list[Document], list[Finding]]:
    documents: list[Document] = []
    skipped: list[Skipped] = []
    findings: list[Finding] = []
    context = load_context(settings)
    findings += [
        Finding("knowledge", "invalid", _where(error, settings), error.message) for error in context.knowledge_errors
    ]
    paths, twins = without_twins(discover(settings.documents_dir))
    skipped += twins
    findings += [Finding(t.path.stem, "invalid", str(t.path), t.reason) for t in twins]
    if progress:
        progress("Checking documents", 0, len(paths))
    for number, path in enumerate(paths, 1):
        result = process(path, context)
        if progress:
            progress("Checking documents", number, len(paths))
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        documents.append(result)
        findings += document_findings(result, settings)
    for path in orphan_translation_files(settings, documents, skipped):
        findings.append(
            Finding(path.name[: -len(".en.md")], "orphan", str(path), "translation of a document that does not exist")
        )
    return documents, findings


def document_findings(document: Document, settings: Settings) -> list[Finding]:
    """What an editor still has to do for one document: translation work and new names."""
    findings = _new_name_findings(document)
    english = document.english
    if english.status == "original":
        return findings
    translation = relative_path(translation_path(settings.translations_dir, document.doc_id), settings.root)
    findings += [Finding(document.doc_id, "invalid", _where(p, settings), p.message) for p in english.problems]
    findings += [Finding(document.doc_id, "naming", _where(p, settings), p.message) for p in name_problems(document)]
    findings += _paragraph_findings(document, translation)
    findings += [
        Finding(document.doc_id, "orphan", f"{translation}:{block.line}",
                f"{block.key} ({block.fingerprint}) translates no paragraph of the document")
        for block in english.orphans
    ]  # fmt: skip
    if english.status != "missing" and english.summary_source is None and english.summary_problem:
        findings.append(Finding(document.doc_id, "note", translation, f"no English summary: {english.summary_problem}"))
    return findings


def _source_name(document: Document) -> str:
    return addresses.source_path("documents", document.source.path.name)


def _paragraph_findings(document: Document, translation: str) -> list[Finding]:
    findings = []
    english = document.english
    for pair in english.paragraphs:
        key = pair.paragraph.key
        if pair.state == "untranslated":
            reason = "no translation file" if english.status == "missing" else "no translation block for it"
            where = f"{_source_name(document)}:{pair.paragraph.lines[0]}"
            findings.append(Finding(document.doc_id, "untranslated", where, f"{key} untranslated ({reason})"))
        elif pair.state == "stale" and pair.block is not None:
            message = (
                f"{key} stale: the original paragraph changed since it was translated "
                f"(fingerprint {pair.block.fingerprint}, now {pair.paragraph.fingerprint})"
            )
            findings.append(Finding(document.doc_id, "stale", f"{translation}:{pair.block.line}", message))
    return findings


def _new_name_findings(document: Document) -> list[Finding]:
    findings = []
    for name in document.new_names:
        line = next(p.lines[0] for p in document.cleaned.paragraphs if p.key == name.paragraph)
        evidence = f" {name.relation} «{name.title}»" if name.title else ""
        signals = ", ".join(name.signals)
        message = (
            f"new name «{name.name}»{evidence} ({signals}), not in the knowledge base "
            f'(microsite accept "{name.name}"): {name.sentence}'
        )
        findings.append(Finding(document.doc_id, "name", f"{_source_name(document)}:{line}", message))
    return findings


def format_findings(documents: list[Document], findings: list[Finding]) -> str:
    lines = [f"{f.where}: {f.kind}: {f.message}" for f in findings]
    failing = [f for f in findings if f.kind in FAILING]
    counts = ", ".join(
        f"{sum(f.kind == kind for f in failing)} {kind}" for kind in FAILING if any(f.kind == kind for f in failing)
    )
    if failing:
        affected = len({f.doc_id for f in failing})
        lines.append(f"check: {count(len(documents), 'document')}, {affected} with problems: {counts}")
    else:
        lines.append(f"check: {count(len(documents), 'document')}; every paragraph has a current English translation")
    return "\n".join(lines)


def _where(diagnostic: Diagnostic, settings: Settings) -> str:
    """`file:line` of a problem, the file named from the project folder."""
    if diagnostic.file is None:
        return ""
    where = relative_path(diagnostic.file, settings.root)
    return f"{where}:{diagnostic.line}" if diagnostic.line else where
