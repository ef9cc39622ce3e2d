"""The entity page explains letter-form variants (issue 15): spellings that look the same but are
written with different letters (آكار, آکار) are told apart by code point and Unicode name, and by
the languages of the spellings that write each form. The letters come from the folding table."""

from __future__ import annotations

import pytest

from generator.text.letter_forms import LetterForm, differences, letter_forms
from generator.text.normalise import folding_table


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("آكار", "آکار", [("ك", "ک")]),  # Arabic kaf, Persian keheh
        ("علي", "علی", [("ي", "ی")]),  # Arabic yeh, Persian farsi yeh
        ("مصطفى", "مصطفي", [("ى", "ي")]),  # alef maksura
        ("طرابلسة", "طرابلسه", [("ة", "ه")]),  # teh marbuta
        ("أكار", "اكار", [("أ", "ا")]),  # hamza above
        ("إسلام", "اسلام", [("إ", "ا")]),  # hamza below
        ("آكار", "أكار", [("آ", "أ")]),  # madda and hamza
        ("مؤتمر", "موتمر", [("ؤ", "و")]),
        ("رئيس", "رييس", [("ئ", "ي")]),
        ("خلوصي آكار", "خلوصی آکار", [("ي", "ی"), ("ك", "ک")]),  # in order, each once
        ("می\u200cشود", "میشود", [("\u200c", "")]),  # the Persian half-space, in one only
        ("وـــزير", "وزير", [("ـ", "")]),  # tatweel
        ("خُلوصي", "خلوصي", [("خُ", "خ")]),  # a letter with its vowel mark
        ("Güler", "Guler", [("ü", "u")]),
    ],
)
def test_differences_name_the_letters_two_spellings_differ_by(a, b, expected):
    assert differences(a, b) == expected
    assert differences(b, a) == [(y, x) for x, y in expected]


@pytest.mark.parametrize("a, b", [("آكار", "آكار"), ("أكار", "غولر"), ("Akar", "Hulusi Akar")])
def test_same_spellings_or_different_names_have_no_difference(a, b):
    assert differences(a, b) == []


def test_every_letter_of_the_folding_table_is_explained():
    # the folding table is the one list of letters that fold together: each of its pairs is found
    for letter, base in folding_table()["fold"].items():
        expected = [(letter, base)] if base else [(letter, "")]
        assert differences(f"ب{letter}ت", f"ب{base}ت") == expected, letter


def test_letter_forms_group_by_letter_with_code_points_names_and_languages():
    groups = letter_forms(
        {"ar": ["خلوصي آكار"], "fa": ["خلوصی آکار"], "": ["آكار", "آکار", "Akar"]},
    )
    assert groups == [
        (LetterForm("ي", ("ar",)), LetterForm("ی", ("fa",))),
        (LetterForm("ك", ("ar",)), LetterForm("ک", ("fa",))),
    ]
    kaf, keheh = groups[1]
    assert (kaf.code_points, kaf.name, keheh.code_points, keheh.name) == ("U+0643", "kaf", "U+06A9", "keheh")
    assert groups[0][1].name == "farsi yeh"
    assert LetterForm("اٴ").code_points == "U+0627 U+0674" and LetterForm("اٴ").name == "alef + high hamza"
    assert not LetterForm("\u200c").visible and LetterForm("ک").visible


def test_letter_forms_of_spellings_with_no_language_carry_none():
    assert letter_forms({"": ["آكار", "آکار"]}) == [(LetterForm("ك"), LetterForm("ک"))]
    assert letter_forms({"ar": ["طرابلس"], "fa": ["طرابلس"]}) == []  # one spelling in both


def test_entity_page_shows_the_letter_forms_of_akar(built_site):
    html = (built_site.root / "site" / "entities" / "hulusi-akar" / "index.html").read_text(encoding="utf-8")
    also = html[html.index("<dt>Also written</dt>") : html.index("<dt>Named in</dt>")]
    assert "آكار · آکار" in also
    row = also[also.index("<dt>Letter forms</dt>") :]
    assert (
        'Arabic <span class="ms-letter" lang="ar" dir="auto">ك</span> (<code>U+0643</code> kaf) / '
        'Persian <span class="ms-letter" lang="fa" dir="auto">ک</span> (<code>U+06A9</code> keheh)'
    ) in row
    assert "(<code>U+064A</code> yeh)" in row and "(<code>U+06CC</code> farsi yeh)" in row
    # spellings that differ by no letter form (أنقرة, آنکارا …) have no such row
    ankara = (built_site.root / "site" / "entities" / "ankara" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Letter forms</dt>" not in ankara
