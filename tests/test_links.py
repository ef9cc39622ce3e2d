"""Link checker over the built site: every internal link and embed resolves to a file, and every
#fragment to an element of the target page.

MkDocs --strict checks links written in Markdown; this checks the HTML that readers get, including
links written by templates and the theme (navigation, raw HTML blocks, iframes, scripts, styles).
"""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.model.settings import load_settings

EXTERNAL_SCHEMES = {"http", "https", "mailto", "data", "javascript"}
# The document map is embedded as maps/document.html#places=a,b: a parameter its script reads,
# not an element id.
PARAMETER_FRAGMENTS = ("places=",)


class _Page(HTMLParser):
    """The link targets (href, src) and the anchor targets (id, <a name>) of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append((tag, name, value))
            elif name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)

    handle_startendtag = handle_starttag


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _target_file(site: Path, path: str) -> Path | None:
    """The file a site path (relative to the site root, no query or fragment) is served from;
    a directory (with or without its trailing "/") serves its index.html."""
    if path in ("", ".") or path.endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    target = site / path
    return target if target.is_file() else None


def broken_links(site: Path, site_url: str) -> list[str]:
    """Every broken internal link of every page under `site`, as 'page: <tag attr="value">: why'."""
    prefix = urlsplit(site_url).path.rstrip("/") + "/"  # root-relative links start with it
    problems: list[str] = []
    for page_file in sorted(site.rglob("*.html")):
        page_path = page_file.relative_to(site).as_posix()
        page = _parse(page_file)
        for tag, attribute, value in page.links:
            where = f'{page_path}: <{tag} {attribute}="{value}">'
            url = urlsplit(value.strip())
            if url.scheme in EXTERNAL_SCHEMES or (not url.scheme and url.netloc):
                continue
            if url.scheme:
                problems.append(f"{where}: unexpected URL scheme")
                continue
            path = unquote(url.path)
            if path.startswith("/"):
                if not path.startswith(prefix) and path != prefix.rstrip("/"):
                    problems.append(f"{where}: absolute path outside the site ({prefix})")
                    continue
                resolved = path[len(prefix) :]
            elif path:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
                if path.endswith("/"):
                    resolved += "/"
            else:
                resolved = page_path  # "#id" or "?h=…": this page
            if resolved == ".." or resolved.startswith("../"):
                problems.append(f"{where}: leads outside the site")
                continue
            target = _target_file(site, "" if resolved in (".", "./") else resolved)
            if target is None:
                problems.append(f"{where}: no file {resolved}")
                continue
            fragment = unquote(url.fragment)
            if not fragment or fragment.startswith(PARAMETER_FRAGMENTS):
                continue
            if target.suffix != ".html":
                problems.append(f"{where}: #{fragment} into a file that is not HTML ({target.relative_to(site)})")
            elif fragment not in _parse(target).anchors:
                problems.append(f"{where}: no element with id {fragment!r} in {target.relative_to(site).as_posix()}")
    return problems


def test_every_internal_link_and_fragment_resolves(built_site):
    """Each internal href and src of every built page (relative, root-relative under site_url,
    same-page #fragments; search-highlight ?h= queries ignored) names a file of the site, a
    directory address meaning its index.html, and each #fragment names an element id (or <a name>)
    of the target page; #places=… on the document map is a parameter, not an id."""
    site = built_site.root / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10, pages  # the checker saw the built site, not an empty folder
    problems = broken_links(site, load_settings(built_site.root).site_url)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_the_checker_reports_broken_links(tmp_path):
    """The checker itself finds a missing file, a missing fragment and a link out of the site,
    and accepts directory addresses, same-page fragments, map parameters and external links —
    so a green link test means the links are good, not that the checker saw nothing."""
    (tmp_path / "a").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "document.html").write_text("<p>map</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text('<h1 id="top">x</h1>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../">up</a> <a href="..">up</a> <a href="#here" id="here">me</a> <a href="../#top">top</a>'
        ' <a href="/site/a/?h=word">root</a> <iframe src="../maps/document.html#places=a,b"></iframe>'
        ' <a href="https://example.com/x">out</a> <a href="mailto:x@example.com">mail</a>'
        ' <a href="../missing/">1</a> <a href="#nowhere">2</a> <a href="../../outside.html">3</a>'
        ' <img src="/elsewhere/x.png"> <a href="../#bottom">5</a>',
        encoding="utf-8",
    )
    problems = broken_links(tmp_path, "https://example.org/site/")
    assert len(problems) == 5, problems
    for value in ("../missing/", "#nowhere", "../../outside.html", "/elsewhere/x.png", "../#bottom"):
        assert sum(f'="{value}">' in problem for problem in problems) == 1, (value, problems)
