/* Kernel-free widgets: switch between states that Python precomputed (csebook.widgets).
   Each .csb-widget holds its controls, one figure (inline SVG), a live summary and a JSON map
   of states. */
(function () {
  "use strict";
  function init(root) {
    var payload = JSON.parse(root.querySelector("script.csb-states").textContent);
    var figure = root.querySelector(".csb-image");
    var summary = root.querySelector(".csb-summary");
    function value(control) {
      if (control.kind === "select") {
        return root.querySelector('select[data-control="' + control.name + '"]').value;
      }
      var checked = root.querySelector('fieldset[data-control="' + control.name + '"] input:checked');
      return checked ? checked.value : "";
    }
    function update(event) {
      var key = payload.controls.map(value).join("|");
      var state = payload.states[key];
      if (!state) { return; }
      var started = event && event.timeStamp ? event.timeStamp : performance.now();
      figure.innerHTML = state.svg;
      summary.textContent = state.summary;
      root.dataset.state = key;
      requestAnimationFrame(function () {
        // Time from the input event until the new figure is laid out and the summary set.
        root.dataset.switchMs = (performance.now() - started).toFixed(2);
        root.dispatchEvent(new CustomEvent("csb-updated", { detail: { key: key } }));
      });
    }
    root.querySelectorAll("select, input").forEach(function (el) {
      el.addEventListener("change", update);
    });
    root.dataset.ready = "true";
  }
  function start() { document.querySelectorAll(".csb-widget").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
/* A chapter's list of where its numbers come from is folded (details.csb-sources). A link to a
   place inside a folded list (a number leading to the rows it was computed from, from this page or
   another) opens it, so the place is shown; printing opens it too, where CSS cannot. */
(function () {
  "use strict";
  function reveal(id) {       // opens the lists around the element with this id; true if any was closed
    var target = id && document.getElementById(decodeURIComponent(id)), opened = false;
    for (var d = target && target.closest("details"); d; d = d.parentElement.closest("details")) {
      if (!d.open) { d.open = opened = true; }
    }
    return opened && target;
  }
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest('a[href^="#"]');
    if (a) { reveal(a.getAttribute("href").slice(1)); }    // before the browser scrolls to it
  });
  function arrive() { var t = reveal(window.location.hash.slice(1)); if (t) { t.scrollIntoView(); } }
  window.addEventListener("hashchange", arrive);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", arrive); } else { arrive(); }
  var printed = [];
  window.addEventListener("beforeprint", function () {
    printed = Array.prototype.filter.call(document.querySelectorAll("details.csb-sources"), function (d) { return !d.open; });
    printed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { printed.forEach(function (d) { d.open = false; }); printed = []; });
})();
