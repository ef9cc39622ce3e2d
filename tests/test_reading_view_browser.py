"""The bilingual reading view in a real browser: layout, direction, switch, remembered choice."""

from __future__ import annotations

from browser import artifact, browser_page
from conftest import IDS


def test_language_switch_works_and_is_remembered(built_site, tmp_path):
    with browser_page(built_site.root / "site") as (page, base, errors):
        page.goto(f"{base}documents/{IDS[4]}/")
        pair = page.locator("#p5")
        english, original = pair.locator(".ms-en"), pair.locator(".ms-orig")
        assert original.evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
        # side by side on a wide screen: English left, original right
        assert english.bounding_box()["x"] < original.bounding_box()["x"]
        assert abs(english.bounding_box()["y"] - original.bounding_box()["y"]) < 2
        page.screenshot(path=str(artifact("reading-view-both.png")), full_page=True)

        page.get_by_role("button", name="English").click()
        assert english.is_visible() and not original.is_visible()
        assert page.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="Persian").click()
        assert original.is_visible() and not english.is_visible()

        page.goto(f"{base}documents/{IDS[1]}/")  # the choice is remembered on the next page
        assert page.locator("#p1 .ms-orig").is_visible() and not page.locator("#p1 .ms-en").is_visible()
        assert page.get_by_role("button", name="Arabic").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="Both").click()
        assert errors == []


def test_paragraph_anchor_and_narrow_screen_stacking(built_site):
    with browser_page(built_site.root / "site", viewport={"width": 390, "height": 844}) as (page, base, errors):
        page.goto(f"{base}documents/{IDS[2]}/#p3")
        page.screenshot(path=str(artifact("reading-view-phone.png")), full_page=True)
        english, original = page.locator("#p3 .ms-en"), page.locator("#p3 .ms-orig")
        assert english.is_visible() and original.is_visible()
        assert english.bounding_box()["y"] < original.bounding_box()["y"]  # stacked
        assert page.evaluate("location.hash") == "#p3"
        page.locator("#p3 .ms-anchor").click()
        assert page.evaluate("location.hash") == "#p3"
        assert errors == []
