"""`microsite accept "NAME"` (issue 14, point 7): a new name becomes a knowledge-base skeleton in
one step, with the spellings seen in every script and the documents that name it; nothing is
ever overwritten and a name an entry already claims is refused. The articles are written for
these tests; the minister is invented."""

from __future__ import annotations

import importlib.util

import pytest
import yaml

from generator.accept import slug
from generator.cli import main as microsite
from generator.entities.knowledge import read_entity

ARABIC = """وزير التجارة التركي يصل إلى طرابلس

وصل وزير التجارة التركي كمال يافوز، صباح اليوم الأحد، إلى العاصمة الليبية طرابلس على رأس وفد من رجال الأعمال.

وقال يافوز إن بلاده مستعدة لزيادة حجم التبادل التجاري مع ليبيا.
"""
ENGLISH = """Turkish trade minister arrives in Tripoli

Turkish Trade Minister Kemal Yavuz arrived in Tripoli on Sunday at the head of a business delegation.

Yavuz said Turkey was ready to double its trade with Libya within two years.
"""


@pytest.fixture
def named(project):
    project.add("010_ar_trade.txt", ARABIC)
    project.add("011_en_trade.txt", ENGLISH)
    return project


def accept(project, *arguments: str) -> int:
    return microsite(["--root", str(project.root), "accept", *arguments])


def test_accept_writes_a_skeleton_with_the_spellings_and_documents(named, capsys):
    assert accept(named, "كمال يافوز") == 0  # any spelling the page shows will do
    path = named.root / "site_src" / "knowledge" / "kemal-yavuz.md"
    assert f"wrote {path}" in capsys.readouterr().out
    entity = read_entity(path, named.root / "site_src")  # a valid entry as written
    assert (entity.id, entity.type, entity.name) == ("kemal-yavuz", "person", "Kemal Yavuz")
    assert entity.names == {"ar": ("كمال يافوز",), "en": ("Kemal Yavuz",)}
    assert "[[doc:010_ar_trade#p1]]" in entity.note and "[[doc:011_en_trade#p1]]" in entity.note
    assert "Turkish Trade Minister Kemal Yavuz arrived in Tripoli" in entity.note
    report = named.generate()  # the note's links resolve and the person is now known
    assert not report.fatal, report.fatal
    record = named.record("011_en_trade")
    assert "kemal-yavuz" in {e["id"] for e in record["entities"]} and record["new_names"] == []


def test_accept_never_overwrites_and_refuses_a_claimed_name(named, capsys):
    existing = named.root / "site_src" / "knowledge" / "someone.md"
    existing.write_text("kept\n", encoding="utf-8")
    assert accept(named, "Kemal Yavuz", "--id", "someone") == 2
    assert "someone.md exists; nothing written" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "kept\n"
    assert accept(named, "Kemal Yavuz") == 0
    path = named.root / "site_src" / "knowledge" / "kemal-yavuz.md"
    written = path.read_bytes()
    capsys.readouterr()
    assert accept(named, "Kemal Yavuz") == 2
    assert "«Kemal Yavuz» is already a name of kemal-yavuz" in capsys.readouterr().err
    assert accept(named, "Hulusi Akar", "--id", "kemal-yavuz") == 2
    assert "«Hulusi Akar» is already a name of hulusi-akar" in capsys.readouterr().err
    assert path.read_bytes() == written


def test_a_name_found_nowhere_is_refused_with_one_line(named, capsys):
    assert accept(named, "Nobody Anywhere") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "«Nobody Anywhere» is not a new name of the documents" in err
    assert not (named.root / "site_src" / "knowledge" / "nobody-anywhere.md").exists()


def test_an_organisation_is_taken_from_the_text_with_a_subtype_to_complete(named):
    named.add(
        "012_en_chamber.txt", "Chamber meets\n\nThe Misrata Chamber of Commerce met Turkish exporters on Monday.\n"
    )
    assert accept(named, "Misrata Chamber of Commerce", "--type", "organisation") == 0
    entity = read_entity(named.root / "site_src" / "knowledge" / "misrata-chamber-of-commerce.md")
    assert (entity.type, entity.subtype, entity.names) == (
        "organisation",
        "other",
        {"en": ("Misrata Chamber of Commerce",)},
    )


@pytest.mark.skipif(importlib.util.find_spec("generator.entities.gazetteer") is None, reason="no gazetteer")
def test_a_place_gets_the_gazetteer_coordinates(named):
    assert accept(named, "Misrata", "--type", "place") == 0
    text = (named.root / "site_src" / "knowledge" / "misrata.md").read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---")[1])
    assert data["type"] == "place" and data["subtype"] == "city"
    assert abs(data["lat"] - 32.4) < 0.3 and abs(data["lon"] - 15.1) < 0.3


def test_slugs_are_ascii_ids():
    assert slug("Kenan Yılmaz") == "kenan-yilmaz"
    assert slug("Necla el-Menguş") == "necla-el-mengus"
    assert slug("هاكان فيدان") == ""
