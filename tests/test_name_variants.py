"""Variants of known names (entities/variants.py): the article, compounds glued or split, hamza and
alef maqsura, Latin transliterations; measured on tests/data/name_variants.yml, never merging the
different names listed there; and the matcher applying them to the knowledge base's people."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import dump_front_matter

import generator.entities.variants as variants
from generator.entities.knowledge import load_knowledge
from generator.entities.matching import CONTEXT_THRESHOLD, FUZZY_THRESHOLD, Matcher
from generator.entities.mentions import find_entities
from generator.entities.variants import (
    SKELETON_MIN_CONSONANTS,
    name_similarity,
    same_transliteration,
    skeleton,
)
from generator.model.document import Paragraph

PAIRS = yaml.safe_load((Path(__file__).parent / "data" / "name_variants.yml").read_text(encoding="utf-8"))


def multi_token(a: str, b: str) -> bool:
    """Names the matcher compares by similarity: two words or more on either side."""
    return len(a.split()) >= 2 or len(b.split()) >= 2


SAME = [pair for pair in PAIRS["same"] if multi_token(*pair)]
DIFFERENT = [pair for pair in PAIRS["different"] if multi_token(*pair)]


def measure(threshold: float) -> tuple[float, list[tuple[str, str]]]:
    """(share of the same-name pairs matched, the different-name pairs merged) at `threshold`."""
    found = sum(name_similarity(a, b) >= threshold for a, b in SAME)
    return found / len(SAME), [(a, b) for a, b in DIFFERENT if name_similarity(a, b) >= threshold]


def test_fuzzy_threshold_is_the_measured_one():
    """FUZZY_THRESHOLD is the lowest threshold, in steps of 5, that merges none of the different
    names; CONTEXT_THRESHOLD finds more variants where a title vouches for them (README)."""
    recall, merged = measure(FUZZY_THRESHOLD)
    assert merged == [] and measure(FUZZY_THRESHOLD - 5)[1] != []
    assert 0.6 <= recall < measure(CONTEXT_THRESHOLD)[0]
    assert len(SAME) >= 80 and len(DIFFERENT) >= 35


def test_skeleton_length_is_the_measured_one(monkeypatch):
    """SKELETON_MIN_CONSONANTS is the lowest count that merges none of the different names, whether
    they are surnames of longer names or one-token names."""

    def merges(count: int) -> list[tuple[str, str]]:
        monkeypatch.setattr(variants, "SKELETON_MIN_CONSONANTS", count)
        latin = [(a, b) for a, b in PAIRS["different"] if a.isascii() and not multi_token(a, b)]
        alike = [(a, b) for a, b in latin if same_transliteration(a.lower(), b.lower())]
        return measure(FUZZY_THRESHOLD)[1] + alike

    assert merges(SKELETON_MIN_CONSONANTS) == []
    assert merges(SKELETON_MIN_CONSONANTS - 1) != []


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("عماد شلماني", "عماد الشلماني"),  # the article
        ("محمد قنيدي", "محمد القنيدي"),
        ("مصطفى أبوشاقور", "مصطفى أبو شاقور"),  # a connector glued …
        ("عبد الرحمن سويحلي", "عبدالرحمن السويحلي"),  # … or written apart
        ("عمر قره باش", "عمر قرهباش"),  # a compound split in two
        ("صلاح‌الدین جمالی", "صلاح الدين الجمالي"),  # Persian, a half-space
        ("مصطفي صنع الله", "مصطفى صنع الله"),  # alef maqsura
        ("عبد الرءوف كارة", "عبد الرؤوف كارة"),  # hamza on its own
        ("Nuri Abu Sahmain", "Nouri Abusahmain"),
        ("Salah Nimroush", "Salah al-Namroush"),  # a surname transliterated otherwise
        ("Salah Nemruş", "Salah al-Namroush"),
        ("Khalifa Hifter", "Khalifa Haftar"),
        ("Abd al-Rahman al-Suwayhli", "Abdulrahman Sewehli"),
    ],
)
def test_variants_of_one_name_are_one_name(written, listed):
    assert name_similarity(written, listed) >= FUZZY_THRESHOLD


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("محمود الككلي", "محمد الككلي"),  # two given names of data/given_names.yml
        ("عبد الحليم بلحاج", "عبد الحكيم بلحاج"),  # alike only by what they share («عبد»)
        ("بلقاسم حفتر", "خليفة حفتر"),  # one family, two people
        ("Belqasem Haftar", "Khalifa Haftar"),
        ("Ali Hussein", "Ali Hassan"),  # surnames that differ in their last vowel …
        ("Mohamed Hamdin", "Mohamed Hamdan"),
        ("Ahmed Salem", "Ahmed Salim"),  # … or with too few consonants to tell
        ("Haider al-Obaidi", "Haider al-Abadi"),
        ("Mahdi al-Barghouti", "Mahdi al-Barghathi"),  # th is not t
        ("Namroush", "al-Namroush"),  # one token: never by the rules
    ],
)
def test_different_names_stay_apart(written, listed):
    assert name_similarity(written, listed) < FUZZY_THRESHOLD  # (a title still vouches from CONTEXT_THRESHOLD)


def test_skeleton():
    assert skeleton("namroush") == skeleton("nemrus") == skeleton("nimroush") == "nmrs"
    assert skeleton("dbeibah") == skeleton("dibeybe") == "dbb"  # three consonants: too few to rely on
    assert skeleton("ahmed") == "_hmd" != skeleton("hamed")  # a vowel first is kept as "_"
    assert skeleton("النمروش") == ""  # Arabic script: compared by folding and similarity only


PEOPLE = {
    "nouri-abusahmain": {"name": "Nouri Abusahmain", "names": {"ar": ["نوري أبو سهمين"]}},
    "omar-karabash": {"name": "Omar Karabash", "names": {"ar": ["عمر قرهباش"]}, "titles": ["اللواء"]},
    "salah-namroush": {
        "name": "Salah al-Namroush",
        "names": {"ar": ["صلاح الدين النمروش"], "en": ["Salah al-Din al-Namroush"]},
        "aliases": ["Namroush"],
        "titles": ["Colonel"],
    },
    "mohammed-kikli": {"name": "Mohammed al-Kikli", "names": {"ar": ["محمد الككلي"]}},
    "imad-shalmani": {"name": "Imad al-Shalmani", "names": {"ar": ["عماد الشلماني"]}},
    "ahmed-salem": {"name": "Ahmed Salem"},
}


@pytest.fixture
def people(tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for entity_id, data in PEOPLE.items():
        front = dump_front_matter({"id": entity_id, "type": "person", **data})
        (folder / f"{entity_id}.md").write_text(front + "Note.\n", encoding="utf-8")
    entities, errors = load_knowledge(folder)
    assert errors == []
    return {e.id: e for e in entities}


def linked(text: str, knowledge) -> dict[str, list[str]]:
    found = find_entities((Paragraph("p1", text, (1, 1)),), Matcher(list(knowledge.values())), knowledge)
    return {item.entity.id: [m.text for m in item.mentions] for item in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل عماد شلماني إلى الميناء.", {"imad-shalmani": ["عماد شلماني"]}),
        ("وصل صلاح‌الدین نمروش إلى الميناء.", {"salah-namroush": ["صلاح‌الدین نمروش"]}),
        ("وقال نوري أبوسهمين إن الجلسة انتهت.", {"nouri-abusahmain": ["نوري أبوسهمين"]}),
        ("Nuri Abu Sahmain opened the session.", {"nouri-abusahmain": ["Nuri Abu Sahmain"]}),
        ("وحضر اللواء عمر قره باش الاجتماع.", {"omar-karabash": ["عمر قره باش"]}),
        ("Salah ad-Din en-Nemruş, bakan yardımcısı, konuştu.", {"salah-namroush": ["Salah ad-Din en-Nemruş"]}),
        ("Colonel Nemrush inspected the port.", {"salah-namroush": ["Nemrush"]}),  # one token, after his title
        ("Nemrush inspected the port.", {}),  # … and not without it
        ("وأعلن محمود الككلي استقالته.", {}),  # another given name
        ("Ahmed Salim spoke first.", {}),
    ],
)
def test_the_matcher_finds_variants_of_people_and_no_one_else(people, text, expected):
    assert linked(text, people) == expected


def test_a_surname_alone_after_a_variant_of_the_full_name(people):
    found = linked("وصل عماد شلماني إلى الميناء. وأكد الشلماني أن الزيارة مهمة.", people)
    assert found == {"imad-shalmani": ["عماد شلماني", "الشلماني"]}
