"""Speed never changes the result: the document cache and the worker processes give exactly
the docs/ of a cold build on one core."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace

import pytest
from conftest import IDS, make_project, tree_digest

from generator.model.settings import load_settings
from generator.pipeline import parallel
from generator.pipeline import run as pipeline
from generator.pipeline.cache import DATABASE

EDITED = "001_68d0712cb814f501.txt"


@pytest.fixture
def counted_processing(monkeypatch) -> list[str]:
    """The documents actually processed (not served from the cache), by file name."""
    processed: list[str] = []
    real = pipeline.process

    def counting(path, context):
        processed.append(path.name)
        return real(path, context)

    monkeypatch.setattr(pipeline, "process", counting)
    return processed


def edit_one_paragraph(root) -> None:
    path = root / "site_src" / "documents" / EDITED
    text = path.read_text(encoding="utf-8")
    longest = max(text.splitlines(), key=len)
    path.write_text(text.replace(longest, longest + " (تحديث)"), encoding="utf-8")


def test_only_the_edited_document_is_processed_again_and_the_result_equals_a_cold_build(tmp_path, counted_processing):
    warm, cold = make_project(tmp_path / "warm"), make_project(tmp_path / "cold")
    warm.generate()
    assert len(counted_processing) == 5
    edit_one_paragraph(warm.root)
    edit_one_paragraph(cold.root)
    counted_processing.clear()
    warm.generate()
    assert counted_processing == [EDITED]
    cold.generate()
    assert tree_digest(warm.root / "docs") == tree_digest(cold.root / "docs")


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, b"SQLite format 3\0" + b"\xff" * 5000])
def test_a_damaged_cache_is_recomputed_and_never_fails_the_build(project, counted_processing, damage):
    project.generate()
    expected = tree_digest(project.root / "docs")
    (project.root / DATABASE).write_bytes(damage)
    shutil.rmtree(project.root / "docs")  # so the build cannot stop early as "unchanged"
    report = project.generate()
    assert not report.errors and report.published == 5
    assert tree_digest(project.root / "docs") == expected
    assert len(counted_processing) == 10  # every document processed again
    counted_processing.clear()
    shutil.rmtree(project.root / "docs")
    project.generate()
    assert counted_processing == []  # and the cache works again afterwards


def test_work_on_all_cores_gives_the_docs_of_one_core(tmp_path, monkeypatch):
    one_core, all_cores = make_project(tmp_path / "one"), make_project(tmp_path / "all")
    one_core.generate()
    processed_by = tmp_path / "pids"
    real = pipeline.process

    def recording(path, context):  # runs in the workers: they report by file
        with processed_by.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(path, context)

    monkeypatch.setattr(pipeline, "process", recording)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)  # worker processes even on a 1-core machine
    all_cores.generate()
    assert set(processed_by.read_text().split()) - {str(os.getpid())}, "no document was processed by a worker"
    assert tree_digest(one_core.root / "docs") == tree_digest(all_cores.root / "docs")


def test_a_few_jobs_that_each_go_over_many_documents_run_on_all_cores(monkeypatch):
    """Issue 16, preview at scale: a save leaves about ten site-wide jobs, each over the whole corpus; they
    are worth the workers when the corpus is large, not when it is small or there is one job."""
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)  # worker processes even on a 1-core machine

    def pids(items: range, documents: int | None = None) -> set[int]:
        return set(parallel.on_all_cores(lambda i: os.getpid(), items, chunksize=1, documents=documents))

    here = {os.getpid()}
    assert pids(range(9), documents=parallel.PARALLEL_FROM) - here, "no job ran in a worker"
    assert pids(range(9), documents=parallel.PARALLEL_FROM - 1) == here
    assert pids(range(9)) == here  # by default one job is one document's worth
    assert pids(range(parallel.PARALLEL_FROM)) - here
    assert pids(range(1), documents=1000) == here  # one job: nothing to share


def test_the_previews_next_build_reuses_its_unchanged_documents_as_they_are(tmp_path, counted_processing, monkeypatch):
    """Issue 16, preview at scale: the preview builds once per save in one process. Its documents are loaded
    into memory ahead of the first save, and each build after reuses the unchanged ones as they are (same
    objects, nothing unpickled again) with what the event stage derived from them: a save re-reads and
    profiles only the document it changed, renders only its page and those of its related coverage,
    and the result equals a cold build's."""
    from generator.entities import events
    from generator.pipeline import cache
    from generator.site import plan, rendered_pages

    monkeypatch.setattr(cache, "_in_memory", {})  # a new process: nothing in memory yet
    monkeypatch.setattr(rendered_pages, "_kept", {})
    rendered: list[str] = []
    real_render = plan.render_document
    monkeypatch.setattr(plan, "render_document", lambda d, *a: rendered.append(d.doc_id) or real_render(d, *a))
    profiled: list[str] = []
    real_profile = events.profile
    monkeypatch.setattr(events, "profile", lambda document: profiled.append(document.doc_id) or real_profile(document))
    warm, cold = make_project(tmp_path / "warm"), make_project(tmp_path / "cold")
    warm.generate()  # `microsite serve` generates in the process it then replaces with MkDocs' server
    monkeypatch.setattr(cache, "_in_memory", {})
    monkeypatch.setattr(rendered_pages, "_kept", {})
    assert pipeline.keep_documents_at_hand(load_settings(warm.root)) == 5  # the server's head start
    counted_processing.clear()
    profiled.clear()
    rendered.clear()
    edit_one_paragraph(warm.root)
    warm.generate()
    assert counted_processing == [EDITED]  # the save's build processed only the edited document
    assert profiled == [EDITED.removesuffix(".txt")]  # and profiled it alone
    assert sorted(rendered) == IDS[:3]  # its page and those of the two other reports of its event
    edit_one_paragraph(cold.root)
    cold.generate()
    assert tree_digest(warm.root / "docs") == tree_digest(cold.root / "docs")


def test_event_profiles_are_made_as_documents_are_processed_and_cached_with_them(project, monkeypatch):
    """Issue 16: what the event stage compares documents by is made as each document is processed (on all
    cores) and kept in the cache with it: a build from the cache alone profiles nothing. A copy of a
    document with a field replaced starts without it, so a profile never outlives what it came from."""
    from generator.entities import events
    from generator.pipeline import cache

    project.generate()
    monkeypatch.setattr(cache, "_in_memory", {})  # a new process, as a deploy with the cache restored
    shutil.rmtree(project.root / "docs")
    profiled: list[str] = []
    real = events.profile
    monkeypatch.setattr(events, "profile", lambda document: profiled.append(document.doc_id) or real(document))
    project.generate()
    assert profiled == []
    settings = load_settings(project.root)
    path = settings.documents_dir / EDITED
    document = pipeline.process(path, pipeline.load_context(settings))
    assert profiled == [document.doc_id] and events.event_profile(document).day is not None
    undated = replace(document, analysis=replace(document.analysis, date=None, date_precision=None))
    assert events.event_profile(undated).day is None


def test_a_kept_page_is_reused_only_with_the_same_inputs(project, monkeypatch):
    """site/rendered_pages.py: a page is reused only for the same document object, the same event (its
    documents the same objects, its dates and links equal) and equal site, map, commentary and date."""
    from dataclasses import replace as copy

    from generator.entities.events import group_events
    from generator.site import rendered_pages
    from generator.site.rendered_pages import PageInputs

    monkeypatch.setattr(rendered_pages, "_kept", {})
    settings = load_settings(project.root)
    context = pipeline.load_context(settings)
    documents = [pipeline.process(path, context) for path in sorted(settings.documents_dir.glob("*.txt"))]
    event_of = {d.doc_id: e for e in group_events(documents) for d in e.documents}
    site = {"site_name": "s", "site_url": ""}
    inputs = {d.doc_id: PageInputs(d, site, event_of[d.doc_id], None, [], "2026-01-01") for d in documents}
    rendered_pages.keep(inputs, {doc_id: doc_id.encode() for doc_id in inputs})
    regrouped = {d.doc_id: e for e in group_events(documents) for d in e.documents}  # new, equal events
    again = {doc_id: copy(i, event=regrouped[doc_id]) for doc_id, i in inputs.items()}
    assert rendered_pages.reuse(again) == ({doc_id: doc_id.encode() for doc_id in inputs}, [])
    first, second, *_ = IDS
    changed = dict(again)
    changed[first] = copy(again[first], document=copy(again[first].document))  # equal, but not the same object
    changed[second] = copy(again[second], updated="2026-02-01")
    kept, to_render = rendered_pages.reuse(changed)
    assert to_render == [first, second] and set(kept) == set(IDS) - {first, second}
