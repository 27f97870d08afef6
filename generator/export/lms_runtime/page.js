/* Cutover LMS package, on each page: tells the player (the frame around the page) what the reader did.
 *
 * - "page": the page's title, for the player's window title;
 * - "quiz-finished": the quiz runtime's result (its cutover:quiz-finished event);
 * - "manual-end": the manual's last section came into view;
 * - "checklist-done": every task of the role checklist is ticked (site.js keeps them in localStorage under
 *   "cutover-checklist" as {role: {task: true}}).
 * Opened on its own, outside the player, the page has no one to tell and just works.
 */
(() => {
  "use strict";

  if (window.parent === window) return;
  const script = document.currentScript;
  const kind = script && script.dataset.page;
  const post = (type, detail) => {
    try { window.parent.postMessage({ cutover: "lms", type, detail: detail || {} }, "*"); } catch (e) { /* no player */ }
  };

  post("page", { title: document.title });
  document.addEventListener("cutover:quiz-finished", (event) => post("quiz-finished", event.detail));
  if (kind !== "manual") return;

  const article = document.querySelector("article") || document.body;
  const sections = [...article.querySelectorAll("h2[id]")].filter((h) => !h.closest(".cutover-feedback"));
  const last = sections[sections.length - 1];
  if (last && "IntersectionObserver" in window) {
    const watch = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      watch.disconnect();
      post("manual-end");
    });
    // Watched once the page has its full length: until the site's scripts have opened the current phase and laid
    // out the cards, the last section can sit in the first screen and would count as read.
    const start = () => requestAnimationFrame(() => requestAnimationFrame(() => watch.observe(last)));
    if (document.readyState === "complete") start(); else window.addEventListener("load", start, { once: true });
  }

  const tasks = [...article.querySelectorAll("li[data-role][data-task]")];
  const checklistDone = () => {
    let stored = {};
    try { stored = JSON.parse(localStorage.getItem("cutover-checklist") || "{}") || {}; } catch (e) { return false; }
    return tasks.every((li) => Boolean((stored[li.dataset.role] || {})[li.dataset.task]));
  };
  if (!tasks.length) return;
  let told = false;
  const tell = () => {
    if (told || !checklistDone()) return;
    told = true;
    post("checklist-done");
  };
  tell();
  // site.js stores a tick in its own change listener on the box, before this one on the document runs.
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.closest("li[data-task]")) tell();
  });
})();
