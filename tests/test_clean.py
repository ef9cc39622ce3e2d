"""The cleaner generalises: page furniture of kinds and languages not in the five documents."""

from __future__ import annotations

from generator.stages.clean import clean

ENGLISH = """Skip to content
Home
World
Middle East
Sign in
The Daily Courier
Turkey and Libya agree to expand military training
Turkey and Libya agree to expand military training
By Jane Roe
Published: July 3, 2020
Share
Tweet
Email
Turkish Defence Minister Hulusi Akar arrived in Tripoli on Friday for talks with officials of the Government of National Accord, the ministry said.
Akar and Chief of General Staff Yasar Guler visited Turkish troops at a training centre near Mitiga airport.
"We will do whatever is necessary for our Libyan brothers," Akar told the soldiers.
Turkey's defence ministry shared footage of the visit on social media. pic.twitter.com/AbCdEf123
— T.C. Milli Savunma Bakanligi (@tcsavunma) July 3, 2020
The visit came weeks after forces loyal to the government pushed back an offensive on the capital.
Advertisement
Related
Egypt warns of intervention in Libya
Oil output resumes at Sharara field
Comments
"""

TURKISH = """Gündem
Dünya
Bakan Akar ve Orgeneral Güler Libya'da
Milli Savunma Bakanı Hulusi Akar ve Genelkurmay Başkanı Orgeneral Yaşar Güler, Trablus'ta Libya Ulusal Mutabakat Hükümeti yetkilileriyle bir araya geldi.
Görüşmede iki ülke arasındaki askeri eğitim ve iş birliği ele alındı.
Paylaş
Etiketler: Libya, Türkiye, Savunma
İlgili Haberler
Ekonomide yeni dönem başlıyor
"""

WRAPPED = """Turkish minister visits Tripoli

Turkish Defence Minister Hulusi Akar arrived in Tripoli on Friday for
talks with officials of the Government of National Accord, inspecting
military facilities under a cooperation agreement between the two
countries.

Akar and the chief of general staff met Turkish and Libyan soldiers at
a training centre near Mitiga International Airport, the ministry
said in a statement.
"""


def texts(cleaned):
    return [p.text for p in cleaned.paragraphs]


def removed_kinds(cleaned):
    return {r.text: r.kind for r in cleaned.removed}


def test_english_page_furniture_tweet_and_related_list():
    cleaned = clean(ENGLISH)
    kept = texts(cleaned)
    assert kept[0].startswith("Turkish Defence Minister Hulusi Akar arrived")
    assert kept[-1].startswith("The visit came weeks after")
    assert len(kept) == 5
    kinds = removed_kinds(cleaned)
    assert kinds["— T.C. Milli Savunma Bakanligi (@tcsavunma) July 3, 2020"] == "embed"
    quote = next(p for p in cleaned.paragraphs if p.attribution)  # the post's words, quoted with its byline
    assert quote.text.startswith("Turkey's defence ministry shared footage")
    assert quote.attribution == "T.C. Milli Savunma Bakanligi (@tcsavunma), July 3, 2020"
    assert kinds["Share"] == "share" and kinds["Advertisement"] == "advertisement"
    assert kinds["Egypt warns of intervention in Libya"] == "appended"
    assert kinds["By Jane Roe"] == "byline" and kinds["Published: July 3, 2020"] == "date"
    assert cleaned.title == "Turkey and Libya agree to expand military training"
    # the repeated headline is removed as a repeat, the masthead and menu as header lines
    assert [r.kind for r in cleaned.removed if r.text == cleaned.title] == ["title", "repeated"]
    assert kinds["The Daily Courier"] == "header"


def test_turkish_tags_and_related_news():
    cleaned = clean(TURKISH)
    assert len(texts(cleaned)) == 2
    kinds = removed_kinds(cleaned)
    assert kinds["Etiketler: Libya, Türkiye, Savunma"] == "tags"
    assert kinds["Ekonomide yeni dönem başlıyor"] == "appended"
    assert kinds["Paylaş"] == "share"
    assert cleaned.title == "Bakan Akar ve Orgeneral Güler Libya'da"


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    cleaned = clean(WRAPPED)
    assert len(cleaned.paragraphs) == 2
    first = cleaned.paragraphs[0]
    assert first.text.startswith("Turkish Defence Minister") and first.text.endswith("two countries.")
    assert first.lines == (3, 6)
    assert cleaned.title == "Turkish minister visits Tripoli"


def test_inline_read_also_link_is_removed_but_the_article_continues():
    text = (
        "وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة وتفتيش المنشآت.\n"
        "اقرأ أيضاً: السراج يستقبل وفداً تركياً في طرابلس\n"
        "وأفادت تقارير بأن اللقاء يهدف إلى تحسين العلاقات الثنائية وزيادة التعاون بين البلدين.\n"
    )
    cleaned = clean(text)
    assert len(cleaned.paragraphs) == 2
    assert removed_kinds(cleaned)["اقرأ أيضاً: السراج يستقبل وفداً تركياً في طرابلس"] == "related"


def test_a_section_link_above_the_body_does_not_end_the_article():
    text = (
        "الأكثر قراءة\n"
        "وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة وتفتيش المنشآت.\n"
        "وأفادت تقارير بأن اللقاء يهدف إلى تحسين العلاقات الثنائية وزيادة التعاون بين البلدين.\n"
    )
    cleaned = clean(text)
    assert len(cleaned.paragraphs) == 2
    assert removed_kinds(cleaned)["الأكثر قراءة"] == "navigation"


def test_subheadings_inside_the_body_are_kept():
    text = (
        "وصل وزير الدفاع التركي إلى مدينة طرابلس يوم الجمعة للقاء ممثلين عن الحكومة وتفتيش المنشآت.\n"
        "تعاون عسكري متزايد بين البلدين\n"
        "وأفادت تقارير بأن اللقاء يهدف إلى تحسين العلاقات الثنائية وزيادة التعاون بين البلدين.\n"
    )
    assert len(clean(text).paragraphs) == 3


def test_near_duplicate_caption_with_credit_and_pull_quote():
    body = "وقال الوزير إن تركيا ماضية في دعم الحكومة لتحقيق الاستقرار في ليبيا مهما كلف الأمر."
    text = (
        f"{body}\nوأضاف أن التعاون العسكري سيتواصل في الأشهر المقبلة بين البلدين وفق الاتفاق.\n"
        "تركيا ماضية في دعم الحكومة لتحقيق الاستقرار في ليبيا مهما كلف الأمر\n"
        f"{body} رويترز\n"
    )
    cleaned = clean(text)
    assert len(cleaned.paragraphs) == 2
    assert all(r.kind == "repeated" for r in cleaned.removed)


def test_every_nonblank_line_is_kept_or_removed_exactly_once():
    for text in (ENGLISH, TURKISH, WRAPPED):
        cleaned = clean(text)
        kept = {n for p in cleaned.paragraphs for n in range(p.lines[0], p.lines[1] + 1)}
        removed = {r.line for r in cleaned.removed}
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                assert (number in kept) != (number in removed), (number, line)
