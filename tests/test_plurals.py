"""Plurals right everywhere (issue 15): "1 document", "2 documents", never "document(s)", on every
built page and in the build's own report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from conftest import IDS

from generator.model.document import Diagnostic, Skipped
from generator.model.plurals import count, noun
from generator.model.report import Report
from generator.site.render import environment

# Nouns the pages count, in the plural: "1 documents" would be wrong.
PLURAL_NOUNS = "documents|paragraphs|sentences|mentions|events|reports|lines|bytes|errors|warnings|files|entries"
ONE_PLURAL_RE = re.compile(rf"(?<![\w.,])1 (?:more )?(?:{PLURAL_NOUNS})\b")


def test_count_agrees_with_the_number():
    assert [count(n, "document") for n in (0, 1, 2, 1250)] == [
        "0 documents",
        "1 document",
        "2 documents",
        "1,250 documents",
    ]
    assert (count(1, "entry", "entries"), count(3, "entry", "entries")) == ("1 entry", "3 entries")
    assert (noun(1, "paragraph"), noun(5, "paragraph")) == ("paragraph", "paragraphs")


def test_templates_count_through_the_filter():
    template = environment().from_string(
        '{{ 1 | count("document") }}; {{ 2 | count("entry", "entries") }}; {{ 1 | noun("line") }}'
    )
    assert template.render() == "1 document; 2 entries; line"


def test_build_report_counts_in_words():
    one = Report(published=1, skipped=[Skipped(Path("a.txt"), "empty")], written=1)
    one.diagnostics = [Diagnostic(None, None, "error", "e"), Diagnostic(None, None, "warning", "w")]
    assert (
        one.summary()
        .splitlines()[0]
        .startswith("microsite: 1 document published, 1 file skipped, 1 error, 1 warning; 1 file written, 0 removed")
    )
    assert (
        Report(published=2, written=3)
        .summary()
        .startswith("microsite: 2 documents published, 0 files skipped, 0 errors, 0 warnings; 3 files written")
    )


def page_text(path: Path) -> str:
    """What a reader of the page sees or hears: its text (no script or style) and its tooltips and labels."""
    tree = lxml.html.fromstring(path.read_bytes())
    for element in tree.xpath("//script | //style"):
        element.drop_tree()
    labels = tree.xpath("//@title | //@aria-label | //@alt | //@placeholder")
    return " ".join([tree.text_content(), *map(str, labels)])


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    site = built_site.root / "site"
    return {path.relative_to(site).as_posix(): page_text(path) for path in sorted(site.rglob("*.html"))}


def test_no_page_says_s_in_brackets(pages):
    assert len(pages) > 50
    assert {
        page: text[text.index("(s)") - 60 : text.index("(s)") + 3] for page, text in pages.items() if "(s)" in text
    } == {}


def test_a_count_of_one_is_singular_on_every_page(pages):
    wrong = {page: match.group(0) for page, text in pages.items() if (match := ONE_PLURAL_RE.search(text))}
    assert wrong == {}


def test_an_entity_named_in_one_document_says_1_document(built_site, pages):
    entities = json.loads((built_site.root / "site" / "data" / "entities.json").read_text(encoding="utf-8"))
    once = [e for e in entities["entities"] if len(e["documents"]) == 1]
    assert once and any(e["id"] == "al-watiya-air-base" for e in once)
    for entity in once:
        html = (built_site.root / "site" / "entities" / entity["id"] / "index.html").read_text(encoding="utf-8")
        assert "<dt>Named in</dt><dd>1 document</dd>" in html
        assert f"{entity['documents'][0]['mentions']} mention" in html
    assert "1 document" in pages["entities/index.html"]
    document = pages[f"documents/{IDS[4]}/index.html"]
    assert re.search(r"kept \d+ paragraphs and removed \d+ lines or fragments", document)
