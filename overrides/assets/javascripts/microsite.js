/* Language switch of bilingual document pages: English, original or both; remembered. */
(function () {
  "use strict";
  var KEY = "microsite.view";
  var VIEWS = ["en", "original", "both"];

  function apply(view) {
    document.querySelectorAll("[data-ms-view]").forEach(function (block) {
      block.setAttribute("data-ms-view", view);
    });
    document.querySelectorAll("[data-ms-show]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-ms-show") === view));
    });
  }

  function stored() {
    try { return localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function remember(view) {
    try { localStorage.setItem(KEY, view); } catch (error) { /* private mode: the choice lasts this page */ }
  }

  function init() {
    var switches = document.querySelectorAll(".ms-view-switch");
    if (!switches.length) return;
    var saved = stored();
    apply(VIEWS.indexOf(saved) >= 0 ? saved : "both");
    switches.forEach(function (control) {
      control.hidden = false;
      control.addEventListener("click", function (event) {
        var button = event.target.closest("[data-ms-show]");
        if (!button) return;
        var view = button.getAttribute("data-ms-show");
        apply(view);
        remember(view);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* Search across scripts: fold the query the way the build folded the index (search_pages.py,
   search_key), with the build's own rules: assets/javascripts/folding.js, generated from
   generator/text/normalise.py (folding_table) and loaded before this script, sets
   window.micrositeFolding. Lower case and case folding (ß → ss), compatibility decomposition,
   combining marks removed (hamza, madda, tashkeel, accents), then letters unified (ی/ى → ي, ک → ك,
   ة → ه, پ چ ژ گ → ب ج ز ك, tatweel and ZWNJ removed, Arabic-Indic and Persian digits to ASCII). */
(function () {
  "use strict";
  var table = window.micrositeFolding;
  if (!table) return;                  /* no folding.js (docs/ not generated): queries are searched as typed */

  function code(point) { return "\\u{" + point.toString(16) + "}"; }
  function anyOf(map) {                /* one character of the map's keys, as a global pattern */
    return new RegExp("[" + Object.keys(map).map(function (c) { return code(c.codePointAt(0)); }).join("") + "]", "gu");
  }
  var letters = Object.assign({}, table.fold, table.search);
  var CASEFOLD = anyOf(table.casefold);
  var MARKS = new RegExp("[" + table.marks.map(function (r) { return code(r[0]) + "-" + code(r[1]); }).join("") + "]", "gu");
  var LETTERS = anyOf(letters);

  function foldQuery(text) {
    return text.toLowerCase().replace(CASEFOLD, function (c) { return table.casefold[c]; })
      .normalize("NFKD").replace(MARKS, "")
      .replace(LETTERS, function (c) { return letters[c]; });
  }
  window.micrositeFoldQuery = foldQuery;  /* search.js folds every query with it */
})();

/* "Cite this page": the access date is the reader's today. */
(function () {
  "use strict";
  function fill() {
    var today = new Date().toISOString().slice(0, 10);
    document.querySelectorAll(".ms-today").forEach(function (el) { el.textContent = today; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();

/* Document maps: a map's frame (Leaflet and the basemap, about 340 KiB, more than the rest of the page)
   is fetched when the reader scrolls within 100 px of it, not with the page (issue 16, page weight).
   The template writes the address in data-ms-map and a <noscript> frame for readers without scripts. */
(function () {
  "use strict";
  function show(frame) {
    frame.src = frame.getAttribute("data-ms-map");
    frame.removeAttribute("data-ms-map");
  }
  function init() {
    var frames = document.querySelectorAll("iframe[data-ms-map]");
    var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        show(entry.target);
      });
    }, { rootMargin: "100px 0px" }) : null;
    frames.forEach(function (frame) {
      frame.hidden = false;
      if (observer) observer.observe(frame); else show(frame);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
