// The entity page's network graph and ownership verdicts, loaded after the page: the graph as
// JSON drawn with Cytoscape.js (changing the hops reloads only the graph), the verdicts as an
// HTML fragment. Timings go to window.clearanceNetwork (read by the tests and the benchmark).
"use strict";
(function () {
  var COLORS = { listed: "#0b5cad", person: "#6b2c91", company: "#17663a", arrangement: "#7a4a00" };
  var cy = null;
  var CHUNK = 100;

  function frame() { return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); }); }

  function addChunk(inst, part) {
    return function () { return frame().then(function () { inst.add(part); }); };
  }

  function label(n) { return n.name || n.id; }

  // Positions of a large network, computed here in one pass (no layout run, so the graph is
  // drawn once): the entity in the middle, each hop on its own ring, every party placed next to
  // the party of the previous ring it is linked to.
  function rings(data) {
    var hop = {}, links = {}, angle = {}, pos = {}, byHop = [];
    data.nodes.forEach(function (n) { hop[n.id] = n.hops || 0; (byHop[n.hops || 0] = byHop[n.hops || 0] || []).push(n.id); });
    data.edges.forEach(function (e) {
      (links[e.source] = links[e.source] || []).push(e.target);
      (links[e.target] = links[e.target] || []).push(e.source);
    });
    byHop.forEach(function (ids, h) {
      if (!ids) { return; }
      var key = {};
      ids.forEach(function (id) {
        var up = (links[id] || []).filter(function (o) { return hop[o] === h - 1 && o in angle; });
        key[id] = up.length ? angle[up[0]] : 0;
      });
      ids.sort(function (a, b) { return key[a] - key[b]; });
      var radius = h === 0 ? 0 : Math.max(h * 160, ids.length * 18 / (2 * Math.PI));
      ids.forEach(function (id, i) {
        var a = ids.length > 1 || h > 0 ? 2 * Math.PI * i / ids.length : 0;
        angle[id] = a;
        pos[id] = { x: radius * Math.cos(a), y: radius * Math.sin(a) };
      });
    });
    return pos;
  }

  // A small network is laid out by force (cose); a large one gets ring positions and is drawn
  // once. Creating the renderer and adding the elements run as separate tasks, so the page's
  // main thread is never held long in one go; resolves with the milliseconds it took.
  function render(box, data) {
    var started = performance.now();
    var big = data.nodes.length > 150;
    var pos = big ? rings(data) : null;
    var elements = data.nodes.map(function (n) {
      var kind = n.kind || "listed";  // colour as data: a style function would defeat caching
      var el = { data: { id: n.id, label: label(n), hop: n.hops || 0, kind: kind, color: COLORS[kind] || "#444", listed: !!n.list } };
      if (pos) { el.position = pos[n.id]; }
      return el;
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind } };
    }));
    if (cy) { cy.destroy(); cy = null; }
    var inst = null;
    var next = function (step) { return new Promise(function (resolve) { setTimeout(function () { resolve(step()); }, 0); }); };
    var layout = big
      ? { name: "preset", fit: true, padding: 20 }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, numIter: 600 };
    return next(function () {
      inst = cy = window.cytoscape({
        container: box,
        elements: [],
        minZoom: 0.05,
        maxZoom: 3,
        pixelRatio: big ? 1 : "auto",
        textureOnViewport: big,
        hideEdgesOnViewport: big,
        style: [
          { selector: "node", style: { "background-color": "data(color)",
            "label": big ? "" : "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 140,
            "width": 14, "height": 14, "color": "#1b1f24" } },
          { selector: "node[hop = 0]", style: { "width": 26, "height": 26, "border-width": 3, "border-color": "#f5a623",
            "label": "data(label)", "font-weight": "bold" } },
          { selector: "edge", style: { "width": 1, "line-color": "#9aa4ae", "curve-style": big ? "haystack" : "bezier",
            "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#9aa4ae" } },
          { selector: "edge[kind = 'ownership']", style: { "line-color": "#17663a", "target-arrow-color": "#17663a", "width": 2 } }
        ]
      });
      inst.on("tap", "node", function (event) {
        var node = event.target;
        if (node.data("listed") && node.data("hop") !== 0) { window.location.href = box.dataset.base + encodeURIComponent(node.id()); }
      });
    })
      .then(function () {
        if (!big) { return next(function () { inst.add(elements); inst.layout(layout).run(); }); }
        // a large network goes in by chunks, each drawn in its own frame: Cytoscape draws a
        // node's picture once and keeps it, so no one frame has to draw the whole graph afresh
        // the view is set before anything is drawn (a later fit would redraw every picture)
        var extent = 20;
        elements.forEach(function (el) { if (el.position) { extent = Math.max(extent, Math.abs(el.position.x), Math.abs(el.position.y)); } });
        var zoom = Math.min(box.clientWidth, box.clientHeight) / (2 * extent + 40);
        inst.viewport({ zoom: zoom, pan: { x: box.clientWidth / 2, y: box.clientHeight / 2 } });
        var chain = Promise.resolve();
        for (var i = 0; i < elements.length; i += CHUNK) {
          chain = chain.then(addChunk(inst, elements.slice(i, i + CHUNK)));
        }
        return chain;
      })
      .then(function () { return performance.now() - started; });
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
        list(ul, box, data);
        return render(box, data).then(function (drawn) {
          status.textContent = data.nodes.length + " parties, " + data.edges.length + " links" + (data.truncated ? " (the nearest shown)" : "");
          window.clearanceNetwork = { hops: hops, nodes: data.nodes.length, edges: data.edges.length, fetchMs: fetched, renderMs: drawn, labels: data.nodes.map(label) };
          box.dataset.ready = String(hops);
        });
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
