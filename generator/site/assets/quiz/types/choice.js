/* Question type: one answer (single, true/false) or several (multiple), as lettered options.
 * Each type module returns { answer, set, reset, shuffle, clear, mark, empty } for the question frame. */

const TYPES = Object.create(null);

TYPES.single = TYPES.true_false = TYPES.multiple = (q, ui, name, controls, changed) => {
  const list = h("ul", { class: "cq-options" });
  q.options.forEach((o) => {
    const input = h("input", { type: q.type === "multiple" ? "checkbox" : "radio", name, value: o.id, onchange: changed });
    list.append(h("li", { "data-option": o.id },
      h("label", {}, input, h("span", { class: "cq-letter", "aria-hidden": "true" }), richText(h("span", { class: "cq-option-text" }), o.html)),
      h("div", { class: "cq-option-feedback" })));
  });
  const relabel = () => [...list.children].forEach((li, i) => { li.querySelector(".cq-letter").textContent = letter(i); });
  relabel();
  controls.append(list);
  const inputs = () => [...list.querySelectorAll("input")];
  const chosen = (answer, id) => (Array.isArray(answer) ? answer.includes(id) : answer === id);
  return {
    empty: "choose_first",
    answer: () => (q.type === "multiple" ? inputs().filter((i) => i.checked).map((i) => i.value)
      : (inputs().find((i) => i.checked) || {}).value || null),
    set(answer) { for (const input of inputs()) input.checked = chosen(answer, input.value); },
    reset() { for (const input of inputs()) input.checked = false; },
    shuffle() { if (q.type !== "true_false") { for (const li of shuffled([...list.children])) list.append(li); relabel(); } },
    clear() {
      for (const li of list.children) li.classList.remove("cq-chosen-right", "cq-chosen-wrong", "cq-missed");
      for (const f of list.querySelectorAll(".cq-option-feedback")) f.replaceChildren();
    },
    /** Chosen options tinted right or wrong with their feedback; a right option not chosen outlined and labelled. */
    mark(answer) {
      for (const o of q.options) {
        const li = list.querySelector(`[data-option="${CSS.escape(o.id)}"]`);
        const picked = chosen(answer, o.id);
        if (!picked && !o.correct) continue;
        li.classList.add(picked ? (o.correct ? "cq-chosen-right" : "cq-chosen-wrong") : "cq-missed");
        const kind = o.correct ? "right" : "wrong";
        li.querySelector(".cq-option-feedback").append(picked ? markLine(kind, ui.your_answer, verdictWord(ui, kind)) : markLine("right", ui.right_answer),
          picked && o.feedback ? richText(h("p"), o.feedback) : "");
      }
    },
  };
};
