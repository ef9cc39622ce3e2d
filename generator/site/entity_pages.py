"""Entity pages: for each knowledge-base entry and each place found in the gazetteer, every document
that names it (with the sentence, original and English), all spellings seen, and the entities most
often named with it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.entities.name_groups import NameGroup, NameSighting, group_new_names
from generator.model.document import TITLE_KEY, Document
from generator.model.entity import DocumentEntity, Entity, Mention
from generator.model.entity_types import entity_types
from generator.site import addresses
from generator.site.render import environment, sort_for_index
from generator.text.letter_forms import letter_forms
from generator.text.normalise import fold
from generator.text.sentences import Sentences, split_sentences

CO_MENTIONED = 10
APPEARANCES_SHOWN = 30  # per entity page: keeps pages light however often an entity is named


@dataclass(frozen=True)
class Appearance:
    document: Document
    found: DocumentEntity
    mention: Mention  # the one shown: the first in the text, else in the headline
    sentence: str  # the sentence of the first mention, original language
    english: str | None  # its English: the same sentence, or the paragraph when sentences differ
    english_is_paragraph: bool


def named_in(documents: list[Document]) -> dict[str, list[tuple[Document, DocumentEntity]]]:
    """Each entity's documents, newest first, with what each says of it."""
    found: dict[str, list[tuple[Document, DocumentEntity]]] = {}
    for document in sort_for_index(documents):
        for item in document.entities:
            found.setdefault(item.entity.id, []).append((document, item))
    return found


def co_mentioned(entity_id: str, named: list[frozenset[str]], knowledge: dict[str, Entity]) -> list[tuple[Entity, int]]:
    """The entities most often named in the same documents (`named`: the entity ids of each document)."""
    counts: Counter[str] = Counter()
    for ids in named:
        if entity_id in ids:
            counts.update(ids - {entity_id})
    return [(knowledge[i], n) for i, n in sorted(counts.items(), key=lambda kv: (-kv[1], knowledge[kv[0]].name))][
        :CO_MENTIONED
    ]


def _appearance(document: Document, found: DocumentEntity) -> Appearance:
    """The sentence of the first mention in the text; the headline when only it names the entity."""
    first: Mention = next((m for m in found.mentions if m.paragraph != TITLE_KEY), found.mentions[0])
    if first.paragraph == TITLE_KEY:
        return Appearance(document, found, first, document.analysis.title or "", document.english.title, False)
    language = document.analysis.language
    pair = next(p for p in document.english.paragraphs if p.paragraph.key == first.paragraph)
    sentences = Sentences(pair.paragraph.text, language)
    index = sentences.index_at(first.start)
    english, is_paragraph = None, False
    if pair.english:
        english_sentences = split_sentences(pair.english, "en")
        if index is not None and len(english_sentences) == len(sentences.all) and pair.state == "translated":
            english = english_sentences[index]
        else:
            english, is_paragraph = pair.english, True
    return Appearance(document, found, first, sentences.at(first.start), english, is_paragraph)


def with_found_places(documents: list[Document], knowledge: dict[str, Entity]) -> dict[str, Entity]:
    """The knowledge base and the places the documents name that it does not list (from the gazetteer)."""
    found = {i.entity.id: i.entity for d in documents for i in d.entities if not i.entity.reviewed}
    return knowledge | dict(sorted(found.items()))


def promotion(entity: Entity) -> tuple[str, str]:
    """The id and front matter of site_src/knowledge/<id>.md that make a gazetteer place a reviewed entry."""
    slug = "-".join(re.findall(r"[a-z0-9]+", fold(entity.name))) or entity.id
    lines = [f"id: {slug}", "type: place", f"subtype: {entity.subtype}", f"name: {entity.name}", "names:"]
    lines += [f"  {language}: [{', '.join(names)}]" for language, names in sorted(entity.names.items())]
    lines += ["aliases: []", "titles: []", f"lat: {entity.lat:.4f}", f"lon: {entity.lon:.4f}"]
    return slug, "---\n" + "\n".join(lines) + "\n---\n"


def entity_page(
    entity: Entity, naming: list[tuple[Document, DocumentEntity]], note: str, named_with: list[tuple[Entity, int]]
) -> str:
    """One entity's page: `naming` the documents that name it (newest first), `note` its editor's
    note as sanitised HTML, `named_with` the entities most often named with it."""
    return (
        environment()
        .get_template("entity.md.j2")
        .render(
            entity=entity,
            note=note,
            here=addresses.entity_url(entity.id),
            appearances=[_appearance(d, item) for d, item in naming[:APPEARANCES_SHOWN]],
            appearance_count=len(naming),
            co_mentioned=named_with,
            promotion=None if entity.reviewed else promotion(entity),
            # every spelling the page shows, by language ("" for the English name and the aliases)
            letter_forms=letter_forms({**entity.names, "": (entity.name, *entity.aliases)}),
        )
    )


def entity_outputs(documents: list[Document], knowledge: dict[str, Entity], notes: dict[str, str]) -> dict[str, bytes]:
    """Entity pages (with their editors' notes: `notes` holds each note as sanitised HTML, see
    editorial.EditorsHtml), the index and the new-names page; places found in the gazetteer have
    pages too, which say so and how to promote them to reviewed entries."""
    env = environment()
    found = named_in(documents)
    named = [frozenset(item.entity.id for item in d.entities) for d in documents]
    knowledge = with_found_places(documents, knowledge)
    outputs = {
        addresses.entity_page(e.id): entity_page(
            e, found.get(e.id, []), notes.get(e.id, ""), co_mentioned(e.id, named, knowledge)
        ).encode("utf-8")
        for e in knowledge.values()
    }
    groups = {
        kind.id: sorted((e for e in knowledge.values() if e.type == kind.id), key=lambda e: e.name.casefold())
        for kind in entity_types()
    }
    outputs[addresses.ENTITIES_INDEX_PAGE] = (
        env.get_template("entities_index.md.j2")
        .render(
            groups=groups,
            counts={i: len(a) for i, a in found.items()},
            here=addresses.url(addresses.ENTITIES_INDEX_PAGE),
        )
        .encode("utf-8")
    )
    outputs[addresses.NEW_NAMES_PAGE] = (
        env.get_template("new_names.md.j2")
        .render(groups=new_name_groups(documents), here=addresses.url(addresses.NEW_NAMES_PAGE))
        .encode("utf-8")
    )
    return outputs


def new_name_groups(documents: list[Document]) -> list[NameGroup]:
    """Every document's new names, one group per name across documents and scripts (newest documents first)."""
    return group_new_names(
        NameSighting(document.doc_id, document.analysis.language, document.analysis.direction, name)
        for document in sort_for_index(documents)
        for name in document.new_names
    )
