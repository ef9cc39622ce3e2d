"""Outlet: which news outlet published a document, read from the page with its evidence.

A page names its publisher in several places, each read as a candidate with its line:

  * the publisher's own marks (trusted most): a labelled source line («المصدر: …»), a masthead
    (a short first line followed by the paper's staff), a copyright notice («جميع الحقوق محفوظة
    لـ…», "© 2021 X. All rights reserved.", «کلیه حقوق … محفوظ است», "X © 2022 - Tüm hakları
    saklıdır."), the site name after a repeated headline ("Headline - Site", "Headline | Site")
    and the page calling itself by name ("Follow X on Telegram", "X'i … takip edin");
  * the opening of the report: a dateline («أوج – طرابلس», «أنقرة - «X» -», "ANKARA (AA) –"),
    an opening «به گزارش X،», a report saying what "X" read («طالعته «X»»);
  * credits in the text: «بحسب وكالة …», "according to … Agency", "X muhabirinin …";
  * a byline («بقلم: …»), last: it usually names a person.

The best kind of position present wins; candidates naming one outlet (spelt out, abbreviated as
"(AA)", or with a media noun more or less: «ایرنا» / «خبرگزاری ایرنا») count as one. When the
best kind names two outlets, the one more lines name wins; if none does, no outlet is given
(abstain rather than guess). Unnamed sources name no outlet: «وكالات», "agencies", "staff".
Media entities of the knowledge base (`subtype: media`) tell an outlet from a place in a
dateline, vouch for a credited name, and complete a name the scrape cut (`وج` for «أوج»).
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.model.document import Cleaned, Evidence
from generator.model.entity import Entity
from generator.stages.outlet_names import Candidate, Known, key, known_names, same
from generator.stages.outlet_page import page_candidates
from generator.stages.outlet_text import dateline_candidates, text_candidates
from generator.text.normalise import line_key

__all__ = ["Known", "known_from", "read_outlet"]

# Where on the page a candidate was read, and how far that is trusted (1 = most).
TIER = {
    "source line": 1,
    "masthead": 1,
    "copyright": 1,
    "site name": 1,
    "self-reference": 1,
    "dateline": 2,
    "own report": 2,
    "credit": 3,
    "byline": 4,
}


_last_known: list[tuple[Mapping[str, Entity], Known]] = []  # the knowledge base of this build, read once


def known_from(knowledge: Mapping[str, Entity] | None) -> Known:
    """What the knowledge base says about media and places (read once per knowledge base)."""
    if not knowledge:
        return Known()
    if not _last_known or _last_known[0][0] is not knowledge:
        _last_known[:] = [(knowledge, known_names(knowledge.values()))]
    return _last_known[0][1]


def read_outlet(cleaned: Cleaned, known: Known | None = None) -> tuple[str, Evidence] | None:
    """The outlet the page names, with the line it was read from; None when it names none or
    its best positions name different outlets."""
    chosen = choose(outlet_candidates(cleaned, known or Known()))
    return (chosen.name, Evidence("text", chosen.line, chosen.text)) if chosen else None


def outlet_candidates(cleaned: Cleaned, known: Known) -> list[Candidate]:
    """Every name read where a page names its outlet; a place the knowledge base knows is none
    ("More from Libya:" heads a section)."""
    found = page_candidates(cleaned) + text_candidates(cleaned.paragraphs, known)
    found += dateline_candidates(cleaned, known, found)
    return [c for c in found if line_key(c.name) not in known.places or known.media_name(c.name)]


def choose(candidates: list[Candidate]) -> Candidate | None:
    """The best-placed outlet; between two at the same best place, the one more lines name."""
    groups: list[list[Candidate]] = []
    spellings: list[list[Candidate]] = []  # one candidate per spelling and abbreviation, per group
    for item in candidates:
        index = next((i for i, g in enumerate(spellings) if any(same(item, other) for other in g)), None)
        if index is None:
            groups.append([item])
            spellings.append([item])
            continue
        groups[index].append(item)
        if all((key(o.name), o.abbreviation) != (key(item.name), item.abbreviation) for o in spellings[index]):
            spellings[index].append(item)
    if not groups:
        return None
    best = min(TIER[c.position] for c in candidates)
    top = [g for g in groups if min(TIER[c.position] for c in g) == best]
    if len(top) > 1:
        support = sorted((len({c.line for c in g}) for g in top), reverse=True)
        if support[0] == support[1]:
            return None
        top = [max(top, key=lambda g: len({c.line for c in g}))]
    group = top[0]
    return min(
        group,
        key=lambda c: (
            TIER[c.position],
            c.name == c.abbreviation,
            c.completed,
            _cut(c, group),
            _noun(c, group),
            c.line,
        ),
    )


def _noun(item: Candidate, group: list[Candidate]) -> bool:
    """Whether the name carries a media noun another candidate of the group goes without («جريدة X»
    and «X», "X News Agency" and "X"): the page's own name for itself is the bare one."""
    words = set(key(item.name).split())
    return any(set(key(o.name).split()) < words for o in group if o.abbreviation is None or o.name != o.abbreviation)


def _cut(item: Candidate, group: list[Candidate]) -> bool:
    """Whether another candidate of the group spells this name with a letter more (`وج` / `أوج`)."""
    return key(item.name) in {key(o.name)[1:] for o in group}
