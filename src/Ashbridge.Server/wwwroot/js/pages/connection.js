// A connection's page: the live progress of the pass it waits for, and the run history's charts (uPlot).
// Data comes from /api/connections/{name}/runs; the run history table itself is a [data-live] region that ui.js
// redraws when the hub's pulse changes, and the charts follow it ("ashbridge:redrawn").
(function () {
  "use strict";

  const json = async url => {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error("The hub answered " + response.status + ".");
    return response.json();
  };
  const word = outcome => outcome === "notRun" ? "not run" : String(outcome).toLowerCase();
  const badgeKind = outcome => outcome === "succeeded" ? "ok" : outcome === "running" || outcome === "skipped" || outcome === "notRun" ? "warn" : "bad";
  function badge(outcome) {
    const span = document.createElement("span");
    span.className = "badge " + badgeKind(outcome);
    span.textContent = word(outcome);
    return span;
  }

  // Live progress. The page says which pass it waits for: the first run that started at or after data-since (Unix ms),
  // with data-trigger when given ("manual" after "Sync now"). That run is found whether it is still queued, running,
  // or already over by the time the page was drawn; the newest run alone could be an older one.
  const live = document.getElementById("live");
  if (live && live.dataset.since !== undefined) {
    const url = live.dataset.runsUrl;
    const since = Number(live.dataset.since);
    const trigger = live.dataset.trigger || null;
    const state = live.querySelector("[data-state]");
    const body = live.querySelector("tbody");
    const begun = Date.now();
    const matches = run => Date.parse(run.startedAt) >= since && (trigger === null || run.trigger === trigger);

    const follow = async () => {
      let runs;
      try {
        runs = await json(url + "?limit=50");
      } catch {
        state.textContent = "Progress unavailable for now: the hub did not answer. Trying again…";
        setTimeout(follow, 5000);
        return;
      }
      const run = runs.filter(matches).sort((a, b) => a.runId - b.runId)[0];
      live.hidden = false;
      if (!run) {
        // Queued behind a running pass, or the scheduler has not picked it up yet. Another process holding the
        // connection (the command line's sync) would keep it from ever starting: say so rather than wait forever.
        if (Date.now() - begun < 10 * 60 * 1000) {
          state.textContent = "Queued: waiting for the pass to start…";
          setTimeout(follow, 1000);
        } else {
          state.textContent = "Not started after 10 minutes: another pass may hold the connection. The run history shows the pass once it runs.";
        }
        return;
      }
      body.replaceChildren(...run.streams.map(s => {
        const row = document.createElement("tr");
        const cells = [s.stream, s.mode, badge(s.outcome), s.pages, s.new, s.changed, s.deleted];
        for (const value of cells) {
          const cell = document.createElement("td");
          if (value instanceof Node) cell.append(value); else cell.textContent = String(value);
          if (typeof value === "number") cell.className = "num";
          row.append(cell);
        }
        return row;
      }));
      if (run.outcome === "running") {
        state.textContent = "Pass " + run.runId + " (" + run.requestedMode + "): running";
        setTimeout(follow, 1000);
      } else {
        state.replaceChildren("Pass " + run.runId + " (" + run.requestedMode + ") finished: ", badge(run.outcome));
        // The history and streams are live regions: redraw them now the pass is over (ui.js's redraw), unless the
        // page was drawn with the pass already over.
        if (live.dataset.finished !== "true") window.ashbridge.redraw();
      }
    };
    follow();
  }

  // Charts: records written and duration per pass, over time. uPlot draws times in the browser's own time zone, so
  // the x-axis is the viewer's local time. Both y-axes are log scales: a connection's first (full) import writes
  // thousands of rows and takes minutes, the incremental passes after it a handful of rows in seconds; on a linear
  // scale the first bar would flatten every later one to nothing, and a toggle would hide that from the first look.
  const charts = document.getElementById("charts");
  if (!charts || typeof uPlot === "undefined") return;
  const plots = [];
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const pow10 = (value, round) => Math.pow(10, round(Math.log10(value)));

  function plot(element, yLabel, xs, ys, floor) {
    const values = ys.filter(v => v !== null);
    const ink = css("--muted") || "#555";
    const grid = css("--line") || "#ddd";
    const accent = css("--accent") || "#1d4ed8";
    const options = {
      width: Math.max(240, element.clientWidth),
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        y: {
          distr: 3, log: 10,
          range: () => values.length === 0 ? [floor, floor * 10]
            : [Math.min(floor, pow10(Math.min(...values), Math.floor)), Math.max(floor * 10, pow10(Math.max(...values), Math.ceil))],
        },
      },
      axes: [
        { label: "Pass started (your time)", stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } },
        { label: yLabel, stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid }, size: 64 },
      ],
      series: [
        {},
        { label: yLabel, stroke: accent, width: 2, spanGaps: false, points: { show: true, size: 7, fill: accent } },
      ],
    };
    return new uPlot(options, [xs, ys], element);
  }

  async function drawCharts() {
    let runs;
    try {
      runs = await json(charts.dataset.runsUrl + "?limit=100");
    } catch {
      return; // the table below holds the same numbers
    }
    const done = runs.filter(r => r.finishedAt).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    if (done.length === 0) return;
    charts.hidden = false;
    const xs = done.map(r => Date.parse(r.startedAt) / 1000);
    const records = done.map(r => {
      const total = r.streams.reduce((sum, s) => sum + s.new + s.changed + s.deleted, 0);
      return total > 0 ? total : null; // log scale: nothing written has no point
    });
    const seconds = done.map(r => Math.max(0.01, (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000));
    for (const p of plots.splice(0)) p.destroy();
    plots.push(plot(document.getElementById("chart-records"), "Records written", xs, records, 1));
    plots.push(plot(document.getElementById("chart-durations"), "Seconds", xs, seconds, 0.1));
  }

  let resizing = null;
  new ResizeObserver(() => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { for (const p of plots) p.setSize({ width: Math.max(240, p.root.parentElement.clientWidth), height: 220 }); }, 100);
  }).observe(charts);
  document.addEventListener("ashbridge:redrawn", drawCharts);
  drawCharts();
})();
