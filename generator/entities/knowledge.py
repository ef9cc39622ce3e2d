"""The knowledge base: one Markdown file per entity in `site_src/knowledge/`, data in YAML front
matter, the editor's note in the body. Entries are validated field by field; a malformed entry
is left out with an error naming its file and field, and the rest of the site still builds."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from generator.entities.matching import Matcher
from generator.model.document import Diagnostic
from generator.model.entity import Entity
from generator.model.entity_types import EntityType, entity_types
from generator.text.inputs import InputError, read_input_text, split_front_matter
from generator.text.normalise import clean_field, fold, line_key

TYPES = tuple(kind.id for kind in entity_types())  # generator/data/entity_types.yml
SUBTYPES = {kind.id: {s.id for s in kind.subtypes} for kind in entity_types() if kind.subtypes}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
FIELDS = {"id", "type", "subtype", "name", "names", "aliases", "titles", "role", "lat", "lon", "wikidata"}


class KnowledgeError(InputError):
    """A malformed entry: the file, and the reason naming the field."""


def load_knowledge(
    folder: Path, source_dir: Path | None = None, max_bytes: int = 2_000_000, added: dict[str, str] | None = None
) -> tuple[list[Entity], list[Diagnostic]]:
    """Every valid entity (sorted by id) and one error per invalid entry or clash.
    `added` maps a file's name to when it was first committed: of two entries that claim one name,
    the newer is left out (files not yet committed are the newest; equal dates go by file name)."""
    entities: list[Entity] = []
    errors: list[Diagnostic] = []
    if not folder.is_dir():
        return entities, errors
    for path in sorted(folder.glob("*.md")):
        try:
            entities.append(read_entity(path, source_dir or folder.parent, max_bytes))
        except (KnowledgeError, InputError) as error:
            errors.append(Diagnostic.from_error(error, "error"))
    return _without_clashes(entities, errors, _seniority(added or {})), errors


Fail = Callable[[str, str], "KnowledgeError"]  # (field, problem) -> the error naming both


def read_entity(path: Path, source_dir: Path | None = None, max_bytes: int = 2_000_000) -> Entity:
    data, body, body_line = split_front_matter(read_input_text(path, source_dir or path.parent.parent, max_bytes), path)
    if not data:
        raise KnowledgeError(path, "no YAML front matter (the entity's data goes between --- lines)")

    def fail(field: str, problem: str) -> KnowledgeError:
        return KnowledgeError(path, f"field '{field}' {problem}")

    unknown = set(data) - FIELDS
    if unknown:
        raise fail(sorted(unknown)[0], f"is unknown (known fields: {', '.join(sorted(FIELDS))})")
    entity_id = _required_string(data, "id", fail)
    if not ID_RE.match(entity_id) or entity_id != path.stem:
        raise fail("id", f"must be lowercase words joined by '-' and equal the file name ({path.stem!r})")
    entity_type, subtype = _kind(data, fail)
    lat, lon = _coordinate(data, "lat", 90, fail), _coordinate(data, "lon", 180, fail)
    if (lat is None) != (lon is None):
        raise fail("lat" if lat is None else "lon", "is missing: give both lat and lon, or neither")
    wikidata = _string(data, "wikidata", fail)
    if wikidata is not None and not WIKIDATA_RE.match(wikidata):
        raise fail("wikidata", "must look like Q42")
    name, names, aliases = _all_names(data, fail)
    return Entity(
        id=entity_id, type=entity_type, subtype=subtype, name=name, names=names, aliases=aliases,
        titles=_strings(data, "titles", fail), role=_string(data, "role", fail), lat=lat, lon=lon, wikidata=wikidata,
        note=body.strip(), path=path, note_line=body_line + body.count("\n", 0, len(body) - len(body.lstrip())),
    )  # fmt: skip


def _kind(data: dict[str, Any], fail: Fail) -> tuple[EntityType, str | None]:
    entity_type = _required_string(data, "type", fail)
    if entity_type not in TYPES:
        raise fail("type", f"must be one of {', '.join(TYPES)}")
    subtype = _string(data, "subtype", fail)
    if entity_type in SUBTYPES and subtype not in SUBTYPES[entity_type]:
        raise fail("subtype", f"must be one of {', '.join(sorted(SUBTYPES[entity_type]))} for a {entity_type}")
    return cast(EntityType, entity_type), subtype


def _all_names(data: dict[str, Any], fail: Fail) -> tuple[str, dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The English name, the names by language and the aliases, each one a name that can be matched."""
    name, names, aliases = _required_string(data, "name", fail), _names(data, fail), _strings(data, "aliases", fail)
    for field, value in (
        ("name", name),
        *((f"names.{k}", v) for k, vs in names.items() for v in vs),
        *(("aliases", v) for v in aliases),
    ):
        if problem := name_problem(value):
            raise fail(field, f"{value!r} {problem}")
    return name, names, aliases


def _required_string(data: dict[str, Any], field: str, fail) -> str:
    value = _string(data, field, fail)
    if value is None:
        raise fail(field, "is missing")
    return value


def _string(data: dict[str, Any], field: str, fail) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not clean_field(value):
        raise fail(field, "must be a non-empty text")
    return clean_field(value)


def _strings(data: dict[str, Any], field: str, fail) -> tuple[str, ...]:
    value = data.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and clean_field(v) for v in value):
        raise fail(field, "must be a list of texts")
    return tuple(clean_field(v) for v in value)


# A name shorter than this many letters, or one common word, would match all over the corpus.
MIN_NAME_LETTERS = 2
STOP_WORD_LANGUAGES = ("ar", "fa", "tr", "en")


def name_problem(name: str) -> str | None:
    """Why `name` cannot be matched in text, if it cannot."""
    if sum(ch.isalpha() for ch in name) < MIN_NAME_LETTERS:
        return f"has fewer than {MIN_NAME_LETTERS} letters"
    if fold(name) in stop_words():
        return "is a common word (a stop word), which would match all over the corpus"
    return None


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Folded stop words (function words) of the site's languages, from the stop-words package."""
    from stop_words import get_stop_words

    return frozenset(fold(word) for language in STOP_WORD_LANGUAGES for word in get_stop_words(language))


def _names(data: dict[str, Any], fail) -> dict[str, tuple[str, ...]]:
    value = data.get("names") or {}
    if not isinstance(value, dict):
        raise fail("names", "must map language codes (ar, fa, tr, en …) to lists of names")
    names = {}
    for language, items in value.items():
        if not isinstance(language, str) or not re.match(r"^[a-z]{2,3}$", language):
            raise fail("names", f"has an invalid language code {language!r}")
        names[language] = _strings({f"names.{language}": items}, f"names.{language}", fail)
    return names


def _coordinate(data: dict[str, Any], field: str, limit: float, fail) -> float | None:
    value = data.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise fail(field, f"must be a number between -{limit} and {limit}")
    return float(value)


def _seniority(added: dict[str, str]) -> Callable[[Entity], tuple[str, str]]:
    """Sort key: established entries first (first commit date), then by file name."""

    def key(entity: Entity) -> tuple[str, str]:
        return (added.get(entity.path.name) or "~", entity.path.name)  # "~" sorts after every date: not committed yet

    return key


def _without_clashes(
    entities: list[Entity], errors: list[Diagnostic], seniority: Callable[[Entity], tuple[str, str]]
) -> list[Entity]:
    """A name claimed by two entries would move one entity's mentions to the other: the newer
    entry is left out, with an error naming it, and the established one keeps its documents.
    A name that contains a person's name («قوات المشير خليفة حفتر») would hide that person's
    mentions: reported (the entry stays, so the site still builds)."""
    owner: dict[str, Entity] = {}
    kept: list[Entity] = []
    for entity in sorted(entities, key=seniority):
        clash = next(
            (
                (name, owner[line_key(name)])
                for name in entity.matchable_names()
                if owner.get(line_key(name), entity).id != entity.id
            ),
            None,
        )
        if clash:
            errors.append(
                Diagnostic(
                    entity.path,
                    None,
                    "error",
                    f"field 'names'/'aliases': {clash[0]!r} is already a name of {clash[1].id} "
                    f"({clash[1].path.name}); a name must belong to one entity, "
                    "so this entry is left out",
                )
            )
            continue
        kept.append(entity)
        for name in entity.matchable_names():
            owner.setdefault(line_key(name), entity)
    _report_hidden_people(kept, errors)
    return sorted(kept, key=lambda e: e.id)


def _report_hidden_people(entities: list[Entity], errors: list[Diagnostic]) -> None:
    people = Matcher([e for e in entities if e.type == "person"])
    for entity in entities:
        if entity.type == "person":
            continue
        for name in entity.matchable_names():
            for hidden in people.find(name):
                errors.append(
                    Diagnostic(
                        entity.path,
                        None,
                        "error",
                        f"field 'names'/'aliases': {name!r} contains the name of "
                        f"{hidden.entity_id}, whose mentions it would hide; link the two separately",
                    )
                )
