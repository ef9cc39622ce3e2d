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

/* Search across scripts: fold the query the way the build folded the index (search_index.py,
   search_key): combining marks dropped (hamza, madda, tashkeel, accents), ی/ى→ي, ک→ك, ة→ه,
   پ چ ژ گ → ب ج ز ك, tatweel and ZWNJ removed, Arabic-Indic and Persian digits to ASCII, lower case. */
(function () {
  "use strict";
  var LETTERS = { "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك", "ة": "ه", "ە": "ه",
                  "پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك" };
  var REMOVED = /[\u0640\u200c\u200d\u200e\u200f\u061c]/g;
  var MARKS = /\p{M}/gu;

  function foldQuery(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "").replace(REMOVED, "")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .replace(/[ٱٲٳىیېکڪةەپچژگ]/g, function (c) { return LETTERS[c]; });
  }
  window.micrositeFoldQuery = foldQuery;

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.matches || !field.matches("[data-md-component=search-query]")) return;
    var folded = foldQuery(field.value);
    if (folded !== field.value) field.value = folded;
  }, true);
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
