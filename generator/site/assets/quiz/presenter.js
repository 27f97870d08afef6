/* Presenter: one question per screen for a classroom projector. Everything of a question (text, lettered
 * tiles, Reveal and Next) fits the screen: type scales with the viewport and shrinks further when a question
 * is long. Hands are counted per tile and shown as bars after the reveal; the right answer is green with a
 * tick; matching is a two-column table, ordering numbered tiles; a summary ends the session. */

function present(quiz, opener) {
  const ui = quiz.ui;
  const total = quiz.questions.length;
  const tallies = quiz.questions.map((q) => (q.options ? q.options.map(() => 0) : [0, 0]));
  let index = 0;
  let revealed = false;
  const count = h("h2", { class: "cq-present-count", id: `cq-present-${quiz.id}` });
  const stage = h("div", { class: "cq-stage" });
  const nav = h("div", { class: "cq-present-nav" });
  const pbutton = (text, onclick, cls = "", disabled = false) => h("button", { type: "button", class: `cq-pbtn ${cls}`, text, onclick, disabled });
  const full = pbutton(ui.fullscreen, () => toggleFullscreen(), "cq-fullscreen");
  full.setAttribute("aria-pressed", "false");
  const dialog = h("div", { class: "cq-presenter", role: "dialog", "aria-modal": "true", "aria-labelledby": count.id, tabindex: "-1" },
    h("div", { class: "cq-present-head" }, count, h("span", { class: "cq-present-title", text: quiz.title }), full, pbutton(ui.close, () => close(), "cq-close")),
    stage,
    h("div", { class: "cq-present-foot" }, nav, h("p", { class: "cq-keys", text: ui.keys_help })));

  const hands = (i, n, label, share) => h("span", { class: "cq-tally" },
    h("button", { type: "button", "data-tally": `${i}-`, "aria-label": `${ui.remove_hand}: ${label}`, text: "−", onclick: () => tally(i, -1) }),
    h("output", { class: "cq-count", text: n ? plural(ui, "hands", n) + (share === null ? "" : ` · ${share} %`) : "" }),
    h("button", { type: "button", "data-tally": `${i}+`, "aria-label": `${ui.add_hand}: ${label}`, text: "+", onclick: () => tally(i, 1) }));
  /** A tile: its letter or number, text, the tally, and after the reveal a bar of the share of hands. */
  const tile = (i, mark, html, right, counted = true, tick = true) => {
    const counts = tallies[index];
    const sum = counts.reduce((a, b) => a + b, 0);
    const share = revealed && sum ? Math.round((100 * counts[i]) / sum) : null;
    const node = h("li", { class: `cq-tile${revealed ? (right ? " cq-tile--right" : " cq-tile--other") : ""}` },
      h("span", { class: "cq-tile-mark", text: mark }), richText(h("span", { class: "cq-tile-text" }), html),
      revealed && right && tick ? icon("right", ui.right_answer) : "", counted ? hands(i, counts[i], mark, share) : "");
    if (share !== null && counted) {
      const bar = h("span", { class: "cq-bar" }, h("span", { class: "cq-bar-fill" }));
      bar.firstChild.style.width = `${share}%`;
      node.append(bar);
    }
    return node;
  };
  const rightWrong = () => h("ol", { class: "cq-tiles cq-tiles--tally" },
    tile(0, "✓", ui.got_right, true, true, false), tile(1, "✗", ui.got_wrong, false));

  const question = (q) => {
    const parts = [richText(h("div", { class: "cq-present-prompt" }), q.prompt)];
    if (q.options) {
      parts.push(h("ol", { class: "cq-tiles" }, ...q.options.map((o, i) => tile(i, letter(i), o.html, o.correct))));
    } else if (q.items) {
      // Lettered in the order shown first, so the class can call out "C, A, D, B"; the reveal puts them in order.
      const ids = revealed ? q.items.map((x) => x.id) : q.start;
      parts.push(h("ol", { class: "cq-tiles cq-tiles--order" }, ...ids.map((id, i) => tile(i, letter(q.start.indexOf(id)),
        (revealed ? `${i + 1}. ` : "") + q.items.find((x) => x.id === id).html, revealed, false))), rightWrong());
    } else {
      const rows = revealed ? q.pairs.map((p, i) => [i, p.left, q.choices.findIndex((c) => c.id === p.right)])
        : Array.from({ length: Math.max(q.pairs.length, q.choices.length) }, (_, i) => [i, (q.pairs[i] || {}).left, i < q.choices.length ? i : -1]);
      const cells = (i, left, c) => [
        left === undefined ? h("td") : h("th", { scope: "row", text: String(i + 1) }), left === undefined ? h("td") : richText(h("td"), left),
        c < 0 ? h("td") : h("td", { class: "cq-tile-mark", text: letter(c) }),
        c < 0 ? h("td") : h("td", {}, richText(h("span"), q.choices[c].html), revealed ? icon("right", ui.right_answer) : "")];
      const table = h("table", { class: `cq-present-match${revealed ? " cq-present-match--revealed" : ""}` },
        h("tbody", {}, ...rows.map(([i, left, c]) => h("tr", {}, ...cells(i, left, c)))));
      parts.push(table, rightWrong());
    }
    if (revealed) parts.push(labelled("cq-present-explanation", ui.explanation, q.explanation));
    return parts;
  };

  const summary = () => {
    const rows = quiz.questions.map((q, i) => {
      const counts = tallies[i];
      let answer;
      let hand;
      if (q.options) {
        answer = q.options.map((o, j) => (o.correct ? letter(j) : "")).filter(Boolean).join(", ");
        hand = q.options.map((o, j) => h("span", { class: o.correct ? "cq-sum-right" : "" }, o.correct ? icon("right", ui.right_answer) : "", ` ${letter(j)}: ${counts[j]}`));
      } else {
        answer = q.items ? q.items.map((x) => letter(q.start.indexOf(x.id))).join(", ")
          : q.pairs.map((p, j) => `${j + 1} → ${letter(q.choices.findIndex((c) => c.id === p.right))}`).join(" · ");
        hand = [h("span", { class: "cq-sum-right" }, icon("right", ui.got_right), ` ${counts[0]}`), h("span", {}, icon("wrong", ui.got_wrong), ` ${counts[1]}`)];
      }
      return h("tr", {}, h("th", { scope: "row", text: String(i + 1) }), h("td", { class: "cq-sum-question" }, h("div", { text: plainText(q.prompt) })),
        h("td", { text: answer }), h("td", { class: "cq-sum-hands" }, ...hand));
    });
    return [h("table", { class: "cq-summary" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "#" }), h("th", { scope: "col", text: ui.results_question }),
        h("th", { scope: "col", text: ui.right_answer }), h("th", { scope: "col", text: ui.summary_hands }))),
      h("tbody", {}, ...rows))];
  };

  const screen = () => {
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.tally : null;
    const done = index >= total;
    count.replaceChildren(marked(done ? ui.summary : fill(ui.question_n, { n: index + 1, total })));
    stage.replaceChildren(...(done ? summary() : question(quiz.questions[index])));
    nav.replaceChildren(pbutton(ui.previous, () => go(-1), "", index === 0),
      pbutton(ui.reveal, () => reveal(), "cq-pbtn--primary cq-reveal", revealed || done),
      pbutton(index === total - 1 ? ui.summary : ui.next, () => go(1), "cq-next", done));
    fit();
    if (focused) { const again = stage.querySelector(`[data-tally="${focused}"]`); if (again) again.focus(); }
  };
  /** Shrinks the stage's type until the question fits without scrolling. */
  const fit = () => {
    let scale = 1;
    stage.style.fontSize = "";
    while (stage.scrollHeight > stage.clientHeight + 1 && scale > 0.45) {
      scale -= 0.05;
      stage.style.fontSize = `${scale}em`;
    }
  };
  const go = (delta) => { index = Math.max(0, Math.min(total, index + delta)); revealed = false; screen(); dialog.focus(); };
  const reveal = () => { if (index < total) { revealed = true; screen(); } };
  const tally = (i, delta) => {
    const counts = tallies[index];
    if (!counts || i >= counts.length) return;
    counts[i] = Math.max(0, counts[i] + delta);
    screen();
  };
  const toggleFullscreen = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (dialog.requestFullscreen) dialog.requestFullscreen().catch(() => {});
  };
  const onFullscreen = () => { full.setAttribute("aria-pressed", String(document.fullscreenElement === dialog)); fit(); };
  const onKey = (e) => {
    // Space reveals even after a hand was counted with a mouse (focus stays on that + button); Enter still presses it.
    if (e.target.tagName === "BUTTON" && (e.key === "Enter" || (e.key === " " && !e.target.dataset.tally))) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === "n") go(1);
    else if (e.key === "ArrowLeft" || e.key === "PageUp" || e.key === "p") go(-1);
    else if (e.key === " " || e.key === "r") reveal();
    else if (e.key === "f" || e.key === "F") toggleFullscreen();
    else if (e.key === "Escape") close();
    else if (/^Digit[1-9]$/.test(e.code)) tally(Number(e.code.slice(5)) - 1, e.shiftKey ? -1 : 1);
    else return;
    e.preventDefault();
  };
  const behind = [...document.body.children].filter((el) => !el.inert);
  const close = () => {
    if (document.fullscreenElement === dialog) document.exitFullscreen().catch(() => {});
    document.removeEventListener("fullscreenchange", onFullscreen);
    window.removeEventListener("resize", fit);
    for (const el of behind) el.inert = false;
    dialog.remove();
    document.documentElement.classList.remove("cq-presenting");
    if (opener) opener.focus();
  };
  dialog.addEventListener("keydown", onKey);
  document.addEventListener("fullscreenchange", onFullscreen);
  window.addEventListener("resize", fit);
  for (const el of behind) el.inert = true;
  document.documentElement.classList.add("cq-presenting");
  document.body.append(dialog);
  screen();
  dialog.focus();
}
