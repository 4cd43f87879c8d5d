/* The figure finder (book/figures.html): filter the rows by what the reader types and by the two
   menus. Runs only on this page, loads nothing, sends nothing. normalize() applies the same steps as
   csebook.finder.normalize in Python, which wrote each row's data-search text; a row is found by
   that text and its own (csebook.finder.haystack). */
(function () {
  "use strict";
  function normalize(text) {
    var t = String(text).toLowerCase();
    t = t.replace(/(\d),(?=\d{3}\b)/g, "$1").replace(/(\d),(?=\d{3}\b)/g, "$1");
    t = t.replace(/\s*(?:per\s?cent|percent)\b/g, "%");
    t = t.replace(/\s+%/g, "%");
    t = t.replace(/[-\u2010-\u2015]/g, " ");
    return t.replace(/\s+/g, " ").trim();
  }
  window.csebookNormalize = normalize;
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var q = document.getElementById("finder-q");
    if (!q) { return; }
    var page = document.getElementById("finder-page");
    var status = document.getElementById("finder-status");
    var statistic = document.getElementById("finder-statistic");
    var count = document.getElementById("finder-count");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".finder-row"));
    // what each row is found by: its data-search text and its own text, text nodes joined by
    // spaces (as csebook.finder.haystack); made when the reader first types, not when the page loads
    var hays = null;
    function haystacks() {
      hays = hays || rows.map(function (row) {
        var texts = [], walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT), node;
        while ((node = walker.nextNode())) { texts.push(node.nodeValue); }
        return normalize(row.getAttribute("data-search") + " " + texts.join(" "));
      });
      return hays;
    }
    var groups = Array.prototype.slice.call(document.querySelectorAll(".finder-group"));
    var list = document.querySelector(".finder-list");
    function update() {
      var terms = normalize(q.value).split(" ").filter(function (w) { return w.length > 0; });
      // a word that is a number must stand whole: '37' does not find '137' or '3.7' (as finder.matches)
      var tests = terms.map(function (w) {
        if (/^[\d.]+%?$/.test(w)) {
          var re = new RegExp("(^|[^\\d.])" + w.replace(/[.%]/g, "\\$&") + "(?![\\d]|\\.\\d)");
          return function (hay) { return re.test(hay); };
        }
        return function (hay) { return hay.indexOf(w) !== -1; };
      });
      var shown = 0, found = tests.length ? haystacks() : null;
      rows.forEach(function (row, i) {
        var ok = (!found || tests.every(function (t) { return t(found[i]); })) &&
          (!page.value || (" " + row.getAttribute("data-pages") + " ").indexOf(" " + page.value + " ") !== -1) &&
          (!status.value || row.getAttribute("data-status") === status.value) &&
          (!statistic.value || row.parentNode.parentNode.getAttribute("data-statistic") === statistic.value);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      // groups holding a row whose own number is what the reader typed come first (moved in the
      // page, so reading and keyboard order follow what is shown), the rest in their first order
      var typed = normalize(q.value);
      var first = [], rest = [];
      groups.forEach(function (g) {
        g.hidden = !g.querySelector(".finder-row:not([hidden])");
        var exact = typed && Array.prototype.some.call(g.querySelectorAll(".finder-row:not([hidden])"), function (r) {
          return r.getAttribute("data-numbers").indexOf("| " + typed + " |") !== -1;
        });
        (exact ? first : rest).push(g);
      });
      var order = first.concat(rest);
      // move the groups only when their order changes (moving all of them lays the page out again)
      if (order.some(function (g, i) { return list.children[i] !== g; })) {
        order.forEach(function (g) { list.appendChild(g); });
      }
      count.textContent = shown + " of " + rows.length + " shown (figure rows and numbers the chapters computed)";
    }
    q.addEventListener("input", update);
    page.addEventListener("change", update);
    status.addEventListener("change", update);
    statistic.addEventListener("change", update);
    var hash = decodeURIComponent(window.location.hash.slice(1));
    update();
    if (hash && document.getElementById(hash)) { document.getElementById(hash).classList.add("finder-target"); }
  });
})();
