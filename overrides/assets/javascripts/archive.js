/* The documents index as an archive to browse: filters (language, outlet, year, person, place)
   and an order over the whole archive, not only the page on screen. Progressive enhancement: the
   pages of the index list every document without this script; the filters stay hidden without it.
   The archive's compact JSON (generator/site/archive.py) is loaded only when a reader first uses
   them; the choices are kept in the address (?language=fa&person=…), so a filtered list can be
   linked to. Each document is drawn as generator/templates/documents_index.md.j2 draws it. */
(function () {
  "use strict";
  var SHOWN = 100; // documents listed at a time, as on a page of the index
  var FILTERS = ["language", "outlet", "year", "person", "place"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  function count(n, singular, plural) {
    return n.toLocaleString("en") + " " + (n === 1 ? singular : plural || singular + "s");
  }

  function dateText(iso) { // as render.date_text: 2021-04-12, April 2021, 2021
    return iso && iso.length === 7 ? MONTHS[Number(iso.slice(5)) - 1] + " " + iso.slice(0, 4) : iso || "";
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child !== null && child !== "") node.append(child);
    });
    return node;
  }

  /* The JSON's arrays as objects: documents in the index's order (newest first). */
  function prepare(data) {
    var at = {};
    data.fields.forEach(function (name, index) { at[name] = index; });
    var names = function (positions) { return positions.map(function (p) { return data.entities[p]; }); };
    var documents = data.documents.map(function (row, position) {
      return {
        position: position, id: row[at.id], title: row[at.title], english: row[at.english],
        status: row[at.english_status], language: row[at.language], date: row[at.date],
        inferred: row[at.inferred] === 1, outlet: row[at.outlet] === null ? null : data.outlets[row[at.outlet]],
        people: names(row[at.people]), places: names(row[at.places])
      };
    });
    return { documents: documents, languages: data.languages };
  }

  function matches(doc, choice) {
    var named = function (list, id) { return list.some(function (entity) { return entity[0] === id; }); };
    return (!choice.language || doc.language === choice.language) &&
      (!choice.outlet || doc.outlet === choice.outlet) &&
      (!choice.year || (choice.year === "undated" ? !doc.date : (doc.date || "").slice(0, 4) === choice.year)) &&
      (!choice.person || named(doc.people, choice.person)) &&
      (!choice.place || named(doc.places, choice.place));
  }

  function compare(order, languages) {
    var text = function (a, b) { return a.localeCompare(b, "en", { sensitivity: "base" }); };
    var last = function (a, b) { return (a === null) - (b === null); }; // missing values go last
    var orders = {
      oldest: function (a, b) {
        return last(a.date, b.date) || (a.date && b.date && text(a.date, b.date)) || text(a.id, b.id);
      },
      title: function (a, b) { return text(a.english || a.title, b.english || b.title); },
      outlet: function (a, b) { return last(a.outlet, b.outlet) || text(a.outlet || "", b.outlet || ""); },
      language: function (a, b) {
        return text((languages[a.language] || [a.language])[0], (languages[b.language] || [b.language])[0]);
      }
    };
    var by = orders[order];
    return function (a, b) { return (by ? by(a, b) : 0) || a.position - b.position; };
  }

  function named(label, entities) {
    if (!entities.length) return null;
    var first = entities.slice(0, 3).map(function (entity) { return entity[1]; }).join(", ");
    var more = entities.length > 3 ? " and " + count(entities.length - 3, "other") : "";
    return el("span", { class: "ms-doc-named" }, [label + ": " + first + more]);
  }

  function row(doc, root, languages) {
    var language = languages[doc.language] || [doc.language, "ltr"];
    var href = root + "documents/" + doc.id + "/";
    var original = { lang: doc.language, dir: language[1] };
    var date = doc.date ? [el("time", { datetime: doc.date }, [dateText(doc.date)]),
      doc.inferred ? " " : null, doc.inferred ? el("span", { class: "ms-flag" }, ["inferred"]) : null] : ["undated"];
    var parts = [el("p", { class: "ms-doc-date" }, date)];
    if (doc.english) {
      var draft = doc.status === "machine" || doc.status === "draft";
      parts.push(el("p", { class: "ms-doc-en" }, [el("a", { href: href }, [doc.english]),
        draft ? " " : null, draft ? el("span", { class: "ms-doc-status" }, ["(" + doc.status + " translation)"]) : null]));
      parts.push(el("p", Object.assign({ class: "ms-doc-orig" }, original), [doc.title]));
    } else if (doc.status === "original") {
      parts.push(el("p", { class: "ms-doc-en" }, [el("a", Object.assign({ href: href }, original), [doc.title])]));
    } else {
      var missing = doc.status === "missing" ? "untranslated" : "translated, no English title";
      parts.push(el("p", { class: "ms-doc-en" }, [el("span", { class: "ms-doc-status" }, [missing])]));
      parts.push(el("p", Object.assign({ class: "ms-doc-orig" }, original), [el("a", { href: href }, [doc.title])]));
    }
    parts.push(el("p", { class: "ms-doc-about" }, [el("span", {}, [language[0]]),
      doc.outlet ? el("span", {}, [el("bdi", {}, [doc.outlet])]) : null,
      named("People", doc.people), named("Places", doc.places)]));
    return el("li", { class: "ms-doc", "data-ms-id": doc.id }, parts);
  }

  function init() {
    var form = document.querySelector(".ms-archive-filters");
    var list = document.querySelector(".ms-docs");
    if (!form || !list || !window.fetch) return;
    var status = document.querySelector(".ms-archive-status");
    var pagers = Array.prototype.slice.call(document.querySelectorAll(".ms-pager"));
    var pageRows = Array.prototype.slice.call(list.children);
    var pageStart = list.getAttribute("start");
    var more = el("button", { type: "button", class: "ms-archive-more" }, []);
    var root = form.getAttribute("data-ms-root");
    var archive = null;
    var shown = SHOWN;

    function load() {
      archive = archive || fetch(form.getAttribute("data-ms-archive")).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      }).then(prepare);
      return archive;
    }

    function choices() {
      var choice = {};
      FILTERS.concat(["sort"]).forEach(function (name) { choice[name] = form.elements[name].value; });
      return choice;
    }

    function remember(choice) {
      var query = new URLSearchParams();
      Object.keys(choice).forEach(function (name) { if (choice[name]) query.set(name, choice[name]); });
      var search = query.toString();
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    }

    function restore() {
      list.replaceChildren.apply(list, pageRows);
      list.setAttribute("start", pageStart);
      pagers.forEach(function (pager) { pager.hidden = false; });
      more.remove();
      status.textContent = "";
    }

    function show(data, choice) {
      var found = data.documents.filter(function (doc) { return matches(doc, choice); });
      found.sort(compare(choice.sort, data.languages));
      var rows = found.slice(0, shown).map(function (doc) { return row(doc, root, data.languages); });
      list.replaceChildren.apply(list, rows);
      list.setAttribute("start", "1");
      pagers.forEach(function (pager) { pager.hidden = true; });
      var total = data.documents.length;
      status.textContent = found.length ? "Showing " + (found.length === total ? "all " + count(total, "document")
        : found.length.toLocaleString("en") + " of " + count(total, "document")) +
        (found.length > shown ? ", the first " + shown.toLocaleString("en") + " below" : "") + "."
        : "No document matches these choices.";
      more.textContent = "Show " + count(Math.min(SHOWN, found.length - shown), "more document");
      if (found.length <= shown) more.remove();
      else if (list.nextElementSibling !== more) list.after(more); // moving it would take the focus away
    }

    function update() {
      var choice = choices();
      remember(choice);
      if (!Object.keys(choice).some(function (name) { return choice[name]; })) return restore();
      status.textContent = "Loading the archive…";
      load().then(function (data) { show(data, choice); }, function () {
        archive = null;
        status.textContent = "The archive could not be loaded: the pages below list every document.";
      });
    }

    form.hidden = false;
    form.addEventListener("change", function () { shown = SHOWN; update(); });
    form.addEventListener("reset", function () { setTimeout(function () { shown = SHOWN; update(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    more.addEventListener("click", function () { shown += SHOWN; update(); });
    var query = new URLSearchParams(location.search);
    var given = false;
    FILTERS.concat(["sort"]).forEach(function (name) {
      var field = form.elements[name];
      var value = query.get(name);
      if (value && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
        given = true;
      }
    });
    if (given) update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
