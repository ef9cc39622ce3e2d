"""Entity types and their subtypes (generator/data/entity_types.yml), read once: English labels,
plural labels, and for places the map marker's kind. The three types themselves are fixed
(`EntityType`); the data file must list exactly those, in order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, get_args

import yaml

EntityType = Literal["person", "organisation", "place"]


@dataclass(frozen=True)
class Subtype:
    id: str
    label: str  # English, as a heading ("Air base")
    marker: str = ""  # places: the map marker's kind, CSS class ms-marker--<marker>; none: never drawn (a continent)
    point: bool = False  # places: a point rather than an area (the map fits its view to points)
    precision: str = ""  # places: site, city, region or country (the marker's style, CSS class ms-precision--…)


@dataclass(frozen=True)
class TypeInfo:
    id: EntityType
    label: str  # "Person"
    plural: str  # "People": headings of the entity index and a document's sidebar
    subtypes: tuple[Subtype, ...]  # in the data file's order; none: any subtype is accepted

    def subtype(self, subtype_id: str | None) -> Subtype | None:
        return next((s for s in self.subtypes if s.id == subtype_id), None)


@lru_cache(maxsize=1)
def entity_types() -> tuple[TypeInfo, ...]:
    """Every type, in the order of EntityType (and of headings)."""
    data = yaml.safe_load(resources.files("generator").joinpath("data/entity_types.yml").read_text("utf-8"))
    if tuple(data) != get_args(EntityType):
        raise ValueError(f"data/entity_types.yml lists {', '.join(data)}; expected {', '.join(get_args(EntityType))}")
    return tuple(
        TypeInfo(
            type_id,
            spec["label"],
            spec["plural"],
            tuple(Subtype(sub_id, **fields) for sub_id, fields in (spec.get("subtypes") or {}).items()),
        )
        for type_id, spec in data.items()
    )


def entity_type(type_id: EntityType) -> TypeInfo:
    return next(t for t in entity_types() if t.id == type_id)
