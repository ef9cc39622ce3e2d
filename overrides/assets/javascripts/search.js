/* Site search: Pagefind's chunked index (generator/site/search_pages.py writes site/pagefind/),
   in a box in Material's header. Nothing is downloaded before the reader searches: the first
   focus or keystroke imports pagefind/pagefind.js, which then fetches only the index chunks and
   result fragments a query needs. The query is folded with the build's folding table
   (window.micrositeFoldQuery, microsite.js) because the index holds words in their folded form;
   results show the original words around the match (each record's "pieces"). Without JavaScript
   there is no box: the Documents index lists every document. */
(function () {
  "use strict";
  var PAGE = 10;                        /* results shown at a time: each shown result loads one fragment */
  var script = document.currentScript;
  var root = script ? new URL("../../", script.src) : new URL("/", location.href);
  var pagefind = null, state = { query: "", results: [], shown: 0, serial: 0 };

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function fold(text) {
    return (window.micrositeFoldQuery || function (t) { return t.toLowerCase(); })(text).trim();
  }

  function snippet(data) {
    /* The original words around the first match inside the shown text; matched words marked. */
    var pieces = JSON.parse(data.meta.pieces || "[]");
    var marked = {};
    (data.locations || []).forEach(function (at) { marked[at] = true; });
    var first = (data.locations || []).filter(function (at) { return at < pieces.length; })[0];
    var start = first === undefined ? 0 : Math.max(0, first - 12);
    var end = Math.min(pieces.length, start + 36);
    var out = el("span", { "class": "ms-search__snippet", dir: data.meta.dir || "auto", lang: data.meta.lang || "" });
    if (start > 0) out.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      var text = pieces[i].replace(/\s+/g, " ");
      if (marked[i]) {
        var word = text.match(/^(\S+)(.*)$/);
        out.appendChild(el("mark", {}, word ? word[1] : text));
        if (word && word[2]) out.appendChild(document.createTextNode(word[2]));
      } else out.appendChild(document.createTextNode(text));
    }
    if (end < pieces.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  function item(data) {
    var link = el("a", { href: data.url });
    link.appendChild(el("span", { "class": "ms-search__title", dir: "auto" }, data.meta.title || data.url));
    if (data.meta.title_en && data.meta.title_en !== data.meta.title) {
      link.appendChild(el("span", { "class": "ms-search__title-en", lang: "en" }, data.meta.title_en));
    }
    link.appendChild(snippet(data));
    var entry = el("li", { "class": "ms-search__result" });
    entry.appendChild(link);
    return entry;
  }

  function show(ui, serial) {
    var slice = state.results.slice(state.shown, state.shown + PAGE);
    return Promise.all(slice.map(function (result) { return result.data(); })).then(function (all) {
      if (serial !== state.serial) return;
      all.forEach(function (data) { ui.list.appendChild(item(data)); });
      state.shown += slice.length;
      ui.more.hidden = state.shown >= state.results.length;
      ui.list.setAttribute("data-query", state.query);
    });
  }

  function count(n) { return n === 1 ? "1 matching page" : n + " matching pages"; }

  function run(ui) {
    var query = fold(ui.input.value), serial = ++state.serial;
    ui.panel.hidden = false;
    ui.list.textContent = "";
    ui.more.hidden = true;
    state.query = query;
    if (!query) {
      ui.meta.textContent = "Type to start searching";
      ui.list.setAttribute("data-query", "");
      return Promise.resolve();
    }
    ui.meta.textContent = "Searching…";
    return load().then(function (module) { return module.search(query); }).then(function (search) {
      if (serial !== state.serial || !search) return;
      state.results = search.results;
      state.shown = 0;
      ui.meta.textContent = search.results.length ? count(search.results.length) : "No matching documents";
      return show(ui, serial);
    }).catch(function () {
      if (serial === state.serial) ui.meta.textContent = "Search is not available on this copy of the site (it is built by `make site`).";
    });
  }

  function build() {
    var box = el("div", { "class": "ms-search", role: "search" });
    var label = el("label", { "class": "ms-search__label", "for": "ms-search-input" }, "Search the documents");
    var input = el("input", {
      id: "ms-search-input", "class": "ms-search__input", type: "search", placeholder: "Search",
      autocomplete: "off", spellcheck: "false", "aria-controls": "ms-search-results"
    });
    var panel = el("div", { id: "ms-search-results", "class": "ms-search__panel" });
    var meta = el("p", { "class": "ms-search__meta", "aria-live": "polite" });
    var list = el("ol", { "class": "ms-search__list", "data-query": "" });
    var more = el("button", { type: "button", "class": "ms-search__more" }, "More results");
    panel.hidden = true;
    more.hidden = true;
    [meta, list, more].forEach(function (node) { panel.appendChild(node); });
    [label, input, panel].forEach(function (node) { box.appendChild(node); });
    return { box: box, input: input, panel: panel, meta: meta, list: list, more: more };
  }

  function init() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.querySelector(".ms-search")) return;
    var ui = build(), timer = null;
    header.insertBefore(ui.box, header.querySelector(".md-header__source"));
    ui.input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
    ui.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(ui); }, 120);
    });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { ui.panel.hidden = true; ui.input.blur(); }
    });
    ui.more.addEventListener("click", function () { show(ui, state.serial); });
    document.addEventListener("click", function (event) {
      if (!ui.box.contains(event.target)) ui.panel.hidden = true;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
