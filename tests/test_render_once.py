"""Render once (issue 16): generated pages reach MkDocs with their HTML blocks set aside, so
Markdown does not parse the HTML the templates made; the page MkDocs gets is unchanged.

Identity: every page of the golden docs/ (the five seeds' generated pages, which test_golden
keeps byte-identical to what the generator writes) is rendered by MkDocs' own `Page.render` twice,
as MkDocs did before (the whole Markdown) and through the hooks (blocks set aside and put back):
content, table of contents and anchors must be equal. The theme gets the same page either way, so
site/ is the same; a byte-for-byte comparison of the two built sites was made once by hand
(README, "Render once"). Links: the generated pages' HTML links are checked by the hook, and a
broken one is a warning, which fails MkDocs' strict build."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from generator import mkdocs_hooks as hooks
from generator.site.prerendered import PLACEHOLDER, broken_links, page_links, renders_alike_everywhere, set_aside

REPO = Path(__file__).resolve().parent.parent
GOLDEN_DOCS = REPO / "tests" / "golden" / "docs"
PAGES_DIR = REPO / "site_src" / "pages"


@pytest.fixture(scope="module")
def site():
    config = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(GOLDEN_DOCS))
    files = get_files(config)
    # The golden copy leaves out the source downloads and the schema (test_golden checks them
    # against their inputs); here they are files of the site all the same.
    left_out = ["data/corpus.schema.json"] + [
        f"sources/{p.stem}.txt" for p in (GOLDEN_DOCS / "documents").glob("0*.md")
    ]
    for path in left_out:
        files.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return config, files


def generated(files: Files) -> list[File]:
    return [f for f in files.documentation_pages() if not (PAGES_DIR / f.src_uri).exists()]


def render(file: File, config, files: Files, through_hooks: bool, markdown: str | None = None) -> Page:
    page = Page(None, file, config)
    page.read_source(config)
    if markdown is not None:
        page.markdown = markdown
    if through_hooks:
        page.markdown = hooks.on_page_markdown(page.markdown, page, config, files)
    page.render(config, files)
    if through_hooks:
        page.content = hooks.on_page_content(page.content, page, config, files)
    return page


def test_every_generated_page_renders_as_markdown_would(site):
    config, files = site
    pages = generated(files)
    assert len(pages) > 60  # documents, entities, indexes, map, timeline, new names
    set_aside_pages = 0
    for file in pages:
        before = render(file, config, files, through_hooks=False)
        after = render(file, config, files, through_hooks=True)
        assert after.content == before.content, file.src_uri
        assert str(after.toc) == str(before.toc), file.src_uri
        assert [(i.id, i.title, i.level) for i in after.toc] == [(i.id, i.title, i.level) for i in before.toc]
        assert after.present_anchor_ids == before.present_anchor_ids, file.src_uri
        set_aside_pages += set_aside(before.markdown) is not None
    assert set_aside_pages >= len(pages) - 3  # all but pages whose elements span blank lines


def test_what_remains_of_document_pages_is_rendered_once_for_all(site):
    """Most document pages keep the same headings between their blocks: Markdown renders that residue
    on the first page and later pages are given "" and its HTML, table of contents and anchors."""
    config, files = site
    hooks.on_files(files, config)  # a build starts: no residue rendered yet
    given_nothing = 0
    for file in [f for f in generated(files) if f.src_uri.startswith("documents/0")]:
        before = render(file, config, files, through_hooks=False)
        page = Page(None, file, config)
        page.read_source(config)
        page.markdown = hooks.on_page_markdown(page.markdown, page, config, files)
        given_nothing += page.markdown == ""
        assert (page.markdown == "") == ("render" in vars(page))  # given "": no Markdown converter made
        page.render(config, files)
        page.content = hooks.on_page_content(page.content, page, config, files)
        assert page.content == before.content, file.src_uri
        assert (str(page.toc), page.present_anchor_ids) == (str(before.toc), before.present_anchor_ids)
    assert given_nothing >= 2


def rendered_state(page: Page) -> tuple:
    toc = [(i.id, i.title, i.level, len(i.children)) for i in page.toc]
    return (page.content, str(page.toc), toc, page._title_from_render, page.title, page.present_anchor_ids,
            page.links_to_anchors)  # fmt: skip


def test_a_page_given_nothing_is_rendered_as_mkdocs_renders_nothing(site):
    """A page whose residue was rendered on an earlier page skips MkDocs' Markdown converter (`_render_nothing`):
    what it leaves on the page must be what MkDocs' own render of "" leaves."""
    config, files = site
    for file in [f for f in generated(files) if f.src_uri.startswith(("documents/0", "entities/"))][:4]:
        pages = []
        for render_nothing in (False, True):
            page = Page(None, file, config)
            page.read_source(config)
            page.markdown = ""
            if render_nothing:
                hooks._render_nothing(page, config, files)
            else:
                page.render(config, files)
            pages.append(page)
        assert rendered_state(pages[0]) == rendered_state(pages[1]), file.src_uri


def test_a_page_given_nothing_whose_placeholders_markdown_lost_is_rendered_whole_by_mkdocs(site):
    config, files = site
    hooks.on_files(files, config)
    file = files.get_file_from_path("documents/000_99d85874a1d33ffe.md")
    before = render(file, config, files, through_hooks=False)
    render(file, config, files, through_hooks=True)  # its residue is rendered now
    page = Page(None, file, config)
    page.read_source(config)
    assert hooks.on_page_markdown(page.markdown, page, config, files) == "" and "render" in vars(page)
    page.render(config, files)
    assert page.content == ""  # `_render_nothing`: no Markdown converter made
    # The kept HTML of its residue without the placeholders (as if Markdown had lost them): restoring fails.
    hooks._residues[next(iter(hooks._residues))] = hooks.Rendered("<h2>Summary</h2>", page.toc, frozenset())
    assert hooks.on_page_content(page.content, page, config, files) == before.content


def test_only_residues_without_links_markup_or_title_are_rendered_once():
    placeholders = f"{PLACEHOLDER.format(0)}\n## Summary\n\n{PLACEHOLDER.format(1)}\n\n## Related {{ data-x }}\n"
    assert renders_alike_everywhere(placeholders)
    for per_page in ("# Title", "## See [a](b.md)", "## *x*", "## `c`", "text", "## <b>x</b>", "![i](p.png)"):
        assert not renders_alike_everywhere(placeholders + per_page + "\n"), per_page


def test_hand_written_pages_go_through_markdown_and_the_sanitiser(site):
    config, files = site
    file = files.get_file_from_path("about.md")
    page = Page(None, file, config)
    page.read_source(config)
    assert hooks.on_page_markdown(page.markdown, page, config, files) == page.markdown


def test_what_markdown_must_see_is_left_to_it():
    assert set_aside("<div>a\n\n</div>\n\n<p>b</p>\n") is None  # an element spanning a blank line
    aside = set_aside('## H\n\n<div markdown="1">*x*</div>\n\n<div id="k">y</div>\n\ntext <b>z</b>\n')
    assert aside is not None and aside.blocks == [('<div id="k">y</div>', "\n")]
    assert aside.markdown == f'## H\n\n<div markdown="1">*x*</div>\n\n{PLACEHOLDER.format(0)}\n\ntext <b>z</b>\n'
    assert aside.anchor_ids() == {"k"}
    followed = set_aside('<aside>a</aside>\n<iframe src="m"></iframe>\n## Summary\n\ntext\n')
    assert followed is not None and followed.blocks == [('<aside>a</aside>\n<iframe src="m"></iframe>', "")]
    assert followed.markdown == f"{PLACEHOLDER.format(0)}\n## Summary\n\ntext\n"
    assert set_aside("<p>MSRAWBLOCK000000Z</p>\n") is None  # a placeholder already in the text
    assert aside.restore("<h2>H</h2>") is None  # a placeholder Markdown did not keep: render it whole


def test_a_placeholder_markdown_lost_renders_the_page_whole(site):
    config, files = site
    file = files.get_file_from_path("documents/000_99d85874a1d33ffe.md")
    before = render(file, config, files, through_hooks=False)
    page = Page(None, file, config)
    page.read_source(config)
    page.markdown = hooks.on_page_markdown(page.markdown, page, config, files).replace("Z\n", "Z \n*x*\n", 1)
    page.render(config, files)
    assert hooks.on_page_content(page.content, page, config, files) == before.content


def test_links_are_checked_against_pages_files_and_anchors():
    targets = {"": None, "documents/a/": {"p1"}, "sources/a.txt": None, "map/": {"libya"}}
    links = [
        "../a/#p1",
        "../../sources/a.txt",
        "../../map/#libya",
        "../../?person=x",
        "#own",
        "https://example.org/x",
        "mailto:a@b.c",
        "../b/",  # no such page
        "../a/#p9",  # no such paragraph
        "../../map/#nowhere",
        "#missing",
        "../../sources/b.txt",
    ]
    assert broken_links("documents/a/", links, targets, {"own"}) == links[-5:]


def test_links_of_editors_text_are_left_to_its_own_check():
    text = (
        '<a href="../a/">a</a>\n<div class="ms-editorial">\n<div><img src="x.png"></div>\n'
        '<p><a href="y/">y</a></p>\n</div>\n<iframe src="m.html#p=1"></iframe>\n'
    )
    assert page_links(text) == ["../a/", "m.html#p=1"]
    assert page_links('<p><a href="a?x=1&amp;y=2">') == ["a?x=1&y=2"]


def test_a_broken_generated_link_fails_the_strict_build(site, caplog):
    config, files = site
    hooks.on_files(files, config)
    broken = "documents/000_99d85874a1d33ffe.md"
    for file in generated(files):
        markdown = None
        if file.src_uri == broken:
            text = (GOLDEN_DOCS / broken).read_text(encoding="utf-8").split("\n---\n", 1)[1]
            assert 'href="../../entities/hulusi-akar/"' in text and "#p1" in text
            markdown = text.replace('href="../../entities/hulusi-akar/"', 'href="../../entities/nobody/"', 1)
            markdown = markdown.replace('href="#p1"', 'href="#p999"', 1)
        file.page = render(file, config, files, through_hooks=True, markdown=markdown)
    for file in files.documentation_pages():
        if file.page is None:
            file.page = render(file, config, files, through_hooks=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.microsite"):
        hooks.on_env(None, config, files)
    warnings = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.microsite"]
    assert warnings == [
        f"Generated page '{broken}' links to '../../entities/nobody/', which is not in the site",
        f"Generated page '{broken}' links to '#p999', which is not in the site",
    ]
