"""Issue 11, point 2: editors' Markdown (commentary, knowledge-base notes, hand-written pages) keeps
links, emphasis, lists, tables, footnotes, admonitions and site images, and loses everything that
can run or restyle the page. Every built page is parsed: the only scripts left are the theme's."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from browser import BLANK_TILE
from conftest import IDS, REPO, Project, make_project

from generator.model.settings import load_settings
from generator.site import editorial
from generator.text.sanitise import ATTRIBUTES, TAGS, sanitise, sanitise_front_matter

MARKER = "xss"  # every hostile payload carries it; legitimate content never does


def editors_text(where: str, up: str) -> str:
    """Legitimate Markdown and every hostile form, for a file whose page is `up` below the site root."""
    return f"""Legit {where}: [[doc:{IDS[1]}|linked-{where}]], *emphasis-{where}*, **strong-{where}**, a [plain link]({up}editors-guide.md).

- item-{where}
- second item

| head | other |
| :--- | ---: |
| cell-{where} | 2 |

A footnote[^n].

!!! note "Admonition"
    admonition-{where}

![image-{where}]({up}img/legit.png)

<script>alert("{MARKER}-{where}-script")</script>

<iframe srcdoc="<script>alert('{MARKER}-{where}-srcdoc')</script>"></iframe>

<img src="{up}img/missing-{where}.png" onerror="alert('{MARKER}-{where}-onerror')"> <svg onload="alert('{MARKER}-{where}-svg')"></svg>

[javascript-link-{where}](javascript:alert(/{MARKER}-{where}-href/)) <a href="JaVaScRiPt:alert('{MARKER}-{where}-raw')">raw-link-{where}</a>

*handler-{where}*{{: onclick="alert('{MARKER}-{where}-attr')" style="display:none" .md-header }}

A paragraph that would take the theme's configuration.
{{: #__config }}

![remote-{where}](https://example.com/{MARKER}.png)

<style>/* {MARKER} */ body, .md-container {{ display: none !important; }}</style>

[^n]: footnote-{where}
"""


def hostile_project(root: Path) -> Project:
    """The five documents with the hostile text in a commentary, a knowledge note and the About page."""
    project = make_project(root)
    pages = project.root / "site_src" / "pages"
    (pages / "img").mkdir()
    (pages / "img" / "legit.png").write_bytes(BLANK_TILE)
    (project.root / "site_src" / "commentary").mkdir()
    (project.root / "site_src" / "commentary" / f"{IDS[0]}.md").write_text(
        "---\nauthor: Mallory\ndate: 2026-11-20\n---\n" + editors_text("commentary", "../"), encoding="utf-8"
    )
    note = project.root / "site_src" / "knowledge" / "tripoli.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n" + editors_text("note", "../"), encoding="utf-8")
    about = pages / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n" + editors_text("page", ""), encoding="utf-8")
    return project


# Where each text ends up, and the address of the site root from there.
PAGES = {
    "commentary": (f"documents/{IDS[0]}/index.html", "../../"),
    "note": ("entities/tripoli/index.html", "../../"),
    "page": ("about/index.html", "../"),
}


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    assert project.build() == 0
    return project


class Elements(HTMLParser):
    """Every element of a page as (tag, attributes, text inside it, if a script or style)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[list] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.elements.append(element)
        self._open = element if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        self._open = None


def elements(path: Path) -> list[list]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.elements


def theme_scripts() -> list[re.Pattern[str]]:
    """The inline scripts of Material's templates and of the site's theme overrides (overrides/), with each
    template expression matching any URL text."""
    import material

    patterns = []
    material_scripts = (Path(material.__file__).parent / "templates" / "partials" / "javascripts").glob("*.html")
    for template in sorted(material_scripts) + sorted((REPO / "overrides").rglob("*.html")):
        for tag, _, text in elements(template):
            if tag == "script":
                parts = re.split(r"\{\{.*?\}\}", text)
                patterns.append(re.compile('[^"<]*'.join(re.escape(part) for part in parts)))
    return patterns


def script_problem(page: str, attributes: dict, text: str, site: Path, inline_ok: list[re.Pattern[str]]) -> str | None:
    """Why a script element is not one of the site's own, or None: Material's bundle and the site's
    scripts under assets/, Material's configuration (JSON, not run), Material's inline scripts; map
    files (maps/, written by generator/maps.py from escaped data) carry Leaflet and their own code."""
    if "src" in attributes:
        path = urlsplit(attributes["src"]).path
        if path.startswith("/"):  # 404.html: addressed from the site's root path
            path = str(site) + "/" + path.removeprefix(urlsplit(load_settings(site.parent).site_url).path)
        target = (site / page).parent.joinpath(path).resolve()
        allowed = [site / "assets" / "javascripts"] + [
            site / "assets" / "vendor" / v for v in ("leaflet", "topojson-client")
        ]
        if target.is_file() and any(target.is_relative_to(folder) for folder in allowed):
            return None
        return f"script from {attributes['src']}"
    if attributes == {"id": "__config", "type": "application/json"}:
        json.loads(text)
        return None
    if any(pattern.fullmatch(text.strip()) for pattern in inline_ok):
        return None
    if page.startswith("maps/") and not attributes and MARKER not in text:
        return None
    return f"inline script {text.strip()[:80]!r}"


def page_problems(site: Path, page: str, inline_ok: list[re.Pattern[str]]) -> list[str]:
    problems = []
    found = elements(site / page)
    for tag, attributes, text in found:
        where = f"{page}: <{tag}>"
        if tag == "script" and (why := script_problem(page, attributes, text, site, inline_ok)):
            problems.append(f"{where}: {why}")
        if tag == "style" and not (page.startswith("maps/") and MARKER not in text):
            problems.append(f"{where}: style element")
        if tag == "iframe" and "srcdoc" in attributes:
            problems.append(f"{where}: iframe srcdoc")
        for name, value in attributes.items():
            value = value or ""
            if name.startswith("on"):
                problems.append(f"{where}: event handler {name}")
            if name == "style" and not re.fullmatch(r"text-align:\s*(left|right|center);?", value):
                problems.append(f"{where}: style={value!r}")
            if re.sub(r"[\x00-\x20]", "", value).lower().startswith("javascript:"):
                problems.append(f"{where}: {name}={value!r}")
            if MARKER in value:
                problems.append(f"{where}: {name}={value!r} from a hostile payload")
    if sum(attributes.get("id") == "__config" for _, attributes, _ in found) > 1:
        problems.append(f"{page}: a second element with the theme's id __config")
    return problems


def test_no_script_handler_or_style_from_editors_survives_in_any_page(hostile_site):
    site = hostile_site.root / "site"
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert len(pages) > 50 and all(PAGES[where][0] in pages for where in PAGES)
    inline_ok = theme_scripts()
    assert len(inline_ok) >= 5  # the check knows Material's scripts, not an empty list
    problems = [problem for page in pages for problem in page_problems(site, page, inline_ok)]
    assert not problems, "\n".join(problems)
    for where, (page, _) in PAGES.items():  # the payloads were there to remove
        assert f"handler-{where}" in (site / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("where", sorted(PAGES))
def test_legitimate_markdown_still_renders(hostile_site, where):
    site = hostile_site.root / "site"
    page, root = PAGES[where]
    html = (site / page).read_text(encoding="utf-8")
    found = elements(site / page)
    assert f"<em>emphasis-{where}</em>" in html and f"<strong>strong-{where}</strong>" in html
    assert f"<li>item-{where}</li>" in html
    assert re.search(rf'<td style="text-align: ?left;?">cell-{where}</td>', html)
    assert re.search(
        rf'<div class="admonition note">\s*<p class="admonition-title">Admonition</p>\s*<p>admonition-{where}', html
    )
    assert 'class="footnote-ref"' in html and f"footnote-{where}" in html
    assert f'href="{posixpath.relpath(f"documents/{IDS[1]}", posixpath.dirname(page))}/">linked-{where}</a>' in html
    assert f'href="{root}editors-guide/">plain link</a>' in html
    images = [attributes for tag, attributes, _ in found if tag == "img" and attributes.get("alt") == f"image-{where}"]
    assert images == [{"src": f"{root}img/legit.png", "alt": f"image-{where}"}]
    assert (site / page).parent.joinpath(images[0]["src"]).resolve().is_file()
    remote = [attributes for tag, attributes, _ in found if tag == "img" and attributes.get("alt") == f"remote-{where}"]
    assert remote == [{"alt": f"remote-{where}"}]  # no third-party image: its src is gone
    assert f"raw-link-{where}" in html and f"javascript-link-{where}" in html  # the words stay, not the links
    assert re.search(rf'<em( class="")?>handler-{where}</em>', html)  # no onclick, style or theme class


def test_commentary_and_note_ids_are_prefixed_and_footnotes_stay_inside(hostile_site):
    html = (hostile_site.root / "site" / PAGES["commentary"][0]).read_text(encoding="utf-8")
    editorial_html = html[html.index('<div class="ms-editorial">') : html.index('id="provenance"')]
    assert 'id="c1-fnref:n"' in editorial_html and 'href="#c1-fn:n"' in editorial_html
    assert 'id="c1-fn:n"' in editorial_html  # the footnote is in the commentary, not the page's end
    assert 'id="c1-__config"' in editorial_html  # cannot take the theme's element
    note = (hostile_site.root / "site" / PAGES["note"][0]).read_text(encoding="utf-8")
    assert 'id="n-fn:n"' in note


def test_hand_written_front_matter_is_escaped_and_cannot_pick_a_template():
    meta = {
        "title": "About <script>alert(1)</script>",
        "description": '"><img src=x onerror=alert(2)>',
        "template": "redirect.html",
        "location": "javascript:alert(3)",
        "hide": ["toc"],
        "edit_path": "site_src/pages/a.md",
    }
    safe = sanitise_front_matter(meta)
    assert safe["title"] == "About &lt;script&gt;alert(1)&lt;/script&gt;"
    assert safe["description"] == "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert "template" not in safe and safe["hide"] == ["toc"] and safe["edit_path"] == meta["edit_path"]
    assert sanitise_front_matter({"title": "Editors' guide"}) == {"title": "Editors' guide"}


@pytest.mark.parametrize(
    "hostile, kept",
    [
        ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
        ('<iframe srcdoc="<script>alert(1)</script>">x</iframe>', ""),
        ('<img src="a.png" onerror="alert(1)">', '<img src="a.png">'),
        ('<img src="https://tracker.example/a.png"><img src="//tracker.example/b.png">', "<img><img>"),
        (
            '<a href="javascript:alert(1)">a</a><a href=" JAVASCRIPT:alert(1)">b</a><a href="data:text/html,x">c</a>',
            "<a>a</a><a>b</a><a>c</a>",
        ),
        (
            '<a href="https://example.com/">a</a><a href="mailto:x@example.com">b</a><a href="../x/#p3">c</a>',
            '<a href="https://example.com/">a</a><a href="mailto:x@example.com">b</a><a href="../x/#p3">c</a>',
        ),
        ('<em onclick="alert(1)" style="display:none" class="md-header">e</em>', "<em>e</em>"),
        ("<style>body{display:none}</style><p hidden>p</p>", "<p>p</p>"),
        ('<td style="text-align: right; position: fixed">c</td>', "c"),  # a cell outside a table is text
        (
            '<table><tr><td style="text-align: right; position: fixed">c</td></tr></table>',
            '<table><tbody><tr><td style="text-align:right">c</td></tr></tbody></table>',
        ),
        (
            '<div class="admonition warning md-sidebar"><p class="admonition-title">T</p></div>',
            '<div class="admonition warning"><p class="admonition-title">T</p></div>',
        ),
        ('<h2 id="__drawer">h</h2><h2 id="method">m</h2>', '<h2>h</h2><h2 id="method">m</h2>'),
        ('<form action="x"><input name="q"><button formaction="javascript:alert(1)">b</button></form>', "b"),
        ('<link rel="stylesheet" href="https://example.com/x.css"><meta http-equiv="refresh" content="0;url=x">', ""),
        ('<svg onload="alert(1)"><circle/></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>', ""),
    ],
)
def test_the_allowlist(hostile, kept):
    assert sanitise(hostile) == kept


def test_material_markup_of_a_rendered_page_survives():
    """What Markdown and its extensions write passes through unchanged (bar entity spelling)."""
    md = markdown.Markdown(
        extensions=[*editorial.MARKDOWN_EXTENSIONS, "toc"], extension_configs={"toc": {"permalink": True}}
    )
    html = md.convert(
        '# Title\n\nText[^1] *e* `c`\n\n| a |\n|---|\n| 1 |\n\n!!! tip "T"\n    x\n\n'
        '??? note "More"\n    y\n\n```python\nprint(1)\n```\n\n1. one\n2. two\n\n[^1]: Foot.\n'
    )
    assert sanitise(html) == html.replace("&para;", "¶").replace("&#160;", "&nbsp;").replace("&#8617;", "↩").replace(
        "<hr />", "<hr>"
    )


def test_the_editors_guide_lists_the_allowlist():
    guide = (REPO / "site_src" / "pages" / "editors-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## What HTML you may use") :]
    tags = next(line for line in section.splitlines() if line.startswith("- **Tags**"))
    headings = " ".join(f"`h{level}`" for level in range(1, 7))
    assert set(re.findall(r"`(\w+)`", tags.replace("`h1`–`h6`", headings))) == TAGS
    for attribute in {name for names in ATTRIBUTES.values() for name in names}:
        assert f"`{attribute}" in section, attribute


def test_editors_markdown_is_the_markdown_of_mkdocs_yml():
    config = yaml.load(
        (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader
    )
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert [name for name in names if name != "toc"] == list(editorial.MARKDOWN_EXTENSIONS)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/…: not needed here


def commentary(project: Project, body: str) -> None:
    folder = project.root / "site_src" / "commentary"
    folder.mkdir(exist_ok=True)
    (folder / f"{IDS[2]}.md").write_text(f"---\nauthor: A\ndate: 2026-11-20\n---\n{body}", encoding="utf-8")


def test_links_mkdocs_no_longer_sees_are_made_final_and_checked(project):
    """Commentary and notes reach their pages as HTML, so the generator does what MkDocs did with
    their links: relative addresses of pages and files, and an error for a missing page or anchor."""
    commentary(
        project,
        f"[own paragraph](#p2), [a page](../about.md), [home](../index.md), "
        f"[entity](../entities/tripoli.md), [[doc:{IDS[1]}#p1|a paragraph]], "
        f"[source](../sources/{IDS[2]}.txt), [heading](#method) [^a]\n\n## Method\n\n[^a]: note\n",
    )
    report = project.generate()
    assert not report.fatal, report.fatal
    html = (project.root / "docs" / "documents" / f"{IDS[2]}.md").read_text(encoding="utf-8")
    for link in (
        'href="#p2">own paragraph',
        'href="../../about/">a page',
        'href="../../">home',
        'href="../../entities/tripoli/">entity',
        f'href="../{IDS[1]}/#p1">a paragraph',
        f'href="../../sources/{IDS[2]}.txt">source',
        'href="#c1-method">heading',
        'href="#c1-fn:a"',
    ):
        assert link in html, link


def test_a_missing_page_or_anchor_in_commentary_or_a_note_is_fatal_with_file_and_line(project):
    commentary(
        project,
        f"Fine.\n\n[gone](../nowhere.md) and [[doc:{IDS[1]}#p999|no such paragraph]]\n\n"
        "[not an anchor](#provenance) and ![missing](../img/none.png)\n",
    )
    note = project.root / "site_src" / "knowledge" / "tripoli.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSee [the guide](/editors-guide/).\n", encoding="utf-8")
    fatal = "\n".join(project.generate().fatal)
    assert re.search(rf"{IDS[2]}\.md:7: link '\.\./nowhere\.md' is not a page or file", fatal)
    assert re.search(rf"{IDS[2]}\.md:7: link '{IDS[1]}\.md#p999' names no anchor of documents/{IDS[1]}\.md", fatal)
    assert re.search(rf"{IDS[2]}\.md:9: link '#provenance' names no anchor", fatal)
    assert re.search(rf"{IDS[2]}\.md:9: link '\.\./img/none\.png' is not a page or file", fatal)
    assert re.search(r"tripoli\.md:\d+: link '/editors-guide/' is not a page or file", fatal)
