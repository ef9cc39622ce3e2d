"""Issue 6: commentary, checked short links, editors' files untouched, import, preview, publishing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import IDS, REPO, corpus_text

from generator.cli import main as microsite

COMMENTARY = """---
author: Leila Haddad
date: 2026-11-20
title: Two accounts of one visit
---
Awj calls the government «غير الشرعية», while [[doc:001_68d0712cb814f501|Euronews]] quotes "the legitimate
government"; see [[doc:002_de244ad36c17fbc9#p1|the opening]] and [[entity:salah-al-din-al-namroush]].

# A heading the editor wrote

!!! note "Method"
    Both texts were compared paragraph by paragraph.[^a]

| Outlet | Word |
| --- | --- |
| Awj | غير الشرعية |

[^a]: See the provenance blocks.
"""


def page(project, *parts: str) -> str:
    return (project.root / "site").joinpath(*parts, "index.html").read_text(encoding="utf-8")


def write_commentary(project, name: str, text: str) -> Path:
    folder = project.root / "site_src" / "commentary"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_commentary_appears_with_author_date_markdown_and_links_then_goes_away(project):
    path = write_commentary(project, f"{IDS[2]}.md", COMMENTARY)
    write_commentary(
        project,
        f"{IDS[2]}--earlier.md",
        "---\nauthor: Sam Reed\ndate: 2026-11-01\n---\nAn earlier note.[^a]\n\n[^a]: Its own footnote.\n",
    )
    assert project.build() == 0
    html = page(project, "documents", IDS[2])
    section = html[html.index('id="commentary"') : html.index('id="provenance"')]
    assert section.index("Sam Reed") < section.index("Leila Haddad")  # date order
    assert "Two accounts of one visit" in section and "2026-11-20" in section
    assert '<div class="admonition note">' in section and "<table>" in section
    assert section.count('class="footnote-ref"') == 2  # no collision between the two
    assert '<h3 id="c2-a-heading-the-editor-wrote">' in section  # demoted under "Commentary",
    # ids prefixed per commentary
    assert f'href="../{IDS[1]}/">Euronews</a>' in section
    assert 'href="./#p1">the opening</a>' in section  # a link to its own page
    assert 'href="../../entities/salah-al-din-al-namroush/">Salah al-Din al-Namroush</a>' in section
    path.unlink()
    (path.parent / f"{IDS[2]}--earlier.md").unlink()
    assert project.build() == 0
    assert 'id="commentary"' not in page(project, "documents", IDS[2])


def test_a_link_to_an_unknown_id_fails_the_build_with_file_and_line(project, capsys):
    write_commentary(
        project,
        f"{IDS[0]}.md",
        "---\nauthor: A\ndate: 2026-11-20\n---\nFine [[doc:001_68d0712cb814f501]].\n\n"
        "Broken: [[doc:999_missing]] and `[[doc:in_code]]` is only shown.\n",
    )
    (project.root / "site_src" / "pages" / "about.md").write_text(
        "# About\n\nSee [[entity:nobody]].\n", encoding="utf-8"
    )
    assert project.build() == 1
    err = capsys.readouterr().err
    assert re.search(rf"{IDS[0]}\.md:7: link to unknown document '999_missing'", err)
    assert re.search(r"about\.md:3: link to unknown entity 'nobody'", err)
    assert "in_code" not in err
    assert not (project.root / "site").exists()  # MkDocs did not run


def test_malformed_commentary_names_file_and_field(project, capsys):
    write_commentary(project, f"{IDS[0]}.md", "---\ndate: 2026-11-20\n---\nNo author.\n")
    assert project.build() == 1
    assert f"{IDS[0]}.md:1: front matter field 'author' is missing" in capsys.readouterr().err


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_generator_never_writes_into_site_src(project):
    write_commentary(project, f"{IDS[0]}.md", "---\nauthor: A\ndate: 2026-11-20\n---\nA note.\n")
    before = tree(project.root / "site_src")
    assert project.build() == 0
    microsite(["--root", str(project.root), "check"])
    microsite(["--root", str(project.root), "inspect", str(project.documents / f"{IDS[1]}.txt")])
    assert tree(project.root / "site_src") == before


def test_add_imports_a_saved_html_page(project, capsys):
    paragraphs = "".join(f"<p>{line}</p>" for line in corpus_text(f"{IDS[0]}.txt").splitlines()[:6])
    saved = project.root / "Turkish minister in Tripoli.html"
    saved.write_text(
        f"<html><head><title>وزير الدفاع التركي في طرابلس</title><meta property='og:site_name' content='Example News'>"
        f"</head><body><nav>الرئيسية</nav><article><h1>وزير الدفاع التركي في طرابلس</h1>{paragraphs}</article>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    assert microsite(["--root", str(project.root), "add", str(saved), "--url", "https://example.com/a"]) == 0
    out = capsys.readouterr().out
    target = project.documents / "Turkish-minister-in-Tripoli.html"
    assert target.read_bytes() == saved.read_bytes()  # the page itself stays the source
    sidecar = (project.documents / "Turkish-minister-in-Tripoli.yml").read_text(encoding="utf-8")
    assert "url: https://example.com/a" in sidecar and "# outlet:" in sidecar
    assert "language  ar" in out and "Hulusi Akar" in out and "Tripoli" in out
    assert project.build() == 0
    record = project.record("Turkish-minister-in-Tripoli", "site")
    assert record["original_url"] == "https://example.com/a" and len(record["text"]["original"]) == 6


def test_add_imports_windows_1256_text_and_refuses_to_overwrite(project, capsys):
    text = (
        "رئيس حكومة الوفاق يلتقي وزير الدفاع التركي\n" + "\n".join(corpus_text(f"{IDS[0]}.txt").splitlines()[:3]) + "\n"
    )
    legacy = project.root / "legacy.txt"
    legacy.write_bytes(text.encode("cp1256"))
    assert microsite(["--root", str(project.root), "add", str(legacy), "--outlet", "Example"]) == 0
    imported = (project.documents / "legacy.txt").read_text(encoding="utf-8")
    assert "Converted from cp1256 to UTF-8" in imported or "Converted from windows-1256 to UTF-8" in imported
    assert "outlet: Example" in imported and imported.endswith(text)
    before = (project.documents / "legacy.txt").read_bytes()
    assert microsite(["--root", str(project.root), "add", str(legacy)]) == 2
    assert "never overwrites" in capsys.readouterr().err
    assert (project.documents / "legacy.txt").read_bytes() == before
    assert project.build() == 0 and project.record("legacy", "site")["outlet"] == "Example"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, needle: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_live_preview_regenerates_when_site_src_changes(project):
    port = free_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"}  # serve at the root, not the Pages path
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "--root",
            str(project.root),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/documents/{IDS[3]}/"
        assert wait_for(url, "Cite this page", 60)
        write_commentary(
            project, f"{IDS[3]}.md", "---\nauthor: Live Editor\ndate: 2026-11-24\n---\nWritten during preview.\n"
        )
        assert wait_for(url, "Written during preview.")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_pages_workflow_passes_actionlint_and_is_least_privilege():
    workflow = REPO / ".github" / "workflows" / "pages.yml"
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    result = subprocess.run([actionlint, str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text(encoding="utf-8")
    assert "permissions: {}" in text and "pages: write" in text and "id-token: write" in text
    assert "contents: write" not in text
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert {u.split("@")[0] for u in uses} >= {
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/checkout",
    }
    assert all(re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", u) for u in uses), uses  # pinned versions
    assert "run: make site" in text and "cache: pip" in text
    # issue 16: the deploy builds with the generator's cache of the last one (a push processes what it changed)
    cached = re.search(r"uses: actions/cache@\S+\n\s+with:\n\s+path: \|\n\s+(\S+)", text)
    assert cached and cached.group(1) == ".microsite-cache"


def test_edit_links_open_site_src_files(built_site):
    expected = {
        ("documents", IDS[0]): f"site_src/documents/{IDS[0]}.txt",
        ("entities", "tripoli"): "site_src/knowledge/tripoli.md",
        ("about",): "site_src/pages/about.md",
        ("editors-guide",): "site_src/pages/editors-guide.md",
    }
    for parts, source in expected.items():
        edits = re.findall(r'href="([^"]+)"[^>]*rel="edit"', page(built_site, *parts))
        assert len(edits) == 1 and edits[0].endswith(f"/edit/main/{source}"), (parts, edits)
    for html_file in (built_site.root / "site").rglob("*.html"):
        for href in re.findall(r'href="([^"]+)"[^>]*rel="edit"', html_file.read_text(encoding="utf-8")):
            assert "/site_src/" in href and "/docs/" not in href
    assert 'data-md-component="source"' not in page(built_site, "documents")  # no GitHub API call from readers


def test_citable_pages_and_feed(built_site):
    html = page(built_site, "documents", IDS[3])
    cite = html[html.index('id="cite-this-page"') :]
    assert "بوابة الفجر" in cite and "2024-03-01" in cite and f"documents/{IDS[3]}/" in cite
    assert 'class="ms-today"' in cite
    feed = ElementTree.parse(built_site.root / "site" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 5
    assert entries[0].find(f"{atom}title").text.startswith("Libya and Turkey sign")  # newest first
    assert 'type="application/atom+xml"' in html
    assert "editors-guide/" in page(built_site, "editors-guide") or "Editors' guide" in page(
        built_site, "editors-guide"
    )


def test_last_updated_comes_from_git(project):
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project.root, check=True)
    env = {
        "GIT_AUTHOR_DATE": "2025-05-06T10:00:00",
        "GIT_COMMITTER_DATE": "2025-05-06T10:00:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "commit", "-q", "-m", "sources"], cwd=project.root, check=True, env=env)
    assert project.build() == 0
    html = page(project, "documents", IDS[1])
    assert (
        '<time datetime="2025-05-06">2025-05-06</time> <span class="ms-evidence">(from the site&#39;s history)' in html
        or '<time datetime="2025-05-06">2025-05-06</time> <span class="ms-evidence">(from the site\'s history)' in html
    )
