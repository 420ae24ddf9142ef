/* actorgraph view: builds the network from the JSON block. Every string from
   the data reaches the page through textContent or as a canvas label, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ag-data").textContent);
  var polarity = {};
  data.polarity.forEach(function (p) { polarity[p.value] = p; });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function nodeTip(n) {
    var d = el("div", "ag-tip");
    d.appendChild(el("b", null, n.label));
    d.appendChild(el("div", "ag-meta", n.type.toLowerCase() + " · " + n.mentions + " mention" + (n.mentions === 1 ? "" : "s")));
    if (n.aliases.length) d.appendChild(el("div", null, "Also: " + n.aliases.join(", ")));
    d.appendChild(el("div", "ag-meta", "id: " + n.id));
    return d;
  }

  function edgeTip(e) {
    var d = el("div", "ag-tip");
    var arrow = e.arrows ? " → " : " — ";
    d.appendChild(el("b", null, nodeData[e.from].label + arrow + e.type + arrow + nodeData[e.to].label));
    var meta = polarity[e.polarity].label + " · " + e.count + " statement" + (e.count === 1 ? "" : "s") +
      " · confidence " + e.confidence.toFixed(2);
    if (e.first_seen) meta += " · " + e.first_seen + (e.last_seen !== e.first_seen ? " – " + e.last_seen : "");
    d.appendChild(el("div", "ag-meta", meta));
    e.evidence.forEach(function (ev) {
      var q = el("blockquote", null, ev.sentence);
      var where = [ev.source];
      if (ev.line !== null) where.push("line " + ev.line);
      if (ev.date) where.push(ev.date);
      where.push("confidence " + ev.confidence.toFixed(2));
      if (ev.flags) where.push(ev.flags);
      q.appendChild(el("cite", null, where.join(" · ")));
      d.appendChild(q);
    });
    if (e.count > e.evidence.length) d.appendChild(el("div", "ag-meta", "and " + (e.count - e.evidence.length) + " more"));
    return d;
  }

  function nodeDetails(n) {
    var d = nodeTip(n);
    var mine = data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; });
    mine.sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
    d.appendChild(el("h3", "ag-rel-head", mine.length ? "Relations (" + mine.length + ")" : "No relations"));
    mine.forEach(function (e) { var t = edgeTip(e); t.className += " ag-rel"; d.appendChild(t); });
    return d;
  }

  var nodeData = {}, edgeData = {};
  data.nodes.forEach(function (n) { nodeData[n.id] = n; });
  data.edges.forEach(function (e) { edgeData[e.id] = e; });

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var style = data.actor_types[n.type];
    var item = { id: n.id, label: n.label, shape: style.shape, size: n.size, title: nodeTip(n),
      color: { background: style.color, border: style.border,
               highlight: { background: style.color, border: "#111" },
               hover: { background: style.color, border: "#111" } } };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var color = polarity[e.polarity].color;
    return { id: e.id, from: e.from, to: e.to, rel: e.type, polarity: e.polarity, count: e.count,
      confidence: e.confidence, width: e.width, smooth: e.smooth,
      label: data.edge_labels ? e.type : undefined,
      arrows: e.arrows ? "to" : "", color: { color: color, highlight: color, hover: color, opacity: 0.8 } };
  }));

  // -- filters ---------------------------------------------------------------
  var state = { types: {}, polarity: {}, minCount: 1, minConf: 0, isolated: false, linked: {} };
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return state.polarity[e.polarity] && state.types[e.rel] && e.count >= state.minCount && e.confidence >= state.minConf;
  } });
  // Actors without a relation drawn are hidden unless the toggle asks for them.
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.isolated || state.linked[n.id]; } });
  var isolatedBox = $("ag-show-isolated");
  isolatedBox.addEventListener("change", function () { state.isolated = isolatedBox.checked; refresh(); });

  var typeCounts = {};
  data.edges.forEach(function (e) { typeCounts[e.type] = (typeCounts[e.type] || 0) + 1; });
  var filters = $("ag-type-filters");
  data.polarity.forEach(function (p) {
    var pol = p.value;
    var types = data.types.filter(function (t) { return t.polarity === pol && typeCounts[t.type]; });
    state.polarity[pol] = true;
    if (!types.length) return;
    var group = el("div", "ag-group");
    var head = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.dataset.polarity = pol;
    head.appendChild(box);
    var line = el("span", "ag-line"); line.style.borderColor = p.color; head.appendChild(line);
    head.appendChild(el("span", null, p.label));
    group.appendChild(head);
    var list = el("ul", "ag-legend");
    types.forEach(function (t) {
      state.types[t.type] = true;
      var li = el("li"), lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.dataset.type = t.type;
      cb.addEventListener("change", function () { state.types[t.type] = cb.checked; refresh(); });
      lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + t.type));
      li.appendChild(lab); li.appendChild(el("span", "ag-count", typeCounts[t.type]));
      list.appendChild(li);
    });
    box.addEventListener("change", function () { state.polarity[pol] = box.checked; list.style.opacity = box.checked ? 1 : 0.4; refresh(); });
    group.appendChild(list);
    filters.appendChild(group);
  });
  data.types.forEach(function (t) { if (!(t.type in state.types)) state.types[t.type] = true; });

  var maxCount = data.edges.reduce(function (m, e) { return Math.max(m, e.count); }, 1);
  var countInput = $("ag-min-count"), confInput = $("ag-min-conf");
  countInput.max = String(maxCount);
  function readRanges() {
    state.minCount = Number(countInput.value);
    state.minConf = Number(confInput.value);
    $("ag-min-count-out").textContent = String(state.minCount);
    $("ag-min-conf-out").textContent = state.minConf.toFixed(2);
  }
  countInput.addEventListener("input", function () { readRanges(); refresh(); });
  confInput.addEventListener("input", function () { readRanges(); refresh(); });
  readRanges();

  function refresh() {
    edgeView.refresh();
    state.linked = {};
    edgeView.get().forEach(function (e) { state.linked[e.from] = state.linked[e.to] = true; });
    nodeView.refresh();
    var alone = data.nodes.length - Object.keys(state.linked).length;
    $("ag-isolated-count").textContent = String(alone);
    $("ag-stats").textContent = nodeView.length + " of " + data.nodes.length + " actors · " + edgeView.length + " of " +
      data.edges.length + " relations shown";
  }

  // -- legend, notes, search ---------------------------------------------------
  var legend = $("ag-node-legend");
  Object.keys(data.actor_types).forEach(function (type) {
    var s = data.actor_types[type], n = data.nodes.filter(function (x) { return x.type === type; }).length;
    var li = el("li"), sw = el("span", "ag-swatch " + s.shape);
    sw.style.background = s.color;
    li.appendChild(sw); li.appendChild(el("span", null, type.toLowerCase())); li.appendChild(el("span", "ag-count", n));
    legend.appendChild(li);
  });
  if (data.dropped.nodes) {
    var note = $("ag-dropped");
    note.textContent = data.dropped.nodes + " actors and " + data.dropped.edges +
      " relations not shown: above the limit of " + data.dropped.limit + " actors, the most mentioned are kept.";
    note.hidden = false;
  }
  var datalist = $("ag-actor-list");
  data.nodes.forEach(function (n) { var o = el("option"); o.value = n.label; datalist.appendChild(o); });

  function findActor(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var names = function (n) { return [n.label, n.id].concat(n.aliases, n.names || []).map(function (s) { return s.toLowerCase(); }); };
    var exact = data.nodes.filter(function (n) { return names(n).indexOf(q) >= 0; });
    if (exact.length) return exact[0].id;
    var part = data.nodes.filter(function (n) { return names(n).some(function (s) { return s.indexOf(q) >= 0; }); });
    part.sort(function (a, b) { return b.mentions - a.mentions; });
    return part.length ? part[0].id : null;
  }

  var details = $("ag-details");
  function show(tip) { details.replaceChildren(tip); }

  // -- network -----------------------------------------------------------------
  refresh();  // the actors to draw, before the network lays them out
  var network = new vis.Network($("ag-graph"), { nodes: nodeView, edges: edgeView }, data.options);

  function focusActor(id) {
    if (!nodeView.get(id)) { isolatedBox.checked = state.isolated = true; refresh(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1.0, network.getScale()), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    show(nodeDetails(nodeData[id]));
  }

  // -- edge tooltips: every edge under the pointer, nearest first (vis-network shows one) --
  var graphEl = $("ag-graph"), edgeTipEl = $("ag-edge-tip"), HOVER_PX = 6;
  function edgesAt(dom) {
    var c = network.DOMtoCanvas(dom), reach = HOVER_PX / network.getScale(), found = [];
    network.body.edgeIndices.forEach(function (id) {
      var h = network.body.edges[id];
      if (!h.connected || !edgeData[id]) return;
      var d = h.edgeType.getDistanceToEdge(h.from.x, h.from.y, h.to.x, h.to.y, c.x, c.y);
      if (d <= reach) found.push([d, id]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); });
    return found.map(function (f) { return f[1]; });
  }
  function hideEdgeTip() { edgeTipEl.hidden = true; edgeTipEl.dataset.edges = ""; }
  graphEl.addEventListener("mousemove", function (ev) {
    var r = graphEl.getBoundingClientRect(), dom = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    var ids = network.getNodeAt(dom) === undefined ? edgesAt(dom) : [];
    if (!ids.length) { hideEdgeTip(); return; }
    var key = ids.join(" ");
    if (edgeTipEl.dataset.edges !== key) {
      edgeTipEl.replaceChildren.apply(edgeTipEl, ids.map(function (id) { return edgeTip(edgeData[id]); }));
      edgeTipEl.dataset.edges = key;
    }
    edgeTipEl.hidden = false;
    var x = Math.min(ev.clientX + 14, window.innerWidth - edgeTipEl.offsetWidth - 4);
    var y = Math.min(ev.clientY + 14, window.innerHeight - edgeTipEl.offsetHeight - 4);
    edgeTipEl.style.left = Math.max(0, x) + "px";
    edgeTipEl.style.top = Math.max(0, y) + "px";
  });
  graphEl.addEventListener("mouseleave", hideEdgeTip);

  // -- labels stay legible when the view is zoomed out to fit a big graph --
  var baseFont = data.options.nodes.font.size, shownFont = baseFont;
  function legibleLabels() {
    var size = Math.round(Math.min(4 * baseFont, Math.max(baseFont, data.label_px / network.getScale())));
    if (size !== shownFont) {
      shownFont = size;
      network.setOptions({ nodes: { font: { size: size } } });
    }
  }
  network.on("zoom", legibleLabels);
  $("ag-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = $("ag-search-input").value, id = findActor(query);
    $("ag-search-msg").textContent = id ? "" : "No actor matches \u201c" + query + "\u201d.";
    if (id) focusActor(id);
  });
  network.on("click", function (p) {
    var under = p.nodes.length ? [] : edgesAt(p.pointer.DOM);
    if (p.nodes.length) show(nodeDetails(nodeData[p.nodes[0]]));
    else if (under.length) show(edgeTip(edgeData[under[0]]));
  });

  function ready() {
    network.setOptions({ physics: false });
    network.fit();
    legibleLabels();
    window.actorgraphReady = true;
    document.body.dataset.ready = "true";
  }
  if (data.options.physics && data.nodes.length) network.once("stabilizationIterationsDone", ready);
  else ready();

  refresh();
  window.actorgraph = { network: network, nodes: nodes, edges: edges, edgeView: edgeView, nodeView: nodeView,
    edgesAt: edgesAt, fontSize: function () { return shownFont; },
    data: data, findActor: findActor, focusActor: focusActor, state: state, refresh: refresh };
})();
