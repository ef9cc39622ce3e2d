"""Charts drawn at build time as static SVG (no script, no library in the reader's browser): the
documents per month by language, as stacked bars on a continuous time axis, one group per month
with documents. The SVG has its own title and description; the page shows the same figures as a
table beside it (generator/templates/overview.md.j2)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.site.render import MONTH_NAMES, environment
from generator.text.languages import language_name

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 44, 48  # margins: the y axis's numbers, the legend, the month labels
# Room one label of the time axis needs, and the width of a character of the legend: enough for the
# larger type the SVG's own stylesheet sets when the image is drawn narrow (on a phone).
LABEL_WIDTH, LEGEND_CHARACTER = 46, 9.5
# Bar colours by rank of the language (most documents first): each at least 4.5:1 against white.
COLOURS = ("#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4b5563")


@dataclass(frozen=True)
class Bar:
    language: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class MonthBars:
    month: str  # YYYY-MM
    x: float
    width: float
    total: int
    bars: tuple[Bar, ...]  # bottom first, in the legend's order


@dataclass(frozen=True)
class Legend:
    language: str
    colour: str
    count: int
    x: float  # where its key is drawn
    y: float


@dataclass(frozen=True)
class Chart:
    first: str  # YYYY-MM
    last: str
    languages: tuple[Legend, ...]  # the legend's order: most documents first
    months: tuple[MonthBars, ...]  # the months with documents, in order
    ticks: tuple[tuple[int, float], ...]  # the y axis: (value, y)
    labels: tuple[tuple[float, str, str], ...]  # the time axis: (x, first line, second line)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    baseline: float = HEIGHT - BOTTOM

    @property
    def total(self) -> int:
        return sum(m.total for m in self.months)

    @property
    def busiest(self) -> MonthBars:
        return max(self.months, key=lambda m: (m.total, m.month))


def month_chart(dated: list[tuple[str, str]]) -> Chart | None:
    """The chart of (month YYYY-MM, language) pairs, one per document; None when there is none."""
    if not dated:
        return None
    counts = Counter(dated)
    per_language = Counter(language for _, language in dated)
    order = sorted(per_language, key=lambda code: (-per_language[code], language_name(code), code))
    languages = legend([(code, per_language[code]) for code in order])
    axis = months_between(min(m for m, _ in dated), max(m for m, _ in dated))
    ticks = y_ticks(max(Counter(m for m, _ in dated).values()))
    slot = (WIDTH - LEFT - RIGHT) / len(axis)
    scale = (HEIGHT - TOP - BOTTOM) / ticks[-1]
    months = []
    for n, month in enumerate(axis):
        y: float = HEIGHT - BOTTOM
        bars: list[Bar] = []
        for code in order:
            if counts[(month, code)]:
                height = counts[(month, code)] * scale
                y -= height
                bars.append(Bar(code, counts[(month, code)], round(y, 2), round(height, 2)))
        if bars:
            width = max(slot * 0.8, 1.0)
            x = LEFT + n * slot + (slot - width) / 2
            months.append(MonthBars(month, round(x, 2), round(width, 2), sum(b.count for b in bars), tuple(bars)))
    return Chart(
        axis[0],
        axis[-1],
        languages,
        tuple(months),
        tuple((value, round(HEIGHT - BOTTOM - value * scale, 2)) for value in ticks),
        time_labels(axis, slot),
    )


def legend(languages: list[tuple[str, int]]) -> tuple[Legend, ...]:
    """A key per language above the plot, in rows as wide as the chart (text width estimated)."""
    keys: list[Legend] = []
    x, y = float(LEFT), 16.0
    for n, (code, documents) in enumerate(languages):
        width = 22 + LEGEND_CHARACTER * len(f"{language_name(code)} ({documents:,})") + 14
        if x + width > WIDTH and keys:
            x, y = float(LEFT), y + 18
        keys.append(Legend(code, COLOURS[n % len(COLOURS)], documents, round(x, 1), y))
        x += width
    return tuple(keys)


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def y_ticks(most: int) -> list[int]:
    """0 up to the first multiple of the step at or above `most`, in at most five steps of 1, 2 or 5 × 10ⁿ."""
    step = 1
    while -(-most // step) > 5:
        step = _next_step(step)
    return list(range(0, max(-(-most // step), 1) * step + 1, step))


def _next_step(step: int) -> int:
    """1, 2, 5, 10, 20, 50 …"""
    digits = str(step)
    return step * 5 // 2 if digits[0] == "2" else step * 2


def time_labels(axis: list[str], slot: float) -> tuple[tuple[float, str, str], ...]:
    """Labels under the time axis, spaced by whole months, quarters, half-years or years so that
    they do not touch: a month's name (with its year under January and the first label), or the year."""
    every = next((n for n in (1, 3, 6, 12, 24, 60, 120, 240) if n * slot >= LABEL_WIDTH), 600)
    labels = []
    for n, month in enumerate(axis):
        year, number = int(month[:4]), int(month[5:7])
        centre = round(LEFT + (n + 0.5) * slot, 2)
        if every >= 12:
            if number == 1 and year % (every // 12) == 0:
                labels.append((centre, str(year), ""))
        elif (number - 1) % every == 0:
            first = not labels or number == 1
            labels.append((centre, MONTH_NAMES[number - 1][:3], str(year) if first else ""))
    return tuple(labels)


def render_chart(chart: Chart) -> str:
    """The chart as an SVG document (generator/templates/chart_months.svg.j2)."""
    return environment().get_template("chart_months.svg.j2").render(chart=chart, month_text=month_text)


def month_text(month: str) -> str:
    """2020-07 -> July 2020."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"
