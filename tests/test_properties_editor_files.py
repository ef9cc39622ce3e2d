"""Property tests (hypothesis) of every reader of editors' files: whatever the front matter holds
(random YAML scalars, impossible dates, tags, anchors, broken syntax, bad bytes), a reader returns
its value or raises the one error type of its kind, which names the file: never a traceback."""

from __future__ import annotations

import dataclasses
import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.entities.knowledge import KnowledgeError, read_entity
from generator.model.document import Document, Skipped
from generator.model.settings import load_settings
from generator.pipeline.run import load_context, process
from generator.site.editorial import EditorialError, read_commentary
from generator.stages.translations import read_translation
from generator.text.inputs import InputError

REPO = Path(__file__).resolve().parent.parent
LIMIT = 2_000_000
ARABIC = (REPO / "site_src" / "documents" / "000_99d85874a1d33ffe.txt").read_text(encoding="utf-8")

FIELDS = [
    "title",
    "outlet",
    "url",
    "date",
    "language",
    "author",
    "translator",
    "status",
    "summary",
    "id",
    "type",
    "subtype",
    "name",
    "names",
    "aliases",
    "titles",
    "role",
    "lat",
    "lon",
    "wikidata",
    "colour",
]
SCALARS = st.one_of(
    st.sampled_from(
        [
            "2020-02-30",
            "2021-13-01",
            "0001-01-01",
            "9999-12-31",
            "2020-07-03",
            "2020-07-03T10:00:00",
            "1e999",
            "-.inf",
            ".nan",
            "0x1F",
            "0o17",
            "~",
            "null",
            "yes",
            "no",
            "[]",
            "{}",
            "[a, [b, {c: d}]]",
            "!!binary aGVsbG8=",
            "!!python/object:os.system x",
            "!!timestamp 2020-02-30",
            "&a [*a, *a]",
            "*undefined",
            "'unclosed",
            '"unclosed',
            "[unclosed",
            "{a: 1",
            "|\n  block",
            ">-\n  folded",
            "\u202eevil\u202c",
            "\u200b\u200b",
            "../../etc",
            "xx",
            "javascript:alert(1)",
            "<script>x</script>",
            "{{ 7*7 }}",
            "{% raw %}",
            "في",
            "x",
            "- a\n- b",
            "? complex\n: key",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=30).map(lambda t: t.replace("\n", " ")),
)


@st.composite
def front_matter(draw) -> str:
    lines = [f"{draw(st.sampled_from(FIELDS))}: {draw(SCALARS)}" for _ in range(draw(st.integers(0, 6)))]
    closing = draw(st.sampled_from(["---", "---", "...", ""]))
    return "---\n" + "\n".join(lines) + f"\n{closing}\n"


@st.composite
def editor_file(draw) -> bytes:
    body = draw(st.sampled_from(["Note.\n", "<!-- p1 00000000 -->\nEnglish.\n", "<!-- p2 XYZ -->\n", ARABIC, ""]))
    data = (draw(front_matter()) + body).encode("utf-8")
    if draw(st.booleans()):  # a stray byte that is not UTF-8
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xe9", b"\xff", b"\xc3\x28", b"\x00"])) + data[at:]
    return data


EDITOR_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@EDITOR_SETTINGS
@given(data=editor_file())
def test_knowledge_entries_never_raise_anything_but_their_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "some-entity.md", data)
        try:
            read_entity(path, Path(folder), LIMIT)
        except (KnowledgeError, InputError) as error:
            assert "some-entity.md" in str(error) and "\n" not in str(error)


@EDITOR_SETTINGS
@given(data=editor_file())
def test_commentary_never_raises_anything_but_its_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "000_99d85874a1d33ffe.md", data)
        try:
            read_commentary(path, Path(folder), LIMIT)
        except (EditorialError, InputError) as error:
            assert "000_99d85874a1d33ffe.md" in str(error) and "\n" not in str(error)


@EDITOR_SETTINGS
@given(data=editor_file())
def test_translations_never_raise_and_name_the_file_in_each_problem(data):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "doc.en.md", data)
        translation = read_translation(path, Path(folder), LIMIT)
        assert all("doc.en.md" in str(problem) and "\n" not in str(problem) for problem in translation.problems)


@lru_cache(maxsize=1)
def _context():
    return load_context(load_settings(REPO))


@EDITOR_SETTINGS
@given(document=front_matter(), sidecar=st.one_of(st.none(), editor_file()))
def test_documents_with_any_front_matter_or_sidecar_are_published_or_skipped_with_a_reason(document, sidecar):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        context = dataclasses.replace(_context(), settings=dataclasses.replace(_context().settings, source_dir=root))
        path = _write(root, "doc.txt", (document + ARABIC).encode("utf-8"))
        if sidecar is not None:
            _write(root, "doc.yml", sidecar)
        result = process(path, context)
        assert isinstance(result, (Document, Skipped))
        if isinstance(result, Skipped):
            assert "\n" not in result.reason
        else:
            assert result.analysis.language in ("ar", "und") or len(result.analysis.language) == 2
