"""New names (issue 14, point 4): people outside the knowledge base, found by several signals
(titles and ranks either side of the name, reporting and meeting verbs, quotation attributions,
capitalised runs, a surname written again), fragments and known people left out, and one
person's spellings grouped across documents and scripts. Every sentence here is written for
these tests; the names are invented."""

from __future__ import annotations

import pytest
from conftest import dump_front_matter

from generator.entities.knowledge import load_knowledge
from generator.entities.matching import Matcher
from generator.entities.mentions import find_entities
from generator.entities.name_groups import NameSighting, find_group, group_new_names
from generator.entities.names import find_new_names
from generator.entities.transliterate import same_name, spelling_key
from generator.model.document import Paragraph
from generator.model.entity import NewName

ENTRIES = {
    "khalifa-haftar": {
        "type": "person",
        "name": "Khalifa Haftar",
        "names": {"ar": ["خليفة حفتر"], "fa": ["خلیفه حفتر"]},
        "aliases": ["حفتر", "Haftar"],
    },
    "salah-al-din-al-namroush": {
        "type": "person",
        "name": "Salah al-Din al-Namroush",
        "names": {"ar": ["صلاح الدين النمروش"], "en": ["Salah al-Din Abdullah al-Namroush"]},
    },
    "abdul-hakim-abu-haliya": {
        "type": "person",
        "name": "Abdul Hakim Abu Haliya",
        "names": {"ar": ["عبد الحكيم أبو حالية"]},
    },
    "libya": {"type": "place", "subtype": "country", "name": "Libya", "names": {"ar": ["ليبيا"], "fa": ["لیبی"]}},
    "tripoli": {"type": "place", "subtype": "city", "name": "Tripoli", "names": {"ar": ["طرابلس"], "tr": ["Trablus"]}},
    "malta": {"type": "place", "subtype": "country", "name": "Malta", "names": {"ar": ["مالطا"], "fa": ["مالت"]}},
}


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory):
    folder = tmp_path_factory.mktemp("knowledge")
    for entity_id, data in ENTRIES.items():
        (folder / f"{entity_id}.md").write_text(dump_front_matter({"id": entity_id, **data}) + "Note.\n", "utf-8")
    entities, errors = load_knowledge(folder)
    assert errors == []
    return {e.id: e for e in entities}


def found(text: str, language: str, knowledge) -> list[NewName]:
    paragraphs = tuple(Paragraph(f"p{i}", line, (i, i)) for i, line in enumerate(text.split("\n"), 1))
    known = find_entities(paragraphs, Matcher(list(knowledge.values())), knowledge)
    return list(find_new_names(paragraphs, known, language, knowledge))


def names(text: str, language: str, knowledge) -> list[str]:
    return [n.name for n in found(text, language, knowledge)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # after a title, past the office, a preposition and its object, and a comma
        ("أعلن سفير اليابان لدى ليبيا كينجي ماتسودا، مساء الثلاثاء، استئناف عمل السفارة.", "ar", ["كينجي ماتسودا"]),
        ("وشارك وزير الدولة لشؤون الهجرة في حكومة مالطا جوزيف بورغ في الاجتماع.", "ar", ["جوزيف بورغ"]),
        ("The port's new director, Lt. Col. Farid Bouzid, inspected the docks.", "en", ["Farid Bouzid"]),
        ("Kara Kuvvetleri Komutanı Orgeneral Selim Aydemir birlikleri denetledi.", "tr", ["Selim Aydemir"]),
        # before a title: Persian apposition, and after a comma in English and Arabic
        ("فرهاد رحیمی سفیر ایران در مالت روز دوشنبه از بندر بازدید کرد.", "fa", ["فرهاد رحیمی"]),
        ("Sami Ghanem, the head of the port authority, told reporters the quay would reopen.", "en", ["Sami Ghanem"]),
        ("ودعا سالم الورفلي، رئيس اتحاد الغرف التجارية، إلى خفض الرسوم.", "ar", ["سالم الورفلي"]),
        # a reporting verb with a quotation, or with the surname written again
        ('"We are ready," said Maria Lindqvist on Monday.', "en", ["Maria Lindqvist"]),
        ("وقال منصور الطاهر إن المشروع سيكتمل قبل الصيف.", "ar", ["منصور الطاهر"]),
        ("Omar Benali met the delegation. Benali later left for Tunis.", "en", ["Omar Benali"]),
        # a rank is not part of the name; a frequent given name before a rare surname is a name
        ("A coast guard spokesman, Captain Idris Fellah, said the search went on.", "en", ["Idris Fellah"]),
        ("وقال صدام الهوني إن المشروع سيكتمل، وأضاف الهوني أن التمويل متوفر.", "ar", ["صدام الهوني"]),
    ],
)
def test_names_are_found_by_titles_verbs_and_quotations(knowledge, text, language, expected):
    assert names(text, language, knowledge) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقال المتحدث إن وزير الخارجية وقادة الجيش ناقشوا الخطة.", "ar"),  # «و» + a generic noun
        ("ونشرت قناة اخبار العالم تقريراً مطولاً.", "ar"),
        ("وكتب الوزير مرفقاً المنشور بصورة من الاجتماع.", "ar"),  # tanwin: an adverb
        ("رئیس شورای عالی امنیت ملی امروز به مسکو رفت.", "fa"),  # the office, not a name
        ("رهبر قبرسی‌های ترک در این نشست حضور داشت.", "fa"),
        ("Met with the Chairman of the council in the morning.", "en"),
        ("Bakan, burada yaptığı konuşmada iş birliğine değindi.", "tr"),
        ("Maria Lindqvist attended the ceremony in Tripoli.", "en"),  # capitalised, and nothing else
        ("والتقى منصور الطاهر بممثلي البلديات.", "ar"),  # a verb alone
        ("Storms hit the Green Mountain region on Sunday.", "en"),
        # common nouns after a title or a verb, written again: a phrase begins or ends with a frequent word
        ("وبحث السفير الإيطالي دعم برامج الصيانة، وقال إن برامج أخرى ستتبع.", "ar"),
        ("واستقبل الوزير طاقم سفينة الإمداد، وقال إن السفينة ستبحر غداً.", "ar"),
    ],
)
def test_fragments_phrases_and_weak_evidence_are_not_offered(knowledge, text, language):
    assert names(text, language, knowledge) == []


def test_known_people_under_other_spellings_or_in_part_are_not_new(knowledge):
    assert names("Defence Minister Salahaddin Namroush visited the base.", "en", knowledge) == []
    assert names("وتفقد وزير الدفاع صلاح الدين نمروش القاعدة البحرية.", "ar", knowledge) == []
    assert names("برفقة قائد القوات البحرية عبد الحكيم أبوحولية.", "ar", knowledge) == []
    assert names("Colonel Salah Abdullah said the drills went well.", "en", knowledge) == []  # part of a known name


def test_a_relative_sharing_a_known_surname_is_new_but_the_surname_alone_is_not(knowledge):
    text = "واستقبل المشير خليفة حفتر الوفد بحضور الفريق بلقاسم حفتر.\nوقال المشير حفتر إن الزيارة مهمة."
    assert names(text, "ar", knowledge) == ["بلقاسم حفتر"]


def test_each_name_carries_its_signals_title_and_sentence(knowledge):
    text = "Consul General Leyla Demir opened the new visa office.\nDemir said visas would be issued within a week."
    (name,) = found(text, "en", knowledge)
    assert (name.name, name.title, name.relation, name.paragraph) == ("Leyla Demir", "Consul General", "after", "p1")
    assert name.signals == ("title", "capitalised", "repeated") and name.score == 4
    assert name.sentence == "Consul General Leyla Demir opened the new visa office."
    (before,) = found("فرهاد رحیمی سفیر ایران در مالت روز دوشنبه از بندر بازدید کرد.", "fa", knowledge)
    assert (before.title, before.relation) == ("سفیر", "before")


def test_masthead_lines_are_never_read(project):
    from generator.model.settings import load_settings
    from generator.pipeline.run import load_context, process

    path = project.add(
        "masthead.txt",
        "Editor-in-Chief: Jonathan Appleby\nPort reopens after repairs\n\n"
        "The port of Tripoli reopened on Monday after three months of repairs, officials said.\n\n"
        "Harbour master Idris Gwaider said the first ships would dock within days.\n",
    )
    document = process(path, load_context(load_settings(project.root)))
    assert [n.name for n in document.new_names] == ["Idris Gwaider"]


def test_skeletons_spell_one_name_across_scripts_and_keep_different_names_apart():
    same = [
        ("Kemal Yavuz", "en", "كمال يافوز", "ar"),
        ("Necati Şahin", "tr", "نجاتي شاهين", "ar"),
        ("Faraj al-Mahdi", "en", "فرج المهدي", "ar"),
        ("فرج المهدي", "ar", "فرج مهدی", "fa"),
        ("Selçuk Karaosmanoğlu", "tr", "سلجوق قره عثمان أوغلو", "ar"),
        ("Kemal Yavuz", "tr", "کمال یاووز", "fa"),  # v written «و»
        ("صالح باش آغا", "ar", "صالح باشاغا", "ar"),  # a surname written in two words
    ]
    for a, la, b, lb in same:
        assert same_name(spelling_key(a, la), spelling_key(b, lb)), (a, b)
    different = [("فرج المهدي", "ar", "فرج الهادي", "ar"), ("خالد المشري", "ar", "خالد المصري", "ar"),
                 ("Leyla Demir", "tr", "Leyla Demirci", "tr"), ("Sami Ghanem", "en", "Salem Ghanem", "en")]  # fmt: skip
    for a, la, b, lb in different:
        assert not same_name(spelling_key(a, la), spelling_key(b, lb)), (a, b)


def new(name: str, signals: tuple[str, ...] = ("title",), score: int = 2) -> NewName:
    return NewName(name, "", "p1", f"… {name} …", signals, score)


def test_groups_bring_one_name_together_across_documents_and_scripts_most_documents_first():
    sightings = [
        NameSighting("d1", "ar", "rtl", new("كمال يافوز")),
        NameSighting("d2", "en", "ltr", new("Kemal Yavuz", ("title", "capitalised"), 3)),
        NameSighting("d3", "fa", "rtl", new("کمال یاووز")),
        NameSighting("d3", "fa", "rtl", new("فرهاد رحیمی")),
        NameSighting("d4", "ar", "rtl", new("فرج المهدي")),
        NameSighting("d5", "ar", "rtl", new("فرج الهادي")),
    ]
    groups = group_new_names(sightings)
    first = groups[0]
    assert first.name == "Kemal Yavuz" and first.documents == 3 and first.score == 3
    assert first.spellings == {"ar": ("كمال يافوز",), "en": ("Kemal Yavuz",), "fa": ("کمال یاووز",)}
    assert first.signals == ("title", "capitalised")
    assert len(groups) == 4  # المهدي and الهادي are two people
    assert find_group(groups, "كمال يافوز") is first and find_group(groups, "Kemal Yavouz") is first
    assert find_group(groups, "Somebody Else") is None
