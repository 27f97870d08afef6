/* Cutover device choice: "Show the steps for: All devices | Desktop app | Mobile app | …", mounted idempotently
 * on every page change (material's document$). The choice is kept in this browser (cutover-device) and applied on
 * every page: each set of device tabs opens the chosen device's tab and hides the others' labels; a set without a
 * tab for that device stays as it is. "All devices" shows the tabs again. Without JavaScript every tab is there. */
(() => {
  "use strict";
  const KEY = "cutover-device";

  function chosen() {
    try { const d = JSON.parse(localStorage.getItem(KEY) || "null"); return typeof d === "string" ? d : ""; } catch (e) { return ""; }
  }

  function applyTo(set, device) {
    const icon = device ? [...set.querySelectorAll(":scope > .tabbed-labels .cutover-device")].find((el) => el.dataset.device === device) : null;
    const label = icon && icon.closest("label");
    const input = label && set.querySelector(`:scope > input[id="${CSS.escape(label.htmlFor)}"]`);
    if (input) {
      input.checked = true;
      set.classList.add("cutover-one-device");
    } else {
      set.classList.remove("cutover-one-device");
    }
  }

  function apply(device) {
    document.querySelectorAll(".tabbed-set").forEach((set) => applyTo(set, device));
    document.querySelectorAll(".cutover-device-choice__option").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.device === device));
    });
  }

  function mountChoice(choice) {
    choice.dataset.cutoverMounted = "";
    choice.hidden = false;
    choice.addEventListener("click", (event) => {
      const button = event.target instanceof Element && event.target.closest(".cutover-device-choice__option");
      if (!button) return;
      try { localStorage.setItem(KEY, JSON.stringify(button.dataset.device)); } catch (e) { /* storage off: this page only */ }
      apply(button.dataset.device);
    });
  }

  function mountAll() {
    document.querySelectorAll(".cutover-device-choice:not([data-cutover-mounted])").forEach(mountChoice);
    apply(chosen());
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
