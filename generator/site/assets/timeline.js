/* Cutover's reader's-role views — the timeline filter and the home page's "What to do now" — and the timeline filter: "Show the tasks of <role>" under each step of the timeline, mounted idempotently on
 * every page change (material's document$). The choice starts from the role whose manual the reader opened last
 * (cutover-role, kept by site.js) and becomes that role. Without JavaScript the filter stays hidden and each step's
 * details name the roles with tasks in it. */
(() => {
  "use strict";
  const ROLE = "cutover-role";

  function remembered() {
    try { const role = JSON.parse(localStorage.getItem(ROLE) || "null"); return typeof role === "string" ? role : ""; } catch (e) { return ""; }
  }

  function show(timeline, role) {
    timeline.querySelectorAll(".cutover-step__tasks").forEach((tasks) => { tasks.hidden = tasks.dataset.role !== role; });
    timeline.querySelectorAll(".cutover-step__none").forEach((none) => {
      none.hidden = !role || (none.dataset.roles || "").split(" ").includes(role);
    });
  }

  function mount(filter) {
    filter.dataset.cutoverMounted = "";
    const select = filter.querySelector("select");
    const timeline = document.querySelector(".cutover-timeline");
    if (!select || !timeline) return;
    const role = remembered();
    select.value = [...select.options].some((o) => o.value === role) ? role : "";
    show(timeline, select.value);
    select.addEventListener("change", () => {
      show(timeline, select.value);
      if (select.value) try { localStorage.setItem(ROLE, JSON.stringify(select.value)); } catch (e) { /* storage off */ }
    });
    filter.hidden = false;
  }

  /* The home page's "What to do now": the remembered role's first tasks in each phase's block. */
  function mountNow(block) {
    block.dataset.cutoverMounted = "";
    const role = remembered();
    const mine = role && [...block.querySelectorAll(".cutover-now__role")].find((el) => el.dataset.role === role);
    if (!mine) return;
    mine.hidden = false;
    const pick = block.querySelector(".cutover-now__pick");
    if (pick) pick.hidden = true;
  }

  function mountAll() {
    document.querySelectorAll(".cutover-timeline-filter:not([data-cutover-mounted])").forEach(mount);
    document.querySelectorAll(".cutover-now:not([data-cutover-mounted])").forEach(mountNow);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
