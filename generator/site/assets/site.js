/* Cutover site components: the role checklist, the reader's role, the version switch, the 404 page's language.
 * Mounted idempotently on every page change.
 * Without JavaScript a task reads "☐ task"; with it, the box is a real checkbox whose state is kept in this
 * browser, per role and task, so it survives reloads and a change of language. The role whose manual the reader
 * opened last (picking a role on the home page opens its manual) is kept too: "My progress" shows it first. */
(() => {
  "use strict";
  const KEY = "cutover-checklist";

  /** obj[key] when obj has it as its own property: a role or task id such as "constructor" never reaches Object.prototype. */
  const own = (obj, key) => (obj && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined);

  function read() {
    try {
      const data = JSON.parse(localStorage.getItem(KEY) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; }
  }

  function mountChecklist(item) {
    item.dataset.cutoverMounted = "";
    const [role, task] = [item.dataset.role, item.dataset.task];
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = own(own(read(), role), task) === true;
    box.addEventListener("change", () => {
      const data = read();
      const tasks = own(data, role);
      data[role] = Object.assign({}, tasks && typeof tasks === "object" && !Array.isArray(tasks) ? tasks : {}, { [task]: box.checked });
      try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage off: still usable */ }
    });
    const text = document.createElement("span");
    while (item.firstChild) text.append(item.firstChild);
    if (text.firstChild && text.firstChild.nodeType === Node.TEXT_NODE) text.firstChild.textContent = text.firstChild.textContent.replace(/^☐\s*/, "");
    const label = document.createElement("label");
    label.append(box, text);
    item.append(label);
  }

  /* Version selector: keep the reader on the same page (and language) in the chosen version when that page
   * exists there. material maps pages through each version's sitemap, which needs an absolute site_url; this
   * works wherever the site is hosted, at / or at a sub-path. */
  function versionRoot() {
    try { return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href); } catch (e) { return null; }
  }

  document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element && event.target.closest("a.md-version__link");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const root = versionRoot();
    if (!root || !location.pathname.startsWith(root.pathname)) return;
    event.preventDefault();
    event.stopPropagation();  // material would otherwise look for the page in a sitemap
    const same = new URL(location.pathname.slice(root.pathname.length), link.href);
    let target = link.href;
    try { if ((await fetch(same.href, { method: "HEAD" })).ok) target = same.href + location.hash; } catch (e) { /* offline: the version's home */ }
    location.href = target;
  }, true);

  function rememberRole(marker) {
    marker.dataset.cutoverMounted = "";
    try { localStorage.setItem("cutover-role", JSON.stringify(marker.dataset.role)); } catch (e) { /* storage off */ }
  }

  /* An address that does not exist in another language's folder (/de/…) gets the root 404.html from a web server,
   * which is in the default language: send the reader to that language's own 404 page, which puts the address
   * they asked for back into the address bar. */
  function notFound() {
    const asked = new URLSearchParams(location.hash.slice(1)).get("cutover-missing");
    try {  // a path of this site only: replaceState refuses another origin, and so do we
      if (asked && asked.startsWith("/") && !/^\/[\/\\]/.test(asked)) history.replaceState(null, "", asked);
    } catch (e) { /* not this site's */ }
    const mark = document.querySelector(".cutover-not-found[data-languages]");
    if (!mark) return;
    const base = new URL(mark.dataset.base || "/", location.href);
    if (!location.pathname.startsWith(base.pathname)) return;
    const lang = location.pathname.slice(base.pathname.length).split("/")[0];
    if (!mark.dataset.languages.split(" ").includes(lang)) return;
    const missing = encodeURIComponent(location.pathname + location.search);
    location.replace(new URL(`${lang}/404.html#cutover-missing=${missing}`, base).href);
  }
  notFound();

  /* "4 of 11 tasks done" above a role's checklist, kept up to date as boxes are ticked. */
  function showProgress(line) {
    const role = line.dataset.role;
    const tasks = [...document.querySelectorAll("li[data-task]")].filter((li) => li.dataset.role === role).map((li) => li.dataset.task);
    const ticked = own(read(), role);
    const done = tasks.filter((task) => own(ticked, task) === true).length;
    let forms = {};
    try { forms = JSON.parse(line.dataset.forms || "{}"); } catch (e) { /* no forms: nothing to say */ }
    const total = Number(line.dataset.total) || tasks.length;
    let category = "other";
    try { category = new Intl.PluralRules(forms.lang || line.dataset.lang).select(total); } catch (e) { /* other */ }
    const text = forms[category] || forms.other || "";
    line.textContent = text.replace("{done}", () => String(done)).replace("{count}", () => String(total));
    line.hidden = !text;
  }

  function mountProgress(line) {
    line.dataset.cutoverMounted = "";
    showProgress(line);
    document.addEventListener("change", (event) => {
      if (event.target instanceof Element && event.target.closest("li[data-task]") && line.isConnected) showProgress(line);
    });
  }

  /* A link to a task card or a phase's tasks opens it (they are collapsed details). */
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    for (let el = target; el; el = el.parentElement) if (el.tagName === "DETAILS") el.open = true;
  }
  window.addEventListener("hashchange", openTarget);

  function mountAll() {
    document.querySelectorAll("li[data-task]:not([data-cutover-mounted])").forEach(mountChecklist);
    document.querySelectorAll(".cutover-progress:not([data-cutover-mounted])").forEach(mountProgress);
    openTarget();
    document.querySelectorAll(".cutover-role-page:not([data-cutover-mounted])").forEach(rememberRole);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
