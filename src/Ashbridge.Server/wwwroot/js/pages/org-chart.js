// The org chart page: reads the chart from the API, lays it out with d3-hierarchy's tree (wwwroot/lib/d3-hierarchy) and
// draws it as SVG. People fold and unfold their teams (click, Enter or Space); open roles open their "Add manager" form;
// search reveals and highlights a match; the view zooms and pans by wheel and drag, and by buttons for keyboard users.
(() => {
  "use strict";
  const host = document.getElementById("org-chart");
  if (!host || !window.d3) return;

  const SVG = "http://www.w3.org/2000/svg";
  const ROOT = "__hub";
  const W = 208, H = 66, GAP_X = 20, GAP_Y = 54, OPEN_DEPTH = 2;
  const status = document.getElementById("org-status");
  const byId = new Map();
  const children = new Map();
  const collapsed = new Set();
  let svg, stage, linkLayer, nodeLayer;
  let laidOut = new Map();
  let view = { k: 1, x: 0, y: 0 };
  let hitId = null;
  let lastQuery = "", lastIndex = -1;

  const say = text => { if (status) status.textContent = text; };

  const make = (name, attrs, text) => {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) if (value !== null && value !== undefined) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const clip = (text, max) => !text ? "" : text.length > max ? text.slice(0, max - 1) + "…" : text;

  const kids = id => children.get(id) || [];

  const descendants = id => kids(id).reduce((count, child) => count + 1 + descendants(child.id), 0);

  const ancestors = node => {
    const chain = [];
    for (let at = node.parentId && byId.get(node.parentId); at; at = at.parentId && byId.get(at.parentId)) chain.push(at);
    return chain;
  };

  fetch(host.dataset.source, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(response => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
    .then(start)
    .catch(() => say("The chart could not be loaded; reload the page to try again."));

  function start(chart) {
    for (const node of chart.nodes) byId.set(node.id, node);
    for (const node of chart.nodes) {
      const parent = node.parentId && byId.has(node.parentId) ? node.parentId : ROOT;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(node);
    }
    // People first, then roles, each by name: a manager's team reads before their openings.
    for (const list of children.values()) list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "person" ? -1 : 1) || a.name.localeCompare(b.name));
    // A chart of 1,000 people opens readable: teams below the second level start folded.
    const fold = (id, depth) => { for (const child of kids(id)) { if (kids(child.id).length > 0 && depth >= OPEN_DEPTH - 1) collapsed.add(child.id); fold(child.id, depth + 1); } };
    fold(ROOT, 0);

    svg = make("svg", { class: "org-svg", role: "group", "aria-label": `Org chart: ${chart.people} people and ${chart.roles} open roles` });
    stage = make("g", { class: "org-stage" });
    linkLayer = make("g", { class: "org-links", "aria-hidden": "true" });
    nodeLayer = make("g", { class: "org-nodes" });
    stage.append(linkLayer, nodeLayer);
    svg.append(stage);
    host.append(svg);
    wire();
    render();
    fit();
    const find = host.dataset.find;
    if (find) search(find);
  }

  function render() {
    const root = window.d3.hierarchy({ id: ROOT }, d => (d.id === ROOT || !collapsed.has(d.id)) ? (kids(d.id).length ? kids(d.id) : null) : null);
    window.d3.tree().nodeSize([W + GAP_X, H + GAP_Y]).separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(root);
    laidOut = new Map();
    linkLayer.replaceChildren();
    nodeLayer.replaceChildren();
    for (const item of root.descendants()) {
      if (item.data.id === ROOT) continue;
      laidOut.set(item.data.id, item);
      if (item.parent && item.parent.data.id !== ROOT) {
        const mid = item.parent.y + H + GAP_Y / 2;
        linkLayer.append(make("path", { d: `M${item.parent.x},${item.parent.y + H}V${mid}H${item.x}V${item.y}`, class: item.data.kind === "role" ? "link to-role" : "link" }));
      }
      nodeLayer.append(drawNode(item));
    }
    apply();
  }

  function drawNode(item) {
    const node = item.data;
    const teamSize = kids(node.id).length;
    const folded = collapsed.has(node.id) && teamSize > 0;
    const flags = node.flags || [];
    const classes = ["node", node.kind];
    if (flags.some(f => f === "removed" || f === "manager-removed" || f === "no-manager" || f === "loop")) classes.push("flagged");
    if (flags.includes("removed")) classes.push("removed");
    if (node.id === hitId) classes.push("hit");
    const subtitle = node.kind === "role" ? ["Open role", node.department].filter(Boolean).join(" · ") : node.title || node.email || "";
    const note = flags.includes("removed") ? `Removed: ${node.removedReason || "left"}`
      : flags.includes("manager-removed") ? "⚠ Manager removed"
      : flags.includes("no-manager") ? "⚠ No manager yet"
      : flags.includes("filled-role") ? `Filled: ${node.filledRole}`
      : flags.includes("outside-department") ? "Other department"
      : node.kind === "role" ? (node.placement === "placed" ? "Placed by an admin" : node.placement === "suggested" ? "Suggested: hiring manager" : "")
      : "";
    const g = make("g", {
      class: classes.join(" "), transform: `translate(${item.x - W / 2},${item.y})`, tabindex: "0", role: "button",
      "aria-expanded": teamSize ? String(!folded) : null,
      "data-id": node.id, "data-parent": node.parentId || "", "data-kind": node.kind,
    });
    // The box's own text is its accessible name (what is seen is what is said); the title adds the whole of it.
    g.append(make("title", {}, [node.name, subtitle, node.email, note, teamSize ? `${teamSize} direct ${teamSize === 1 ? "report" : "reports"}` : "",
      node.kind === "role" ? "opens its Add manager form" : ""].filter(Boolean).join(" · ")));
    g.append(make("rect", { width: W, height: H, rx: 8, ry: 8, class: "box" }));
    g.append(make("text", { x: 12, y: 22, class: "name" }, clip(node.name, 26)));
    g.append(make("text", { x: 12, y: 40, class: "sub" }, clip(subtitle, 30)));
    if (note) g.append(make("text", { x: 12, y: 57, class: "note" }, clip(note, 30)));
    if (teamSize) {
      g.append(make("rect", { x: W - 44, y: 6, width: 36, height: 20, rx: 10, class: "badge-box" }));
      g.append(make("text", { x: W - 26, y: 20, class: "badge-text", "text-anchor": "middle", "aria-hidden": "true" }, folded ? `+${descendants(node.id)}` : "−"));
    }
    return g;
  }

  function activate(g) {
    const node = byId.get(g.dataset.id);
    if (!node) return;
    if (node.kind === "role") {
      location.assign(`/org-chart/place?connection=${encodeURIComponent(node.connection)}&posting=${encodeURIComponent(node.postingId)}`);
      return;
    }
    if (!kids(node.id).length) return;
    const before = laidOut.get(node.id);
    if (collapsed.has(node.id)) collapsed.delete(node.id); else collapsed.add(node.id);
    render();
    // Keep the node where it was on screen, so the team folds around it.
    const after = laidOut.get(node.id);
    view.x += (before.x - after.x) * view.k;
    view.y += (before.y - after.y) * view.k;
    apply();
    const again = nodeLayer.querySelector(`[data-id="${CSS.escape(node.id)}"]`);
    if (again) again.focus({ preventScroll: true });
    say(`${node.name}'s team is ${collapsed.has(node.id) ? "folded" : "unfolded"}.`);
  }

  function apply() {
    stage.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
  }

  function zoom(factor, cx, cy) {
    const k = Math.min(2.5, Math.max(0.08, view.k * factor));
    const px = cx ?? host.clientWidth / 2, py = cy ?? host.clientHeight / 2;
    view = { k, x: px - (px - view.x) * (k / view.k), y: py - (py - view.y) * (k / view.k) };
    apply();
  }

  function fit() {
    if (!laidOut.size) return;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const item of laidOut.values()) {
      minX = Math.min(minX, item.x - W / 2); maxX = Math.max(maxX, item.x + W / 2);
      minY = Math.min(minY, item.y); maxY = Math.max(maxY, item.y + H);
    }
    const width = host.clientWidth || 800, height = host.clientHeight || 500, pad = 24;
    const k = Math.min(1, (width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
    view = { k, x: (width - (maxX - minX) * k) / 2 - minX * k, y: pad - minY * k };
    apply();
  }

  function centerOn(id) {
    const item = laidOut.get(id);
    if (!item) return;
    if (view.k < 0.6) view.k = 0.8;
    view.x = host.clientWidth / 2 - item.x * view.k;
    view.y = host.clientHeight / 2 - (item.y + H / 2) * view.k;
    apply();
  }

  function search(text) {
    const query = text.trim().toLowerCase();
    if (!query) { say("Type a name, e-mail or title to find."); return; }
    const matches = [...byId.values()].filter(n => [n.name, n.email, n.title].some(v => v && v.toLowerCase().includes(query)));
    if (!matches.length) { hitId = null; render(); say(`Nobody and no role matches “${text.trim()}”.`); return; }
    lastIndex = query === lastQuery ? (lastIndex + 1) % matches.length : 0;
    lastQuery = query;
    const target = matches[lastIndex];
    for (const above of ancestors(target)) collapsed.delete(above.id);
    hitId = target.id;
    render();
    centerOn(target.id);
    const g = nodeLayer.querySelector(`[data-id="${CSS.escape(target.id)}"]`);
    if (g) g.focus({ preventScroll: true });
    const manager = target.parentId && byId.get(target.parentId);
    say(`Found ${target.name}${target.kind === "role" ? " (open role)" : ""}${manager ? `, under ${manager.name}` : ", at the top"}` +
      (matches.length > 1 ? ` — match ${lastIndex + 1} of ${matches.length}; press Find again for the next.` : "."));
  }

  function wire() {
    nodeLayer.addEventListener("click", event => {
      const g = event.target instanceof Element ? event.target.closest("g.node") : null;
      if (g && !moved) activate(g);
    });
    nodeLayer.addEventListener("keydown", event => {
      const g = event.target instanceof Element ? event.target.closest("g.node") : null;
      if (g && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); activate(g); }
    });

    // Pan by dragging; a drag that moved is not a click on the node it started on.
    let drag = null, moved = false;
    svg.addEventListener("pointerdown", event => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
      moved = false;
    });
    svg.addEventListener("pointermove", event => {
      if (!drag) return;
      const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      if (!moved) { moved = true; svg.setPointerCapture(event.pointerId); svg.classList.add("panning"); }
      view.x = drag.vx + dx; view.y = drag.vy + dy;
      apply();
    });
    const end = () => { drag = null; svg.classList.remove("panning"); setTimeout(() => { moved = false; }, 0); };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("wheel", event => {
      event.preventDefault();
      const box = svg.getBoundingClientRect();
      zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });

    // Keyboard users: the arrow keys pan and + / - zoom while the drawing has focus.
    host.addEventListener("keydown", event => {
      if (event.target !== host) return;
      const step = 60;
      const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (moves[event.key]) { event.preventDefault(); view.x += moves[event.key][0]; view.y += moves[event.key][1]; apply(); }
      else if (event.key === "+" || event.key === "=") zoom(1.25);
      else if (event.key === "-") zoom(0.8);
    });

    const on = (id, handler) => { const button = document.getElementById(id); if (button) button.addEventListener("click", handler); };
    on("zoom-in", () => { zoom(1.25); say(`Zoom ${Math.round(view.k * 100)}%.`); });
    on("zoom-out", () => { zoom(0.8); say(`Zoom ${Math.round(view.k * 100)}%.`); });
    on("zoom-fit", () => { fit(); say("The whole chart is in view."); });
    on("expand-all", () => { collapsed.clear(); render(); fit(); say("Every team is unfolded."); });
    on("collapse-all", () => {
      for (const id of byId.keys()) if (kids(id).length) collapsed.add(id);
      render(); fit(); say("Every team is folded.");
    });
    const form = document.getElementById("org-search");
    if (form) form.addEventListener("submit", event => { event.preventDefault(); search(document.getElementById("org-find").value); });
  }
})();
