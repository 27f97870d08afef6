/* Cutover print component: a Print button on role manuals and quick-reference cards, mounted idempotently on
 * every page change. (material itself opens collapsed blocks while printing; print.css lays out the paper.) */
(() => {
  "use strict";

  function mountBar(bar) {
    bar.dataset.cutoverMounted = "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cutover-print-button";
    button.textContent = bar.dataset.printLabel || "Print";
    button.addEventListener("click", () => window.print());
    bar.prepend(button);
  }

  /* Paper gets the complete manual: every collapsed card, phase and answer opens for printing, and closes again. */
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("article details:not([open])")];
    opened.forEach((d) => { d.open = true; });
  });
  window.addEventListener("afterprint", () => { opened.forEach((d) => { d.open = false; }); opened = []; });

  function mountAll() {
    document.querySelectorAll(".cutover-print-bar:not([data-cutover-mounted])").forEach(mountBar);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
