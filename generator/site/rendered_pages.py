"""Document pages kept between the builds of one process: the preview builds once per save, and a
page whose inputs are unchanged since it was last rendered is not rendered again.

A page's inputs (`PageInputs`) are every argument its template is rendered with, and the templates
read nothing else that changes (their globals are the site's fixed data), so equal inputs give
equal bytes. They are compared cheaply: an unchanged document is the same object from build to
build (pipeline/cache.py), and the old one is held here, so no new object can take its identity;
each event is compared once per build, whatever the number of its pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.model.document import Document
from generator.model.event import Event
from generator.site.editorial import Commentary
from generator.site.publish import Outputs


@dataclass(frozen=True)
class PageInputs:
    """Everything one document's page is rendered from."""

    document: Document
    site: dict[str, str]
    event: Event
    map_src: str | None
    commentary: list[tuple[Commentary, str]]
    updated: str | None


_kept: dict[str, tuple[PageInputs, bytes]] = {}  # page path in docs/ -> (what it was rendered from, its bytes)


def reuse(pages: Mapping[str, PageInputs]) -> tuple[Outputs, list[str]]:
    """The pages of `pages` (path -> inputs) kept with unchanged inputs, with their bytes; and the paths
    of the others, to be rendered. Pages no longer built are forgotten."""
    for path in [path for path in _kept if path not in pages]:
        del _kept[path]
    kept: Outputs = {}
    same_events: dict[tuple[int, int], bool] = {}
    for path, inputs in pages.items():
        known = _kept.get(path)
        if known is not None and _unchanged(known[0], inputs, same_events):
            kept[path] = known[1]
    return kept, [path for path in pages if path not in kept]


def keep(pages: Mapping[str, PageInputs], outputs: Outputs) -> None:
    """Keep each page of `outputs` that `pages` gives the inputs of, for the next build."""
    for path, content in outputs.items():
        if path in pages:
            _kept[path] = (pages[path], content)


def _unchanged(old: PageInputs, new: PageInputs, same_events: dict[tuple[int, int], bool]) -> bool:
    if old.document is not new.document:
        return False
    if (old.site, old.map_src, old.commentary, old.updated) != (new.site, new.map_src, new.commentary, new.updated):
        return False
    pair = (id(old.event), id(new.event))  # both held while this runs: the ids name them
    if pair not in same_events:
        same_events[pair] = _same_event(old.event, new.event)
    return same_events[pair]


def _same_event(old: Event, new: Event) -> bool:
    """The same documents (the same objects), date, inferences and links."""
    if len(old.documents) != len(new.documents) or any(
        a is not b for a, b in zip(old.documents, new.documents, strict=True)
    ):
        return False
    return (old.key, old.date, old.dated_by, old.inferred_for, old.date_notes, old.links) == (
        new.key, new.date, new.dated_by, new.inferred_for, new.date_notes, new.links
    )  # fmt: skip
