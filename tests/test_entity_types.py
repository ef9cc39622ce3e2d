"""Entity types are defined once, in generator/data/entity_types.yml (issue 12): the knowledge base
checks entries against it, and the entity index, a document's sidebar and the maps group by it."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import get_args

import pytest

from generator.entities.knowledge import SUBTYPES, TYPES, KnowledgeError, read_entity
from generator.model.entity_types import EntityType, entity_type, entity_types


def test_the_data_file_lists_the_three_types_in_order_with_their_labels():
    assert tuple(kind.id for kind in entity_types()) == get_args(EntityType) == ("person", "organisation", "place")
    assert [kind.plural for kind in entity_types()] == ["People", "Organisations", "Places"]
    assert entity_type("person").subtypes == ()
    places = entity_type("place")
    assert places.subtype("air_base").label == "Air base" and places.subtype("air_base").marker == "air-base"
    assert [s.id for s in places.subtypes if s.point] == ["city", "airport", "air_base"]
    assert places.subtype("nowhere") is None and places.subtype(None) is None


def test_the_knowledge_base_checks_entries_against_the_data_file():
    assert get_args(EntityType) == TYPES
    assert set(SUBTYPES) == {"organisation", "place"}
    assert SUBTYPES["place"] == {s.id for s in entity_type("place").subtypes}


def entry(tmp_path: Path, front_matter: str) -> Path:
    path = tmp_path / "knowledge" / "x.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\nid: x\nname: X Y\n{front_matter}---\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("type: ship\n", "field 'type' must be one of person, organisation, place"),
        (
            "type: place\nsubtype: harbour\n",
            "must be one of air_base, airport, city, continent, country, region for a place",
        ),
    ],
)
def test_an_unknown_type_or_subtype_is_named_with_the_known_ones(tmp_path, front_matter, message):
    with pytest.raises(KnowledgeError, match=message):
        read_entity(entry(tmp_path, front_matter))


def test_an_entity_keeps_its_type_as_a_plain_string_through_the_cache(tmp_path):
    entity = read_entity(entry(tmp_path, "type: place\nsubtype: air_base\nlat: 32.0\nlon: 13.0\n"))
    again = pickle.loads(pickle.dumps(entity))
    assert again == entity and type(again.type) is str and again.type == "place"
