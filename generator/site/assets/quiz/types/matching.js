/* Question type: match each item with one of the choices, a labelled list box per item. */

TYPES.matching = (q, ui, name, controls, changed) => {
  const table = h("div", { class: "cq-match" });
  for (const pair of q.pairs) {
    const id = `${name}-${pair.id}`;
    const select = h("select", { id, "data-pair": pair.id, onchange: changed }, h("option", { value: "", text: ui.choose }),
      ...q.choices.map((c) => h("option", { value: c.id, text: plainText(c.html) })));
    table.append(h("div", { class: "cq-pair", "data-pair": pair.id }, richText(h("label", { for: id }), pair.left), select,
      h("div", { class: "cq-option-feedback" })));
  }
  controls.append(table);
  const selects = () => [...table.querySelectorAll("select")];
  const row = (pair) => table.querySelector(`.cq-pair[data-pair="${CSS.escape(pair.id)}"]`);
  return {
    empty: "match_first",
    answer() {
      const chosen = {};
      for (const s of selects()) if (s.value) chosen[s.dataset.pair] = s.value;
      return chosen;
    },
    set(answer) {
      if (!isMap(answer)) return;
      for (const s of selects()) {
        const value = has(answer, s.dataset.pair) ? answer[s.dataset.pair] : "";
        if (q.choices.some((c) => c.id === value)) s.value = value;
      }
    },
    reset() { for (const s of selects()) s.value = ""; },
    shuffle() {},
    clear() {
      for (const pair of q.pairs) { row(pair).classList.remove("cq-chosen-right", "cq-chosen-wrong", "cq-missed"); row(pair).lastChild.replaceChildren(); }
    },
    /** Each row right, wrong or not answered, and for the latter two the right choice on a line of its own. */
    mark(answer) {
      for (const pair of q.pairs) {
        const given = answer[pair.id];
        const state = !given ? "none" : given === pair.right ? "right" : "wrong";
        row(pair).classList.add(state === "right" ? "cq-chosen-right" : state === "wrong" ? "cq-chosen-wrong" : "cq-missed");
        const out = row(pair).lastChild;
        out.append(markLine(state, verdictWord(ui, state)));
        if (state !== "right") out.append(richText(markLine("right", `${ui.right_answer}: `), q.choices.find((c) => c.id === pair.right).html));
      }
    },
  };
};
