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
