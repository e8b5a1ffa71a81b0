/* A static site of the apps (kit site). No network: everything it needs is in the page and in search.js.
   1. A page chooser (form[data-kit-pick]) opens the page chosen in its list.
   2. The Themes search (form[data-kit-search]) is kit.views.queries.search over window.KIT_SEARCH: the words of
      the query in order, any white space between them, case-insensitive; keyword in context as kit.views.spans.kwic;
      the speaker is the first statement whose span holds the match. Report text is set as text, never as markup. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-kit-pick]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = form.querySelector("select").value;
      if (value) { window.location.href = value; }
    });
  });

  function escapeRegExp(word) { return word.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); }

  function kwic(text, start, end, width) {
    var left = text.slice(Math.max(0, start - width), start), right = text.slice(end, end + width);
    if (start - width > 0) { left = "\u2026" + (left.indexOf(" ") >= 0 ? left.slice(left.indexOf(" ") + 1) : left); }
    if (end + width < text.length) { right = (right.indexOf(" ") >= 0 ? right.slice(0, right.lastIndexOf(" ")) : right) + "\u2026"; }
    return [left, text.slice(start, end), right];
  }

  /* The rows kit.views.queries.search gives: {para, speaker, left, match, right}, at most index.limit. */
  function search(query, index) {
    index = index || window.KIT_SEARCH;
    var words = (query || "").trim().split(/\s+/).filter(Boolean);
    if (!words.length || !index) { return []; }
    var rows = [];
    for (var i = 0; i < index.paras.length; i++) {
      var para = index.paras[i], text = para[1], pattern = new RegExp(words.map(escapeRegExp).join("\\s+"), "giu"), m;
      while ((m = pattern.exec(text)) !== null) {
        var speaker = "";
        for (var j = 0; j < para[2].length; j++) {
          if (para[2][j][0] <= m.index && m.index < para[2][j][1]) { speaker = para[2][j][2]; break; }
        }
        var k = kwic(text, m.index, m.index + m[0].length, 90);
        rows.push({para: para[0], speaker: speaker, left: k[0], match: k[1], right: k[2]});
        if (rows.length >= index.limit) { return rows; }
      }
    }
    return rows;
  }
  window.kitSearch = search;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var form = document.querySelector("form[data-kit-search]");
  var out = document.getElementById("kit-search-out");
  if (!form || !out || !window.KIT_SEARCH) { return; }
  var d = form.dataset, input = form.querySelector("input");

  function hits(n) { return (n === 0 ? d.hits0 : n === 1 ? d.hits1 : d.hits2).replace("{n}", String(n)); }

  function show(raw) {
    var chars = Array.from((raw || "").trim()), index = window.KIT_SEARCH;
    var query = chars.slice(0, index.cap).join("");
    out.textContent = "";
    if (!query) { return; }
    var rows = search(query, index), cols = d.cols.split("|");
    var region = el("div", {"class": "kit-search", role: "region", "aria-label": d.region});
    if (chars.length > index.cap) { region.appendChild(el("p", {"class": "note", role: "status"}, d.cut)); }
    region.appendChild(el("h3", {}, d.heading.replace("{query}", query) + " (" + hits(rows.length)
                                     + (rows.length >= index.limit ? d.first : "") + ")"));
    if (!rows.length) {
      region.appendChild(el("p", {"class": "muted"}, d.empty.replace("{query}", query)));
    } else {
      var table = el("table", {"class": "kt stack"}), head = el("tr"), body = el("tbody");
      cols.forEach(function (c, i) { head.appendChild(el("th", i === 0 ? {scope: "col", "class": "num"} : {scope: "col"}, c)); });
      table.appendChild(el("thead")).appendChild(head);
      rows.forEach(function (row) {
        var tr = el("tr");
        var td = tr.appendChild(el("td", {"data-label": cols[0], "class": "num"}));
        td.appendChild(el("span", {"class": "para"}, String(row.para)));
        tr.appendChild(el("td", {"data-label": cols[1]}, row.speaker || "\u2014"));
        td = tr.appendChild(el("td", {"data-label": cols[2]}));
        td.appendChild(document.createTextNode(row.left));
        td.appendChild(el("mark", {}, row.match));
        td.appendChild(document.createTextNode(row.right));
        body.appendChild(tr);
      });
      table.appendChild(body);
      region.appendChild(table);
    }
    out.appendChild(region);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { input.value = asked; show(asked); }
})();
