/* One question on a quiz page: its frame (legend, prompt, hint), the controls of its type, and feedback a
 * learner understands at a glance: a verdict line with an icon, chosen answers tinted, the right one outlined
 * and labelled on its own line, then the explanation and where to learn more. */

function questionView(quiz, q, number, learn) {
  const ui = quiz.ui;
  const name = `cq-${quiz.id}-${q.id}`;
  const controls = h("div", { class: "cq-controls" });
  const status = h("p", { class: "cq-status", role: "status" });
  const live = h("div", { class: "cq-feedback", "aria-live": "polite" });
  const box = h("fieldset", { class: "cq-question", id: name, "data-question": q.id, "data-type": q.type, "aria-describedby": `${name}-prompt` },
    h("legend", { text: fill(ui.question_n, { n: number, total: quiz.questions.length }) }),
    richText(h("div", { class: "cq-prompt", id: `${name}-prompt` }), q.prompt), controls);
  if (q.hint) {
    const text = richText(h("p", { class: "cq-hint-text", id: `${name}-hint`, hidden: true }), q.hint);
    const toggle = h("button", { type: "button", class: "cq-hint-button cq-practice-only", "aria-expanded": "false", "aria-controls": text.id,
      text: ui.show_hint, onclick: () => { text.hidden = !text.hidden; toggle.setAttribute("aria-expanded", String(!text.hidden)); } });
    box.append(h("div", { class: "cq-hint" }, toggle, text));
  }
  box.append(status, live);
  const type = TYPES[q.type](q, ui, name, controls, () => view.changed());
  const view = {
    node: box, q, number, onchange: null, checked: false,
    answer: type.answer,
    set(answer) { if (answer != null) type.set(answer); },
    shuffleOptions: type.shuffle,
    changed() { view.clear(); if (view.onchange) view.onchange(view); },
    clear() {
      status.textContent = "";
      live.replaceChildren();
      box.classList.remove("cq-right", "cq-wrong", "cq-partly", "cq-none");
      view.checked = false;
      type.clear();
    },
    reset() { type.reset(); view.clear(); },
    /** Shows the verdict and the answer. With nothing answered it asks for an answer instead, unless `force` (exam). */
    feedback(force) {
      const answer = type.answer();
      const result = grade(q, answer);
      view.clear();
      if (!result.answered && !force) { status.replaceChildren(marked(ui[type.empty])); return null; }
      const verdict = verdictOf(result);
      box.classList.add(`cq-${verdict}`);
      type.mark(answer);
      live.append(h("p", { class: `cq-verdict cq-verdict--${verdict}` }, icon(verdict), " ", verdictWord(ui, verdict)),
        labelled("cq-explanation", ui.explanation, q.explanation));
      if (learn) live.append(h("p", {}, h("a", { href: learn.href, class: "cq-learn-link", text: `${ui.learn_more}: ${learn.text}` })));
      view.checked = true;
      return result;
    },
    focus() { (box.querySelector("input, select, li[tabindex]") || box).focus(); },
    /** "Question 3", a link that brings the learner to the question's first control. */
    link: () => h("a", { href: `#${box.id}`, text: fill(ui.question, { n: number }), onclick: (e) => { e.preventDefault(); box.scrollIntoView(); view.focus(); } }),
  };
  return view;
}
