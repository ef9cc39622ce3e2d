"""The search page folds a reader's query exactly as the build folded the index (issue 12).

microsite.js holds the folding algorithm only; its table is the build's (text/normalise.py,
`folding_table`), written into docs/assets/javascripts/folding.js. Here Node.js runs the real
microsite.js after that file, with a stand-in `document` (no browser), on every character Python's
Unicode database assigns (so every character of the table) and on words of Arabic, Persian, Turkish
and English, and each result must equal Python's `search_key`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.site.addresses import FOLDING_SCRIPT
from generator.site.search_index import folding_script, search_key
from generator.text.normalise import folding_table

REPO = Path(__file__).resolve().parent.parent
MICROSITE_JS = REPO / "overrides" / "assets" / "javascripts" / "microsite.js"

# Runs folding.js, then microsite.js, in a fresh context whose `window` is its global object, as in
# a page; folds each string of the JSON array on stdin with window.micrositeFoldQuery.
NODE_RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const noop = () => {};
const context = {
  document: {readyState: "complete", querySelectorAll: () => [], addEventListener: noop},
  localStorage: {getItem: () => null, setItem: noop},
};
context.window = context;
vm.createContext(context);
for (const file of process.argv.slice(1)) vm.runInContext(fs.readFileSync(file, "utf8"), context, {filename: file});
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map(context.micrositeFoldQuery)));
"""

SAMPLES = [
    # Arabic: hamza and madda carriers, tashkeel, tatweel, alef maqsura, taa marbuta, digits
    "خُلوصي أكار",
    "آكار",
    "إبراهيم",
    "مؤتمر",
    "وزارة الدفاع التركية",
    "عـــسكري",
    "مستشفى",
    "٢٠٢٠/٠٧/٠٣",
    "ﻻ",
    "ٱلله",
    # Persian: ی ک, ZWNJ (half-space), پ چ ژ گ, Persian digits, ۀ
    "خلوصی آکار",
    "می‌خواهد",
    "گزارش",
    "پهپاد",
    "ژنرال",
    "چهارشنبه",
    "۱۳۹۹",
    "خانهٔ",
    "همۀ",
    # Turkish: dotted and dotless i in both cases, cedilla and breve
    "İstanbul",
    "İSTANBUL",
    "ıslak",
    "IŞIK",
    "ışık",
    "Güler",
    "ÇAVUŞOĞLU",
    "Çavuşoğlu",
    "Hulusi Akar",
    # English and the decided disagreements: ß → ss in both; the enclosing circle U+20DD stays in both
    "Minister of National Defence",
    "Straße",
    "STRASSE",
    "ẞ",
    "a\u20dd",
    "ΟΔΟΣ",
    "ﬁnal",
    "x²",
    # controls the fold removes, amid text
    "\u200fوزير\u200e",
    "\u061cدفاع",
]


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` and `!!python/…` tags read as null."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def node() -> str:
    """In CI Node.js must be there (it runs this test); elsewhere the test is skipped without it."""
    found = shutil.which("node")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js not found: tests/test_folding.py runs microsite.js with it")
        pytest.skip("Node.js is not installed (apt-get install -y nodejs)")
    return found


def browser_fold(texts: list[str], tmp_path: Path) -> list[str]:
    folding = tmp_path / "folding.js"
    folding.write_text(folding_script(), encoding="utf-8")
    result = subprocess.run(
        [node(), "-e", NODE_RUNNER, str(folding), str(MICROSITE_JS)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(result.stdout)


def assigned_characters() -> list[str]:
    """Every character Python's Unicode database assigns (no surrogates, private use or unassigned)."""
    return [c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) not in ("Cn", "Cs", "Co")]


def table_characters() -> set[str]:
    table = folding_table()
    marks = {chr(code) for first, last in table["marks"] for code in range(first, last + 1)}
    return {*table["casefold"], *table["fold"], *table["search"], *marks}


def differences(texts: list[str], folded: list[str]) -> list[str]:
    return [
        f"{' '.join(f'U+{ord(c):04X}' for c in text)} {text!r}: Python {search_key(text)!r}, browser {js!r}"
        for text, js in zip(texts, folded, strict=True)
        if js != search_key(text)
    ]


def test_browser_folds_every_character_as_python_does(tmp_path):
    characters = assigned_characters()
    assert table_characters() <= set(characters), "the test covers every character of the folding table"
    wrong = differences(characters, browser_fold(characters, tmp_path))
    assert not wrong, f"{len(wrong)} character(s) fold differently:\n" + "\n".join(wrong[:30])


def test_browser_folds_words_as_python_does(tmp_path):
    wrong = differences(SAMPLES, browser_fold(SAMPLES, tmp_path))
    assert not wrong, "\n".join(wrong)


def test_disagreements_resolved_one_way():
    """ß folds to "ss" (case folding, as the build always did: "Straße" finds "Strasse"); the
    enclosing circle U+20DD is not a combining mark of the fold (its combining class is 0), so it
    stays, as in the build (the page's script used to drop every mark of category M)."""
    assert search_key("Straße") == search_key("STRASSE") == "strasse"
    assert search_key("a\u20dd") == "a\u20dd"
    assert search_key("İstanbul") == search_key("istanbul") and search_key("ışık") != search_key("isik")
    assert search_key("خلوصی آکار") == search_key("خُلوصي أكار")


def test_microsite_js_holds_no_copy_of_the_table():
    code = re.sub(r"/\*.*?\*/", "", MICROSITE_JS.read_text(encoding="utf-8"), flags=re.S)
    table = folding_table()
    copied = sorted(c for c in {*table["fold"], *table["search"]} if c in code)
    assert not copied, f"microsite.js spells out letters of the folding table: {copied}"
    assert "micrositeFolding" in code


def test_folding_script_is_loaded_before_microsite_js():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    scripts = config["extra_javascript"]
    assert FOLDING_SCRIPT in scripts and "assets/javascripts/microsite.js" in scripts
    assert scripts.index(FOLDING_SCRIPT) < scripts.index("assets/javascripts/microsite.js")
