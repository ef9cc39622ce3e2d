"""Accessibility of the built site in a real browser: axe-core run by Playwright in Debian's Chromium.

axe-core comes from PyPI inside the `axe-playwright-python` wheel (pinned in pyproject.toml's `test`
extra; its `axe.min.js` is axe-core 4.12.1), so `make test` needs no network but PyPI. Only the
script file is used: it is injected into the page and into every frame of it (the Leaflet maps are
same-origin iframes, which axe checks through the copy injected in each frame); the map files are
also checked as pages of their own, with a popup open.

Violations of impact "serious" or "critical" fail; the moderate and minor ones are listed in the
failure message alongside them. No rule is disabled.
"""

from __future__ import annotations

import os
from importlib import resources

import pytest
from browser import artifact, browser_page, load_frames
from conftest import IDS

PERSIAN, ARABIC = IDS[4], IDS[1]  # 004_5d81250088eb90cf (fa), 001_68d0712cb814f501 (ar)
PAGES = {  # artifact name -> path under the site root
    "home": "",
    "document-fa": f"documents/{PERSIAN}/",
    "document-ar": f"documents/{ARABIC}/",
    "map": "map/",
    "entity": "entities/al-watiya-air-base/",
}
FAILING = ("serious", "critical")


def axe_script() -> str:
    """axe-core's `axe.min.js` as shipped in the axe-playwright-python wheel."""
    try:
        script = resources.files("axe_playwright_python").joinpath("axe.min.js")
    except ModuleNotFoundError:
        message = "axe-playwright-python (axe-core's axe.min.js) is not installed: pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    text = script.read_text(encoding="utf-8")
    assert text.startswith("/*! axe v4."), "axe-playwright-python no longer ships axe-core 4.x as axe.min.js"
    return text


# axe-core 4.12's color-contrast has no blend function for `mix-blend-mode: plus-lighter`, which
# Leaflet 1.9 sets on map tiles (against seams between them): it throws and skips the rule for every
# element of the map. The tiles here are transparent 1x1 stand-ins, so blending them normally
# changes no colour that axe measures, and the markers, legend, popups and controls get checked.
LEAFLET_TILES_FOR_AXE = ".leaflet-container img.leaflet-tile { mix-blend-mode: normal !important; }"


def run_axe(page, script: str) -> dict:
    for frame in page.frames:  # children too: axe in the top frame asks them by postMessage
        if frame.locator(".leaflet-container").count():
            frame.add_style_tag(content=LEAFLET_TILES_FOR_AXE)
        frame.evaluate(script)
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            lines.append(f"    {' > '.join(map(str, node['target']))}: {node['html'][:160]}")
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                lines.append(f"        {check['message']}")
    return "\n".join(lines)


def assert_no_serious_violations(results: dict, where: str) -> None:
    failing = [v for v in results["violations"] if v["impact"] in FAILING]
    others = [v for v in results["violations"] if v["impact"] not in FAILING]
    assert not failing, (
        f"{where}: serious or critical accessibility violations\n"
        + describe(failing)
        + (f"\nalso moderate or minor:\n{describe(others)}" if others else "")
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_axe_violations(built_site, name):
    script = axe_script()
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}{PAGES[name]}")
        load_frames(page)
        page.screenshot(path=str(artifact(f"a11y-{name}.png")), full_page=True)
        assert_no_serious_violations(run_axe(page, script), PAGES[name] or "home page")
        assert errors == []


@pytest.mark.parametrize(
    "name, path",
    [("site-map", "maps/site.html"), ("document-map", "maps/document.html#places=al-watiya-air-base,tripoli")],
)
def test_map_files_as_pages_of_their_own(built_site, name, path):
    """The iframes' documents opened directly (as a link or a search engine would): a title, a language,
    zoom allowed; on the site map a popup is open, so its text and links are checked too."""
    script = axe_script()
    html = (built_site.root / "site" / path.split("#")[0]).read_text(encoding="utf-8")
    assert "user-scalable=no" not in html and "maximum-scale" not in html
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}{path}")
        page.locator(".leaflet-marker-icon").first.wait_for()
        assert page.locator("html").get_attribute("lang") == "en" and page.title().startswith("Map of the places")
        if name == "site-map":
            page.locator(".leaflet-marker-icon.ms-marker--air-base").click()
            page.locator(".leaflet-popup-content").wait_for()
        page.screenshot(path=str(artifact(f"a11y-{name}.png")))
        assert_no_serious_violations(run_axe(page, script), path)
        assert errors == []


@pytest.mark.parametrize("doc_id, language", [(PERSIAN, "fa"), (ARABIC, "ar")])
def test_mixed_language_blocks_have_lang_and_dir(built_site, doc_id, language):
    assert built_site.record(doc_id, "site")["language"] == language
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}documents/{doc_id}/")
        assert page.locator("html").get_attribute("lang") == "en"
        attributes = "els => els.map(e => [e.className, e.getAttribute('lang'), e.getAttribute('dir')])"
        originals = page.locator(".ms-orig, .ms-original").evaluate_all(attributes)
        english = page.locator(".ms-en").evaluate_all(attributes)
        assert len(originals) >= 5 and len(english) >= 5  # summary and every paragraph pair
        assert [o for o in originals if o[1:] != [language, "rtl"]] == []
        assert [e for e in english if e[1:] != ["en", "ltr"]] == []
        # the browser agrees: the text runs right-to-left in the original and left-to-right in English
        assert set(page.locator(".ms-orig").evaluate_all("els => els.map(e => getComputedStyle(e).direction)")) == {
            "rtl"
        }
        assert set(page.locator(".ms-en").evaluate_all("els => els.map(e => getComputedStyle(e).direction)")) == {"ltr"}
        assert errors == []


def test_entity_page_quotes_carry_their_documents_language(built_site):
    languages = {f"documents/{d['id']}/": d["language"] for d in built_site.corpus("site")["documents"]}
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}entities/al-watiya-air-base/")
        assert page.locator("html").get_attribute("lang") == "en"
        quotes = page.locator(".ms-appearance").evaluate_all(
            "els => els.map(e => [e.querySelector('.ms-appearance-head a').getAttribute('href'),"
            " e.querySelector('.ms-orig').getAttribute('lang'), e.querySelector('.ms-orig').getAttribute('dir'),"
            " (e.querySelector('.ms-en') || {getAttribute: () => 'en'}).getAttribute('lang')])"
        )
        assert quotes
        for href, lang, direction, english in quotes:
            assert lang == languages[href.removeprefix("../../")] and direction == "rtl" and english == "en", href
        assert errors == []
