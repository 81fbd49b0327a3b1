// Behaviours every page shares, switched on by data attributes (docs/concepts/ui.md lists them). The hub's
// Content-Security-Policy forbids inline scripts and handlers, so markup declares and this file acts.
(function () {
  "use strict";

  // Menu button: folds the navigation on narrow screens.
  for (const toggle of document.querySelectorAll("[data-nav-toggle]")) {
    const nav = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
  }

  // form[data-confirm="Question?"]: asks in a modal dialog before submitting. data-confirm-button names the action
  // ("Delete"), data-confirm-detail says what follows. Keyboard: Esc cancels, focus starts on Cancel.
  let confirmed = null;
  function confirmDialog(form, submitter) {
    const dialog = document.createElement("dialog");
    dialog.className = "confirm";
    dialog.setAttribute("aria-labelledby", "confirm-title");
    const title = document.createElement("h2");
    title.id = "confirm-title";
    title.textContent = form.dataset.confirm;
    dialog.append(title);
    if (form.dataset.confirmDetail) {
      const detail = document.createElement("p");
      detail.textContent = form.dataset.confirmDetail;
      dialog.append(detail);
    }
    const actions = document.createElement("div");
    actions.className = "actions";
    const go = document.createElement("button");
    go.type = "button";
    go.className = form.dataset.confirmKind === "safe" ? "" : "danger solid";
    go.textContent = form.dataset.confirmButton || "Continue";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "secondary";
    cancel.textContent = "Cancel";
    actions.append(go, cancel);
    dialog.append(actions);
    document.body.append(dialog);
    cancel.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => dialog.remove());
    go.addEventListener("click", () => {
      confirmed = form;
      dialog.close();
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    });
    dialog.showModal();
    cancel.focus();
  }

  document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.dataset.confirm && confirmed !== form) {
      event.preventDefault();
      confirmDialog(form, event.submitter);
      return;
    }
    confirmed = null;
    // Busy state: the button pressed says it is working and cannot be pressed twice.
    const button = event.submitter;
    if (button instanceof HTMLButtonElement && !event.defaultPrevented) {
      if (button.dataset.busy) button.textContent = button.dataset.busy;
      button.setAttribute("aria-busy", "true");
      // Disabled after this task, or the browser would drop the button's own name/value from the submission.
      setTimeout(() => { button.disabled = true; }, 0);
    }
  });

  // Pages restored from the back/forward cache get their buttons back.
  window.addEventListener("pageshow", event => {
    if (!event.persisted) return;
    for (const b of document.querySelectorAll("button[aria-busy='true']")) { b.disabled = false; b.removeAttribute("aria-busy"); }
  });

  // select[data-navigate]: choosing an option goes to its data-url (or the value).
  document.addEventListener("change", event => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.hasAttribute("data-navigate")) return;
    const option = select.selectedOptions[0];
    if (option) location.assign(option.dataset.url || option.value);
  });

  document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    // button[data-fill-target=id][data-fill-value]: puts a suggested value into a field.
    if (button.dataset.fillTarget) {
      const field = document.getElementById(button.dataset.fillTarget);
      field.value = button.dataset.fillValue;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
    }
    // button[data-copy-target=id]: copies an element's text (or a field's value) and says so.
    if (button.dataset.copyTarget) {
      const source = document.getElementById(button.dataset.copyTarget);
      const text = "value" in source ? source.value : source.textContent.trim();
      const done = () => { announce("Copied to the clipboard."); button.dataset.copied = "true"; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, () => selectText(source));
      else selectText(source);
    }
  });

  function selectText(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    announce("Selected: press Ctrl+C to copy.");
  }

  // One polite live region for messages from scripts.
  const announcer = document.createElement("div");
  announcer.className = "sr-only";
  announcer.setAttribute("aria-live", "polite");
  announcer.id = "announcer";
  document.body.append(announcer);
  function announce(text) { announcer.textContent = text; }

  // time[datetime]: shown in the viewer's time zone, with a relative time ("3 minutes ago") unless data-format="date".
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  const steps = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  function ago(date) {
    const seconds = (date.getTime() - Date.now()) / 1000;
    for (const [unit, size] of steps) {
      if (Math.abs(seconds) >= size || unit === "second") return relative.format(Math.round(seconds / size), unit);
    }
    return "";
  }
  function localTimes(root) {
    for (const time of root.querySelectorAll("time[datetime]")) {
      const date = new Date(time.getAttribute("datetime"));
      if (isNaN(date)) continue;
      if (time.dataset.format === "date") continue;
      time.title = absolute.format(date);
      time.textContent = time.dataset.format === "absolute" ? absolute.format(date) : ago(date);
    }
  }
  localTimes(document);
  setInterval(() => localTimes(document), 30000);

  // Live regions: [data-live] elements (each with an id) are redrawn from the server when the hub's pulse changes,
  // and the navigation's counts follow it. The pulse is one small JSON answer polled every few seconds.
  const counts = document.querySelectorAll("[data-count]");
  const regions = () => document.querySelectorAll("[data-live][id]");
  // The version the page was drawn at: a change between drawing and the first beat is redrawn too.
  let version = document.body.dataset.pulseVersion || null;
  let busy = false;

  async function redraw() {
    let next;
    try {
      const response = await fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok || response.redirected) return;
      next = new DOMParser().parseFromString(await response.text(), "text/html");
    } catch {
      return; // the hub away for a moment: the next change redraws
    }
    for (const region of regions()) {
      const fresh = next.getElementById(region.id);
      if (!fresh || region.contains(document.activeElement) && document.activeElement !== document.body) continue;
      region.replaceWith(fresh);
      localTimes(fresh);
    }
    document.dispatchEvent(new CustomEvent("ashbridge:redrawn"));
  }

  // A form sent (signing out, above all) ends this page: a beat still in flight would be answered for a session that is
  // gone, so it is cut short and no new one starts. Listened to on window, after any handler that cancels the submit.
  let leaving = false;
  let inFlight = null;
  window.addEventListener("submit", e => {
    if (e.defaultPrevented) return;
    leaving = true;
    if (inFlight) inFlight.abort();
  });

  async function pulse() {
    if (busy || leaving || document.hidden) return;
    busy = true;
    inFlight = new AbortController();
    try {
      const response = await fetch("/api/pulse", { headers: { Accept: "application/json" }, credentials: "same-origin", signal: inFlight.signal });
      if (!response.ok) return;
      const state = await response.json();
      for (const count of counts) {
        const value = state.counts && state.counts[count.dataset.count] || 0;
        count.textContent = value > 0 ? String(value) : "";
        count.dataset.value = String(value);
        count.hidden = value === 0;
      }
      if (version !== null && state.version !== version && regions().length > 0) await redraw();
      version = state.version;
    } catch {
      // The hub restarting or the network away: the next beat tries again.
    } finally {
      busy = false;
      inFlight = null;
    }
  }

  // For page scripts that redraw on their own (a pass ending) and localise the times they draw.
  window.ashbridge = { redraw, localTimes };

  if (counts.length > 0 || regions().length > 0) {
    pulse();
    setInterval(pulse, Number(document.body.dataset.pulseMs || 2000));
    document.addEventListener("visibilitychange", () => { if (!document.hidden) pulse(); });
  }
})();
