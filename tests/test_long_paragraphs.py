"""Issue 11, one long line: lookups that ran once per mention over every span or sentence of a paragraph
made a 2 MB one-line article take minutes (a cost that grew with the square of its length). They are
binary searches now; each gives what the plain scan gave (hypothesis draws the spans and offsets)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.entities.event_evidence import _named_in, _Sentences
from generator.entities.place_names import _Spans

offsets = st.integers(min_value=0, max_value=200)
spans = st.lists(st.tuples(offsets, st.integers(min_value=1, max_value=30)).map(lambda p: (p[0], p[0] + p[1])))


@given(spans, offsets, st.integers(min_value=1, max_value=30))
def test_spans_answer_as_a_scan_of_every_span(found, start, length):
    indexed, end = _Spans(found), start + length
    assert indexed.cover(start) == any(s <= start < e for s, e in found)
    assert indexed.overlap(start, end) == any(s < end and start < e for s, e in found)


@given(st.lists(st.integers(min_value=1, max_value=20), max_size=30), offsets)
def test_the_sentence_at_an_offset_is_the_one_a_scan_finds(lengths, offset):
    sentences, start = [], 0
    for n, length in enumerate(lengths):  # in order, none overlapping, some gaps (spaces between)
        sentences.append(("p1", start, start + length, "x" * length))
        start += length + n % 2
    scanned = next((s for s in sentences if s[1] <= offset < s[2]), None)
    assert _Sentences(sentences).at("p1", offset) == scanned
    assert _Sentences(sentences).at("p2", offset) is None


@given(st.lists(st.tuples(offsets, st.sampled_from(["a", "b", "c"]))), offsets, offsets)
def test_the_entities_named_between_two_offsets_are_those_a_scan_finds(mentions, start, end):
    index = {"p1": ([s for s, _ in sorted(mentions)], [i for _, i in sorted(mentions)])}
    assert _named_in(index, "p1", start, end) == frozenset(i for s, i in mentions if start <= s < end)
