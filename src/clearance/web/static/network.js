// The entity page's network graph: fetched as JSON and drawn with Cytoscape.js; changing the
// hops reloads only the graph. Timings go to window.clearanceNetwork (read by the benchmark).
"use strict";
(function () {
  var COLORS = { person: "#0b5cad", organization: "#17663a", vessel: "#7a4a00", aircraft: "#6b2c91", unresolved: "#8c959f" };
  var cy = null;

  function render(box, data) {
    var started = performance.now();
    var elements = data.nodes.map(function (n) { return { data: n }; }).concat(
      data.edges.map(function (e, i) { return { data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind } }; }));
    var big = data.nodes.length > 150;
    if (cy) { cy.destroy(); }
    cy = window.cytoscape({
      container: box,
      elements: elements,
      minZoom: 0.05,
      maxZoom: 3,
      style: [
        { selector: "node", style: { "background-color": function (n) { return COLORS[n.data("schema")] || "#444"; },
          "label": big ? "" : "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 140,
          "width": 14, "height": 14, "color": "#1b1f24" } },
        { selector: "node[hop = 0]", style: { "width": 26, "height": 26, "border-width": 3, "border-color": "#f5a623", "label": "data(label)", "font-weight": "bold" } },
        { selector: "edge", style: { "width": 1, "line-color": "#9aa4ae", "curve-style": big ? "haystack" : "bezier",
          "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#9aa4ae" } }
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
      if (n.hop === 0) { return; }
      var li = document.createElement("li");
      if (n.listed) {
        var a = document.createElement("a");
        a.href = box.dataset.base + encodeURIComponent(n.id);
        a.textContent = n.label;
        li.appendChild(a);
      } else {
        li.textContent = n.label + " (not listed)";
      }
      li.appendChild(document.createTextNode(" · " + n.hop + " hop" + (n.hop === 1 ? "" : "s")));
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
        status.textContent = data.nodes.length + " parties, " + data.edges.length + " links" + (data.truncated ? " (truncated)" : "");
        window.clearanceNetwork = { hops: hops, nodes: data.nodes.length, edges: data.edges.length, fetchMs: fetched, renderMs: drawn, labels: data.nodes.map(function (n) { return n.label; }) };
        box.dataset.ready = String(hops);
      })
      .catch(function (err) { status.textContent = "The network could not be loaded (" + err.message + ")."; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("network");
    var select = document.getElementById("hops");
    if (!box || !window.cytoscape) { return; }
    var form = document.getElementById("network-form");
    form.addEventListener("submit", function (event) { event.preventDefault(); load(box, select.value); });
    select.addEventListener("change", function () { load(box, select.value); });
    load(box, select.value);
  });
})();
