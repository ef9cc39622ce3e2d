"""Entities and their mentions: what the knowledge base holds and what a document names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model.entity_types import EntityType


@dataclass(frozen=True)
class Entity:
    """A knowledge-base entry: a person, organisation or place (site_src/knowledge/<id>.md), or a
    place found in the gazetteer (entities/places.py: `reviewed` False, its `source` given)."""

    id: str
    type: EntityType  # generator/data/entity_types.yml
    subtype: str | None
    name: str  # English
    names: dict[str, tuple[str, ...]]  # language -> names as written
    aliases: tuple[str, ...]
    titles: tuple[str, ...]  # role phrases written before the name ("وزير الدفاع التركي")
    role: str | None
    lat: float | None
    lon: float | None
    wikidata: str | None
    note: str  # the editor's Markdown
    path: Path  # site_src/knowledge/<id>.md; for a gazetteer place, the file that would promote it
    note_line: int = 1  # line of the note's start in the file (for error messages)
    source: str | None = None  # where an entity found automatically comes from ("GeoNames 88319")
    reviewed: bool = True  # a knowledge-base entry; False: found in the gazetteer, not reviewed

    def original_name(self, language: str) -> str | None:
        """The usual form of the name in `language` (falling back to Arabic for Arabic-script languages)."""
        for code in (language, "ar" if language in ("fa", "ur") else language):
            if self.names.get(code):
                return self.names[code][0]
        return None

    def matchable_names(self) -> list[str]:
        return [self.name, *(n for names in self.names.values() for n in names), *self.aliases]


@dataclass(frozen=True)
class Mention:
    entity_id: str
    paragraph: str  # paragraph key
    start: int
    end: int
    text: str  # as written (clitics left out)
    method: str  # exact, fuzzy, context, partial


@dataclass(frozen=True)
class DocumentEntity:
    """An entity as one document names it: every mention, every spelling."""

    entity: Entity
    mentions: tuple[Mention, ...]
    names_written: tuple[str, ...]  # each spelling once, in order of appearance


@dataclass(frozen=True)
class NewName:
    """A name the knowledge base does not know, with the evidence that it names a person."""

    name: str  # as written
    title: str  # the title or verb next to it, as written ("" when it was found by other signals)
    paragraph: str
    sentence: str
    signals: tuple[str, ...] = ()  # title, verb, quote, capitalised, repeated (entities/names.py)
    score: int = 0  # the signals' weights added up
    relation: str = "after"  # the name stands "after" or "before" `title` («السفير X», «X سفیر ترکیه»)
