"""Entity matching throughput: the whole knowledge base against ~2 MB of corpus text.

    .venv/bin/python bench/matcher_speed.py

Requirement (issue 4): at least 1 MB of text per second. Text is the five documents' cleaned
paragraphs repeated with varied numbers so token caches see realistic reuse.
"""

from __future__ import annotations

import time
from pathlib import Path

from generator.entities.mentions import find_entities
from generator.model.document import Document, Paragraph
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.stages.ingest import discover


def main() -> None:
    settings = load_settings(Path(__file__).resolve().parent.parent)
    context = load_context(settings)
    documents = [d for d in (process(p, context) for p in discover(settings.documents_dir)) if isinstance(d, Document)]
    base = [p.text for d in documents for p in d.cleaned.paragraphs]
    paragraphs, size, copy = [], 0, 0
    while size < 2_000_000:
        for text in base:
            paragraph = Paragraph(f"p{len(paragraphs)}", f"{text} {copy}", (1, 1))
            paragraphs.append(paragraph)
            size += len(paragraph.text.encode("utf-8"))
        copy += 1
    started = time.perf_counter()
    found = find_entities(tuple(paragraphs), context.matcher, context.knowledge)
    seconds = time.perf_counter() - started
    mentions = sum(len(item.mentions) for item in found)
    print(
        f"matched {size / 1e6:.2f} MB in {seconds:.2f} s: {size / 1e6 / seconds:.2f} MB/s "
        f"({mentions} mentions of {len(found)} entities; knowledge base of {len(context.knowledge)})"
    )


if __name__ == "__main__":
    main()
