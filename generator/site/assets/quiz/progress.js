/* "My progress": the reader's own role first (its quiz, its checklist, its manual), then every quiz with the
 * best and the last score, all from this browser's storage. */

function mountProgress(root) {
  root.dataset.cqMounted = "";
  const data = readJson(root.closest("article") || document, "script.cq-progress-data");
  if (!isMap(data) || !isMap(data.ui) || !isMap(data.roles)) return;
  const ui = data.ui;
  const list = root.querySelector("ul");
  const status = h("p", { role: "status" });
  const role = readRole();
  const mine = role && has(data.roles, role) && isMap(data.roles[role]) ? data.roles[role] : null;
  const head = h("section", { class: "cq-my-role" });
  root.prepend(head);
  const render = () => {
    for (const link of root.querySelectorAll("a.cq-progress-link")) {
      const entry = store.quiz(link.dataset.quiz);
      const parts = entry.attempts ? [fill(ui.progress_best, { score: entry.best }), fill(ui.progress_last, { score: entry.last === null ? entry.best : entry.last }),
        entry.passed ? `✓ ${ui.progress_passed}` : ui.progress_not_passed, plural(ui, "progress_attempts", entry.attempts)] : [ui.progress_not_taken];
      let out = link.parentElement.querySelector(".cq-progress-status");
      if (!out) out = link.parentElement.appendChild(h("span", { class: "cq-progress-status" }));
      out.replaceChildren(marked(` — ${parts.join(" · ")}`));
    }
    if (!mine) {
      head.replaceChildren(h("p", {}, h("a", { href: data.home, text: ui.progress_no_role })));
      return;
    }
    const done = tasksDone(role, mine.tasks);
    const meter = h("progress", { max: String(mine.tasks.length || 1), value: String(done), "aria-hidden": "true" });
    head.replaceChildren(h("h2", { text: fill(ui.progress_role, { role: mine.name }) }),
      mine.tasks.length ? h("p", { class: "cq-checklist-progress" }, plural(ui, "progress_checklist", mine.tasks.length, { done }), " ", meter) : "",
      h("p", {}, h("a", { href: mine.manual, text: ui.progress_manual }), " · ", h("a", { href: data.home, text: ui.progress_other_role })));
    const own = mine.quiz && list && list.querySelector(`a.cq-progress-link[data-quiz="${CSS.escape(mine.quiz)}"]`);
    if (own) { list.prepend(own.closest("li")); own.closest("li").classList.add("cq-mine"); }
  };
  render();
  root.append(h("p", {}, button(ui.progress_reset, () => { store.clear(); render(); status.replaceChildren(marked(ui.progress_cleared)); }, "cq-progress-reset")), status);
}

MOUNTS.push([".cq-progress", mountProgress]);
