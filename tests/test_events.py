"""Same event, several sources: groups that do not chain, dates inferred only on evidence, the
timeline. The articles below are written for these tests (no eval text): short reports in the
four languages that name people and places of the knowledge base."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, IDS, REPO, make_project
from hypothesis import given
from hypothesis import strategies as st

import generator.entities.events as events_module
from bench.synthetic import build_corpus
from generator.entities import event_pairs
from generator.entities.events import group_events, timeline_events
from generator.entities.linkage import complete_linkage
from generator.entities.time_words import past_phrases, weekdays
from generator.model.document import Document
from generator.model.event import Event
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.stages.ingest import discover

SAME_EVENT = {IDS[0], IDS[1], IDS[2]}  # the 3 July 2020 visit to Tripoli, read off the texts


def article(title: str, body: str, date: str | None = None) -> str:
    """A document: its headline, then its paragraphs (one per blank-line-separated block of
    `body`, unwrapped); its date (if any) as an editor sets it, so that these tests depend on
    grouping only, not on how dates are read."""
    paragraphs = [" ".join(block.split()) for block in body.strip().split("\n\n")]
    front = f"---\ntitle: {title}\n" + (f"date: {date}\n" if date else "") + "---\n"
    return front + "\n\n".join([title, *paragraphs]) + "\n"


def documents(tmp_path: Path, extra: dict[str, str], seeds: bool = False) -> dict[str, Document]:
    """`extra` articles (file name -> text), with or without the five seeds, processed as a
    build processes them, by id."""
    root = make_project(tmp_path / "project", with_corpus=False).root
    shutil.copytree(REPO / "site_src" / "knowledge", root / "site_src" / "knowledge", dirs_exist_ok=True)
    folder = root / "site_src" / "documents"
    for path in CORPUS.iterdir() if seeds else ():
        shutil.copy(path, folder / path.name)
    for name, text in extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = load_settings(root)
    context = load_context(settings, history={})
    found = [process(path, context) for path in discover(settings.documents_dir)]
    return {d.doc_id: d for d in found if isinstance(d, Document)}


def event_of(events: list[Event], doc_id: str) -> Event:
    return next(e for e in events if any(d.doc_id == doc_id for d in e.documents))


def shown_date(events: list[Event], document: Document) -> str | None:
    """The date a document's page shows: its own, or the one it takes from its event."""
    event = event_of(events, document.doc_id)
    return document.analysis.date or (event.date if event.inferred(document) else None)


def five_documents() -> list[Document]:
    settings = load_settings(REPO)
    context = load_context(settings)
    return [d for d in (process(path, context) for path in discover(settings.documents_dir)) if isinstance(d, Document)]


def test_000_001_002_are_one_event_dated_by_001_and_003_004_stand_alone():
    events = {frozenset(d.doc_id for d in e.documents): e for e in group_events(five_documents())}
    assert set(events) == {frozenset(SAME_EVENT), frozenset({IDS[3]}), frozenset({IDS[4]})}
    visit = events[frozenset(SAME_EVENT)]
    assert (visit.date, visit.dated_by) == ("2020-07-03", IDS[1])
    assert [visit.inferred(d) for d in visit.documents] == [False, True, True]
    assert "Friday" in (visit.date_note(visit.documents[1]) or "")
    link = visit.link(visit.documents[0], visit.documents[1])
    assert link is not None and {"Hulusi Akar", "Yaşar Güler", "Tripoli"} <= set(link.shares)
    assert events[frozenset({IDS[3]})].date == "2024-03-01"
    assert events[frozenset({IDS[4]})].date is None


def test_groups_never_chain_through_a_third_document():
    """A~B and B~C but not A~C: never one group, whichever link is the strongest."""
    for links in ([(9, "a", "b"), (7, "b", "c")], [(7, "a", "b"), (9, "b", "c")]):
        groups = complete_linkage(["a", "b", "c"], links)
        assert sorted(map(sorted, groups)) in ([["a", "b"], ["c"]], [["a"], ["b", "c"]])
    assert complete_linkage(["a", "b", "c"], [(9, "a", "b"), (7, "b", "c"), (5, "a", "c")]) == [["a", "b", "c"]]


BRIDGE = {
    # Akar and Güler in Tripoli, dated Monday 15 March 2021 …
    "r1.txt": article(
        "Akar and Güler meet Turkish trainers in Tripoli",
        """Turkish Defence Minister Hulusi Akar and Chief of General Staff Yaşar Güler landed at
Mitiga on Monday and met Turkish trainers in Tripoli.""",
        "2021-03-15",
    ),
    # … Erdoğan receives Dbeibah in Ankara the next day: no one in common with r1 …
    "r3.txt": article(
        "Erdoğan receives Dbeibah in Ankara",
        """President Recep Tayyip Erdoğan received Prime Minister Abdul Hamid Dbeibah of the
Government of National Unity in Ankara on Tuesday.""",
        "2021-03-16",
    ),
    # … and a round-up that names both stories.
    "r2.txt": article(
        "A busy week for Turkey and Libya",
        """Hulusi Akar and Yaşar Güler were in Tripoli and at Mitiga this week, while Recep Tayyip
Erdoğan hosted Abdul Hamid Dbeibah and the Government of National Unity in Ankara.""",
        "2021-03-16",
    ),
}


def test_a_round_up_naming_two_stories_does_not_make_them_one_event(tmp_path):
    events = group_events(list(documents(tmp_path, BRIDGE).values()))
    assert event_of(events, "r1") is not event_of(events, "r3")


UNRELATED = {
    # Two of the visit's people at another event, undated, naming the visit's weekday …
    "n1_nato.txt": article(
        "Akar ve Güler Brüksel'de",
        """Milli Savunma Bakanı Hulusi Akar ve Genelkurmay Başkanı Yaşar Güler, Cuma günü
Brüksel'de düzenlenen ittifak toplantısına katıldı. Toplantıda savunma harcamaları ele alındı.""",
    ),
    # … and dated the day before the visit.
    "n2_exercise.txt": article(
        "Akar ve Güler tatbikatı izledi",
        """Milli Savunma Bakanı Hulusi Akar ile Genelkurmay Başkanı Yaşar Güler, Ege'de yapılan
deniz tatbikatını bir fırkateynden izledi.""",
        "2020-07-02",
    ),
    # A report naming people of both 003 (Güler, Dbeibah) and 004 (Haftar, Benghazi).
    "n3_round_up.txt": article(
        "Türkiye'nin Libya trafiği",
        """Yaşar Güler, Abdulhamid Dibeybe ile askeri eğitim konusunu görüştü. Türk heyeti ayrıca
Bingazi'de Halife Hafter'in temsilcileriyle bir araya geldi.""",
    ),
}


@pytest.mark.parametrize("name", sorted(UNRELATED))
def test_an_unrelated_article_naming_two_of_the_same_people_changes_no_other_date(tmp_path, name):
    without = documents(tmp_path / "without", {}, seeds=True)
    with_it = documents(tmp_path / "with", {name: UNRELATED[name]}, seeds=True)
    before, after = group_events(list(without.values())), group_events(list(with_it.values()))
    assert {i: shown_date(before, d) for i, d in without.items()} == {
        i: shown_date(after, d) for i, d in with_it.items() if i in without
    }
    added = with_it[name.removesuffix(".txt")]
    assert shown_date(after, added) == added.analysis.date  # and it borrows no date itself


VISIT = article(
    "وزير الدفاع التركي في طرابلس",
    """وصل وزير الدفاع التركي خلوصي أكار يوم الاثنين إلى طرابلس يرافقه رئيس الأركان ياشار غولر،
وهبطت طائرته في مطار معيتيقة حيث التقى رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة.""",
    "2021-03-15",
)


def undated_report(weekday: str) -> str:
    return article(
        "Turkish defence chiefs in Tripoli",
        f"""Turkish Defence Minister Hulusi Akar and General Yaşar Güler arrived at Mitiga on
{weekday} and held talks in Tripoli with Prime Minister Abdul Hamid Dbeibah of the Government of
National Unity.""",
    )


def test_an_undated_report_takes_the_date_only_when_its_weekday_fits(tmp_path):
    found = documents(tmp_path, {"v1.txt": VISIT, "v2.txt": undated_report("Monday")})
    events = group_events(list(found.values()))
    event = event_of(events, "v2")
    assert event is event_of(events, "v1") and event.inferred(found["v2"]) and event.date == "2021-03-15"
    assert "Monday" in (event.date_note(found["v2"]) or "")


def test_a_weekday_that_does_not_fit_gives_no_date(tmp_path):
    found = documents(tmp_path, {"v1.txt": VISIT, "v2.txt": undated_report("Wednesday")})
    events = group_events(list(found.values()))
    assert shown_date(events, found["v2"]) is None


def test_the_same_story_named_on_another_weekday_is_listed_without_a_date(tmp_path):
    dated = article(
        "Turkish drones delivered to Tripoli",
        """Turkish Defence Minister Hulusi Akar and General Yaşar Güler handed over 12 drones and
        340 armoured vehicles at Mitiga on Monday, in the presence of Abdul Hamid Dbeibah.""",
        "2021-03-15",
    )
    undated = article(
        "Akar hands over drones in Tripoli",
        """Hulusi Akar and Yaşar Güler delivered 12 drones and 340 armoured vehicles to the Government
        of National Unity of Abdul Hamid Dbeibah at Mitiga in Tripoli on Tuesday.""",
    )
    found = documents(tmp_path, {"d1.txt": dated, "d2.txt": undated})
    events = group_events(list(found.values()))
    event = event_of(events, "d2")
    assert event is event_of(events, "d1") and not event.inferred(found["d2"])
    assert event.date_note(found["d2"]) == "its text names Tuesday, and 15 March 2021 was a Monday"
    link = event.link(found["d1"], found["d2"])
    assert link is not None and link.numbers == ("12", "340")
    timeline = timeline_events(events)  # listed apart there: the timeline shows an event's date beside each member
    assert [e.date for e in timeline if any(d.doc_id == "d2" for d in e.documents)] == [None]


def test_a_report_that_places_the_visit_last_july_is_not_dated_by_it(tmp_path):
    visit = article(
        "Akar Trablus'ta",
        """Milli Savunma Bakanı Hulusi Akar ve Genelkurmay Başkanı Yaşar Güler, Cuma günü Trablus'a
geldi. Akar, Mitiga Havalimanı'nda Abdulhamid Dibeybe ile görüştü.""",
        "2021-07-09",
    )
    later = article(
        "Libya's ports to be modernised with Turkish help",
        """A Turkish consortium signed a contract on Friday to rebuild two harbours. The deal follows
the visit last July of Hulusi Akar and Yaşar Güler, who met Abdul Hamid Dbeibah at Mitiga in
Tripoli.""",
    )
    found = documents(tmp_path, {"j1.txt": visit, "j2.txt": later})
    events = group_events(list(found.values()))
    assert event_of(events, "j2") is not event_of(events, "j1")
    assert shown_date(events, found["j2"]) is None


def test_reports_in_three_languages_are_grouped_by_the_entities_they_name(tmp_path):
    persian = article(
        "سفر وزیر دفاع ترکیه به طرابلس",
        """خلوصی آکار وزیر دفاع ترکیه روز دوشنبه همراه با یاشار گولر در فرودگاه معیتیقه فرود آمد و در
طرابلس با عبدالحمید دبیبه رئیس دولت وحدت ملی دیدار کرد.""",
        "2021-03-16",
    )
    english = article(
        "Akar in Tripoli",
        """Hulusi Akar, accompanied by Yaşar Güler, arrived at Mitiga on Monday and met Abdul Hamid
Dbeibah, head of the Government of National Unity, in Tripoli.""",
        "2021-03-15",
    )
    found = documents(tmp_path, {"x_ar.txt": VISIT, "x_fa.txt": persian, "x_en.txt": english})
    events = group_events(list(found.values()))
    assert {d.doc_id for d in event_of(events, "x_ar").documents} == {"x_ar", "x_fa", "x_en"}


def test_weekday_and_past_words_in_the_four_languages():
    assert weekdays("on Saturday") == {5} and weekdays("يوم الجمعة") == {4}
    assert weekdays("روز سه‌شنبه") == {1} and weekdays("Cuma günü") == {4} and weekdays("Cumartesi") == {5}
    for text, month in [("the visit last July", 7), ("زيارته في يوليو الماضي", 7), ("در تیر گذشته", 4),
                        ("geçen Temmuz ayında", 7), ("in November last year", 11)]:  # fmt: skip
        assert [p.month for p in past_phrases(text) if p.month] == [month], text
    for text in ("two years ago", "قبل عامين", "العام الماضي", "geçen yıl", "سال گذشته", "last month"):
        assert past_phrases(text) and past_phrases(text)[0].month is None, text
    assert past_phrases("منذ عام 2014") == () and past_phrases("in July 2021") == ()


def test_timeline_lists_all_five_in_date_order_with_inferred_dates_marked(built_site):
    html = (built_site.root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    order = [html.index(f'href="../documents/{doc_id}/"') for doc_id in (IDS[1], IDS[0], IDS[2], IDS[3], IDS[4])]
    assert order == sorted(order)
    assert html.index('id="2020"') < html.index('id="2024"') < html.index('id="undated"')
    assert (
        html.count("inferred</strong>: the date of the event it reports, from related coverage (001_68d0712cb814f501)")
        == 2
    )
    assert html.count("Same event, 3 sources") == 1
    undated = html[html.index('id="undated"') :]
    assert IDS[4] in undated and "no publication date in their text" in undated


def test_pages_show_related_coverage_why_and_the_inferred_date(built_site):
    page = (built_site.root / "site" / "documents" / IDS[0] / "index.html").read_text(encoding="utf-8")
    related = page[page.index('id="related-coverage"') :]
    assert f'href="../{IDS[1]}/"' in related and f'href="../{IDS[2]}/"' in related and "يورونيوز" in related
    assert re.search(r"shares: Hulusi Akar, [^<]*Yaşar Güler, [^<]*Tripoli; one dated 3 July 2020", related)
    assert "its text names Friday" in related
    assert re.search(r'<time datetime="2020-07-03">[^<]+</time> <span class="ms-flag">inferred</span>', page)
    record = built_site.record(IDS[0], "site")
    assert record["date"] is None and record["event"]["date"] == "2020-07-03" and record["event"]["date_inferred"]
    evidence = {e["document"]: e for e in record["event"]["evidence"]}
    assert "Hulusi Akar" in evidence[IDS[1]]["people"] and "Friday" in record["event"]["date_note"]
    assert built_site.record(IDS[1], "site")["event"]["date_inferred"] is False
    alone = (built_site.root / "site" / "documents" / IDS[3] / "index.html").read_text(encoding="utf-8")
    assert 'id="related-coverage"' not in alone


def test_a_person_named_as_someones_relative_is_not_in_the_story(tmp_path):
    from generator.entities.event_evidence import profile

    found = documents(tmp_path, {
        "k1.txt": article("صدام حفتر في أنقرة", "التقى صدام حفتر، نجل المشير خليفة حفتر، وزير الدفاع ياشار غولر في أنقرة."),
        "k2.txt": article("Saddam Haftar in Ankara", "Saddam Haftar, son of Marshal Khalifa Haftar, met Yaşar Güler in Ankara."),
        "k3.txt": article("Saddam Hafter Ankara'da", "Halife Hafter'in oğlu Saddam Hafter, Ankara'da Yaşar Güler ile görüştü."),
        "k4.txt": article("Haftar in Ankara", "Khalifa Haftar met Yaşar Güler in Ankara."),
    })  # fmt: skip
    for doc_id in ("k1", "k2", "k3"):
        people = profile(found[doc_id]).people
        assert "yasar-guler" in people and "khalifa-haftar" not in people, doc_id
    assert {"yasar-guler", "khalifa-haftar"} <= set(profile(found["k4"]).people)


def test_in_an_undated_report_a_sentence_naming_a_year_is_background(tmp_path):
    from generator.entities.event_evidence import profile

    body = """Yaşar Güler received a delegation in Ankara on Friday.

The visit fell on the anniversary of Khalifa Haftar's attack on Tripoli in April 2019."""
    found = documents(tmp_path, {"y1.txt": article("Delegation in Ankara", body),
                                 "y2.txt": article("Delegation in Ankara", body, "2019-04-12")})  # fmt: skip
    undated, dated = profile(found["y1"]), profile(found["y2"])
    assert "yasar-guler" in undated.people and "khalifa-haftar" not in undated.people
    assert "tripoli" not in undated.places
    assert "khalifa-haftar" in dated.people  # a dated report's own year stands in its story sentences


def _every_pair_complete_linkage(ids: list[str], links: list[tuple[int, str, str]]) -> list[list[str]]:
    """complete_linkage as first written: each merge tests every pair of the two groups."""
    linked = {(a, b) for _, a, b in links} | {(b, a) for _, a, b in links}
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    group_of = {doc_id: [doc_id] for doc_id in ids}
    for _, a, b in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        first, second = group_of[a], group_of[b]
        if first is second or not all((x, y) in linked for x in first for y in second):
            continue
        first.extend(second)
        for doc_id in second:
            group_of[doc_id] = first
    unique = {id(group): group for group in group_of.values()}
    return [sorted(group, key=position.__getitem__) for group in unique.values()]


_IDS = [f"d{n}" for n in range(9)]


@given(st.lists(st.tuples(st.integers(1, 9), st.sampled_from(_IDS), st.sampled_from(_IDS)), max_size=40))
def test_complete_linkage_by_linked_sets_groups_as_testing_every_pair_did(raw):
    """Issue 16: each group keeps the documents linked with all its members, so a merge is one subset
    test; at 5,000 documents testing every pair of two groups took seconds. The groups are the same."""
    links = [(score, a, b) if a < b else (score, b, a) for score, a, b in raw if a != b]
    assert complete_linkage(_IDS, links) == _every_pair_complete_linkage(_IDS, links)


def test_a_regrouping_reuses_verdicts_on_unchanged_dated_pairs_and_groups_as_from_scratch(tmp_path, monkeypatch):
    """The preview regroups on every save: pairs of dated documents whose profiles did not change keep
    the last grouping's verdicts (entities/event_pairs.py). Edited documents (new objects: one dated
    years away, one given another person's name), one removed: the groups, dates and
    links are those of a grouping from scratch, and only the edited documents' pairs are compared."""
    root = make_project(tmp_path / "project", with_corpus=False).root
    shutil.copytree(REPO / "site_src" / "knowledge", root / "site_src" / "knowledge", dirs_exist_ok=True)
    build_corpus(sorted(CORPUS.glob("*.txt")), root / "site_src" / "documents", 80)
    context = load_context(load_settings(root), history={})
    paths = discover(root / "site_src" / "documents")
    documents = {d.doc_id: d for d in (process(p, context) for p in paths) if isinstance(d, Document)}
    first = group_events(list(documents.values()))
    grouped = [e for e in first if len(e.documents) > 1 and e.date]
    assert len(grouped) >= 3  # the synthetic corpus has events of several dated reports
    moved, renamed, removed = (sorted(d.doc_id for d in e.documents)[0] for e in grouped[:3])
    for doc_id, edit in ((moved, _moved_a_year), (renamed, _without_akar)):
        path = next(p for p in paths if p.stem == doc_id)
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        documents[doc_id] = process(path, context)
    del documents[removed]

    compared: list[tuple[str, str]] = []
    counted = events_module.compare
    monkeypatch.setattr(
        events_module, "compare", lambda a, b, passage: compared.append((a.doc_id, b.doc_id)) or counted(a, b, passage)
    )
    again = group_events(list(documents.values()))
    assert compared and all(moved in pair or renamed in pair or not _both_dated(documents, pair) for pair in compared)
    event_pairs.keep({}, [])  # nothing known: a grouping from scratch
    assert group_events(list(documents.values())) == again
    assert again != first


def _moved_a_year(text: str) -> str:
    """Dated by the editor far from any other report."""
    return "---\ndate: 2031-05-05\n---\n" + text


def _without_akar(text: str) -> str:
    for spelling in ("أكار", "آكار", "آکار"):
        text = text.replace(spelling, "فلان")
    return text


def _both_dated(documents: dict[str, Document], pair: tuple[str, str]) -> bool:
    return all(len(documents[doc_id].analysis.date or "") == 10 for doc_id in pair)
