"""Issue 11, point 5: every per-paragraph pass is linear in the text length.

Proved by counting work, never by timing it (the figures are in BENCHMARKS.md, "One long line"):
the new-names pass splits a paragraph into sentences at most once however many titles it holds,
pysbd only ever reads bounded windows of a long text and reads each part about once, a long
paragraph is split once for all the passes that read it, and the date patterns give up at once
inside a word instead of reading on to its end.
"""

from __future__ import annotations

import random
from itertools import product

import pytest
from conftest import REPO

from generator.entities import names
from generator.entities.knowledge import load_knowledge
from generator.entities.matching import Matcher
from generator.entities.mentions import find_entities
from generator.entities.names import find_new_names
from generator.model.document import Paragraph
from generator.stages import dates, summarise
from generator.text import sentences as text_sentences

TITLES = ["وزير الدفاع التركي", "العقيد", "السفير", "اللواء"]
FIRST_NAMES = ["سالم", "مبروك", "عمران", "مصباح", "رجب", "حامد", "نوري", "جمعة"]
SURNAMES = ["بوشناف", "قنونو", "عيسى", "بادي", "شعبان", "مفتاح"]
ENGLISH = [
    "Turkish Defence Minister Hulusi Akar met Prime Minister Fayez al-Sarraj in Tripoli on Friday.",
    "Ambassador Serhat Aksen and Dr. Smith of the U.S. embassy attended.",
    '"We will stay. We will train," he said.',
    'Chief of General Staff Yasar Guler (who arrived on Thursday. Really.) said: "The training continues."',
    "Mr. Guler left at 5 p.m. on July 3.",
    "Is it true? Yes... maybe.",
]


@pytest.fixture(scope="module")
def knowledge():
    entities, _ = load_knowledge(REPO / "site_src" / "knowledge")
    return {entity.id: entity for entity in entities}


def unknown_people() -> list[str]:
    return [f"{first} {last}" for first, last in product(FIRST_NAMES, SURNAMES)]


KNOWN_EVERY = 7  # every seventh sentence names known people after their titles instead


def paragraph_of_new_people(copies: int) -> tuple[str, list[str]]:
    """One paragraph: unknown people, each after a title, `copies` times over, with known people
    between them; and the unknown people it names, in order of first appearance."""
    sentences, named = [], []
    for i, person in enumerate(unknown_people() * copies):
        if i % KNOWN_EVERY == 0:
            sentences.append("والتقى وزير الدفاع التركي خلوصي أكار رئيس الأركان ياشار غولر.")
        else:
            sentences.append(f"وقال {TITLES[i % len(TITLES)]} {person} إن الوفد وصل إلى طرابلس.")
            named.append(person)
    return " ".join(sentences), list(dict.fromkeys(named))


def counting(monkeypatch, module, name: str) -> list:
    """Replace `module.name` with a wrapper that records its first argument on each call."""
    calls: list = []
    original = getattr(module, name)

    def wrapper(first, *rest, **options):
        calls.append(first)
        return original(first, *rest, **options)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_new_names_split_a_paragraph_once_however_many_titles_it_holds(monkeypatch, knowledge):
    splits = counting(monkeypatch, text_sentences, "split_sentences")
    text, named = paragraph_of_new_people(copies=3)
    crowded = Paragraph("p1", text, (1, 1))
    no_title = Paragraph("p2", "ووصل الوفد إلى طرابلس يوم الجمعة.", (2, 2))
    paragraphs = (crowded, no_title)
    found = find_new_names(paragraphs, find_entities(paragraphs, Matcher(list(knowledge.values())), knowledge), "ar")
    assert text.count("وقال ") > 100
    assert splits == [text]  # once for the crowded paragraph, never for one without a title
    assert [n.name for n in found] == named  # known people (after their titles too) are not new
    for name in found:  # each with the sentence it was first seen in, found by offset
        assert name.sentence.startswith("وقال ") and name.sentence.endswith(f" {name.name} إن الوفد وصل إلى طرابلس.")


def test_mention_spans_answer_as_a_scan_of_every_span_would():
    rng = random.Random(11)
    spans = [(start, start + rng.randint(1, 30)) for start in (rng.randrange(1000) for _ in range(200))]
    covered = names._Spans(spans)
    for offset in range(-5, 1040):
        assert covered.cover(offset) == any(start <= offset < end for start, end in spans), offset


def english_text(characters: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(map(len, sentences)) < characters:
        sentences.append(rng.choice(ENGLISH))
    return " ".join(sentences)


class RecordingSegmenter:
    """pysbd's segmenter, recording how many characters each call gives it."""

    def __init__(self, segmenter, inputs: list[int]) -> None:
        self.segmenter, self.inputs = segmenter, inputs

    def segment(self, text: str):
        self.inputs.append(len(text))
        return self.segmenter.segment(text)


@pytest.mark.parametrize("characters", [3 * text_sentences.PYSBD_WINDOW, 6 * text_sentences.PYSBD_WINDOW])
def test_pysbd_reads_a_long_text_in_bounded_windows_about_once(monkeypatch, characters):
    inputs: list[int] = []
    real = text_sentences._segmenter
    monkeypatch.setattr(
        text_sentences, "_segmenter", lambda language, spans=False: RecordingSegmenter(real(language, spans), inputs)
    )
    text = english_text(characters)
    sentences = text_sentences._split(text, "en")
    assert max(inputs) <= text_sentences.PYSBD_WINDOW
    # each window re-reads only what it could not settle: the last sentence and PYSBD_LOOKAHEAD
    window, lookahead = text_sentences.PYSBD_WINDOW, text_sentences.PYSBD_LOOKAHEAD
    longest = max(map(len, ENGLISH)) + 1
    assert sum(inputs) <= len(text) * window / (window - lookahead - longest)
    assert " ".join(sentences) == " ".join(text.split())  # nothing lost or repeated


def test_windowed_sentences_are_pysbds_own_on_the_whole_text():
    text = english_text(int(2.5 * text_sentences.PYSBD_WINDOW), seed=7)
    whole = tuple(s.strip() for s in text_sentences._segmenter("en").segment(text) if s.strip())
    assert len(text) > 2 * text_sentences.PYSBD_WINDOW
    assert text_sentences.split_sentences(text, "en") == whole


def test_a_normal_paragraph_is_given_to_pysbd_whole(monkeypatch):
    inputs: list[int] = []
    real = text_sentences._segmenter
    monkeypatch.setattr(
        text_sentences, "_segmenter", lambda language, spans=False: RecordingSegmenter(real(language, spans), inputs)
    )
    text = english_text(text_sentences.PYSBD_WINDOW - 200)
    text_sentences.split_sentences(text, "en")
    assert inputs == [len(text)]


def test_a_long_paragraph_is_split_once_for_every_pass_that_reads_it(monkeypatch):
    text_sentences._split_long.cache_clear()
    splits = counting(monkeypatch, text_sentences, "_split")
    text = english_text(2 * text_sentences.PYSBD_WINDOW)
    paragraph = Paragraph("p1", "".join(list(text)), (1, 1))  # an equal text, another object (as after pickling)
    summary = summarise.summarise((paragraph,), "en", (2, 4))
    again = text_sentences.split_sentences(text, "en")
    assert summary and len(splits) == 1
    assert again == text_sentences.split_sentences(paragraph.text, "en")


def test_a_month_name_is_looked_for_only_where_a_word_begins():
    month_day_year = dict(dates._PATTERNS)["month_d_y"]
    text = "Tripoli, July 3, 2020"
    start = text.index("July")
    assert month_day_year.match(text, start) is not None
    # inside a word the pattern fails before reading on (on a long line without spaces it used to
    # read to the end of the line from every letter: quadratic)
    assert all(month_day_year.match(text, i) is None for i in (start + 1, start + 2, 1, 2))
    assert dates.find_date(text).isoformat() == "2020-07-03"
