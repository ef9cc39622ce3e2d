"""`microsite check`: what editors still have to do, per document.

Lists untranslated paragraphs, stale translations (the original changed since), orphan
translation blocks and files, and malformed translation files. Never writes anything.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.model.document import Document, Skipped
from generator.model.settings import Settings
from generator.pipeline.run import load_context, orphan_translation_files, process
from generator.stages.ingest import discover, without_twins
from generator.stages.translations import translation_path

FAILING = ("untranslated", "stale", "orphan", "invalid")


@dataclass(frozen=True)
class Finding:
    doc_id: str
    kind: str            # one of FAILING, or "note"/"name" (reported, never failing)
    where: str           # "file:line" an editor can open
    message: str


def run_check(settings: Settings) -> tuple[list[Document], list[Finding]]:
    documents: list[Document] = []
    skipped: list[Skipped] = []
    findings: list[Finding] = []
    context = load_context(settings)
    findings += [Finding("knowledge", "invalid", error.split(": ", 1)[0], error.split(": ", 1)[-1])
                 for error in context.knowledge_errors]
    paths, twins = without_twins(discover(settings.documents_dir))
    skipped += twins
    findings += [Finding(t.path.stem, "invalid", str(t.path), t.reason) for t in twins]
    for path in paths:
        result = process(path, context)
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        documents.append(result)
        findings += document_findings(result, settings)
    for path in orphan_translation_files(settings, documents, skipped):
        findings.append(Finding(path.name[: -len(".en.md")], "orphan", str(path), "translation of a document that does not exist"))
    return documents, findings


def document_findings(document: Document, settings: Settings) -> list[Finding]:
    english = document.english
    if english.status == "original":
        return []
    doc_id, source_name = document.doc_id, f"site_src/documents/{document.source.path.name}"
    translation = _relative(translation_path(settings.translations_dir, doc_id), settings)
    findings = [Finding(doc_id, "invalid", translation, problem.split(": ", 1)[-1]) for problem in english.problems]
    for pair in english.paragraphs:
        key = pair.paragraph.key
        if pair.state == "untranslated":
            reason = "no translation file" if english.status == "missing" else "no translation block for it"
            findings.append(Finding(doc_id, "untranslated", f"{source_name}:{pair.paragraph.lines[0]}", f"{key} untranslated ({reason})"))
        elif pair.state == "stale":
            findings.append(Finding(doc_id, "stale", f"{translation}:{pair.block.line}",
                                    f"{key} stale: the original paragraph changed since it was translated "
                                    f"(fingerprint {pair.block.fingerprint}, now {pair.paragraph.fingerprint})"))
    for block in english.orphans:
        findings.append(Finding(doc_id, "orphan", f"{translation}:{block.line}",
                                f"{block.key} ({block.fingerprint}) translates no paragraph of the document"))
    for name in document.new_names:
        line = next(p.lines[0] for p in document.cleaned.paragraphs if p.key == name.paragraph)
        findings.append(Finding(doc_id, "name", f"{source_name}:{line}",
                                f"new name «{name.name}» after «{name.title}», not in the knowledge base: {name.sentence}"))
    if english.status != "missing" and english.summary_source is None and english.summary_problem:
        findings.append(Finding(doc_id, "note", translation, f"no English summary: {english.summary_problem}"))
    return findings


def format_findings(documents: list[Document], findings: list[Finding]) -> str:
    lines = [f"{f.where}: {f.kind}: {f.message}" for f in findings]
    failing = [f for f in findings if f.kind in FAILING]
    counts = ", ".join(f"{sum(f.kind == kind for f in failing)} {kind}" for kind in FAILING
                       if any(f.kind == kind for f in failing))
    if failing:
        affected = len({f.doc_id for f in failing})
        lines.append(f"check: {len(documents)} document(s), {affected} with problems: {counts}")
    else:
        lines.append(f"check: {len(documents)} document(s); every paragraph has a current English translation")
    return "\n".join(lines)


def _relative(path, settings: Settings) -> str:
    try:
        return str(path.relative_to(settings.root))
    except ValueError:
        return str(path)
