"""The parts of a map file that folium and branca provide, made deterministic and safe (site/maps.py).

Element ids come from a counter per map (`Numbered`), not from urandom, so the same places give
byte-identical HTML. Our own script elements (`ScriptElement`) write their script into the page as
it is: branca's MacroElement compiles each rendered script as a Jinja template, which is slow for
long popups and would read text in them as template syntax. Text reaches scripts only as
`js_string` literals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement

from generator.site.render import environment


def js_string(text: str) -> str:
    """A JavaScript string literal that cannot end a <script> element or a template literal, nor
    be read as Jinja syntax (braces escaped) should anything compile it as a template."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("{", "\\u007b")
        .replace("}", "\\u007d")
    )


def js_value(value: object) -> str:
    """A JSON value (strings, numbers, booleans, None, lists, dicts in their order) as a JavaScript
    literal, every string in it written by `js_string`."""
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{js_string(str(key))}: {js_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(js_value(item) for item in value) + "]"
    return json.dumps(value)


class Numbered:
    """An element whose id is the next number of its map's counter `ids`, not branca's random hex:
    the same places give byte-identical HTML. It overrides branca's `_generate_id` hook (called once,
    in Element.__init__) for this element only; branca's Element itself is left as it is."""

    def __init__(self, *args: Any, ids: Iterator[int], **kwargs: Any) -> None:
        self._ids = ids
        super().__init__(*args, **kwargs)

    def _generate_id(self) -> str:
        return f"{next(self._ids):06d}"


class LeafletMap(Numbered, folium.Map):
    pass


class FeatureGroup(Numbered, folium.FeatureGroup):
    pass


class MapPage(Figure):
    """The map file, a page of its own: templates/map_page.html.j2 around the map's HTML and script
    (folium's page header, with its CDN links and a viewport that forbids zooming, is not written).
    Its own id and those of its parts never reach the page."""

    def __init__(self, document_map: bool, styles: tuple[str, ...], scripts: tuple[str, ...]) -> None:
        super().__init__()
        self._template = environment().get_template("map_page.html.j2")
        self.document_map = document_map
        self.styles, self.scripts = styles, scripts


class ScriptElement(Numbered, MacroElement):
    """A MacroElement whose rendered script goes into the page as it is (not compiled again)."""

    def render(self, **kwargs: Any) -> str:
        """Adds the script to the page's; nothing is written in place."""
        root = self.get_root()
        assert isinstance(root, Figure)
        root.script.add_child(_Verbatim(str(self._template.module.script(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        return ""


class _Verbatim(Element):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text
