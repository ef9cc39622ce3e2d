"""The front page's overview of the archive: how many documents, in which languages, over what
period; a chart of documents per month by language (static SVG, site/charts.py) with its figures
as a table; the people, organisations and places named most; the latest additions; the map.

The home page itself is the editors' (site_src/pages/index.md): the overview is put into the copy
in docs/ where the editors' page has the line MARKER, or after their text when it has none, and
site_src/ is never written. So it passes through the same sanitiser as the rest of the page
(mkdocs_hooks.on_page_content): it is made only of what the allowlist keeps (headings, lists,
tables, links, an image, ids for the stylesheet; no class, no inline SVG), and the chart is an
image file of its own, with the table as its text alternative.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.model.document import Document
from generator.model.entity import Entity
from generator.model.entity_types import TypeInfo, entity_types
from generator.model.event import Event
from generator.site.archive import Entry, entries
from generator.site.charts import Chart, month_chart, month_text, render_chart
from generator.site.render import environment
from generator.text.inputs import relative_path

HOME_PAGE = "index.md"
CHART_SVG = "assets/charts/documents-per-month.svg"
MARKER = "<!-- microsite: overview -->"  # a line of its own in site_src/pages/index.md
MOST_NAMED = 5  # of each type
LATEST = 5


@dataclass(frozen=True)
class Named:
    type: TypeInfo
    top: list[tuple[Entity, int]]  # the entities named in most documents, with their number
    distinct: int  # entities of the type named at all


@dataclass(frozen=True)
class Overview:
    total: int
    languages: list[tuple[str, int]]  # code, documents; most first
    first: str | None  # the earliest and latest dates shown (ISO at their precision)
    last: str | None
    outlets: int
    undated: int
    inferred: int
    not_charted: int  # undated, or dated to the year only
    chart: Chart | None
    table: list[tuple[str, list[int], int]]  # month, documents per language of the chart, all
    named: list[Named]
    latest: list[Entry]
    mapped: int  # places named that the map can draw


def overview(listed: list[Entry], added: dict[str, str]) -> Overview:
    """`listed` as the index lists them; `added` the date each document's file last changed (git)."""
    dates = [e.date for e in listed if e.date]
    chart = month_chart([(e.date[:7], e.document.analysis.language) for e in listed if e.date and len(e.date) >= 7])
    places = {p.id: p for e in listed for p in e.places}
    return Overview(
        total=len(listed),
        languages=sorted(Counter(e.document.analysis.language for e in listed).items(), key=lambda kv: (-kv[1], kv[0])),
        first=min(dates, default=None),
        last=max(dates, default=None),
        outlets=len({e.document.analysis.outlet for e in listed if e.document.analysis.outlet}),
        undated=len(listed) - len(dates),
        inferred=sum(e.inferred for e in listed),
        not_charted=len(listed) - (chart.total if chart else 0),
        chart=chart,
        table=chart_table(chart, listed),
        named=most_named(listed),
        latest=sorted(listed, key=lambda e: (added.get(e.document.doc_id, ""), e.date or ""), reverse=True)[:LATEST],
        mapped=sum(1 for p in places.values() if p.lat is not None and p.lon is not None),
    )


def chart_table(chart: Chart | None, listed: list[Entry]) -> list[tuple[str, list[int], int]]:
    """The chart's figures: a row per month with documents, a column per language (the legend's order)."""
    if chart is None:
        return []
    counts = Counter((e.date[:7], e.document.analysis.language) for e in listed if e.date and len(e.date) >= 7)
    codes = [key.language for key in chart.languages]
    return [(m.month, [counts[(m.month, code)] for code in codes], m.total) for m in chart.months]


def most_named(listed: list[Entry]) -> list[Named]:
    """Per entity type, the entities named in most documents (ties by name)."""
    found: dict[str, Entity] = {}
    counts: Counter[str] = Counter()
    for item in listed:
        for entity in (*item.people, *item.organisations, *item.places):
            found.setdefault(entity.id, entity)
            counts[entity.id] += 1
    named = []
    for kind in entity_types():
        ids = [i for i in counts if found[i].type == kind.id]
        ranked = sorted(ids, key=lambda i: (-counts[i], found[i].name.casefold(), i))
        named.append(Named(kind, [(found[i], counts[i]) for i in ranked[:MOST_NAMED]], len(ids)))
    return named


def home_outputs(
    home: bytes | None, documents: list[Document], event_of: dict[str, Event], changed: dict[str, str], root: Path
) -> dict[str, bytes]:
    """The home page (the editors' page with the overview in it) and the chart's SVG file."""
    listed = entries(documents, event_of)
    # Latest additions: by the last commit of each document's file; one git does not know yet is the
    # newest (outside git nothing is known, and the dates of the documents decide).
    unknown = "9999-12-31" if changed else ""
    added = {d.doc_id: changed.get(relative_path(d.source.path, root), unknown) for d in documents}
    summary = overview(listed, added)
    fragment = (
        environment().get_template("overview.md.j2").render(o=summary, chart_src=CHART_SVG, month_text=month_text)
    )
    outputs = {HOME_PAGE: with_overview(home.decode("utf-8") if home else None, fragment).encode("utf-8")}
    if summary.chart:
        outputs[CHART_SVG] = render_chart(summary.chart).encode("utf-8")
    return outputs


def with_overview(home: str | None, fragment: str) -> str:
    """The editors' home page with the overview in place of its MARKER line (the first, outside
    fenced code), or after its text; a page of its own when the editors wrote none."""
    if home is None:
        return f"---\ntitle: Home\n---\n\n# Home\n\n{fragment}"
    lines = home.split("\n")
    fenced = False
    for n, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.strip() == MARKER:
            return "\n".join([*lines[:n], "", fragment.rstrip("\n"), "", *lines[n + 1 :]])
    return home.rstrip("\n") + "\n\n" + fragment
