// The live view: draws the monitor's state pushed as server-sent events. Every name and text from the
// monitor is data: it reaches the page only through textContent and attribute setters, never as markup.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WINDOW_MS = 5 * 60 * 1000, SHORTEST_MS = 60 * 1000;
  const SEVERITY = { low: ["#e0b400", 4], medium: ["#ee7d1c", 5.5], high: ["#d42a3c", 7], critical: ["#6d0f2a", 8.5] };

  function el(name, attrs, text) {
    const e = document.createElement(name);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function svg(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function clock(ms) { return new Date(ms).toLocaleTimeString([], { hour12: false }); }
  function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function table(headers, rows, empty) {
    if (rows.length === 0) return el("p", { class: "empty" }, empty);
    const t = el("table"), head = el("tr");
    headers.forEach(h => head.appendChild(el("th", h[1] ? { class: h[1] } : {}, h[0])));
    t.appendChild(el("thead")).appendChild(head);
    const body = t.appendChild(el("tbody"));
    rows.forEach(r => body.appendChild(r));
    return t;
  }
  function cell(row, text, cls) { return row.appendChild(el("td", cls ? { class: cls } : {}, text)); }
  function button(label, onClick) { const b = el("button", { type: "button" }, label); b.addEventListener("click", onClick); return b; }

  function counts(s) {
    const c = s.counts, dl = document.getElementById("counts");
    const facts = [["events observed", c.observed], ["allowed", c.allowed], ["flagged", c.flagged], ["blocked", c.blocked],
      ["withheld", c.withheld], ["violations", c.violations], ["held back by cooldown", c.suppressed],
      ["engine errors", c.engineErrors], ["audit failures", c.auditFailures], ["watch queue", c.watchQueue]];
    dl.replaceChildren(...facts.map(([k, v]) => {
      const d = el("div", { class: "fact", "data-fact": k });
      d.appendChild(el("dt", {}, k));
      d.appendChild(el("dd", {}, v));
      return d;
    }));
  }

  function timeline(s) {
    const values = Object.keys(s.byValue).sort();
    const W = 960, LEFT = 150, RIGHT = 40, TOP = 10, LANE = 34;
    // The last five minutes, or since the start; never less than a minute, so the marks of a burst stay apart.
    const end = s.now, span = Math.min(WINDOW_MS, Math.max(SHORTEST_MS, end - s.started)), start = end - span;
    const h = TOP + Math.max(1, values.length) * LANE + 40;
    const root = svg("svg", { class: "chart timeline", viewBox: "0 0 " + W + " " + h, width: "100%", role: "img",
      "aria-label": "violations over time, one lane per value" });
    const plot = W - LEFT - RIGHT;
    values.forEach((v, i) => {
      const y = TOP + i * LANE, g = root.appendChild(svg("g", { class: "lane", "data-lane": v }));
      g.appendChild(svg("rect", { class: "lane-bg " + (i % 2 ? "odd" : "even"), x: LEFT, y: y, width: plot, height: LANE }));
      g.appendChild(svg("text", { class: "lane-label", x: LEFT - 10, y: y + LANE / 2 + 4, "text-anchor": "end" },
        clip(v, 20) + " (" + s.byValue[v] + ")"));
    });
    const axisY = TOP + Math.max(1, values.length) * LANE, axis = root.appendChild(svg("g", { class: "axis" }));
    for (let i = 0; i <= 5; i++) {
      const x = LEFT + plot * i / 5;
      axis.appendChild(svg("line", { class: "grid", x1: x, y1: TOP, x2: x, y2: axisY }));
      axis.appendChild(svg("text", { x: x, y: axisY + 16, "text-anchor": "middle" }, clock(start + span * i / 5)));
    }
    if (values.length === 0) {
      root.appendChild(svg("text", { class: "empty", x: LEFT + plot / 2, y: TOP + LANE / 2 + 5, "text-anchor": "middle" },
        "no violation yet"));
    }
    s.violations.forEach(v => {
      if (v.time < start) return;
      const lane = values.indexOf(v.value), sev = SEVERITY[v.severity] || SEVERITY.medium;
      const m = root.appendChild(svg("circle", { class: "mark sev-" + v.severity, "data-violation": v.id,
        cx: LEFT + plot * (v.time - start) / span, cy: TOP + lane * LANE + LANE / 2, r: sev[1], fill: sev[0],
        "fill-opacity": "0.85", stroke: "#ffffff", "stroke-width": "0.8" }));
      m.appendChild(svg("title", {}, clock(v.time) + " " + v.rule + " (" + v.severity + "): " + v.explanation));
    });
    document.getElementById("timeline-chart").replaceChildren(root);
  }

  function graph(s) {
    const agents = s.agents.map(a => a.name).sort(), n = agents.length;
    const size = Math.max(520, 160 + n * 22), c = size / 2, ring = c - 80;
    const longest = agents.reduce((m, a) => Math.max(m, clip(a, 18).length), 0), pad = Math.max(0, 7.5 * longest - 50);
    const root = svg("svg", { class: "chart graph", viewBox: (-pad) + " 0 " + (size + 2 * pad) + " " + size,
      width: "100%", role: "img", "aria-label": "the agents' interaction graph" });
    root.style.maxWidth = (size + 2 * pad) + "px";
    const defs = root.appendChild(svg("defs"));
    [["arrow", "#9aa5b4"], ["arrow-flagged", "#d42a3c"]].forEach(([id, color]) => {
      const mk = defs.appendChild(svg("marker", { id: id, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7",
        markerHeight: "7", orient: "auto-start-reverse" }));
      mk.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
    });
    const at = {};
    agents.forEach((a, i) => {
      const t = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
      at[a] = [c + ring * Math.cos(t), c + ring * Math.sin(t), t];
    });
    const edges = root.appendChild(svg("g", { class: "edges" }));
    s.edges.forEach(e => {
      const p = at[e.from], q = at[e.to];
      if (!p || !q || e.from === e.to) return;
      // Each direction is drawn a little to its own right, so a reply does not hide the message it answers.
      const dx = q[0] - p[0], dy = q[1] - p[1], d = Math.hypot(dx, dy) || 1, r = 19, ox = -dy / d * 4, oy = dx / d * 4;
      const line = edges.appendChild(svg("line", { class: "edge" + (e.flagged ? " flagged" : ""), "data-from": e.from,
        "data-to": e.to, x1: p[0] + dx * r / d + ox, y1: p[1] + dy * r / d + oy, x2: q[0] - dx * r / d + ox, y2: q[1] - dy * r / d + oy,
        "stroke-width": Math.min(6, 1 + Math.log2(e.count)), "marker-end": "url(#" + (e.flagged ? "arrow-flagged" : "arrow") + ")" }));
      line.appendChild(svg("title", {}, e.from + " → " + e.to + ": " + e.count + " messages"));
    });
    const nodes = root.appendChild(svg("g", { class: "nodes" }));
    s.agents.forEach(a => {
      const p = at[a.name];
      const g = nodes.appendChild(svg("g", { class: "node" + (a.sanction ? " sanctioned" : ""), "data-agent": a.name }));
      g.appendChild(svg("circle", { class: "body", cx: p[0], cy: p[1], r: 17 }));
      const out = 17 + 14, lx = p[0] + Math.cos(p[2]) * out, ly = p[1] + Math.sin(p[2]) * out + 4;
      const anchor = Math.abs(Math.cos(p[2])) < 0.3 ? "middle" : Math.cos(p[2]) > 0 ? "start" : "end";
      g.appendChild(svg("text", { class: "agent-name", x: lx, y: ly, "text-anchor": anchor }, clip(a.name, 18)));
      g.appendChild(svg("title", {}, a.name + ": " + a.sent + " messages sent, " + a.violations + " violations"
        + (a.sanction ? ", " + a.sanction + " in force" : "")));
      if (a.violations > 0) {
        const b = g.appendChild(svg("g", { class: "badge" }));
        b.appendChild(svg("circle", { cx: p[0] + 13, cy: p[1] - 13, r: 9 }));
        b.appendChild(svg("text", { x: p[0] + 13, y: p[1] - 9.5, "text-anchor": "middle" }, a.violations > 99 ? "99+" : a.violations));
      }
    });
    if (n === 0) root.appendChild(svg("text", { class: "empty", x: c, y: c, "text-anchor": "middle" }, "no agent seen yet"));
    const box = document.getElementById("graph-chart");
    box.replaceChildren(root);
    if (s.agentsOmitted > 0 || s.edgesOmitted > 0) {
      box.appendChild(el("p", { class: "note" }, "Not drawn: " + s.agentsOmitted + " events of agents beyond the first "
        + n + ", " + s.edgesOmitted + " messages on pairs beyond the first " + s.edges.length + "."));
    }
  }

  function sanctions(s) {
    const rows = s.sanctions.map(x => {
      const r = el("tr", { "data-agent": x.agent, "data-kind": x.kind });
      cell(r, x.agent);
      cell(r, x.kind);
      cell(r, clock(x.since));
      cell(r, x.until === null ? "until released" : clock(x.until) + " (in " + Math.max(0, Math.round((x.until - s.now) / 1000)) + " s)");
      cell(r, x.rule, "rule");
      r.appendChild(el("td")).appendChild(button("Release", () => act("/release", { agent: x.agent })));
      return r;
    });
    document.getElementById("sanctions-table").replaceChildren(
      table([["agent"], ["sanction"], ["since"], ["ends"], ["for the rule"], [""]], rows, "No agent is muted or quarantined."));
  }

  function reputations(s) {
    const rows = s.agents.slice().sort((a, b) => a.reputation - b.reputation || (a.name < b.name ? -1 : 1)).map(a => {
      const r = el("tr", { "data-agent": a.name });
      cell(r, a.name);
      const td = cell(r, "", "num");
      const bar = td.appendChild(el("span", { class: "bar" + (a.reputation < 0.5 ? " low" : "") }));
      bar.style.width = Math.round(a.reputation * 120) + "px";
      td.appendChild(document.createTextNode(a.reputation.toFixed(2)));
      cell(r, a.sent, "num");
      cell(r, a.violations, "num");
      return r;
    });
    document.getElementById("reputations-table").replaceChildren(
      table([["agent"], ["reputation", "num"], ["messages sent", "num"], ["violations", "num"]], rows, "No agent seen yet."));
  }

  function violations(s) {
    const rows = s.violations.slice().reverse().map(v => {
      const r = el("tr", { class: "sev-" + v.severity + (v.acknowledgedBy ? " acknowledged" : ""), "data-violation": v.id });
      cell(r, clock(v.time), "num");
      cell(r, v.value);
      const sev = r.appendChild(el("td")).appendChild(el("span", { class: "sev" }, v.severity));
      sev.style.background = (SEVERITY[v.severity] || SEVERITY.medium)[0];
      cell(r, v.rule, "rule");
      cell(r, v.agents.join(", "));
      cell(r, v.explanation, "explanation");
      cell(r, v.decision + (v.sanctions.length ? "; " + v.sanctions.join("; ") : ""));
      const last = r.appendChild(el("td"));
      if (v.acknowledgedBy) last.textContent = "acknowledged by " + v.acknowledgedBy;
      else last.appendChild(button("Acknowledge", () => act("/acknowledge", { violation: v.id })));
      return r;
    });
    document.getElementById("violations-table").replaceChildren(table([["time", "num"], ["value"], ["severity"], ["rule"],
      ["agents"], ["explanation"], ["decision and sanctions"], [""]], rows, "No violation yet."));
  }

  function system(s) {
    const rows = s.system.slice().reverse().map(a => {
      const r = el("tr", { "data-kind": a.kind });
      cell(r, clock(a.time), "num");
      cell(r, a.kind);
      cell(r, a.message, "explanation");
      return r;
    });
    document.getElementById("system-table").replaceChildren(table([["time", "num"], ["kind"], ["message"]], rows,
      "Nothing from the monitor yet."));
  }

  function draw(s) {
    counts(s); timeline(s); graph(s); sanctions(s); reputations(s); violations(s); system(s);
  }

  async function act(path, body) {
    const answer = document.getElementById("answer");
    body.operator = document.getElementById("operator").value;
    const token = document.getElementById("token").value.trim();
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    try {
      const res = await fetch(path, { method: "POST", headers: headers, body: JSON.stringify(body) });
      answer.textContent = (await res.text()).trim();
      answer.className = res.ok ? "done" : "refused";
    } catch (e) {
      answer.textContent = "the live view did not answer: " + e;
      answer.className = "refused";
    }
  }

  function connect() {
    const status = document.getElementById("status");
    const source = new EventSource("/events");
    source.addEventListener("state", ev => {
      status.textContent = "live";
      status.dataset.state = "live";
      draw(JSON.parse(ev.data));
    });
    source.onerror = () => {
      status.textContent = "connection lost, retrying";
      status.dataset.state = "lost";
    };
  }

  document.addEventListener("DOMContentLoaded", connect);
})();
