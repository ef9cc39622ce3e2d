"""Same event, several sources; the timeline."""

from __future__ import annotations

import itertools
import re

from conftest import IDS, REPO

from generator.entities.events import (
    EVENT_SIMILARITY,
    MIN_SHARED_PEOPLE,
    group_events,
    people,
    similarity,
)
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.stages.ingest import discover

SAME_EVENT = {IDS[0], IDS[1], IDS[2]}  # the 3 July 2020 visit to Tripoli, read off the texts


def five_documents():
    settings = load_settings(REPO)
    context = load_context(settings)
    return [process(path, context) for path in discover(settings.documents_dir)]


def test_threshold_is_measured_between_same_and_different_event_pairs():
    documents = five_documents()
    same, different = [], []
    for a, b in itertools.combinations(documents, 2):
        (same if {a.doc_id, b.doc_id} <= SAME_EVENT else different).append((a, b))
    assert min(similarity(a, b) for a, b in same) > EVENT_SIMILARITY > max(similarity(a, b) for a, b in different)
    assert all(len(people(a) & people(b)) >= MIN_SHARED_PEOPLE for a, b in same)


def test_000_001_002_are_one_event_dated_by_001_and_003_004_stand_alone():
    events = {frozenset(d.doc_id for d in e.documents): e for e in group_events(five_documents())}
    assert set(events) == {frozenset(SAME_EVENT), frozenset({IDS[3]}), frozenset({IDS[4]})}
    visit = events[frozenset(SAME_EVENT)]
    assert (visit.date, visit.dated_by) == ("2020-07-03", IDS[1])
    assert [visit.inferred(d) for d in visit.documents] == [False, True, True]
    assert events[frozenset({IDS[4]})].date is None


def test_timeline_lists_all_five_in_date_order_with_inferred_dates_marked(built_site):
    html = (built_site.root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    order = [html.index(f'href="../documents/{doc_id}/"') for doc_id in (IDS[1], IDS[0], IDS[2], IDS[3], IDS[4])]
    assert order == sorted(order)
    assert html.index('id="2020"') < html.index('id="2024"') < html.index('id="undated"')
    assert html.count("inferred</strong> from related coverage (001_68d0712cb814f501)") == 2
    assert html.count("Same event, 3 sources") == 1
    undated = html[html.index('id="undated"') :]
    assert IDS[4] in undated and "no publication date in their text" in undated


def test_pages_show_related_coverage_and_the_inferred_date(built_site):
    page = (built_site.root / "site" / "documents" / IDS[0] / "index.html").read_text(encoding="utf-8")
    related = page[page.index('id="related-coverage"') :]
    assert f'href="../{IDS[1]}/"' in related and f'href="../{IDS[2]}/"' in related and "يورونيوز" in related
    assert re.search(r'<time datetime="2020-07-03">2020-07-03</time> <span class="ms-flag">inferred</span>', page)
    record = built_site.record(IDS[0], "site")
    assert record["date"] is None and record["event"]["date"] == "2020-07-03" and record["event"]["date_inferred"]
    assert built_site.record(IDS[1], "site")["event"]["date_inferred"] is False
    alone = (built_site.root / "site" / "documents" / IDS[3] / "index.html").read_text(encoding="utf-8")
    assert 'id="related-coverage"' not in alone
