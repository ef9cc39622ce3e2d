"""Machine drafts of translations, for an editor to review (`microsite translate DOC_ID`).

The backend is Argos Translate (offline models the user installs; optional extra
`pip install -e '.[mt]'`). Any object with `name` and `translate()` can stand in for it.
A draft is written only where no translation file exists: an editor's file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from generator.model.document import Document
from generator.site.render import environment
from generator.stages.translations import translation_path


class TranslatorUnavailable(Exception):
    """The backend cannot run here; the message says exactly what to install."""


class Translator(Protocol):
    name: str

    def translate(self, texts: list[str]) -> list[str]: ...


class ArgosTranslator:
    """Argos Translate with an installed `<source>→en` model."""

    name = "Argos Translate"

    def __init__(self, source_language: str) -> None:
        try:
            from argostranslate import translate as argos
        except ImportError:
            raise TranslatorUnavailable(
                "Argos Translate is not installed. Install the optional extra, then the model:\n"
                "  .venv/bin/pip install -e '.[mt]'\n" + _model_help(source_language)
            ) from None
        installed = {language.code: language for language in argos.get_installed_languages()}
        source, english = installed.get(source_language), installed.get("en")
        translation = source.get_translation(english) if source and english else None
        if translation is None:
            raise TranslatorUnavailable(
                f"No Argos Translate model for {source_language}→en is installed.\n" + _model_help(source_language)
            )
        self._translation = translation

    def translate(self, texts: list[str]) -> list[str]:
        return [self._translation.translate(text) for text in texts]


def _model_help(language: str) -> str:
    return (
        "  .venv/bin/argospm update\n"
        f"  .venv/bin/argospm install translate-{language}_en\n"
        f"(or, offline: download translate-{language}_en-*.argosmodel and run `.venv/bin/argospm install FILE`)"
    )


def draft(document: Document, translator: Translator, today: dt.date) -> str:
    """The text of a machine draft: every paragraph translated, status `machine`."""
    paragraphs = [p.text for p in document.cleaned.paragraphs]
    english = translator.translate([document.analysis.title, *paragraphs])
    return (
        environment()
        .get_template("translation_draft.md.j2")
        .render(
            translator=f"{translator.name} (machine translation)",
            date=today.isoformat(),
            title=english[0],
            blocks=list(zip(document.cleaned.paragraphs, english[1:], strict=True)),
        )
    )


def write_draft(
    document: Document, translations_dir: Path, backend: Callable[[str], Translator], today: dt.date
) -> Path:
    """Write the draft beside the other translations; refuse, before translating, if a file exists."""
    path = translation_path(translations_dir, document.doc_id)
    if path.exists():
        raise FileExistsError(
            f"{path} exists: translate never overwrites an editor's file (`microsite check` lists what it still lacks)"
        )
    text = draft(document, backend(document.analysis.language), today)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite, even in a race
        handle.write(text)
    return path
