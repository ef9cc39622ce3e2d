"""The front page's overview (generator/site/overview.py, charts.py): counts, languages and period as
corpus.json gives them, the chart of documents per month by language (a static SVG with a table of
its figures), the most-named entities, the latest additions; put into the editors' home page, whose
text stays theirs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import lxml.html
import pytest
from conftest import IDS, REPO
from test_archive import seeds  # noqa: F401  (the fixture)

from generator.site.archive import entries
from generator.site.charts import month_chart, months_between, time_labels, y_ticks
from generator.site.overview import CHART_SVG, MARKER, home_outputs, with_overview

SVG = "{http://www.w3.org/2000/svg}"


def shown_date(record: dict) -> str | None:
    """The date a document's page shows: its own, or its event's when inferred."""
    return record["date"] or (record["event"]["date"] if record["event"]["date_inferred"] else None)


def home(built_site) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site.root / "site" / "index.html").read_bytes())


def figures(tree) -> dict[str, str]:
    """The overview's figures, label -> value."""
    found = tree.xpath("//dl[@id='ms-overview-figures']")[0] if tree.tag != "dl" else tree
    return {
        " ".join(dt.text_content().split()): " ".join(dt.getnext().text_content().split())
        for dt in found.xpath(".//dt")
    }


def test_home_page_shows_the_counts_corpus_json_gives(built_site):
    records = built_site.corpus("site")["documents"]
    languages = Counter(r["language"] for r in records)
    dates = sorted(d for r in records if (d := shown_date(r)))
    shown = figures(home(built_site))
    assert shown["Documents"] == f"{len(records)} documents" == "5 documents"
    names = {"ar": "Arabic", "fa": "Persian"}
    expected = ", ".join(f"{names[c]} ({n})" for c, n in languages.most_common())
    assert shown["Languages"] == expected == "Arabic (4), Persian (1)"
    assert shown["Period"] == f"{dates[0]} to {dates[-1]}" == "2020-07-03 to 2024-03-01"
    assert shown["Outlets"] == str(len({r["outlet"] for r in records if r["outlet"]}))
    assert shown["Undated"].startswith(f"{len(records) - len(dates)} document,")  # 004: one document, singular


def test_home_chart_is_an_svg_with_one_bar_group_per_month_with_documents(built_site):
    records = built_site.corpus("site")["documents"]
    per_month = Counter((d[:7], r["language"]) for r in records if (d := shown_date(r)) and len(d) >= 7)
    months = sorted({m for m, _ in per_month})
    assert months == ["2020-07", "2024-03"]
    svg = ET.parse(built_site.root / "site" / CHART_SVG).getroot()
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "ms-chart-title ms-chart-desc"
    assert svg.find(f"{SVG}title").text.startswith("Documents per month by language, July 2020 to March 2024")
    assert "The busiest month is July 2020, with 3 documents" in svg.find(f"{SVG}desc").text
    groups = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "ms-chart-month"]
    assert [g.get("data-month") for g in groups] == months
    for group in groups:
        bars = {rect.get("data-language"): int(rect.get("data-count")) for rect in group.iter(f"{SVG}rect")}
        expected = {language: n for (month, language), n in per_month.items() if month == group.get("data-month")}
        assert bars == expected and int(group.get("data-total")) == sum(expected.values())
        assert all(float(rect.get("height")) > 0 for rect in group.iter(f"{SVG}rect"))
    assert group.find(f"{SVG}title").text == "March 2024: 1 document (Arabic 1)"


def test_home_page_shows_the_chart_with_its_figures_as_a_table(built_site):
    tree = home(built_site)
    image = tree.xpath("//figure[@id='ms-overview-chart']//img")[0]
    assert image.get("src") == CHART_SVG and "documents per month by language" in image.get("alt")
    assert (built_site.root / "site" / image.get("src")).is_file()
    table = tree.xpath("//details[@id='ms-overview-table']//table")[0]
    assert [" ".join(c.text_content().split()) for c in table.xpath(".//thead//th")] == ["Month", "Arabic", "All"]
    body = [[c.text_content() for c in row] for row in table.xpath(".//tbody/tr")]
    assert body == [["July 2020", "3", "3"], ["March 2024", "1", "1"]]
    caption = " ".join(tree.xpath("//figure[@id='ms-overview-chart']//figcaption")[0].text_content().split())
    assert caption.startswith("4 documents by month") and "Not in the chart: 1 document undated" in caption


def test_most_named_people_organisations_and_places_link_to_their_pages(built_site):
    records = built_site.corpus("site")["documents"]
    naming = Counter(e["id"] for r in records for e in r["entities"])
    groups = home(built_site).xpath("//div[@id='ms-overview-named']/div")
    assert [g.xpath("./h4")[0].text for g in groups] == ["People", "Organisations", "Places"]
    for group in groups:
        counts = []
        for item in group.xpath(".//li"):
            link = item.xpath("./a")[0]
            entity_id = link.get("href").removeprefix("entities/").rstrip("/")
            assert (built_site.root / "site" / link.get("href") / "index.html").is_file()
            assert item.text_content().endswith(f": {naming[entity_id]} documents")
            counts.append(naming[entity_id])
        assert counts == sorted(counts, reverse=True) and len(counts) == 5
    assert groups[0].xpath(".//li/a")[0].text == "Khalifa Haftar"


def test_latest_additions_and_the_map_are_linked(built_site):
    tree = home(built_site)
    latest = [a.get("href") for a in tree.xpath("//ol[@id='ms-overview-latest']/li/a")]
    assert latest == [f"documents/{i}/" for i in (IDS[3], IDS[1], IDS[0], IDS[2], IDS[4])]  # no git: by date
    assert tree.xpath("//p[@id='ms-overview-map']/a")[0].get("href") == "map/"


def test_the_editors_home_page_stays_theirs(built_site):
    editors = (REPO / "site_src" / "pages" / "index.md").read_text(encoding="utf-8")
    generated = (built_site.root / "docs" / "index.md").read_text(encoding="utf-8")
    body = editors.split("---\n", 2)[2].strip()
    assert body in generated and generated.index(body) < generated.index("## The archive at a glance")
    tree = home(built_site)
    assert tree.xpath("//h1")[0].text_content().startswith("Turkish–Libyan military cooperation")


def test_the_overview_goes_where_the_marker_is_or_after_the_text():
    page = f"---\ntitle: Home\n---\n# Home\n\nIntro.\n\n{MARKER}\n\nMore.\n"
    assert with_overview(page, "OVERVIEW\n") == "---\ntitle: Home\n---\n# Home\n\nIntro.\n\n\nOVERVIEW\n\n\nMore.\n"
    fenced = f"# Home\n\n```\n{MARKER}\n```\n"
    assert with_overview(fenced, "OVERVIEW\n") == fenced.rstrip("\n") + "\n\nOVERVIEW\n"
    assert with_overview("# Home\n\nIntro.\n", "OVERVIEW\n") == "# Home\n\nIntro.\n\nOVERVIEW\n"
    assert with_overview(None, "OVERVIEW\n").startswith("---\ntitle: Home\n---\n\n# Home\n\nOVERVIEW")


def test_one_document_is_said_in_the_singular(seeds):  # noqa: F811
    documents, event_of = seeds
    one = [d for d in documents if d.doc_id == IDS[3]]
    page = home_outputs(None, one, event_of, {}, REPO)["index.md"].decode("utf-8")
    shown = figures(lxml.html.fromstring(page[page.index("<dl") : page.index("</dl>") + 5]))
    assert shown == {"Documents": "1 document", "Language": "Arabic (1)", "Period": "2024-03-01", "Outlet": "1",
                     "Undated": "0 documents"}  # fmt: skip
    assert "1 document by month" in page and "1 documents" not in page


def test_chart_geometry():
    assert months_between("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert y_ticks(3) == [0, 1, 2, 3] and y_ticks(7) == [0, 2, 4, 6, 8] and y_ticks(1040) == [0, 500, 1000, 1500]
    chart = month_chart([("2021-01", "ar"), ("2021-01", "fa"), ("2021-01", "ar"), ("2021-03", "fa")])
    assert chart is not None and [key.language for key in chart.languages] == ["ar", "fa"]  # most documents first
    assert [(m.month, m.total) for m in chart.months] == [("2021-01", 3), ("2021-03", 1)]
    january = chart.months[0]
    assert [b.language for b in january.bars] == ["ar", "fa"] and january.bars[1].y < january.bars[0].y  # stacked up
    assert january.bars[0].height == pytest.approx(2 * january.bars[1].height)
    assert month_chart([]) is None
    labels = time_labels(months_between("2019-01", "2025-12"), 508 / 84)
    assert [text for _, text, _ in labels] == [str(year) for year in range(2019, 2026)]


def test_entries_order_matches_the_index(seeds):  # noqa: F811
    documents, event_of = seeds
    assert [e.document.doc_id for e in entries(documents, event_of)] == [IDS[3], IDS[1], IDS[0], IDS[2], IDS[4]]


def test_latest_additions_follow_the_history_and_a_file_not_yet_committed_comes_first(seeds):  # noqa: F811
    documents, event_of = seeds
    changed = {f"site_src/documents/{i}.txt": "2026-11-24" for i in IDS[:4]} | {
        f"site_src/documents/{IDS[0]}.txt": "2026-12-01"
    }  # 004 is not committed yet
    page = home_outputs(None, documents, event_of, changed, REPO)["index.md"].decode("utf-8")
    latest = lxml.html.fromstring(
        page[page.index('<ol id="ms-overview-latest">') : page.index("</ol>", page.index("ms-overview-latest")) + 5]
    )
    assert [a.get("href") for a in latest.xpath("//li/a")] == [
        f"documents/{i}/" for i in (IDS[4], IDS[0], IDS[3], IDS[1], IDS[2])
    ]
