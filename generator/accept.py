"""`microsite accept "NAME"`: from a new name to a knowledge-base entry in one step.

The name is looked up among the documents' new names, grouped across documents and scripts as on
the New names page (entities/name_groups.py): any spelling shown there will do. A name that is
not a candidate (an organisation, a place) is looked for in the documents' text. A skeleton entry
is written to site_src/knowledge/<id>.md: id, type, name, the spellings seen by language, for a
place the gazetteer's coordinates when it knows the place, and a note listing the documents with
their sentences, for an editor to complete. An existing file is never overwritten, and a name
that already belongs to an entry is refused (two entries may not claim one name).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.entities.knowledge import name_problem
from generator.entities.matching import clitic_forms, clitic_length, tokenize
from generator.entities.name_groups import NameGroup, find_group
from generator.model.document import Document
from generator.model.entity import Entity
from generator.model.plurals import count
from generator.model.settings import Settings
from generator.site.entity_pages import new_name_groups
from generator.text.normalise import line_key
from generator.text.sentences import Sentences

TYPES = ("person", "organisation", "place")
PLACE_SUBTYPES = {"city": "city", "country": "country", "region": "region"}  # gazetteer kind -> subtype
SUBTYPE = {"organisation": "other"}  # organisations need a subtype: the editor picks the right one
SENTENCES_SHOWN = 20
LATIN_LANGUAGES = ("en", "tr")


class AcceptError(Exception):
    """Why nothing was written (one line for the editor)."""


@dataclass(frozen=True)
class Seen:
    """The name in one document: as written there, with its paragraph and sentence."""

    doc_id: str
    language: str
    written: str
    paragraph: str
    sentence: str


def accept_command(name: str, kind: str, entity_id: str | None, settings: Settings) -> int:
    """The command: write the entry, print what was written; 2 with a one-line reason if nothing was."""
    try:
        path, seen = accept(name, settings, kind, entity_id)
    except AcceptError as error:
        print(f"accept: {error}", file=sys.stderr)
        return 2
    print(f"accept: wrote {path} ({kind}, named in {count(len({s.doc_id for s in seen}), 'document')})")
    print("  complete it: the English name, role, titles and subtype, and the note")
    return 0


def accept(
    name: str, settings: Settings, kind: str = "person", entity_id: str | None = None
) -> tuple[Path, list[Seen]]:
    """Write the entry for `name`; returns its path and where the name was seen. Raises AcceptError."""
    if kind not in TYPES:
        raise AcceptError(f"--type must be one of {', '.join(TYPES)}")
    documents, knowledge = _corpus(settings)
    group = find_group(new_name_groups(documents), name) if kind == "person" else None
    seen = _from_group(group) if group else _in_text(name, documents)
    place = _gazetteer_place(name) if kind == "place" else None
    if not seen and place is None:
        _check_names(name, {}, knowledge)  # a known name is named as such
        raise AcceptError(f"«{name}» is not a new name of the documents nor found in their text (see microsite check)")
    english = _english_name(name, seen)
    names = _names_by_language(seen, name)
    _check_names(english, names, knowledge)
    entity_id = entity_id or slug(english)
    if not entity_id or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity_id):
        raise AcceptError(f"no id can be made from «{english}»: give one with --id (lowercase words joined by '-')")
    path = settings.knowledge_dir / f"{entity_id}.md"
    if path.exists() or path.is_symlink():
        raise AcceptError(f"{path} exists; nothing written (edit it, or choose another --id)")
    text = entry_text(entity_id, kind, english, names, seen, place, dt.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite, even in a race
            handle.write(text)
    except FileExistsError as error:
        raise AcceptError(f"{path} exists; nothing written") from error
    return path, seen


def _corpus(settings: Settings) -> tuple[list[Document], dict[str, Entity]]:
    """Every document as the build processes it (from the build cache where it is current)."""
    from generator.pipeline.cache import DocumentCache
    from generator.pipeline.run import load_context, process_all, shared_inputs
    from generator.stages.ingest import discover, without_twins

    context = load_context(settings)
    paths, _ = without_twins(discover(settings.documents_dir))
    cache = DocumentCache(settings.root, shared_inputs(settings))
    documents = [result for _, result in process_all(paths, context, cache) if isinstance(result, Document)]
    return documents, context.knowledge


def _from_group(group: NameGroup) -> list[Seen]:
    return [
        Seen(s.doc_id, s.language, s.new_name.name, s.new_name.paragraph, s.new_name.sentence) for s in group.sightings
    ]


def _in_text(name: str, documents: list[Document]) -> list[Seen]:
    """Where the documents' text writes `name` (folded, clitics allowed on its first word): the
    first place in each document, as written there."""
    wanted = tuple(t.key for t in tokenize(name))
    found: list[Seen] = []
    if not wanted:
        return found
    for document in documents:
        language = document.analysis.language
        for paragraph in document.cleaned.paragraphs:
            if hit := _written_in(paragraph.text, wanted):
                sentence = Sentences(paragraph.text, language).at(hit[1])
                found.append(Seen(document.doc_id, language, hit[0], paragraph.key, sentence))
                break
    return found


def _written_in(text: str, wanted: tuple[str, ...]) -> tuple[str, int] | None:
    """The name as `text` writes it (its clitics left out) and its offset, if it does."""
    tokens = tokenize(text)
    for i in range(len(tokens) - len(wanted) + 1):
        if wanted[0] in clitic_forms(tokens[i].key) and all(
            tokens[i + k].key == wanted[k] for k in range(1, len(wanted))
        ):
            start = tokens[i].start + (clitic_length(text, tokens[i], wanted[0]) if tokens[i].key != wanted[0] else 0)
            return text[start : tokens[i + len(wanted) - 1].end], start
    return None


def _gazetteer_place(name: str):
    """The gazetteer's likeliest place of that name, where the gazetteer is installed (else None)."""
    try:
        from generator.entities import gazetteer
    except ImportError:
        return None
    places = gazetteer.load_gazetteer().candidates(gazetteer.name_key(name))
    return places[0] if places else None


def _english_name(name: str, seen: list[Seen]) -> str:
    """The entry's `name`: the editor's if it is in Latin script, else a Latin spelling seen."""
    if not _arabic_script(name):
        return name
    latin = [s.written for language in LATIN_LANGUAGES for s in seen if s.language == language]
    return latin[0] if latin else name


def _arabic_script(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _names_by_language(seen: list[Seen], name: str) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for sighting in seen:
        spellings = names.setdefault(sighting.language, [])
        if line_key(sighting.written) not in {line_key(s) for s in spellings}:
            spellings.append(sighting.written)
    if not seen:
        names.setdefault("ar" if _arabic_script(name) else "en", []).append(name)
    return dict(sorted(names.items()))


def _check_names(english: str, names: dict[str, list[str]], knowledge: dict[str, Entity]) -> None:
    """Refuse a name that cannot be matched or that an entry already claims."""
    owners = {line_key(n): entity for entity in knowledge.values() for n in entity.matchable_names()}
    for spelling in [english, *(n for spellings in names.values() for n in spellings)]:
        if problem := name_problem(spelling):
            raise AcceptError(f"«{spelling}» {problem}")
        if (owner := owners.get(line_key(spelling))) is not None:
            raise AcceptError(f"«{spelling}» is already a name of {owner.id} ({owner.path.name}); nothing written")


def slug(name: str) -> str:
    """A knowledge-base id from a Latin-script name: "Kenan Yılmaz" -> "kenan-yilmaz"."""
    ascii_text = unicodedata.normalize("NFKD", name.replace("ı", "i")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def entry_text(
    entity_id: str, kind: str, english: str, names: dict[str, list[str]], seen: list[Seen], place, today: dt.date
) -> str:
    """The entry file: YAML front matter, then the note listing where the name was seen."""
    data: dict[str, object] = {"id": entity_id, "type": kind}
    if kind in SUBTYPE:
        data["subtype"] = SUBTYPE[kind]
    if kind == "place":
        data["subtype"] = PLACE_SUBTYPES.get(getattr(place, "kind", ""), "city")
    data |= {"name": english, "names": names, "aliases": [], "titles": []}
    if place is not None:
        data |= {"lat": round(place.lat, 4), "lon": round(place.lon, 4)}
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    lines = [f"Added with `microsite accept` on {today.isoformat()}; to be completed by an editor."]
    if place is not None:
        lines.append(f"Coordinates from the gazetteer ({place.source}, {place.name}, {place.country}).")
    lines += ["", "Named in:", ""]
    for sighting in seen[:SENTENCES_SHOWN]:
        lines.append(f"- [[doc:{sighting.doc_id}#{sighting.paragraph}]]: {_quoted(sighting)}")
    if len(seen) > SENTENCES_SHOWN:
        lines.append(f"- and {count(len(seen) - SENTENCES_SHOWN, 'more document')}")
    return f"---\n{front}---\n" + "\n".join(lines) + "\n"


def _quoted(sighting: Seen) -> str:
    return "«" + " ".join(sighting.sentence.split()) + "»"
