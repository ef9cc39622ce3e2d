"""The command line's commands and options, each with its help (tests/test_cli.py walks the parser
and asserts every one has help). What each command does is in cli.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.model.metadata import METADATA_FIELDS

OPTION_HELP = {
    "title": "headline in the original language, if the text's own is wrong or missing",
    "outlet": "the outlet that published the article",
    "url": "address of the original article (http or https)",
    "date": "publication date, YYYY-MM-DD, if the text does not state it",
    "language": "ISO 639-1 code of the article's language (ar, fa, tr, en …), if detection is wrong",
}


COMMAND_HELP = {
    "generate": "write docs/ from site_src/ (no MkDocs)",
    "build": "generate, then build the site into site/ with `mkdocs build --strict`",
    "serve": "generate, then a live preview that regenerates when site_src/ changes and shows build errors "
    "in the browser",
    "inspect": "show what the cleaner keeps and removes in one document file",
    "check": "list untranslated, stale and orphan translations, malformed files and new names; exit 1 if any "
    "translation work is left",
    "translate": "write a machine draft translation (Argos Translate) for review",
    "add": "import a .txt, .md or saved .html article into site_src/documents/",
    "accept": "write a knowledge-base entry for a new name: site_src/knowledge/<id>.md (never overwrites)",
}


def parser() -> argparse.ArgumentParser:
    """Every option and command has its help (tests/test_cli.py walks the parser)."""
    parser = argparse.ArgumentParser(prog="microsite", description="Build the research microsite from site_src/.")
    parser.add_argument("--root", default=".", help="project folder (holding mkdocs.yml); default: current folder")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help="one of:")
    command = {name: commands.add_parser(name, help=text, description=text) for name, text in COMMAND_HELP.items()}
    command["serve"].add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="address and port to serve on (default: 127.0.0.1:8000)"
    )
    command["serve"].add_argument(
        "--poll",
        action="store_true",
        help="look for changes every half second instead of being told of them (for site_src/ on a network "
        "drive, or a Windows folder under WSL, whose changes Linux does not report)",
    )
    command["inspect"].add_argument("file", type=Path, help="a document file in site_src/documents/")
    command["translate"].add_argument("doc_id", help="document id (file name without extension)")
    add = command["add"]
    add.add_argument("file", type=Path, help="the article to import (never overwrites a file)")
    for option in METADATA_FIELDS:
        add.add_argument(f"--{option}", help=OPTION_HELP[option])
    accept = command["accept"]
    accept.add_argument("name", help="the name as the New names page or `microsite check` shows it (any spelling)")
    accept.add_argument(
        "--type",
        default="person",
        choices=("person", "organisation", "place"),
        help="the entry's type (default: person)",
    )
    accept.add_argument("--id", help="the entry's id and file name (default: made from the name's Latin spelling)")
    return parser
