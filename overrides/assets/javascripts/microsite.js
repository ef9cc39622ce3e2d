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
