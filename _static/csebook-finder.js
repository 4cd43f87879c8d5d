/* The figure finder (book/figures.html): filter the rows by what the reader types and by the two
   menus. Jupyter Book loads it on every page; it acts only where the finder is, loads nothing and
   sends nothing. normalize() applies the same steps as
   csebook.finder.normalize in Python, which wrote each row's data-search text; a row is found by
   that text and its own (csebook.finder.haystack). Each row also gets a button that writes, when
   pressed, a correction report from the row's own line to cite (the page carries no report). */
(function () {
  "use strict";
  if (window.csebookNormalize) { return; }     // already run on this page
  function normalize(text) {
    var t = String(text).toLowerCase();
    t = t.replace(/(\d),(?=\d{3}\b)/g, "$1").replace(/(\d),(?=\d{3}\b)/g, "$1");
    t = t.replace(/\s*(?:per\s?cent|percent)\b/g, "%");
    t = t.replace(/\s+%/g, "%");
    t = t.replace(/[-\u2010-\u2015]/g, " ");
    return t.replace(/\s+/g, " ").trim();
  }
  window.csebookNormalize = normalize;

  // A correction report for one row: its line to cite, a blank for what is wrong and one for the
  // better source, and where to send it (the address in _config.yml, carried once by the list as
  // data-corrections; none until the editors publish one). Written only when the reader asks.
  var NONE = "No corrections address is published yet: the editors will publish one. " +
    "Corrections made are listed on the What changed page.";
  function reportText(row, address) {
    var cite = row.querySelector(".finder-cite");
    return "Correction report for an entry of the figure finder\n\n" +
      "The entry (its line to cite):\n" + (cite ? cite.textContent.trim() : "") + "\n\n" +
      "What is wrong (what it should say, and why):\n\n\n" +
      "The better source (publisher, title, date, address, where in it, its exact words):\n\n\n" +
      (address ? "Send to: " + address.replace(/^mailto:/, "") : NONE) + "\n";
  }
  function element(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  function openReport(row, button, address) {
    var id = "report-" + row.id.replace(/[^\w-]/g, "-");
    var box = element("div", { "class": "finder-report", id: id + "-box" });
    var label = element("label", { "for": id }, "Correction report for this entry, ready to copy: " +
      "write what is wrong and the better source under their headings.");
    var area = element("textarea", { id: id, rows: "12", "class": "form-control", spellcheck: "true" });
    area.value = reportText(row, address);
    area.style.width = "100%";
    area.style.fontSize = "0.9em";
    var copy = element("button", { type: "button", "class": "btn btn-sm btn-outline-secondary" }, "Copy the report");
    var status = element("span", { role: "status", "aria-live": "polite" });
    copy.addEventListener("click", function () {
      function done(ok) { status.textContent = ok ? " Copied." : " Select the text above and copy it."; }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(function () { done(true); }, function () { done(false); });
      } else {
        area.select();
        try { done(document.execCommand("copy")); } catch (err) { done(false); }
      }
    });
    var where = element("p", {});
    if (address) {
      var mail = /^mailto:|^[^:\/]+@[^:\/]+$/.test(address);
      var href = mail ? "mailto:" + address.replace(/^mailto:/, "") : address;
      var link = element("a", { href: href }, address.replace(/^mailto:/, ""));
      if (mail) {            // the email carries the report as it stands when the link is followed
        link.addEventListener("click", function () {
          link.href = href + "?subject=" + encodeURIComponent("Correction report") +
            "&body=" + encodeURIComponent(area.value);
        });
      }
      where.appendChild(document.createTextNode("Send it to "));
      where.appendChild(link);
      where.appendChild(document.createTextNode("."));
    } else {
      where.appendChild(document.createTextNode("No corrections address is published yet: the editors " +
        "will publish one. Corrections made are listed on the "));
      where.appendChild(element("a", { href: "changes.html" }, "What changed"));
      where.appendChild(document.createTextNode(" page; "));
      where.appendChild(element("a", { href: "corrections.html" }, "Report a correction"));
      where.appendChild(document.createTextNode(" says what to send."));
    }
    var tools = element("p", {});
    tools.appendChild(copy);
    tools.appendChild(status);
    [label, area, tools, where].forEach(function (e) { box.appendChild(e); });
    button.after(box);
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", box.id);
    area.focus();
    var blank = area.value.indexOf("\n", area.value.indexOf("What is wrong")) + 1;   // the first blank
    area.setSelectionRange(blank, blank);
  }
  function reports(list, rows) {
    var address = list.getAttribute("data-corrections") || "";
    var style = document.createElement("style");         // never printed (the PDF prints this page)
    style.textContent = "@media print { .finder-report-button, .finder-report { display: none !important; } }";
    document.head.appendChild(style);
    rows.forEach(function (row) {
      row.appendChild(element("button", { type: "button", "class": "finder-report-button btn btn-sm btn-outline-secondary",
        "aria-expanded": "false" }, "Prepare a correction report"));
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest(".finder-report-button");
      if (!button) { return; }
      var row = button.closest(".finder-row"), open = row.querySelector(".finder-report");
      if (open) {
        open.remove();
        button.setAttribute("aria-expanded", "false");
      } else {
        openReport(row, button, list.getAttribute("data-corrections") || address);
      }
    });
  }
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
        var texts = [], node, walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT, {
          acceptNode: function (n) {      // the report button and any open report are not the row's text
            return n.parentNode.closest(".finder-report, .finder-report-button") ?
              NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
          }
        });
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
    reports(list, rows);
    q.addEventListener("input", update);
    page.addEventListener("change", update);
    status.addEventListener("change", update);
    statistic.addEventListener("change", update);
    var hash = decodeURIComponent(window.location.hash.slice(1));
    update();
    if (hash && document.getElementById(hash)) { document.getElementById(hash).classList.add("finder-target"); }
  });
})();
