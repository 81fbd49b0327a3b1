// A batch's page: while the batch is queued or running, its progress is read from the API every second; when the run
// ends (finished or stopped) the page is drawn again with the outcomes.
(function () {
  "use strict";

  const box = document.getElementById("progress");
  if (!box) return;
  const active = state => state === "queued" || state === "running";
  if (!active(box.dataset.state)) return;

  const bar = document.getElementById("progress-bar");
  const text = document.getElementById("progress-text");
  const word = document.getElementById("state-word");

  const follow = async () => {
    let answer;
    try {
      const response = await fetch(box.dataset.api, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error("The hub answered " + response.status + ".");
      answer = await response.json();
    } catch {
      text.textContent = "Progress unavailable for now: the hub did not answer. Trying again…";
      setTimeout(follow, 5000);
      return;
    }
    const batch = answer.batch;
    bar.max = Math.max(1, batch.totalRows);
    bar.value = batch.doneRows;
    text.textContent = batch.doneRows + " of " + batch.totalRows + " rows done";
    word.textContent = batch.state;
    if (active(batch.state)) {
      setTimeout(follow, 1000);
    } else {
      window.location.reload();
    }
  };
  setTimeout(follow, 500);
})();
