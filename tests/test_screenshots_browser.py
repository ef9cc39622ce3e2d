"""Screenshots for people to look at (issue 15): the home page, the documents index, a document, the
map and an entity page, each at 1280 px and 390 px wide, in test-artifacts/screen-<page>-<width>.png.
Each page answers, draws without a console error, and does not scroll sideways."""

from __future__ import annotations

import pytest
from browser import artifact, browser_page, load_frames
from conftest import IDS

PAGES = {
    "home": "",
    "documents": "documents/",
    "document": f"documents/{IDS[1]}/",
    "map": "map/",
    "entity": "entities/khalifa-haftar/",
}
WIDTHS = {1280: 900, 390: 844}  # width -> height of the window


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots_of_every_kind_of_page_at_desktop_and_phone_width(built_site, width):
    written = []
    with browser_page(built_site.root / "site", viewport={"width": width, "height": WIDTHS[width]}) as (
        page,
        base,
        errors,
    ):
        for name, path in PAGES.items():
            assert page.goto(f"{base}{path}").status == 200, name
            page.locator("h1").first.wait_for()
            load_frames(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways"
            target = artifact(f"screen-{name}-{width}.png")
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        assert errors == []
    assert all(path.stat().st_size > 10_000 for path in written)
