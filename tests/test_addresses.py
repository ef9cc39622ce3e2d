"""One home for each fact (issue 12): the site's addresses (site/addresses.py) and its languages
(generator/data/languages.yml, text/languages.py). The golden pages check the addresses the seeds
use; these check the others the templates build, against the links the templates used to spell out."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.site import addresses as at
from generator.site.render import environment
from generator.text.languages import LANGUAGES, direction, language_name


@pytest.mark.parametrize(
    "target, here, expected",
    [
        (at.document_url("b"), "documents/a/", "../b/"),
        (at.entity_url("x"), "documents/a/", "../../entities/x/"),
        (at.map_url("x"), "documents/a/", "../../map/#x"),
        (at.timeline_url(), "documents/a/", "../../timeline/"),
        (at.raw_path("a.html"), "documents/a/", "../../sources/a.html.txt"),
        (at.document_url("d", "p3"), at.entity_url("x"), "../../documents/d/#p3"),
        (at.ENTITIES_JSON, at.entity_url("x"), "../../data/entities.json"),
        (at.entity_url("y"), at.entity_url("x"), "../y/"),
        (at.document_url("d", "p2"), at.url(at.NEW_NAMES_PAGE), "../../documents/d/#p2"),
        ("", at.documents_index_url(1), "../"),
        ("", at.documents_index_url(2), "../../"),
        (at.documents_index_url(1), at.documents_index_url(2), "../../documents/"),
    ],
)
def test_links_are_the_relative_addresses_pages_always_used(target, here, expected):
    assert at.link(target, here) == expected


_PART = st.sampled_from(["a", "b", "documents", "x.txt", ".", "", "..", "index.html"])
_PATH = st.lists(_PART, max_size=5).map("/".join) | st.lists(_PART, max_size=4).map(lambda p: "/" + "/".join(p))


@given(_PATH, _PATH)
def test_relative_addresses_are_what_posixpath_relpath_gives(target, start):
    """`relative` skips relpath's trip through the working directory for paths from the site root (a
    tenth of rendering the pages, issue 16) and must give exactly what relpath gives."""
    assume(target and start)
    assert at.relative(target, start) == posixpath.relpath(target, start)


def test_pages_and_their_addresses():
    assert (at.documents_index_page(1), at.documents_index_url(1)) == ("documents/index.md", "documents/")
    assert (at.documents_index_page(2), at.documents_index_url(2)) == ("documents-list/2.md", "documents-list/2/")
    assert [at.url(p) for p in ("index.md", "a/index.md", "a/b.md", "img/x.png")] == ["", "a/", "a/b/", "img/x.png"]
    assert at.source_path("documents", "x.txt") == "site_src/documents/x.txt"


def test_templates_reach_the_addresses():
    template = environment().from_string(
        '{{ link(document_url("b"), "documents/a/") }} {{ source_path("pages", "a.md") }}'
    )
    assert template.render() == "../b/ site_src/pages/a.md"


def test_languages_name_and_direction():
    assert language_name("fa") == "Persian" and language_name("xx") == "xx" and language_name("und") == "undetermined"
    assert {code for code, language in LANGUAGES.items() if language.direction == "rtl"} == {
        "ar",
        "fa",
        "he",
        "ur",
        "ps",
        "ckb",
        "yi",
        "ug",
        "sd",
        "dv",
        "ku",
    }
    assert direction("und", "نص") == direction("und", "טקסט") == "rtl"
    assert direction("und", "text") == direction("xx", "نص") == "ltr"
