"""Issue 11, point 2, in a real browser: the pages that carry hostile editors' Markdown (a commentary,
a knowledge note, a hand-written page) open no dialog, even when the reader clicks what the editor
meant to run, and the hostile <style> does not hide the page."""

from __future__ import annotations

from browser import artifact, browser_page
from test_sanitise import PAGES, hostile_site  # noqa: F401  (the fixture)


def test_hostile_editors_markdown_runs_nothing_and_hides_nothing(hostile_site):  # noqa: F811
    with browser_page(hostile_site.root / "site") as (page, base, errors):
        for where, (path, _) in sorted(PAGES.items()):
            page.goto(base + path.removesuffix("index.html"), wait_until="networkidle")
            content = page.locator("article.md-content__inner")
            for text in (f"emphasis-{where}", f"item-{where}", f"cell-{where}", f"admonition-{where}"):
                assert content.get_by_text(text, exact=True).is_visible(), (where, text)
            assert page.evaluate("getComputedStyle(document.body).display") != "none"
            assert page.locator(".md-container").is_visible()
            assert page.locator(f'img[alt="image-{where}"]').evaluate("img => img.complete && img.naturalWidth > 0")
            for text in (f"handler-{where}", f"javascript-link-{where}", f"raw-link-{where}"):
                content.get_by_text(text, exact=True).click()  # what the editor meant readers to trigger
            page.wait_for_timeout(200)
            assert page.url == base + path.removesuffix("index.html"), where  # no link went anywhere
            assert page.locator("iframe[srcdoc]").count() == 0
            page.screenshot(path=str(artifact(f"sanitised-{where}.png")))
    # The hostile <img> points at a missing file (so that its onerror would fire): that 404 is expected.
    unexpected = [e for e in errors if "status of 404" not in e]
    assert unexpected == [], unexpected  # no dialog opened, no script error, no request to another host
    assert any("status of 404" in e for e in errors)  # the image did fail to load: onerror had its chance
