"""Names in translations follow the knowledge base (issue 13).

For every entity an original paragraph names, the English block aligned with it should name it
as the knowledge base writes it in English: its `name`, an English name (`names.en`) or a
Latin-script alias; a person by the surname too (the last word of the name: "Akar",
"al-Namroush", "Erdoğan's", "President Erdoğan"); a place by its adjective too ("Turkish",
"Libyan": a word that begins as the name does). A name inside a person's role phrase
(«قائد القوات البحرية» names the navy) is named when the English gives that person's role as
the knowledge base's `titles` write it in English ("Commander of the Naval Forces").
Compared word by word, ignoring case, accents and hyphens. A block that marks the source's own
error, `Abdul Fattah [sic: Abdul Hamid] Dbeibah`, names the entity whose name stands in the
[sic: …]. Anything else is a warning with the block's `file:line`, in the build report and in
`microsite check`; it changes nothing.
"""

from __future__ import annotations

import re

from generator.model.document import Diagnostic, Document
from generator.model.entity import Entity
from generator.text.normalise import line_key

SIC_RE = re.compile(r"\[sic:\s*([^\]]+)\]", re.I)
LATIN_RE = re.compile(r"^[^\u0600-\u06ff]*[A-Za-z][^\u0600-\u06ff]*$")  # no Arabic-script letter
QUALIFIER_RE = re.compile(r"\s*\([^)]*\)\s*$")  # "Ministry of Defence (Libya)": the bracket disambiguates
ADJECTIVE_STEM = 4  # "Turk…", "Liby…": a place's adjective shares at least this many first letters
ADJECTIVE_CUT = 2  # letters of the name's end an adjective may change (Turkey -> Turkish)


def english_forms(entity: Entity) -> tuple[str, ...]:
    """The forms of the entity's name an English text may use, as folded keys."""
    forms = [entity.name, QUALIFIER_RE.sub("", entity.name), *entity.names.get("en", ())]
    forms += [alias for alias in entity.aliases if LATIN_RE.match(alias)]
    keys = {line_key(form) for form in forms} - {""}
    keys |= {k[len("the ") :] for k in keys if k.startswith("the ")}  # "The Libya Observer" / "the Libya Observer"
    if entity.type == "person":
        keys |= {line_key(entity.name).split()[-1]} if line_key(entity.name) else set()
    return tuple(sorted(keys))


def names_in_block(entity: Entity, english: str) -> bool:
    """Whether the English text names the entity as the knowledge base does (or marks a [sic: …])."""
    text = f" {line_key(english)} "
    if any(f" {form} " in text for form in english_forms(entity)):
        return True
    if entity.type == "place" and _adjective(entity, text.split()):
        return True
    name_words = {w for w in line_key(entity.name).split() if len(w) > 2}
    return any(name_words & set(line_key(sic).split()) for sic in SIC_RE.findall(english))


def _adjective(entity: Entity, words: list[str]) -> bool:
    name = line_key(entity.name).split()
    if len(name) != 1 or len(name[0]) < ADJECTIVE_STEM + ADJECTIVE_CUT:
        return False
    stem = name[0][: max(ADJECTIVE_STEM, len(name[0]) - ADJECTIVE_CUT)]
    return any(word.startswith(stem) for word in words)


def name_problems(document: Document) -> tuple[Diagnostic, ...]:
    """Translation blocks that do not name an entity of their original paragraph as the knowledge
    base does: one warning per block and entity, at the block's marker line."""
    english = document.english
    if english.status in ("original", "missing") or english.path is None:
        return ()
    named: dict[str, list[tuple[Entity, str]]] = {}
    for found in document.entities:
        for mention in found.mentions:
            pairs = named.setdefault(mention.paragraph, [])
            if all(entity.id != found.entity.id for entity, _ in pairs):
                pairs.append((found.entity, mention.text))
    problems = []
    for pair in english.paragraphs:
        if pair.state != "translated" or pair.block is None or pair.english is None:
            continue
        here = named.get(pair.paragraph.key, [])
        for entity, written in here:
            if not names_in_block(entity, pair.english) and not _in_role(written, here, pair.english):
                message = (
                    f"{pair.paragraph.key} names {entity.name} («{written}» in the original), but its English does "
                    f"not: write the knowledge base's name ({_shown(entity)}), or mark the source's own "
                    "error as [sic: …]"
                )
                problems.append(Diagnostic(english.path, pair.block.line, "warning", message))
    return tuple(problems)


def _in_role(written: str, here: list[tuple[Entity, str]], english: str) -> bool:
    """Whether the name is part of the role phrase of a person the paragraph names, and the English
    gives that role as the knowledge base writes it in English."""
    text, key = f" {line_key(english)} ", f" {line_key(written)} "
    for person, _ in here:
        in_role = any(key in f" {line_key(t)} " and key != f" {line_key(t)} " for t in person.titles)
        if in_role and any(f" {line_key(t)} " in text for t in person.titles if LATIN_RE.match(t)):
            return True
    return False


def _shown(entity: Entity) -> str:
    aliases = [a for a in entity.aliases if LATIN_RE.match(a)]
    return " or ".join(f"“{n}”" for n in [entity.name, *entity.names.get("en", ()), *aliases][:3])
