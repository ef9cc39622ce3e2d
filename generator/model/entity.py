"""Entities and their mentions: what the knowledge base holds and what a document names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model.entity_types import EntityType


@dataclass(frozen=True)
class Entity:
    """A knowledge-base entry: a person, organisation or place (site_src/knowledge/<id>.md)."""

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
    path: Path
    note_line: int = 1  # line of the note's start in the file (for error messages)

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
    """A name the knowledge base does not know, found after a title."""

    name: str  # as written
    title: str  # the title before it, as written
    paragraph: str
    sentence: str
