// Live progress on a connection's page: while a pass is queued or running, poll its run history and fill in the
// progress table; when the pass ends, reload so the history and the chart include it.
(function () {
  const live = document.getElementById("live");
  if (!live) return;
  const url = live.dataset.runsUrl;
  const after = Number(live.dataset.afterRun || "0");
  const waiting = live.dataset.waiting === "true";
  const body = live.querySelector("tbody");
  const state = live.querySelector("[data-state]");
  let seenRunning = false;
  let polls = 0;

  async function poll() {
    polls++;
    const response = await fetch(url + "?limit=1", { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) { state.textContent = "Progress unavailable (" + response.status + ")."; return; }
    const runs = await response.json();
    const run = runs[0];
    if (!run || run.runId <= after) {
      if (waiting && polls < 120) { state.textContent = "Queued: waiting for the pass to start…"; live.hidden = false; setTimeout(poll, 500); }
      return;
    }
    live.hidden = false;
    state.textContent = "Pass " + run.runId + " (" + run.requestedMode + "): " + run.outcome;
    body.replaceChildren(...run.streams.map(s => {
      const row = document.createElement("tr");
      for (const value of [s.stream, s.mode, s.outcome === "notRun" ? "not run" : s.outcome, s.pages, s.new, s.changed, s.deleted]) {
        const cell = document.createElement("td");
        cell.textContent = String(value);
        if (typeof value === "number") cell.className = "num";
        row.append(cell);
      }
      return row;
    }));
    if (run.outcome === "running") { seenRunning = true; setTimeout(poll, 500); }
    else if (seenRunning || waiting) { location.replace(location.pathname + "?finished=" + run.runId); }
  }

  poll();
})();
