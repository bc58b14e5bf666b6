// The entity page's network graph and ownership verdicts, loaded after the page: the graph as
// JSON drawn with Cytoscape.js (changing the hops reloads only the graph), the verdicts as an
// HTML fragment. Timings go to window.clearanceNetwork (read by the tests and the benchmark).
"use strict";
(function () {
  var COLORS = { listed: "#0b5cad", person: "#6b2c91", company: "#17663a", arrangement: "#7a4a00" };
  var cy = null;

  function label(n) { return n.name || n.id; }

  function render(box, data) {
    var started = performance.now();
    var big = data.nodes.length > 150;
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: label(n), hop: n.hops || 0, kind: n.kind || "listed", listed: !!n.list } };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind } };
    }));
    if (cy) { cy.destroy(); }
    cy = window.cytoscape({
      container: box,
      elements: elements,
      minZoom: 0.05,
      maxZoom: 3,
      style: [
        { selector: "node", style: { "background-color": function (n) { return COLORS[n.data("kind")] || "#444"; },
          "label": big ? "" : "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 140,
          "width": 14, "height": 14, "color": "#1b1f24" } },
        { selector: "node[hop = 0]", style: { "width": 26, "height": 26, "border-width": 3, "border-color": "#f5a623",
          "label": "data(label)", "font-weight": "bold" } },
        { selector: "edge", style: { "width": 1, "line-color": "#9aa4ae", "curve-style": big ? "haystack" : "bezier",
          "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#9aa4ae" } },
        { selector: "edge[kind = 'ownership']", style: { "line-color": "#17663a", "target-arrow-color": "#17663a", "width": 2 } }
      ],
      layout: big
        ? { name: "concentric", concentric: function (n) { return 10 - n.data("hop"); }, levelWidth: function () { return 1; }, animate: false, minNodeSpacing: 4 }
        : { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, numIter: 600 }
    });
    cy.on("tap", "node", function (event) {
      var node = event.target;
      if (node.data("listed") && node.data("hop") !== 0) { window.location.href = box.dataset.base + encodeURIComponent(node.id()); }
    });
    return performance.now() - started;
  }

  function list(ul, box, data) {
    ul.textContent = "";
    data.nodes.forEach(function (n) {
      if (!n.hops) { return; }
      var li = document.createElement("li");
      if (n.list) {
        var a = document.createElement("a");
        a.href = box.dataset.base + encodeURIComponent(n.id);
        a.textContent = label(n);
        li.appendChild(a);
      } else {
        li.textContent = label(n) + " (" + (n.kind || "not listed") + ")";
      }
      li.appendChild(document.createTextNode(" · " + n.hops + " hop" + (n.hops === 1 ? "" : "s")));
      ul.appendChild(li);
    });
  }

  function load(box, hops) {
    var status = document.getElementById("network-status");
    var ul = document.getElementById("network-list");
    status.textContent = "Loading…";
    var fetchStart = performance.now();
    return fetch(box.dataset.src + "?hops=" + encodeURIComponent(hops), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (data) {
        var fetched = performance.now() - fetchStart;
        var drawn = render(box, data);
        list(ul, box, data);
        status.textContent = data.nodes.length + " parties, " + data.edges.length + " links" + (data.truncated ? " (the nearest shown)" : "");
        window.clearanceNetwork = { hops: hops, nodes: data.nodes.length, edges: data.edges.length, fetchMs: fetched, renderMs: drawn, labels: data.nodes.map(label) };
        box.dataset.ready = String(hops);
      })
      .catch(function (err) { status.textContent = "The network could not be loaded (" + err.message + ")."; });
  }

  function ownership() {
    var box = document.getElementById("ownership");
    if (!box) { return; }
    fetch(box.dataset.src, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.text(); })
      .then(function (html) { box.innerHTML = html; })
      .catch(function (err) { box.textContent = "The ownership verdicts could not be loaded (" + err.message + ")."; })
      .then(function () { box.setAttribute("aria-busy", "false"); box.dataset.ready = "1"; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    ownership();
    var box = document.getElementById("network");
    var select = document.getElementById("hops");
    if (!box || !window.cytoscape) { return; }
    var form = document.getElementById("network-form");
    form.addEventListener("submit", function (event) { event.preventDefault(); load(box, select.value); });
    select.addEventListener("change", function () { load(box, select.value); });
    load(box, select.value);
  });
})();
